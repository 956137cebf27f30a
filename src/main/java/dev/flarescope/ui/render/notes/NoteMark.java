package dev.flarescope.ui.render.notes;

import dev.flarescope.notes.Note;

/**
 * Where a note's anchor is on a canvas, worked out by the view's renderer from its own geometry: a
 * vertical line (a moment), a band (a time range, or a span or request that is not on screen), or an
 * outlined box (a span, a request's row). {@link NotePainter} draws the mark and places the label
 * near it.
 *
 * @param note   the note
 * @param kind   how the anchor is marked
 * @param x0     left edge (the line's x for {@link Kind#LINE}), canvas pixels, may lie off the canvas
 * @param x1     right edge ({@code == x0} for a line)
 * @param top    top of the mark
 * @param bottom bottom of the mark
 */
public record NoteMark(Note note, Kind kind, double x0, double x1, double top, double bottom) {
    /** How an anchor is marked. */
    public enum Kind {
        /** A vertical line across the area, with a flag on the ruler. */
        LINE,
        /** A translucent band with edge lines. */
        BAND,
        /** An outline around a box (a span); the label goes above it, or below. */
        OUTLINE,
        /** An outline around a row of a list (a request); the label goes beside it on the same row. */
        ROW
    }

    /** The middle of the mark along x. */
    public double midX() {
        return (x0 + x1) / 2;
    }
}
