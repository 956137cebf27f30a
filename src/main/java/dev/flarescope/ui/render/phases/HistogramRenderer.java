package dev.flarescope.ui.render.phases;

import dev.flarescope.ui.viewmodel.Histogram;
import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * Draws one {@link Histogram} into a box of a {@link GraphicsContext}: a title with the count, the
 * bars, vertical lines at p50, p90 and p99 labelled with their values, and the range below. Log-binned
 * histograms say so in the axis line.
 */
public final class HistogramRenderer {
    static final double TITLE = 18;
    static final double AXIS = 16;
    private static final Color BAR = Color.rgb(129, 140, 248);
    private static final Color TEXT = Color.rgb(31, 41, 51);
    private static final Color MUTED = Color.rgb(110, 118, 130);
    private static final Color BASE = Color.rgb(203, 210, 217);
    private static final Color[] PERCENTILE = {Color.rgb(16, 163, 127), Color.rgb(217, 119, 6), Color.rgb(220, 38, 38)};
    private static final String[] NAMES = {"p50", "p90", "p99"};

    private final Font font = Font.font("System", 10.5);
    private final Font bold = Font.font("System", FontWeight.BOLD, 11.5);

    /**
     * Draws {@code h} titled {@code title} with values in {@code unit} into the box at (x, y);
     * {@code emptyText} says why there is nothing to draw when it is empty.
     */
    public void render(GraphicsContext g, Histogram h, String title, String unit, String emptyText, double x,
                       double y, double w, double height) {
        g.setFill(Color.WHITE);
        g.fillRect(x, y, w, height);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFont(bold);
        g.setFill(TEXT);
        g.fillText(title, x + 8, y + TITLE / 2 + 2);
        g.setFont(font);
        g.setFill(MUTED);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(h.isEmpty() ? "no data" : "n = " + h.n(), x + w - 8, y + TITLE / 2 + 2);
        if (h.isEmpty()) {
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText(emptyText, x + w / 2, y + height / 2);
        }
        if (h.isEmpty()) {
            g.setTextAlign(TextAlignment.LEFT);
            return;
        }
        double left = x + 8;
        double plotW = w - 16;
        double labels = 3 * 12;
        double top = y + TITLE + 4 + labels;
        double bottom = y + height - AXIS;
        double plotH = Math.max(4, bottom - top);
        int max = Math.max(1, h.maxCount());
        double bw = plotW / h.bins();
        g.setFill(BAR);
        for (int b = 0; b < h.bins(); b++) {
            if (h.counts()[b] > 0) {
                double bh = Math.max(1.5, plotH * h.counts()[b] / max);
                g.fillRect(left + b * bw + 0.5, bottom - bh, Math.max(1, bw - 1), bh);
            }
        }
        g.setFill(BASE);
        g.fillRect(left, bottom, plotW, 1);
        double[] values = {h.p50(), h.p90(), h.p99()};
        for (int k = 0; k < 3; k++) {
            double px = Math.round(left + plotW * h.fraction(values[k]));
            g.setFill(PERCENTILE[k]);
            g.fillRect(px, top - labels + k * 12 + 10, 1, bottom - (top - labels + k * 12 + 10));
            String text = NAMES[k] + " " + number(values[k]) + " " + unit;
            boolean rightSide = px < left + plotW / 2;
            g.setTextAlign(rightSide ? TextAlignment.LEFT : TextAlignment.RIGHT);
            g.fillText(text, rightSide ? px + 3 : px - 3, top - labels + k * 12 + 5);
        }
        g.setFill(MUTED);
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(number(h.min()), left, bottom + AXIS / 2 + 1);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(number(h.max()) + (h.log() ? "  (log scale)" : ""), left + plotW, bottom + AXIS / 2 + 1);
        g.setTextAlign(TextAlignment.LEFT);
    }

    /** One decimal below 1000, none above: "18.6", "24200". */
    static String number(double v) {
        return String.format(Locale.ROOT, Math.abs(v) >= 1000 ? "%.0f" : "%.1f", v);
    }
}
