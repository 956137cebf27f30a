package dev.flarescope.model;

/**
 * Stable sorts of index permutations over primitive columns, without boxing. Trace data is usually
 * nearly sorted already, so each sort first checks for order and returns the identity in one pass.
 */
public final class Sorting {
    private Sorting() {
    }

    /** Compares two row indices. */
    @FunctionalInterface
    public interface IndexComparator {
        int compare(int a, int b);
    }

    /**
     * Index of the first of the first {@code n} values of {@code sorted} (ascending) that is at or after
     * {@code t}, or {@code n}: where the rows of a table sorted by time that start at {@code t} begin.
     */
    public static int firstAtOrAfter(long[] sorted, int n, long t) {
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Stable order of {@code n} rows by {@code keys} ascending (see {@link #spanOrder} for how). */
    public static int[] stableOrder(long[] keys, int n) {
        return spanOrder(keys, null, n);
    }

    /** Stable order of {@code n} rows by a comparator; ties keep input order. */
    public static int[] stableOrder(int n, IndexComparator cmp) {
        int[] idx = new int[n];
        boolean sorted = true;
        for (int i = 0; i < n; i++) {
            idx[i] = i;
            if (sorted && i > 0 && cmp.compare(i - 1, i) > 0) {
                sorted = false;
            }
        }
        if (!sorted) {
            int[] tmp = new int[n];
            mergeSort(idx, tmp, 0, n, cmp);
        }
        return idx;
    }

    private static void mergeSort(int[] a, int[] tmp, int lo, int hi, IndexComparator cmp) {
        if (hi - lo <= 24) {
            for (int i = lo + 1; i < hi; i++) {
                int v = a[i];
                int j = i - 1;
                while (j >= lo && cmp.compare(a[j], v) > 0) {
                    a[j + 1] = a[j];
                    j--;
                }
                a[j + 1] = v;
            }
            return;
        }
        int mid = (lo + hi) >>> 1;
        mergeSort(a, tmp, lo, mid, cmp);
        mergeSort(a, tmp, mid, hi, cmp);
        if (cmp.compare(a[mid - 1], a[mid]) <= 0) {
            return;
        }
        System.arraycopy(a, lo, tmp, lo, hi - lo);
        int i = lo;
        int j = mid;
        for (int k = lo; k < hi; k++) {
            if (i < mid && (j >= hi || cmp.compare(tmp[i], tmp[j]) <= 0)) {
                a[k] = tmp[i++];
            } else {
                a[k] = tmp[j++];
            }
        }
    }

    /**
     * Order of spans by start ascending, then duration descending (a parent before the children that
     * start with it), ties in input order. When start offsets and row indices fit together in 63 bits
     * (traces shorter than about 2^(63 - log2 n) ns: hours for millions of spans) this packs them into
     * one long per row and uses the primitive sort; otherwise it falls back to the stable merge sort.
     * With {@code dur} null, rows are ordered by start alone.
     */
    public static int[] spanOrder(long[] start, long[] dur, int n) {
        return spanOrder(start, dur, 0, n);
    }

    /**
     * {@link #spanOrder(long[], long[], int)} of the {@code n} rows from {@code from}; the result holds
     * offsets from {@code from}.
     */
    public static int[] spanOrder(long[] start, long[] dur, int from, int n) {
        if (n == 0) {
            return new int[0];
        }
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        boolean sorted = true;
        for (int i = from; i < from + n; i++) {
            long s = start[i];
            min = Math.min(min, s);
            max = Math.max(max, s);
            if (sorted && i > from && (start[i - 1] > s || dur != null && start[i - 1] == s && dur[i - 1] < dur[i])) {
                sorted = false;
            }
        }
        if (sorted) {
            int[] idx = new int[n];
            for (int i = 0; i < n; i++) {
                idx[i] = i;
            }
            return idx;
        }
        int idxBits = 64 - Long.numberOfLeadingZeros(n - 1L);
        long range = max - min;
        if (range < 0 || 64 - Long.numberOfLeadingZeros(range) + idxBits > 63) {
            return stableOrder(n, (a, b) -> {
                int c = Long.compare(start[from + a], start[from + b]);
                return c != 0 || dur == null ? c : Long.compare(dur[from + b], dur[from + a]);
            });
        }
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            keys[i] = ((start[from + i] - min) << idxBits) | i;
        }
        java.util.Arrays.sort(keys);
        long mask = (1L << idxBits) - 1;
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = (int) (keys[i] & mask);
        }
        if (dur == null) {
            return idx;
        }
        // runs of equal start: longer first, stable (insertion sort; runs are short)
        int runStart = 0;
        for (int i = 1; i <= n; i++) {
            if (i == n || start[from + idx[i]] != start[from + idx[runStart]]) {
                for (int a = runStart + 1; a < i; a++) {
                    int v = idx[a];
                    int b = a - 1;
                    while (b >= runStart && dur[from + idx[b]] < dur[from + v]) {
                        idx[b + 1] = idx[b];
                        b--;
                    }
                    idx[b + 1] = v;
                }
                runStart = i;
            }
        }
        return idx;
    }

    /**
     * Merges runs of row indices into one {@link #spanOrder}: {@code order[bounds[r]..bounds[r+1])} is
     * run r, each already in that order and holding rows above those of the runs before it (as when
     * each run is the span order of one consecutive block of rows). The result is what
     * {@code spanOrder} of all rows gives; when the runs already follow each other in order it is
     * {@code order} itself, else {@code order} may have been written over. Runs are merged pairwise,
     * so the cost is n log(runs) at worst.
     */
    public static int[] mergeRuns(int[] order, int[] bounds, int runs, long[] start, long[] dur) {
        int n = bounds[runs];
        boolean inOrder = true;
        for (int r = 1; r < runs && inOrder; r++) {
            int lo = bounds[r];
            if (lo > 0 && lo < n && !before(order[lo - 1], order[lo], start, dur)) {
                inOrder = false;
            }
        }
        if (inOrder) {
            return order;
        }
        int[] a = order;
        int[] b = new int[n];
        for (int width = 1; width < runs; width *= 2) {
            for (int r = 0; r < runs; r += 2 * width) {
                int lo = bounds[r];
                int mid = bounds[Math.min(r + width, runs)];
                int hi = bounds[Math.min(r + 2 * width, runs)];
                if (lo == mid || mid == hi || before(a[mid - 1], a[mid], start, dur)) {
                    System.arraycopy(a, lo, b, lo, hi - lo);
                    continue;
                }
                int i = lo;
                int j = mid;
                for (int k = lo; k < hi; k++) {
                    if (j >= hi || i < mid && before(a[i], a[j], start, dur)) {
                        b[k] = a[i++];
                    } else {
                        b[k] = a[j++];
                    }
                }
            }
            int[] t = a;
            a = b;
            b = t;
        }
        return a;
    }

    /** Span order of rows x and y: start, then longer first, then row index. */
    private static boolean before(int x, int y, long[] start, long[] dur) {
        long sx = start[x];
        long sy = start[y];
        if (sx != sy) {
            return sx < sy;
        }
        long dx = dur[x];
        long dy = dur[y];
        return dx != dy ? dx > dy : x < y;
    }

    public static long[] permute(long[] src, int[] order) {
        long[] out = new long[order.length];
        for (int i = 0; i < order.length; i++) {
            out[i] = src[order[i]];
        }
        return out;
    }

    public static int[] permute(int[] src, int[] order) {
        int[] out = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            out[i] = src[order[i]];
        }
        return out;
    }

    public static double[] permute(double[] src, int[] order) {
        double[] out = new double[order.length];
        for (int i = 0; i < order.length; i++) {
            out[i] = src[order[i]];
        }
        return out;
    }
}
