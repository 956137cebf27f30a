package dev.flarescope.model;

import java.util.Arrays;

/** A growable {@code long[]}; the model's builders keep columns in these until they are frozen. */
public final class LongList {
    private long[] a;
    private int size;

    public LongList() {
        this(16);
    }

    public LongList(int capacity) {
        a = new long[Math.max(4, capacity)];
    }

    public void add(long v) {
        if (size == a.length) {
            grow();
        }
        a[size++] = v; // the growing kept out of line: this stays small enough for the C1 compiler to inline
    }

    private void grow() {
        a = Arrays.copyOf(a, a.length + (a.length >> 1) + 1);
    }

    public long get(int i) {
        return a[i];
    }

    public void set(int i, long v) {
        a[i] = v;
    }

    public int size() {
        return size;
    }

    /** Removes and returns the last element. */
    public long removeLast() {
        return a[--size];
    }

    public void clear() {
        size = 0;
    }

    /** The backing array (length may exceed size). */
    public long[] raw() {
        return a;
    }

    public long[] toArray() {
        return Arrays.copyOf(a, size);
    }
}
