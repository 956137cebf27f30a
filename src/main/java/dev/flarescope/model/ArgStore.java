package dev.flarescope.model;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An append-only arena for event {@code args}, kept as compact UTF-8 JSON text and parsed only when a
 * view asks for them. A reference is an int: page index in the high 11 bits, offset in the low 20.
 * Pages are 1 MiB; an entry larger than that gets a page of its own. Entries are length-prefixed
 * (unsigned LEB128 varint).
 *
 * <p>Stores made by parallel readers are concatenated with {@link #appendPages}, which shifts their
 * references by a page base ({@link #rebase}).
 */
public final class ArgStore {
    public static final int NONE = -1;
    static final int PAGE_BITS = 20;
    static final int PAGE_SIZE = 1 << PAGE_BITS;
    static final int OFFSET_MASK = PAGE_SIZE - 1;
    /** Page indexes must fit in 11 bits so that references stay non-negative ints. */
    public static final int MAX_PAGES = 1 << (31 - PAGE_BITS);

    private final List<byte[]> pages = new ArrayList<>();
    private byte[] current;
    private int pos;
    private long bytes;
    private long dropped;

    /**
     * Appends one entry and returns its reference, or {@link #NONE} when the store is full (the caller
     * counts the loss; it never happens below 2 GiB of args).
     */
    public int add(byte[] src, int off, int len) {
        int need = len + varintSize(len);
        if (current == null || pos + need > current.length) {
            if (pages.size() >= MAX_PAGES) {
                dropped++;
                return NONE;
            }
            current = new byte[Math.max(PAGE_SIZE, need)];
            pages.add(current);
            pos = 0;
        }
        int ref = ((pages.size() - 1) << PAGE_BITS) | pos;
        int v = len;
        while ((v & ~0x7F) != 0) {
            current[pos++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        current[pos++] = (byte) v;
        System.arraycopy(src, off, current, pos, len);
        pos += len;
        bytes += need;
        if (current.length > PAGE_SIZE) {
            current = null; // an oversized entry owns its page
        }
        return ref;
    }

    public int add(String json) {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        return add(b, 0, b.length);
    }

    /** Removes the entry {@code ref} if it is the last one added (a reader stored args a phase turned out not to need). */
    public void removeLast(int ref) {
        if (ref == NONE || current == null) {
            return;
        }
        int page = ref >>> PAGE_BITS;
        if (page == pages.size() - 1) {
            int off = ref & OFFSET_MASK;
            bytes -= pos - off;
            pos = off;
        }
    }

    /** The entry's JSON text, or null for {@link #NONE}. */
    public String getString(int ref) {
        if (ref == NONE) {
            return null;
        }
        byte[] page = page(ref);
        int len = length(page, ref & OFFSET_MASK);
        return new String(page, textStart(ref & OFFSET_MASK, len), len, StandardCharsets.UTF_8);
    }

    /** Reads an entry's JSON text where it lies, without copying or decoding it. */
    @FunctionalInterface
    public interface TextReader<T> {
        /** {@code buf[off, off + len)} is the entry's UTF-8 JSON text; the bytes must not be changed or kept. */
        T read(byte[] buf, int off, int len);
    }

    /** What {@code reader} makes of the entry's JSON text, or null for {@link #NONE}. */
    public <T> T read(int ref, TextReader<T> reader) {
        if (ref == NONE) {
            return null;
        }
        byte[] page = page(ref);
        int len = length(page, ref & OFFSET_MASK);
        return reader.read(page, textStart(ref & OFFSET_MASK, len), len);
    }

    /**
     * True when the entry's JSON text contains one of {@code needles} (UTF-8 bytes), without decoding it:
     * a cheap filter before parsing args for a few keys across millions of spans.
     */
    public boolean containsAny(int ref, byte[]... needles) {
        if (ref == NONE) {
            return false;
        }
        byte[] page = page(ref);
        int len = length(page, ref & OFFSET_MASK);
        int p = textStart(ref & OFFSET_MASK, len);
        int end = p + len;
        for (byte[] needle : needles) {
            byte first = needle[0];
            int last = end - needle.length;
            outer:
            for (int i = p; i <= last; i++) {
                if (page[i] != first) {
                    continue;
                }
                for (int k = 1; k < needle.length; k++) {
                    if (page[i + k] != needle[k]) {
                        continue outer;
                    }
                }
                return true;
            }
        }
        return false;
    }

    /** Length in bytes of the entry's JSON text, 0 for {@link #NONE}. */
    public int length(int ref) {
        return ref == NONE ? 0 : length(page(ref), ref & OFFSET_MASK);
    }

    private byte[] page(int ref) {
        return pages.get(ref >>> PAGE_BITS);
    }

    /** The varint length prefix of the entry at {@code offset}. */
    private static int length(byte[] page, int offset) {
        int len = 0;
        int shift = 0;
        byte b;
        do {
            b = page[offset++];
            len |= (b & 0x7F) << shift;
            shift += 7;
        } while ((b & 0x80) != 0);
        return len;
    }

    /** Where the text of an entry at {@code offset} with text length {@code len} begins. */
    private static int textStart(int offset, int len) {
        return offset + varintSize(len);
    }

    /** Number of pages; the base to pass to {@link #rebase} for references of a store appended next. */
    public int pageCount() {
        return pages.size();
    }

    /**
     * Adds all pages of {@code other} to the end of this store, sharing them, and returns their page
     * base. {@code other} keeps its pages and may go on appending after its last entry (a live trace
     * is assembled again and again from the chunks it is still filling); entries never move, so the
     * references this store hands out stay valid.
     */
    public int appendPages(ArgStore other) {
        int base = pages.size();
        if (base + other.pages.size() > MAX_PAGES) {
            throw new IllegalStateException("args exceed " + MAX_PAGES + " MiB");
        }
        pages.addAll(other.pages);
        bytes += other.bytes;
        dropped += other.dropped;
        current = null; // never append into a page owned by another store's layout
        return base;
    }

    public static int rebase(int ref, int pageBase) {
        return ref == NONE ? NONE : ref + (pageBase << PAGE_BITS);
    }

    public long bytes() {
        return bytes;
    }

    public long dropped() {
        return dropped;
    }

    private static int varintSize(int v) {
        int n = 1;
        while ((v & ~0x7F) != 0) {
            v >>>= 7;
            n++;
        }
        return n;
    }
}
