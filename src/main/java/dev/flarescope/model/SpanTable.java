package dev.flarescope.model;

/**
 * The spans of one thread as parallel arrays, sorted by start (ties: longer first, so a parent precedes
 * its children). {@code depth} is the row a span is drawn on; {@code parent} is the index of the
 * enclosing span or -1. Spans that overlap without nesting (async code on one thread id) are placed in
 * extra lanes below the properly nested ones and carry {@link #OVERLAP}; their parent is the innermost
 * properly nested span that contains them, or -1.
 *
 * <p>Rows are non-overlapping by construction, so each row, taken in index order, is sorted by both
 * start and end: {@link #rows()} lets views binary-search the visible range of a row.
 */
public final class SpanTable {
    /** Span came from a B/E pair rather than an X event. */
    public static final byte FROM_BEGIN_END = 1;
    /** A B with no matching E: the span is drawn to the end of its thread's data. */
    public static final byte UNFINISHED = 2;
    /** Overlaps a sibling without nesting; placed on an extra lane. */
    public static final byte OVERLAP = 4;
    /** The source gave a negative duration; stored as zero. */
    public static final byte NEGATIVE = 8;

    public static final SpanTable EMPTY = new SpanTable(0, new long[0], new long[0], new int[0], new int[0],
            new int[0], new int[0], new int[0], new byte[0], null);

    private final int size;
    private final long[] start;
    private final long[] dur;
    private final int[] name;
    private final int[] cat;
    private final int[] depth;
    private final int[] parent;
    private final int[] args;
    private final byte[] flags;
    private final int[] cname;
    private final int maxDepth;
    /** True when some span sits on an extra lane: then the spans containing a time need not be one chain. */
    private final boolean overlaps;
    private volatile int[][] rows;

    public SpanTable(int size, long[] start, long[] dur, int[] name, int[] cat, int[] depth, int[] parent,
                     int[] args, byte[] flags, int[] cname) {
        this.size = size;
        this.start = start;
        this.dur = dur;
        this.name = name;
        this.cat = cat;
        this.depth = depth;
        this.parent = parent;
        this.args = args;
        this.flags = flags;
        this.cname = cname;
        int m = -1;
        boolean o = false;
        for (int i = 0; i < size; i++) {
            m = Math.max(m, depth[i]);
            o |= (flags[i] & OVERLAP) != 0;
        }
        this.maxDepth = m;
        this.overlaps = o;
    }

    public int size() {
        return size;
    }

    public long start(int i) {
        return start[i];
    }

    public long dur(int i) {
        return dur[i];
    }

    public long end(int i) {
        return start[i] + dur[i];
    }

    public int name(int i) {
        return name[i];
    }

    public int cat(int i) {
        return cat[i];
    }

    public int depth(int i) {
        return depth[i];
    }

    public int parent(int i) {
        return parent[i];
    }

    public int args(int i) {
        return args[i];
    }

    public byte flags(int i) {
        return flags[i];
    }

    public boolean hasFlag(int i, byte flag) {
        return (flags[i] & flag) != 0;
    }

    /** Colour name id ({@code cname}) or -1. */
    public int cname(int i) {
        return cname == null ? -1 : cname[i];
    }

    /** Deepest row in use, or -1 when empty. */
    public int maxDepth() {
        return maxDepth;
    }

    /** Self time: duration minus the durations of direct children. */
    public long selfTime(int i) {
        long self = dur[i];
        long end = start[i] + dur[i];
        // children start inside their parent and spans are sorted by start, so the scan stops at its end
        for (int j = i + 1; j < size && start[j] < end; j++) {
            if (parent[j] == i) {
                self -= dur[j];
            }
        }
        return Math.max(0, self);
    }

    /** For each row, the indices of its spans in start order. Built once, on first use. */
    public int[][] rows() {
        int[][] r = rows;
        if (r == null) {
            int[] counts = new int[maxDepth + 1];
            for (int i = 0; i < size; i++) {
                counts[depth[i]]++;
            }
            r = new int[maxDepth + 1][];
            for (int d = 0; d <= maxDepth; d++) {
                r[d] = new int[counts[d]];
            }
            int[] fill = new int[maxDepth + 1];
            for (int i = 0; i < size; i++) {
                int d = depth[i];
                r[d][fill[d]++] = i;
            }
            rows = r;
        }
        return r;
    }

    /** Index in {@code row} of the first span that ends after {@code t}, or row.length. */
    public int firstEndingAfter(int[] row, long t) {
        int lo = 0;
        int hi = row.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (end(row[mid]) <= t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Index of the first span starting at or after {@code t} (spans are sorted by start), or {@link #size()}. */
    public int firstStartingAtOrAfter(long t) {
        return Sorting.firstAtOrAfter(start, size, t);
    }

    /** The deepest span containing {@code t} (start <= t < end, or a zero-length span at t), or -1. */
    public int deepestAt(long t) {
        if (!overlaps) {
            // properly nested: every span containing t contains the last span that starts at or before t
            // (or is it), so the deepest is the first of that span and its ancestors to reach past t
            int after = t == Long.MAX_VALUE ? size : firstStartingAtOrAfter(t + 1);
            for (int i = after - 1; i >= 0; i = parent[i]) {
                if (t < end(i)) {
                    return i;
                }
                if (dur[i] == 0 && start[i] == t) {
                    // zero-length siblings at t (they never nest in each other): the first of them
                    while (i > 0 && start[i - 1] == t && dur[i - 1] == 0 && depth[i - 1] == depth[i]) {
                        i--;
                    }
                    return i;
                }
            }
            return -1;
        }
        int[][] r = rows();
        for (int d = r.length - 1; d >= 0; d--) {
            int[] row = r[d];
            int k = firstEndingAfter(row, t - 1);
            while (k < row.length && start[row[k]] <= t) {
                int i = row[k];
                if (start[i] <= t && (t < end(i) || (dur[i] == 0 && start[i] == t))) {
                    return i;
                }
                k++;
            }
        }
        return -1;
    }
}
