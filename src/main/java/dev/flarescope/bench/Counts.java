package dev.flarescope.bench;

import java.util.Locale;

/** Event counts as benchmark options write them: {@code 1000000}, {@code 1_000_000}, {@code 1,000,000}, {@code 1m}, {@code 250k}. */
final class Counts {
    private Counts() {
    }

    static long parse(String s) {
        String t = s.toLowerCase(Locale.ROOT).replace("_", "").replace(",", "");
        long mul = 1;
        if (t.endsWith("m")) {
            mul = 1_000_000;
            t = t.substring(0, t.length() - 1);
        } else if (t.endsWith("k")) {
            mul = 1_000;
            t = t.substring(0, t.length() - 1);
        }
        return Math.round(Double.parseDouble(t) * mul);
    }
}
