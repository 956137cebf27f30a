package dev.flarescope.ui.view.common;

import java.util.Locale;

/** How the app writes durations, sizes and counts: short, with a unit a reader takes in at a glance. */
public final class Units {
    private Units() {
    }

    /** A duration in the largest unit that keeps it at least 1: "850 ns", "12.4 µs", "3.25 ms", "1.50 s". */
    public static String duration(double ns) {
        double a = Math.abs(ns);
        if (a < 1e3) {
            return String.format(Locale.ROOT, "%.0f ns", ns);
        }
        if (a < 1e6) {
            return threeDigits(ns / 1e3) + " \u00b5s";
        }
        if (a < 1e9) {
            return threeDigits(ns / 1e6) + " ms";
        }
        if (a < 600e9) {
            return threeDigits(ns / 1e9) + " s";
        }
        long s = Math.round(ns / 1e9);
        return String.format(Locale.ROOT, "%d min %02d s", s / 60, Math.abs(s % 60));
    }

    /** A byte count: "812 B", "4.2 KB", "118 MB", "1.07 GB" (powers of 1024). */
    public static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double v = n;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return threeDigits(v) + " " + units[u];
    }

    /** A count with thousands separators: "1,234,567". */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** "1 process" or "3 processes". */
    public static String count(long n, String one, String many) {
        return count(n) + " " + (n == 1 ? one : many);
    }

    /** A fraction as a percentage with one decimal: "12.5%". */
    public static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }

    /** Three significant digits for values from 1 to 999: "1.23", "12.3", "123". */
    private static String threeDigits(double v) {
        double a = Math.abs(v);
        String f = a < 10 ? "%.2f" : a < 100 ? "%.1f" : "%.0f";
        return String.format(Locale.ROOT, f, v);
    }
}
