package dev.flarescope.model;

import java.util.Arrays;

/** A growable {@code int[]}; the model's builders keep columns in these until they are frozen. */
public final class IntList {
    private int[] a;
    private int size;

    public IntList() {
        this(16);
    }

    public IntList(int capacity) {
        a = new int[Math.max(4, capacity)];
    }

    public void add(int v) {
        if (size == a.length) {
            grow();
        }
        a[size++] = v; // the growing kept out of line: this stays small enough for the C1 compiler to inline
    }

    private void grow() {
        a = Arrays.copyOf(a, a.length + (a.length >> 1) + 1);
    }

    public int get(int i) {
        return a[i];
    }

    public void set(int i, int v) {
        a[i] = v;
    }

    public int size() {
        return size;
    }

    /** Removes and returns the last element. */
    public int removeLast() {
        return a[--size];
    }

    public void clear() {
        size = 0;
    }

    /** The backing array (length may exceed size). */
    public int[] raw() {
        return a;
    }

    public int[] toArray() {
        return Arrays.copyOf(a, size);
    }
}
