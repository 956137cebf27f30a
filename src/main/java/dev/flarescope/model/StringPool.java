package dev.flarescope.model;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Interns strings to dense int ids. Lookups from a {@code char[]} slice or a UTF-8 {@code byte[]} slice
 * do not allocate when the string is already known, which is the common case for event names and
 * categories while parsing.
 *
 * <p>Not thread-safe: each parsing thread owns a pool, and {@link #remapInto} folds it into the trace's
 * pool when inputs are merged. Id 0 is always the empty string.
 */
public final class StringPool {
    private String[] values = new String[64];
    /** The bytes of each ASCII value (null for others), so that byte lookups compare with a vectorised equals. */
    private byte[][] asciiValues = new byte[64][];
    private int[] hashes = new int[64];
    private int size;
    /** Open-addressing table of id+1 (0 = empty slot). */
    private int[] table = new int[128];
    /** UTF-16 units of the last non-ASCII byte slice looked up, reused so that lookups do not allocate. */
    private char[] decoded = new char[64];

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

    /**
     * Interns the UTF-8 text {@code buf[off, off + len)}; the id is that of
     * {@code intern(new String(buf, off, len, UTF_8))}, but a known string costs no allocation: ASCII
     * text is hashed and compared byte by byte, other text is decoded into a reused buffer first. Only
     * ill-formed UTF-8 (which parsers reject before it gets here) is decoded through a new String.
     */
    public int intern(byte[] buf, int off, int len) {
        int h = 0;
        int end = off + len;
        for (int k = off; k < end; k++) {
            byte b = buf[k];
            if (b < 0) {
                return internUtf8(buf, off, len);
            }
            h = 31 * h + b;
        }
        h = spread(h);
        int mask = table.length - 1;
        for (int i = h & mask; ; i = (i + 1) & mask) {
            int slot = table[i];
            if (slot == 0) {
                return add(new String(buf, off, len, StandardCharsets.US_ASCII), h, i);
            }
            int id = slot - 1;
            byte[] known = asciiValues[id];
            if (hashes[id] == h && known != null && Arrays.equals(known, 0, known.length, buf, off, end)) {
                return id;
            }
        }
    }

    private int internUtf8(byte[] buf, int off, int len) {
        if (decoded.length < len) {
            decoded = new char[Math.max(len, decoded.length * 2)];
        }
        int n = decodeUtf8(buf, off, off + len, decoded);
        return n < 0 ? intern(new String(buf, off, len, StandardCharsets.UTF_8)) : intern(decoded, 0, n);
    }

    /**
     * Decodes well-formed UTF-8 into {@code out} (which holds at least as many chars as there are
     * bytes) and returns the number of chars, or -1 at the first ill-formed sequence.
     */
    private static int decodeUtf8(byte[] b, int from, int to, char[] out) {
        int n = 0;
        int i = from;
        while (i < to) {
            int c = b[i++];
            if (c >= 0) {
                out[n++] = (char) c;
                continue;
            }
            c &= 0xff;
            int need;
            int min;
            if (c >= 0xC2 && c <= 0xDF) {
                need = 1;
                min = 0x80;
                c &= 0x1F;
            } else if (c >= 0xE0 && c <= 0xEF) {
                need = 2;
                min = 0x800;
                c &= 0x0F;
            } else if (c >= 0xF0 && c <= 0xF4) {
                need = 3;
                min = 0x10000;
                c &= 0x07;
            } else {
                return -1;
            }
            if (i + need > to) {
                return -1;
            }
            for (int k = 0; k < need; k++) {
                int cont = b[i++];
                if ((cont & 0xC0) != 0x80) {
                    return -1;
                }
                c = (c << 6) | (cont & 0x3F);
            }
            if (c < min || c > Character.MAX_CODE_POINT || (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE)) {
                return -1;
            }
            if (c >= 0x10000) {
                out[n++] = Character.highSurrogate(c);
                out[n++] = Character.lowSurrogate(c);
            } else {
                out[n++] = (char) c;
            }
        }
        return n;
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
            asciiValues = Arrays.copyOf(asciiValues, size * 2);
            hashes = Arrays.copyOf(hashes, size * 2);
        }
        int id = size++;
        values[id] = s;
        asciiValues[id] = asciiBytes(s);
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

    /** The bytes of {@code s} when it is ASCII, else null. */
    private static byte[] asciiBytes(String s) {
        for (int k = 0; k < s.length(); k++) {
            if (s.charAt(k) >= 0x80) {
                return null;
            }
        }
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static int hash(String s) {
        return spread(s.hashCode());
    }

    private static int spread(int h) {
        return h ^ (h >>> 16) ^ (h >>> 7);
    }
}
