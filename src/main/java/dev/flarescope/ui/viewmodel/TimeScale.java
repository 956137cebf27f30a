package dev.flarescope.ui.viewmodel;

/**
 * Maps trace time to horizontal pixels for one frame: the viewport's start sits at {@code x0} and its end
 * at {@code x0 + width}. Shared by drawing and hit-testing so both agree to the pixel.
 */
public record TimeScale(TimeRange viewport, double x0, double width) {

    /** Pixels per nanosecond. */
    public double pxPerNs() {
        return width / viewport.duration();
    }

    public double x(long t) {
        return x0 + (t - viewport.start()) * pxPerNs();
    }

    /** The time under pixel {@code x} (not clamped to the viewport). */
    public long time(double x) {
        return viewport.start() + Math.round((x - x0) / pxPerNs());
    }

    /** Nanoseconds covered by {@code px} pixels. */
    public long nanos(double px) {
        return Math.round(px / pxPerNs());
    }
}
