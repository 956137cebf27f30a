package dev.flarescope.cli;

import java.util.Locale;

/** Number formatting shared by the text outputs: one place decides how times and rates look. */
final class Units {
    private Units() {
    }

    /** Nanoseconds as milliseconds with three decimals (microsecond resolution). */
    static String ms(long ns) {
        return String.format(Locale.ROOT, "%.3f", ns / 1e6);
    }

    /** Nanoseconds as milliseconds with three decimals. */
    static String ms(double ns) {
        return String.format(Locale.ROOT, "%.3f", ns / 1e6);
    }

    /** A measured value with up to three decimals, or null (printed "-") when unknown. */
    static String decimal(double v) {
        if (Double.isNaN(v)) {
            return null;
        }
        return String.format(Locale.ROOT, "%.3f", v).replaceAll("\\.?0+$", "");
    }

    /** A measured value with one decimal, or null (printed "-") when unknown. */
    static String oneDecimal(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.1f", v) : null;
    }

    /** A count, or null (printed "-") when unknown (negative). */
    static String count(long n) {
        return n < 0 ? null : Long.toString(n);
    }

    /** {@code s} cut to {@code max} characters, marking the cut with "...". */
    static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }
}
