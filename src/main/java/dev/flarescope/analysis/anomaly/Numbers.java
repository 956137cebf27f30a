package dev.flarescope.analysis.anomaly;

import java.util.Locale;

/** How findings print numbers, so messages and evidence agree. */
final class Numbers {
    private Numbers() {
    }

    /** Integers without decimals; others with one decimal, or three when below 1 in magnitude. */
    static String format(double v) {
        if (Double.isNaN(v)) {
            return "unknown";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, Math.abs(v) < 1 ? "%.3f" : "%.1f", v);
    }

    /** Always one decimal: "32.0". */
    static String oneDecimal(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** A fraction as a percentage with one decimal: 0.125 gives "12.5%". */
    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }
}
