package dev.flarescope.ui.viewmodel;

import dev.flarescope.ui.viewmodel.TimeFormat.TimeUnitName;

/**
 * Tick marks of a time ruler: a "nice" step (1, 2 or 5 times a power of ten nanoseconds) chosen so that
 * labels stay at least {@code minSpacingPx} apart, and labels relative to an origin (the trace start) in
 * the unit that suits the step, with just enough decimals to tell neighbouring ticks apart.
 *
 * @param step  nanoseconds between ticks
 * @param first time of the first tick at or after the range start
 * @param unit  unit of the labels
 * @param decimals decimals the labels need
 */
public record RulerTicks(long origin, long step, long first, TimeUnitName unit, int decimals) {

    /** Ticks for {@code range} drawn {@code widthPx} wide, labels relative to {@code origin}. */
    public static RulerTicks of(TimeRange range, double widthPx, double minSpacingPx, long origin) {
        double raw = range.duration() * minSpacingPx / Math.max(1.0, widthPx);
        long step = niceStep(raw);
        long rel = range.start() - origin;
        long first = origin + Math.floorDiv(rel + step - 1, step) * step;
        TimeUnitName unit = unitFor(step);
        int decimals = 0;
        long scaled = step;
        while (scaled % unit.nanos != 0 && decimals < 9) {
            scaled *= 10;
            decimals++;
        }
        return new RulerTicks(origin, step, first, unit, decimals);
    }

    /** The smallest of 1, 2, 5 x 10^k that is at least {@code raw} (and at least 1 ns). */
    public static long niceStep(double raw) {
        long pow = 1;
        while (true) {
            for (long m : new long[] {1, 2, 5}) {
                if (m * pow >= raw) {
                    return m * pow;
                }
            }
            if (pow > Long.MAX_VALUE / 100) {
                return pow * 10;
            }
            pow *= 10;
        }
    }

    /** The label unit for a step: the largest unit no more than ten times the step. */
    static TimeUnitName unitFor(long step) {
        TimeUnitName best = TimeUnitName.NS;
        for (TimeUnitName u : TimeUnitName.values()) {
            if (step * 10 >= u.nanos) {
                best = u;
            }
        }
        return best;
    }

    /** Label of the tick at {@code t}: its offset from the origin, e.g. "12.5 ms". */
    public String label(long t) {
        return TimeFormat.fixed(t - origin, unit, decimals);
    }
}
