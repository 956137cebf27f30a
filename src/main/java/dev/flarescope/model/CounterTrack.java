package dev.flarescope.model;

/** One counter series of a process ({@code C} events: one series per args key), sorted by time. */
public final class CounterTrack {
    private final String name;
    private final long[] ts;
    private final double[] values;
    private final double min;
    private final double max;

    public CounterTrack(String name, long[] ts, double[] values) {
        this.name = name;
        this.ts = ts;
        this.values = values;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        this.min = values.length == 0 ? 0 : lo;
        this.max = values.length == 0 ? 0 : hi;
    }

    /** Display name: the event name, and the args key unless it is "value". */
    public String name() {
        return name;
    }

    public int size() {
        return ts.length;
    }

    public long ts(int i) {
        return ts[i];
    }

    public double value(int i) {
        return values[i];
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    /** Index of the last sample at or before {@code t}, or -1. */
    public int indexAt(long t) {
        int lo = 0;
        int hi = ts.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ts[mid] <= t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo - 1;
    }
}
