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

    /** Stable order of {@code n} rows by {@code keys} ascending. */
    public static int[] stableOrder(long[] keys, int n) {
        return stableOrder(n, (a, b) -> Long.compare(keys[a], keys[b]));
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
