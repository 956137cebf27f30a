package dev.flarescope.analysis.flame;

/**
 * What the long values of a {@link FlameTree} measure. Span trees count nanoseconds. Sample trees count
 * sample weight in thousandths, so that fractional weights add up exactly while every value stays a long
 * and layouts, sandwiches and searches work the same for both kinds.
 */
public enum FlameUnit {
    NANOSECONDS(1),
    SAMPLE_WEIGHT(1000);

    private final long perUnit;

    FlameUnit(long perUnit) {
        this.perUnit = perUnit;
    }

    /** Raw values per displayed unit (ns per ns, thousandths per sample weight). */
    public long perUnit() {
        return perUnit;
    }

    /** A raw tree value in display units: ns, or samples (weight). */
    public double toDisplay(long raw) {
        return (double) raw / perUnit;
    }

    /** Converts a sample weight to raw thousandths. */
    static long fromWeight(double weight) {
        return Math.round(weight * SAMPLE_WEIGHT.perUnit);
    }
}
