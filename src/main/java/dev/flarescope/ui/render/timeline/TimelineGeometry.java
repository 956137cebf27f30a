package dev.flarescope.ui.render.timeline;

import dev.flarescope.ui.viewmodel.TimeRange;
import dev.flarescope.ui.viewmodel.TimeScale;

/**
 * Where the parts of the timeline sit on the canvas, shared by the renderer and the view's mouse
 * handling: the mini-map on top, the time ruler below it, then the tracks; a label column (gutter) on
 * the left of all three.
 */
public final class TimelineGeometry {
    public static final double GUTTER = 220;
    public static final double MINIMAP = 40;
    public static final double RULER = 26;
    /** Top of the tracks area. */
    public static final double TRACKS_TOP = MINIMAP + RULER;

    private TimelineGeometry() {
    }

    /** Time to x for the tracks and the ruler of a canvas {@code width} wide. */
    public static TimeScale tracksScale(TimeRange viewport, double width) {
        return new TimeScale(viewport, GUTTER, Math.max(1, width - GUTTER));
    }

    /** Time to x for the mini-map, which always shows the whole trace. */
    public static TimeScale minimapScale(TimeRange bounds, double width) {
        return new TimeScale(bounds, GUTTER, Math.max(1, width - GUTTER));
    }

    /** Height of the visible part of the tracks area. */
    public static double tracksHeight(double canvasHeight) {
        return Math.max(0, canvasHeight - TRACKS_TOP);
    }
}
