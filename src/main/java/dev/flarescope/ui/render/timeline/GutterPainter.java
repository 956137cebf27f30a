package dev.flarescope.ui.render.timeline;

import static dev.flarescope.ui.render.timeline.TimelineGeometry.GUTTER;

import dev.flarescope.model.CounterTrack;
import dev.flarescope.model.Trace;
import dev.flarescope.ui.viewmodel.TimelineLayout;
import dev.flarescope.ui.viewmodel.TrackModel;
import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * The label column left of the tracks: process headers with a collapse arrow, their name and pid, and
 * indented thread, async and counter labels (counters with their maximum).
 */
final class GutterPainter {
    static final Color HEADER_BG = Color.rgb(236, 240, 245);
    private static final Color GUTTER_BG = Color.rgb(250, 251, 252);
    private static final Color BORDER = Color.rgb(214, 218, 224);
    private static final Color TEXT = Color.rgb(38, 42, 48);
    private static final Color MUTED = Color.rgb(110, 116, 126);
    private static final double INDENT = 24;

    private final Font font;
    private final Font bold;
    private final TextFitter fitter;
    private final double[] xs = new double[3];
    private final double[] ys = new double[3];

    GutterPainter(Font font, Font bold, TextFitter fitter) {
        this.font = font;
        this.bold = bold;
        this.fitter = fitter;
    }

    void paint(GraphicsContext g, Trace trace, TimelineLayout layout, TrackModel t, double y) {
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        if (t.kind() == TrackModel.Kind.PROCESS) {
            g.setFill(HEADER_BG);
            g.fillRect(0, y, GUTTER, t.height());
            arrow(g, 12, y + t.height() / 2, layout.isCollapsed(t.process()));
            g.setFill(TEXT);
            g.setFont(bold);
            text(g, t.label(), INDENT, y + t.height() / 2, GUTTER - INDENT - 14);
        } else {
            g.setFill(GUTTER_BG);
            g.fillRect(0, y, GUTTER, t.height());
            double mid = y + Math.min(t.height(), TimelineLayout.ROW + 2 * TimelineLayout.TRACK_PAD) / 2;
            g.setFont(font);
            g.setFill(t.kind() == TrackModel.Kind.ASYNC ? MUTED : TEXT);
            String label = t.kind() == TrackModel.Kind.ASYNC ? t.label() + " (async)" : t.label();
            text(g, label, INDENT, mid, GUTTER - INDENT - 8);
            if (t.kind() == TrackModel.Kind.COUNTER) {
                CounterTrack c = trace.processes().get(t.process()).counters().get(t.index());
                g.setFill(MUTED);
                text(g, "max " + number(c.max()), INDENT, mid + 14, GUTTER - INDENT - 8);
            }
        }
        g.setFill(BORDER);
        g.fillRect(GUTTER - 1, y, 1, t.height());
    }

    private void text(GraphicsContext g, String s, double x, double y, double max) {
        String fitted = fitter.fit(s, max);
        if (fitted != null) {
            g.fillText(fitted, x, y);
        }
    }

    private void arrow(GraphicsContext g, double cx, double cy, boolean collapsed) {
        if (collapsed) {
            xs[0] = cx - 3;
            ys[0] = cy - 5;
            xs[1] = cx - 3;
            ys[1] = cy + 5;
            xs[2] = cx + 4;
            ys[2] = cy;
        } else {
            xs[0] = cx - 5;
            ys[0] = cy - 3;
            xs[1] = cx + 5;
            ys[1] = cy - 3;
            xs[2] = cx;
            ys[2] = cy + 4;
        }
        g.setFill(MUTED);
        g.fillPolygon(xs, ys, 3);
    }

    static String number(double v) {
        double a = Math.abs(v);
        if (a != 0 && (a >= 1e6 || a < 1e-2)) {
            return String.format(Locale.ROOT, "%.3g", v);
        }
        return a == Math.rint(a) ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
