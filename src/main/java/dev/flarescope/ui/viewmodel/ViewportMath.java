package dev.flarescope.ui.viewmodel;

/**
 * Navigation arithmetic for the timeline (zoom about a point, pan, fit a span), always kept inside the
 * trace's bounds and never narrower than {@link #MIN_WIDTH_NS}, so no key or wheel sequence can lose the
 * trace off screen.
 */
public final class ViewportMath {
    /** Narrowest viewport: tens of nanoseconds are below any tracer's resolution. */
    public static final long MIN_WIDTH_NS = 50;

    private ViewportMath() {
    }

    /** Scales {@code v} by {@code factor} (< 1 zooms in) keeping {@code anchor} at the same screen position. */
    public static TimeRange zoom(TimeRange v, double factor, long anchor, TimeRange bounds) {
        double w = Math.max(MIN_WIDTH_NS, v.duration() * factor);
        double frac = v.duration() == 0 ? 0.5 : (anchor - v.start()) / (double) v.duration();
        long s = Math.round(anchor - frac * w);
        return clamp(new TimeRange(s, s + Math.round(w)), bounds);
    }

    /** Moves {@code v} by {@code delta} ns, stopping at the bounds. */
    public static TimeRange pan(TimeRange v, long delta, TimeRange bounds) {
        return clamp(v.shift(delta), bounds);
    }

    /** Keeps the width of {@code v} and centres it on {@code t}. */
    public static TimeRange centreOn(TimeRange v, long t, TimeRange bounds) {
        long s = t - v.duration() / 2;
        return clamp(new TimeRange(s, s + v.duration()), bounds);
    }

    /** A viewport showing [start, end) with a margin of {@code margin} of its width on either side. */
    public static TimeRange fit(long start, long end, double margin, TimeRange bounds) {
        long w = Math.max(MIN_WIDTH_NS, end - start);
        long pad = Math.round(w * margin);
        long mid = start + (end - start) / 2;
        long half = w / 2 + pad;
        return clamp(new TimeRange(mid - half, mid + half), bounds);
    }

    /** {@code v} inside {@code bounds}, at least {@link #MIN_WIDTH_NS} wide (or the bounds when narrower). */
    public static TimeRange clamp(TimeRange v, TimeRange bounds) {
        long w = Math.max(v.duration(), Math.min(MIN_WIDTH_NS, bounds.duration()));
        if (w >= bounds.duration()) {
            return bounds;
        }
        long s = Math.max(bounds.start(), Math.min(v.start(), bounds.end() - w));
        return new TimeRange(s, s + w);
    }
}
