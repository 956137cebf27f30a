package dev.flarescope.ui.render.timeline;

import static dev.flarescope.ui.render.timeline.TimelineGeometry.GUTTER;
import static dev.flarescope.ui.render.timeline.TimelineGeometry.MINIMAP;
import static dev.flarescope.ui.render.timeline.TimelineGeometry.RULER;
import static dev.flarescope.ui.render.timeline.TimelineGeometry.TRACKS_TOP;

import dev.flarescope.ui.viewmodel.RulerTicks;
import dev.flarescope.ui.viewmodel.TimeFormat;
import dev.flarescope.ui.viewmodel.TimeRange;
import dev.flarescope.ui.viewmodel.TimeScale;
import dev.flarescope.ui.viewmodel.TraceDensity;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * The mini-map (busyness of the whole trace with the viewport outlined), the time ruler (1-2-5 ticks,
 * labels relative to the trace start), the grid lines the ticks cast over the tracks, and the time
 * selection band with its duration.
 */
final class RulerPainter {
    static final double MIN_TICK_SPACING = 96;
    private static final Color MINIMAP_BG = Color.rgb(244, 246, 249);
    private static final Color DENSITY = Color.rgb(118, 140, 170);
    private static final Color VIEWPORT = Color.rgb(25, 103, 210);
    private static final Color OUTSIDE = Color.rgb(30, 40, 60, 0.10);
    private static final Color GRID = Color.rgb(0, 0, 0, 0.06);
    private static final Color TICK = Color.rgb(120, 126, 136);
    private static final Color TEXT = Color.rgb(60, 64, 72);
    private static final Color SELECTION = Color.rgb(25, 103, 210, 0.10);
    private static final Color SELECTION_EDGE = Color.rgb(25, 103, 210, 0.75);

    private final Font font;
    private final Font bold;

    RulerPainter(Font font, Font bold) {
        this.font = font;
        this.bold = bold;
    }

    /** Vertical grid lines over the tracks area, under the tracks' content. */
    void paintGrid(GraphicsContext g, RulerTicks ticks, TimeScale scale, double height) {
        g.setFill(GRID);
        for (long t = ticks.first(); t <= scale.viewport().end(); t += ticks.step()) {
            g.fillRect(Math.round(scale.x(t)), TRACKS_TOP, 1, height - TRACKS_TOP);
        }
    }

    void paintRuler(GraphicsContext g, RulerTicks ticks, TimeScale scale, double width) {
        double top = MINIMAP;
        g.setFill(Color.WHITE);
        g.fillRect(0, top, width, RULER);
        g.setFill(Color.rgb(214, 218, 224));
        g.fillRect(0, top + RULER - 1, width, 1);
        g.setFont(font);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        long minor = ticks.step() % 5 == 0 ? ticks.step() / 5 : ticks.step() / 2;
        long v0 = scale.viewport().start();
        long firstMinor = ticks.first() - (ticks.first() - v0) / Math.max(1, minor) * minor;
        g.setFill(TICK);
        if (minor > 0) {
            for (long t = firstMinor; t <= scale.viewport().end(); t += minor) {
                g.fillRect(Math.round(scale.x(t)), top + RULER - 5, 1, 4);
            }
        }
        for (long t = ticks.first(); t <= scale.viewport().end(); t += ticks.step()) {
            double x = Math.round(scale.x(t));
            g.setFill(TICK);
            g.fillRect(x, top + 4, 1, RULER - 5);
            g.setFill(TEXT);
            g.fillText(ticks.label(t), x + 4, top + RULER / 2 - 2);
        }
        gutterBox(g, top, RULER);
        g.setFill(TEXT);
        g.setFont(font);
        g.fillText("Visible " + TimeFormat.duration(scale.viewport().duration()), 10, top + RULER / 2);
    }

    void paintMinimap(GraphicsContext g, TraceDensity density, TimeScale scale, TimeRange viewport,
                      TimeRange selection, double width) {
        g.setFill(MINIMAP_BG);
        g.fillRect(0, 0, width, MINIMAP);
        double left = scale.x0();
        double w = scale.width();
        double floor = MINIMAP - 4;
        double span = MINIMAP - 10;
        if (density != null && density.bins() > 0) {
            int n = density.bins();
            double[] xs = new double[2 * n + 2];
            double[] ys = new double[2 * n + 2];
            for (int k = 0; k < n; k++) {
                double y = floor - density.level(k) * span;
                xs[2 * k] = left + w * k / n;
                xs[2 * k + 1] = left + w * (k + 1) / n;
                ys[2 * k] = y;
                ys[2 * k + 1] = y;
            }
            xs[2 * n] = left + w;
            ys[2 * n] = floor;
            xs[2 * n + 1] = left;
            ys[2 * n + 1] = floor;
            g.setFill(DENSITY);
            g.fillPolygon(xs, ys, xs.length);
        }
        if (selection != null) {
            double s0 = scale.x(selection.start());
            double s1 = Math.max(s0 + 1, scale.x(selection.end()));
            g.setFill(SELECTION_EDGE.deriveColor(0, 1, 1, 0.35));
            g.fillRect(s0, 2, s1 - s0, MINIMAP - 4);
        }
        double v0 = Math.max(left, scale.x(viewport.start()));
        double v1 = Math.min(left + w, Math.max(v0 + 2, scale.x(viewport.end())));
        g.setFill(OUTSIDE);
        g.fillRect(left, 0, v0 - left, MINIMAP);
        g.fillRect(v1, 0, left + w - v1, MINIMAP);
        g.setStroke(VIEWPORT);
        g.setLineWidth(1.5);
        g.strokeRect(v0 + 0.75, 1.75, Math.max(1, v1 - v0 - 1.5), MINIMAP - 3.5);
        g.setFill(Color.rgb(214, 218, 224));
        g.fillRect(0, MINIMAP - 1, width, 1);
        gutterBox(g, 0, MINIMAP);
        g.setFill(TEXT);
        g.setFont(bold);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText("Overview", 10, MINIMAP / 2 - 7);
        g.setFont(font);
        g.fillText("Trace " + TimeFormat.duration(scale.viewport().duration()), 10, MINIMAP / 2 + 8);
    }

    /** The shaded band of a time selection over the tracks and its duration in the ruler. */
    void paintSelection(GraphicsContext g, TimeRange sel, TimeScale scale, double height) {
        double left = scale.x0();
        double right = left + scale.width();
        double x0 = scale.x(sel.start());
        double x1 = scale.x(sel.end());
        if (x1 < left || x0 > right) {
            return;
        }
        double cx0 = Math.max(left, x0);
        double cx1 = Math.min(right, Math.max(x1, x0 + 1));
        g.setFill(SELECTION);
        g.fillRect(cx0, MINIMAP, cx1 - cx0, height - MINIMAP);
        g.setFill(SELECTION_EDGE);
        if (x0 >= left) {
            g.fillRect(Math.round(x0), MINIMAP, 1, height - MINIMAP);
        }
        if (x1 <= right) {
            g.fillRect(Math.round(x1), MINIMAP, 1, height - MINIMAP);
        }
        String label = TimeFormat.duration(sel.duration());
        double labelW = label.length() * 7 + 12;
        double mid = Math.max(left + labelW / 2, Math.min(right - labelW / 2, (cx0 + cx1) / 2));
        g.setFill(VIEWPORT);
        g.fillRoundRect(mid - labelW / 2, MINIMAP + 3, labelW, RULER - 7, 8, 8);
        g.setFill(Color.WHITE);
        g.setFont(bold);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(label, mid, MINIMAP + RULER / 2 - 0.5);
        g.setTextAlign(TextAlignment.LEFT);
    }

    private static void gutterBox(GraphicsContext g, double top, double h) {
        g.setFill(Color.rgb(247, 248, 250));
        g.fillRect(0, top, GUTTER, h);
        g.setFill(Color.rgb(214, 218, 224));
        g.fillRect(GUTTER - 1, top, 1, h);
        g.fillRect(0, top + h - 1, GUTTER, 1);
    }
}
