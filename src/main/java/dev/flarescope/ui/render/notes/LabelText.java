package dev.flarescope.ui.render.notes;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Breaks a note's text into the lines of its label: at the user's line breaks and between words, a
 * word longer than a line between characters, at most a few lines; text that does not fit ends the
 * last line with an ellipsis. Widths come from a function so the wrapping is tested without a font.
 */
public final class LabelText {
    static final String ELLIPSIS = "\u2026";

    private LabelText() {
    }

    /**
     * The lines of {@code text}, each at most {@code maxWidth} wide by {@code width}, at most
     * {@code maxLines} of them; empty for blank text.
     */
    public static List<String> wrap(String text, double maxWidth, int maxLines, ToDoubleFunction<String> width) {
        List<String> lines = new ArrayList<>();
        boolean cut = false;
        for (String paragraph : text.strip().split("\n")) {
            String rest = paragraph.strip();
            if (rest.isEmpty() && lines.isEmpty()) {
                continue;
            }
            do {
                if (lines.size() == maxLines) {
                    cut = true;
                    break;
                }
                int end = fit(rest, maxWidth, width);
                lines.add(rest.substring(0, end).strip());
                rest = rest.substring(end).strip();
            } while (!rest.isEmpty());
            if (cut) {
                break;
            }
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        if (cut && !lines.isEmpty()) {
            int last = lines.size() - 1;
            lines.set(last, withEllipsis(lines.get(last), maxWidth, width));
        }
        return lines;
    }

    /** How many characters of {@code s} start its line: up to the last space that fits, else as many as fit. */
    private static int fit(String s, double maxWidth, ToDoubleFunction<String> width) {
        if (width.applyAsDouble(s) <= maxWidth) {
            return s.length();
        }
        int lo = 1;
        int hi = s.length();
        while (lo < hi) { // the longest prefix that fits, at least one character
            int mid = (lo + hi + 1) >>> 1;
            if (width.applyAsDouble(s.substring(0, mid)) <= maxWidth) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        int space = s.lastIndexOf(' ', lo);
        return space > 0 ? space + 1 : lo;
    }

    private static String withEllipsis(String line, double maxWidth, ToDoubleFunction<String> width) {
        String s = line;
        while (!s.isEmpty() && width.applyAsDouble(s + ELLIPSIS) > maxWidth) {
            s = s.substring(0, s.length() - 1);
        }
        return s.stripTrailing() + ELLIPSIS;
    }
}
