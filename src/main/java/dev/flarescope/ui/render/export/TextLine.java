package dev.flarescope.ui.render.export;

import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * Measures and shortens single lines of text for the export's bands. They hold a handful of lines, so
 * each is measured exactly with a {@link Text} node rather than with per-character tables.
 */
final class TextLine {
    private static final String ELLIPSIS = "\u2026";

    private TextLine() {
    }

    static double width(String s, Font font) {
        Text t = new Text(s);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }

    /** {@code s} when it fits in {@code max} pixels, else its longest prefix that fits followed by "…". */
    static String fit(String s, Font font, double max) {
        if (s.isEmpty() || width(s, font) <= max) {
            return s;
        }
        int lo = 0;
        int hi = s.length();
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (width(s.substring(0, mid) + ELLIPSIS, font) <= max) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo == 0 ? "" : s.substring(0, lo).stripTrailing() + ELLIPSIS;
    }
}
