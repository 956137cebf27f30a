package dev.flarescope.ui.render.timeline;

import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * Fits labels into slices: measures text with per-character advance widths taken once from the font
 * (measuring a {@link Text} node per label would dominate a frame with thousands of labels) and cuts
 * text that is too long with an ellipsis.
 */
final class TextFitter {
    private static final String ELLIPSIS = "…";

    private final Font font;
    private final double[] ascii = new double[128];
    private final double fallback;
    private final double ellipsis;

    TextFitter(Font font) {
        this.font = font;
        Text probe = new Text();
        probe.setFont(font);
        double sum = 0;
        for (char c = 32; c < 127; c++) {
            probe.setText(String.valueOf(c));
            ascii[c] = probe.getLayoutBounds().getWidth();
            sum += ascii[c];
        }
        probe.setText("M");
        fallback = Math.max(sum / 95, probe.getLayoutBounds().getWidth() * 0.8);
        probe.setText(ELLIPSIS);
        ellipsis = probe.getLayoutBounds().getWidth();
    }

    Font font() {
        return font;
    }

    double width(String s) {
        double w = 0;
        for (int i = 0; i < s.length(); i++) {
            w += advance(s.charAt(i));
        }
        return w;
    }

    /** {@code s} if it fits in {@code max} pixels, else its longest prefix that fits followed by "…", else null. */
    String fit(String s, double max) {
        if (s == null || s.isEmpty()) {
            return null;
        }
        double w = 0;
        int cut = -1;
        for (int i = 0; i < s.length(); i++) {
            w += advance(s.charAt(i));
            if (cut < 0 && w + ellipsis > max) {
                cut = i;
            }
            if (w > max) {
                return cut <= 0 ? null : s.substring(0, cut) + ELLIPSIS;
            }
        }
        return s;
    }

    private double advance(char c) {
        return c < 128 ? ascii[c] : fallback;
    }
}
