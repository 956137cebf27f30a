package dev.flarescope.analysis.anomaly;

import java.util.Arrays;

/**
 * Detects values of one quantity that fall into two groups a unit conversion apart: sorted, they split
 * at an empty band at least {@code minGap} wide, each group has at least {@code minCluster} values,
 * and the groups' medians are about 1000× (or 1,000,000×) apart, within half a decade.
 */
record UnitSplit(int lowCount, double lowMedian, int highCount, double highMedian, double gap) {

    double ratio() {
        return highMedian / lowMedian;
    }

    /** The split of {@code values} (positive ones are used), or null when they do not look mixed. */
    static UnitSplit find(double[] values, int minCluster, double minGap) {
        return find(values, 0, values.length, minCluster, minGap);
    }

    /** {@link #find(double[], int, double)} of {@code values[from, to)}, which it does not change. */
    static UnitSplit find(double[] all, int from, int to, int minCluster, double minGap) {
        if (minGap > 1 && !mayHaveGap(all, from, to, minGap)) {
            return null; // the common case, settled without sorting or copying hundreds of thousands of durations
        }
        double[] v = Arrays.stream(all, from, to).filter(x -> x > 0 && Double.isFinite(x)).sorted().toArray();
        int n = v.length;
        int min = Math.max(1, minCluster);
        if (n < 2 * min) {
            return null;
        }
        int split = -1;
        double gap = 0;
        for (int k = min; k <= n - min; k++) {
            double g = v[k] / v[k - 1];
            if (g > gap) {
                gap = g;
                split = k;
            }
        }
        if (gap < minGap) {
            return null;
        }
        double low = median(v, 0, split);
        double high = median(v, split, n);
        double decades = Math.log10(high / low);
        if (Math.abs(decades - 3) > 0.5 && Math.abs(decades - 6) > 0.5) {
            return null;
        }
        return new UnitSplit(split, low, n - split, high, gap);
    }

    /**
     * False when no two neighbouring positive values can be {@code minGap} or more apart, decided in
     * one pass without sorting. The range of their logarithms is cut into bands of width a little under
     * half of {@code log(minGap)}: a gap at least {@code minGap} wide holds a whole band with no value in
     * it, so when every band between the smallest and the largest value holds one, there is no such gap.
     * True means only that a gap may exist.
     */
    static boolean mayHaveGap(double[] values, double minGap) {
        return mayHaveGap(values, 0, values.length, minGap);
    }

    /** {@link #mayHaveGap(double[], double)} of {@code values[from, to)}. */
    static boolean mayHaveGap(double[] values, int from, int to, double minGap) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (int i = from; i < to; i++) {
            double x = values[i];
            if (x > 0 && Double.isFinite(x)) {
                lo = Math.min(lo, x);
                hi = Math.max(hi, x);
            }
        }
        if (!(hi > lo)) {
            return false;
        }
        double band = Math.log(minGap) / 2.01;
        double logLo = Math.log(lo);
        double span = Math.floor((Math.log(hi) - logLo) / band) + 1;
        if (span < 3) {
            return false; // the whole range is narrower than minGap
        }
        if (span > 1 << 20) {
            return true; // a minGap barely above 1: too many bands to be cheaper than sorting
        }
        int bands = (int) span;
        boolean[] held = new boolean[bands];
        for (int i = from; i < to; i++) {
            double x = values[i];
            if (x > 0 && Double.isFinite(x)) {
                held[Math.min(bands - 1, (int) ((Math.log(x) - logLo) / band))] = true;
            }
        }
        for (boolean h : held) {
            if (!h) {
                return true;
            }
        }
        return false;
    }

    /** Lower median of the sorted range {@code [from, to)}. */
    private static double median(double[] sorted, int from, int to) {
        return sorted[from + (to - from - 1) / 2];
    }
}
