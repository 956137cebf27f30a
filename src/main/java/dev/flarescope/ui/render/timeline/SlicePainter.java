package dev.flarescope.ui.render.timeline;

import dev.flarescope.model.SpanTable;
import dev.flarescope.model.Trace;
import dev.flarescope.ui.render.Palette;
import dev.flarescope.ui.viewmodel.SpanRow;
import dev.flarescope.ui.viewmodel.TimeScale;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Stop;
import javafx.scene.text.TextAlignment;

/**
 * Draws one row of slices through {@link LodWalker}: slices snapped to whole pixels and coloured by name,
 * labelled when wide enough, overlap-lane slices hatched and outlined, unfinished slices fading out at
 * their right edge, and sub-pixel runs as single blocks. With a search active, slices (and blocks) with
 * no match are washed out.
 *
 * <p>Touching plain rectangles of one colour are coalesced into one fill before they reach the canvas:
 * the pixels are the same, and a dense row at low zoom costs the software pipeline a few long fills
 * instead of hundreds of short ones.
 */
final class SlicePainter implements LodWalker.Sink {
    /** Narrowest slice that gets a label. */
    private static final double LABEL_MIN_PX = 22;
    private static final double HATCH_STEP = 6;
    private static final Color DIM_TEXT = Color.rgb(120, 124, 130);
    private static final Color OVERLAP_TEXT = Color.rgb(30, 32, 36);

    /** Which row positions match the search. */
    interface RowMatches {
        boolean any(int fromPos, int toPos);
    }

    private final Trace trace;
    private final SpanColors colors;
    private final TextFitter text;

    private GraphicsContext g;
    private SpanRow row;
    private SliceAttributes attrs;
    private RowMatches matches;
    private double y;
    private double h;
    private double left;
    private double right;
    private Color pendingColor;
    private double pendingX0;
    private double pendingX1;

    SlicePainter(Trace trace, SpanColors colors, TextFitter text) {
        this.trace = trace;
        this.colors = colors;
        this.text = text;
    }

    /** Draws {@code row} in the band [y, y + h) between the scale's x0 and its right edge. */
    void paint(GraphicsContext gc, SpanRow r, SliceAttributes a, RowMatches m, double top, double height,
               TimeScale scale) {
        this.g = gc;
        this.row = r;
        this.attrs = a;
        this.matches = m;
        this.y = top;
        this.h = height;
        this.left = scale.x0();
        this.right = scale.x0() + scale.width();
        LodWalker.walk(r, scale, this);
        flush();
    }

    @Override
    public void slice(int pos, double x0, double x1) {
        double cx0 = Math.max(x0, left - 1);
        double cx1 = Math.min(x1, right + 1);
        if (cx1 <= cx0) {
            return;
        }
        double px0 = Math.round(cx0);
        double w = Math.max(1, Math.round(cx1) - px0);
        int i = row.index(pos);
        boolean dim = matches != null && !matches.any(pos, pos + 1);
        Color c = colors.of(attrs.name(i), attrs.cname(i), dim);
        byte flags = attrs.flags(i);
        // a one-pixel gap between neighbours keeps adjacent slices of one colour apart
        double fw = w >= 4 ? w - 1 : w;
        if ((flags & SpanTable.OVERLAP) != 0) {
            flush();
            overlapSlice(c, px0, fw);
        } else if ((flags & SpanTable.UNFINISHED) != 0 && x1 <= right + 1) {
            flush();
            unfinishedSlice(c, px0, fw);
        } else {
            fill(c, px0, px0 + fw);
        }
        if (fw >= LABEL_MIN_PX) {
            flush();
            // an overlap slice is mostly background showing through its hatching: dark text reads there
            Color ink = dim ? DIM_TEXT : (flags & SpanTable.OVERLAP) != 0 ? OVERLAP_TEXT : Palette.textOn(c);
            label(trace.string(attrs.name(i)), ink, Math.max(px0, left), Math.min(px0 + fw, right));
        }
    }

    @Override
    public void block(int fromPos, int toPos, double x0, double x1) {
        double cx0 = Math.max(x0, left - 1);
        double cx1 = Math.min(x1, right + 1);
        if (cx1 <= cx0) {
            return;
        }
        double px0 = Math.floor(cx0);
        double w = Math.max(1, Math.ceil(cx1) - px0);
        int i = row.index(fromPos);
        boolean dim = matches != null && !matches.any(fromPos, toPos);
        fill(colors.of(attrs.name(i), attrs.cname(i), dim), px0, px0 + w);
    }

    /** Queues a plain rectangle, merging it into the queued one when they touch and share a colour. */
    private void fill(Color c, double x0, double x1) {
        if (c == pendingColor && x0 <= pendingX1) {
            pendingX1 = Math.max(pendingX1, x1);
            return;
        }
        flush();
        pendingColor = c;
        pendingX0 = x0;
        pendingX1 = x1;
    }

    private void flush() {
        if (pendingColor != null) {
            g.setFill(pendingColor);
            g.fillRect(pendingX0, y, pendingX1 - pendingX0, h);
            pendingColor = null;
        }
    }

    private void overlapSlice(Color c, double x, double w) {
        g.setFill(c.deriveColor(0, 1, 1, 0.45));
        g.fillRect(x, y, w, h);
        Color edge = c.deriveColor(0, 1.1, 0.7, 1);
        g.setStroke(edge);
        g.setLineWidth(1);
        if (w >= 4) {
            // 45-degree hatching clipped by hand to the slice (a clip per slice is slow)
            for (double d = x - h; d < x + w; d += HATCH_STEP) {
                double u0 = Math.max(0, x - d);
                double u1 = Math.min(h, x + w - d);
                if (u0 < u1) {
                    g.strokeLine(d + u0, y + h - u0, d + u1, y + h - u1);
                }
            }
            g.strokeRect(x + 0.5, y + 0.5, w - 1, h - 1);
        }
    }

    private void unfinishedSlice(Color c, double x, double w) {
        double fade = Math.min(w, Math.max(24, w * 0.25));
        g.setFill(c);
        g.fillRect(x, y, w - fade, h);
        g.setFill(new LinearGradient(x + w - fade, 0, x + w, 0, false, CycleMethod.NO_CYCLE,
                new Stop(0, c), new Stop(1, c.deriveColor(0, 1, 1, 0))));
        g.fillRect(x + w - fade, y, fade, h);
    }

    private void label(String name, Color ink, double from, double to) {
        String s = text.fit(name, to - from - 6);
        if (s == null) {
            return;
        }
        g.setFill(ink);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(s, (from + to) / 2, y + h / 2);
    }
}
