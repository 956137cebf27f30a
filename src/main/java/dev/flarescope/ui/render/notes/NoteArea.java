package dev.flarescope.ui.render.notes;

/**
 * The part of a canvas where notes are drawn and their labels must stay: the tracks or rows area, right
 * of the label column.
 */
public record NoteArea(double left, double top, double right, double bottom) {
    public double width() {
        return Math.max(0, right - left);
    }

    public double height() {
        return Math.max(0, bottom - top);
    }

    /** {@code v} moved into [lo, hi] (lo wins when the range is empty). */
    static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
