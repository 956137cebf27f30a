package dev.flarescope.ui.viewmodel;

/** A half-open time interval [start, end) in trace nanoseconds. */
public record TimeRange(long start, long end) {
    public TimeRange {
        if (end < start) {
            throw new IllegalArgumentException("end " + end + " before start " + start);
        }
    }

    public long duration() {
        return end - start;
    }

    public boolean contains(long t) {
        return t >= start && t < end;
    }

    public boolean overlaps(long s, long e) {
        return s < end && e > start;
    }

    /** The range scaled by {@code factor} around {@code anchor} (factor < 1 zooms in), at least 1 ns wide. */
    public TimeRange zoom(double factor, long anchor) {
        double s = anchor - (anchor - start) * factor;
        double e = anchor + (end - anchor) * factor;
        long ns = Math.round(s);
        long ne = Math.max(ns + 1, Math.round(e));
        return new TimeRange(ns, ne);
    }

    /** The range moved by {@code delta} ns. */
    public TimeRange shift(long delta) {
        return new TimeRange(start + delta, end + delta);
    }

    /** The range clamped into {@code bounds}, keeping its width when it fits. */
    public TimeRange clampTo(TimeRange bounds) {
        long w = Math.min(duration(), bounds.duration());
        long s = Math.max(bounds.start, Math.min(start, bounds.end - w));
        return new TimeRange(s, s + Math.max(1, w));
    }
}
