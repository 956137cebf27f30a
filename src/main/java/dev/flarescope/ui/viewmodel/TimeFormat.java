package dev.flarescope.ui.viewmodel;

import java.util.Locale;

/**
 * Formats nanosecond durations for people: the unit follows the magnitude (ns, µs, ms, s) and three
 * significant digits are kept, so "1.23 ms" reads the same in the ruler, the details pane and the
 * timeline's labels.
 */
public final class TimeFormat {
    private TimeFormat() {
    }

    /** A duration with a unit chosen by its size: "850 ns", "12.3 µs", "4.56 ms", "1.23 s", "123 s". */
    public static String duration(long ns) {
        long a = Math.abs(ns);
        if (a < 1000) {
            return ns + " ns";
        }
        TimeUnitName unit = TimeUnitName.S;
        for (TimeUnitName u : new TimeUnitName[] {TimeUnitName.US, TimeUnitName.MS}) {
            // 999,950 ns would print as "1000 µs": such values move up to the next unit
            if (a < u.nanos * 999.5) {
                unit = u;
                break;
            }
        }
        double v = ns / (double) unit.nanos;
        double av = Math.abs(v);
        String pattern = av >= 99.95 ? "%.0f" : av >= 9.995 ? "%.1f" : "%.2f";
        return String.format(Locale.ROOT, pattern, v) + " " + unit.symbol;
    }

    /** A value with exactly {@code decimals} decimals in the given unit ("12.50 ms"). */
    public static String fixed(long ns, TimeUnitName unit, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f %s", ns / (double) unit.nanos, unit.symbol);
    }

    /** Units a time axis can label in. */
    public enum TimeUnitName {
        NS(1, "ns"), US(1_000, "µs"), MS(1_000_000, "ms"), S(1_000_000_000, "s");

        public final long nanos;
        public final String symbol;

        TimeUnitName(long nanos, String symbol) {
            this.nanos = nanos;
            this.symbol = symbol;
        }
    }
}
