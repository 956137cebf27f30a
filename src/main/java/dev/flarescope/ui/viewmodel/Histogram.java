package dev.flarescope.ui.viewmodel;

import dev.flarescope.analysis.requests.Percentiles;
import java.util.Arrays;

/**
 * A distribution of one request number (TTFT, inter-token latency, decode speed) as bins of equal
 * width, with its nearest-rank p50, p90 and p99 ({@link Percentiles}, the definition the rest of the
 * app uses).
 *
 * <p>When the values are all positive and span two orders of magnitude or more, the bins are of equal
 * width in log space: a run whose decode speeds are 20 tok/s but for a few at 20,000 tok/s must show
 * both clusters, not one bar at zero and a lonely one at the far right.
 *
 * @param counts values per bin, left to right
 * @param min    lower edge of the first bin
 * @param max    upper edge of the last bin
 * @param log    true when bins are equal in log space
 */
public record Histogram(int[] counts, double min, double max, boolean log, int n, double p50, double p90,
                        double p99) {
    /** Values spanning at least this ratio get logarithmic bins. */
    static final double LOG_RATIO = 100;

    public static final Histogram EMPTY = new Histogram(new int[0], Double.NaN, Double.NaN, false, 0, Double.NaN,
            Double.NaN, Double.NaN);

    /** The histogram of the finite values in {@code values} in {@code bins} bins. */
    public static Histogram of(double[] values, int bins) {
        double[] v = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        if (v.length == 0 || bins < 1) {
            return EMPTY;
        }
        double lo = v[0];
        double hi = v[v.length - 1];
        boolean log = lo > 0 && hi / lo >= LOG_RATIO;
        int[] counts = new int[bins];
        for (double x : v) {
            counts[bin(x, lo, hi, log, bins)]++;
        }
        return new Histogram(counts, lo, hi, log, v.length, Percentiles.nearestRank(v, 50),
                Percentiles.nearestRank(v, 90), Percentiles.nearestRank(v, 99));
    }

    public int bins() {
        return counts.length;
    }

    public boolean isEmpty() {
        return n == 0;
    }

    /** The largest bin count (the height the drawing scales to). */
    public int maxCount() {
        return Arrays.stream(counts).max().orElse(0);
    }

    /** Where {@code x} sits between min (0) and max (1), on the histogram's scale. */
    public double fraction(double x) {
        if (isEmpty() || max == min) {
            return 0.5;
        }
        double f = log ? Math.log(x / min) / Math.log(max / min) : (x - min) / (max - min);
        return Math.max(0, Math.min(1, f));
    }

    private static int bin(double x, double lo, double hi, boolean log, int bins) {
        if (hi == lo) {
            return bins / 2;
        }
        double f = log ? Math.log(x / lo) / Math.log(hi / lo) : (x - lo) / (hi - lo);
        return Math.min(bins - 1, (int) (f * bins));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Histogram h && Arrays.equals(counts, h.counts) && Double.compare(min, h.min) == 0
                && Double.compare(max, h.max) == 0 && log == h.log && n == h.n;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(counts) * 31 + n;
    }

    @Override
    public String toString() {
        return "Histogram[n=" + n + ", " + min + ".." + max + (log ? " log" : "") + ", " + Arrays.toString(counts) + "]";
    }
}
