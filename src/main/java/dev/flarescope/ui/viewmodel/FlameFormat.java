package dev.flarescope.ui.viewmodel;

import dev.flarescope.analysis.flame.FlameUnit;
import java.util.Locale;

/** How the flame graph writes values and shares: one place, so table, tooltip and status bar agree. */
public final class FlameFormat {
    private FlameFormat() {
    }

    /** A tree value in its unit: a duration for spans ("12.3 ms"), a sample count otherwise. */
    public static String value(long raw, FlameUnit unit) {
        if (unit == FlameUnit.NANOSECONDS) {
            return duration(raw);
        }
        double samples = unit.toDisplay(raw);
        String n = samples == Math.rint(samples)
                ? String.format(Locale.ROOT, "%,d", (long) samples)
                : String.format(Locale.ROOT, "%,.2f", samples);
        return n + (samples == 1 ? " sample" : " samples");
    }

    /** Nanoseconds with three significant digits in the largest unit that keeps them above 1. */
    public static String duration(long ns) {
        double abs = Math.abs((double) ns);
        if (abs < 1_000) {
            return ns + " ns";
        }
        if (abs < 1_000_000) {
            return significant(ns / 1e3) + " \u00b5s";
        }
        if (abs < 1_000_000_000) {
            return significant(ns / 1e6) + " ms";
        }
        return significant(ns / 1e9) + " s";
    }

    /** A share 0..1 as a percentage with one decimal ("45.6%"). */
    public static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    private static String significant(double v) {
        double abs = Math.abs(v);
        String pattern = abs >= 100 ? "%.0f" : abs >= 10 ? "%.1f" : "%.2f";
        return String.format(Locale.ROOT, pattern, v);
    }
}
