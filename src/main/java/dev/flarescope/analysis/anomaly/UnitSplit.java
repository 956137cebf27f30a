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
        double[] v = Arrays.stream(values).filter(x -> x > 0 && Double.isFinite(x)).sorted().toArray();
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

    /** Lower median of the sorted range {@code [from, to)}. */
    private static double median(double[] sorted, int from, int to) {
        return sorted[from + (to - from - 1) / 2];
    }
}
