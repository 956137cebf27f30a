package dev.flarescope.model;

import java.util.Arrays;

/** A growable {@code double[]}; the model's builders keep columns in these until they are frozen. */
public final class DoubleList {
    private double[] a;
    private int size;

    public DoubleList() {
        this(16);
    }

    public DoubleList(int capacity) {
        a = new double[Math.max(4, capacity)];
    }

    public void add(double v) {
        if (size == a.length) {
            grow();
        }
        a[size++] = v; // the growing kept out of line: this stays small enough for the C1 compiler to inline
    }

    private void grow() {
        a = Arrays.copyOf(a, a.length + (a.length >> 1) + 1);
    }

    public double get(int i) {
        return a[i];
    }

    public void set(int i, double v) {
        a[i] = v;
    }

    public int size() {
        return size;
    }

    /** Removes and returns the last element. */
    public double removeLast() {
        return a[--size];
    }

    public void clear() {
        size = 0;
    }

    /** The backing array (length may exceed size). */
    public double[] raw() {
        return a;
    }

    public double[] toArray() {
        return Arrays.copyOf(a, size);
    }
}
