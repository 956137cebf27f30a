package dev.flarescope.ui.render.flame;

import java.util.HashMap;
import java.util.Map;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * Shortens labels to fit a width, ending them with an ellipsis. A flame graph repaints thousands of
 * labels on every mouse move, so widths come from per-character advances measured once per font and
 * summed, rather than from laying out each string.
 */
public final class LabelFitter {
    private static final String ELLIPSIS = "\u2026";

    private final Font font;
    private final Map<Character, Double> advances = new HashMap<>();
    private final double ellipsisWidth;

    public LabelFitter(Font font) {
        this.font = font;
        this.ellipsisWidth = measure(ELLIPSIS);
    }

    public Font font() {
        return font;
    }

    /** Width of {@code s} in pixels. */
    public double width(String s) {
        double w = 0;
        for (int i = 0; i < s.length(); i++) {
            w += advance(s.charAt(i));
        }
        return w;
    }

    /**
     * {@code s} when it fits in {@code maxWidth}; else its longest prefix that fits with an ellipsis after
     * it; else the empty string when not even one character and the ellipsis fit.
     */
    public String fit(String s, double maxWidth) {
        double w = 0;
        int fitting = 0;
        for (int i = 0; i < s.length(); i++) {
            w += advance(s.charAt(i));
            if (w + ellipsisWidth <= maxWidth) {
                fitting = i + 1;
            }
            if (w > maxWidth) {
                return fitting == 0 ? "" : s.substring(0, fitting) + ELLIPSIS;
            }
        }
        return s;
    }

    private double advance(char c) {
        return advances.computeIfAbsent(c, k -> measure(String.valueOf(k)));
    }

    private double measure(String s) {
        Text text = new Text(s);
        text.setFont(font);
        return text.getLayoutBounds().getWidth();
    }
}
