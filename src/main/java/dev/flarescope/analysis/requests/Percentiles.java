package dev.flarescope.analysis.requests;

/**
 * Nearest-rank percentiles, the definition the span statistics use too: with {@code n} values sorted
 * ascending, the p-th percentile is the value at 1-based rank {@code ceil(p / 100 * n)}. It is always
 * an observed value, never an interpolation.
 */
public final class Percentiles {
    private Percentiles() {
    }

    /** The p-th percentile (0 < p <= 100) of {@code sorted}, or NaN when it is empty. */
    public static double nearestRank(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(1, Math.min(sorted.length, rank)) - 1];
    }
}
