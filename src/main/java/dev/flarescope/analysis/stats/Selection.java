package dev.flarescope.analysis.stats;

import java.util.Arrays;

/**
 * Order statistics without a full sort: {@link #select} puts the k-th smallest value of a range at
 * index k, with nothing larger before it and nothing smaller after it (Hoare's quickselect with a
 * median-of-three pivot; a range that keeps partitioning badly is sorted instead, so the worst case
 * stays n log n). Three percentiles of a million durations cost three linear passes instead of a sort.
 */
final class Selection {
    /** Below this length a range is simply sorted. */
    private static final int SMALL = 32;

    private Selection() {
    }

    /**
     * Rearranges {@code a[from..to)} so that {@code a[k]} holds the value a sort would put there, every
     * value in {@code a[from..k)} is at most it and every value in {@code a(k..to)} at least it.
     */
    static void select(long[] a, int from, int to, int k) {
        if (k < from || k >= to) {
            throw new IndexOutOfBoundsException(k + " outside [" + from + ", " + to + ")");
        }
        int lo = from;
        int hi = to - 1;
        // each round should at least halve the range on average; allow twice the expected rounds
        int rounds = 2 * (32 - Integer.numberOfLeadingZeros(Math.max(1, to - from)));
        while (hi - lo + 1 > SMALL) {
            if (rounds-- == 0) {
                Arrays.sort(a, lo, hi + 1);
                return;
            }
            long pivot = medianOfThree(a[lo], a[lo + (hi - lo) / 2], a[hi]);
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    long t = a[i];
                    a[i] = a[j];
                    a[j] = t;
                    i++;
                    j--;
                }
            }
            // now a[lo..j] <= pivot <= a[i..hi], and a(j..i) == pivot
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return;
            }
        }
        Arrays.sort(a, lo, hi + 1);
    }

    private static long medianOfThree(long x, long y, long z) {
        return Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));
    }
}
