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

    /** Nanoseconds as microseconds: exact decimal text with up to three fractional digits. */
    static String micros(long ns) {
        long whole = ns / 1000;
        int frac = (int) Math.abs(ns % 1000);
        String sign = ns < 0 && whole == 0 ? "-" : "";
        if (frac == 0) {
            return sign + whole;
        }
        String f = String.format(Locale.ROOT, "%03d", frac);
        int end = f.length();
        while (f.charAt(end - 1) == '0') {
            end--;
        }
        return sign + whole + "." + f.substring(0, end);
    }

    /** {@code s} cut to {@code max} characters, marking the cut with "...". */
    static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }
}
