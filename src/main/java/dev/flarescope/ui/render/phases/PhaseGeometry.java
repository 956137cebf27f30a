package dev.flarescope.ui.render.phases;

import dev.flarescope.ui.viewmodel.TimeRange;
import dev.flarescope.ui.viewmodel.TimeScale;

/**
 * Where the parts of the phase timeline sit, shared by the renderer and the view's mouse handling: a
 * ruler on top; below it one row per request with the request's label on the left, its phases along
 * time in the middle and its numbers in columns on the right.
 */
public final class PhaseGeometry {
    public static final double GUTTER = 210;
    public static final double RULER = 28;
    public static final double ROW = 24;
    /** Widths of the number columns: TTFT, E2E, prefill, decode, tokens in and out. */
    static final double[] COLUMNS = {70, 70, 78, 78, 84};
    public static final double NUMBERS = sum(COLUMNS) + 10;

    private PhaseGeometry() {
    }

    /** Time to x for the phase area of a canvas {@code width} wide. */
    public static TimeScale scale(TimeRange viewport, double width) {
        return new TimeScale(viewport, GUTTER, Math.max(1, width - GUTTER - NUMBERS));
    }

    /** The row under canvas y, or -1 above the rows (the row may not exist). */
    public static int rowAt(double y, double scrollY) {
        return y < RULER ? -1 : (int) ((y - RULER + scrollY) / ROW);
    }

    /** Canvas y of the top of row {@code i}. */
    public static double rowTop(int i, double scrollY) {
        return RULER + i * ROW - scrollY;
    }

    /** Height of all rows. */
    public static double contentHeight(int rows) {
        return rows * ROW;
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s;
    }
}
