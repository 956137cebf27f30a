package dev.flarescope.model;

import java.util.Arrays;

/**
 * Interns strings to dense int ids. Lookups from a {@code char[]} slice do not allocate when the string
 * is already known, which is the common case for event names and categories while parsing.
 *
 * <p>Not thread-safe: each parsing thread owns a pool, and {@link #remapInto} folds it into the trace's
 * pool when inputs are merged. Id 0 is always the empty string.
 */
public final class StringPool {
    private String[] values = new String[64];
    private int[] hashes = new int[64];
    private int size;
    /** Open-addressing table of id+1 (0 = empty slot). */
    private int[] table = new int[128];

    public StringPool() {
        intern("");
    }

    public int size() {
        return size;
    }

    public String get(int id) {
        return id < 0 ? null : values[id];
    }

    public int intern(String s) {
        int h = hash(s);
        int mask = table.length - 1;
        for (int i = h & mask; ; i = (i + 1) & mask) {
            int slot = table[i];
            if (slot == 0) {
                return add(s, h, i);
            }
            int id = slot - 1;
            if (hashes[id] == h && values[id].equals(s)) {
                return id;
            }
        }
    }

    public int intern(char[] buf, int off, int len) {
        int h = 0;
        for (int k = 0; k < len; k++) {
            h = 31 * h + buf[off + k];
        }
        h = spread(h);
        int mask = table.length - 1;
        for (int i = h & mask; ; i = (i + 1) & mask) {
            int slot = table[i];
            if (slot == 0) {
                return add(new String(buf, off, len), h, i);
            }
            int id = slot - 1;
            if (hashes[id] == h && equals(values[id], buf, off, len)) {
                return id;
            }
        }
    }

    /** Returns the id of {@code s} or -1 when it was never interned. */
    public int find(String s) {
        int h = hash(s);
        int mask = table.length - 1;
        for (int i = h & mask; ; i = (i + 1) & mask) {
            int slot = table[i];
            if (slot == 0) {
                return -1;
            }
            int id = slot - 1;
            if (hashes[id] == h && values[id].equals(s)) {
                return id;
            }
        }
    }

    /** Interns every string of {@code other} here and returns the id map old -> new. */
    public int[] remapInto(StringPool other) {
        int[] map = new int[other.size];
        for (int i = 0; i < other.size; i++) {
            map[i] = intern(other.values[i]);
        }
        return map;
    }

    private int add(String s, int h, int slotIndex) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
            hashes = Arrays.copyOf(hashes, size * 2);
        }
        int id = size++;
        values[id] = s;
        hashes[id] = h;
        table[slotIndex] = id + 1;
        if (size * 2 > table.length) {
            rehash();
        }
        return id;
    }

    private void rehash() {
        int[] t = new int[table.length * 2];
        int mask = t.length - 1;
        for (int id = 0; id < size; id++) {
            int i = hashes[id] & mask;
            while (t[i] != 0) {
                i = (i + 1) & mask;
            }
            t[i] = id + 1;
        }
        table = t;
    }

    private static boolean equals(String s, char[] buf, int off, int len) {
        if (s.length() != len) {
            return false;
        }
        for (int k = 0; k < len; k++) {
            if (s.charAt(k) != buf[off + k]) {
                return false;
            }
        }
        return true;
    }

    private static int hash(String s) {
        return spread(s.hashCode());
    }

    private static int spread(int h) {
        return h ^ (h >>> 16) ^ (h >>> 7);
    }
}
