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
        if (n == 0) {
            return new int[0];
        }
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        boolean sorted = true;
        for (int i = 0; i < n; i++) {
            long s = start[i];
            min = Math.min(min, s);
            max = Math.max(max, s);
            if (sorted && i > 0 && (start[i - 1] > s || dur != null && start[i - 1] == s && dur[i - 1] < dur[i])) {
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
                int c = Long.compare(start[a], start[b]);
                return c != 0 || dur == null ? c : Long.compare(dur[b], dur[a]);
            });
        }
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            keys[i] = ((start[i] - min) << idxBits) | i;
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
            if (i == n || start[idx[i]] != start[idx[runStart]]) {
                for (int a = runStart + 1; a < i; a++) {
                    int v = idx[a];
                    int b = a - 1;
                    while (b >= runStart && dur[idx[b]] < dur[v]) {
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
