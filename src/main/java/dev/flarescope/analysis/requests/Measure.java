package dev.flarescope.analysis.requests;

/** A number with the definition it follows; {@link #UNKNOWN} when no source could give it. */
public record Measure(double value, Basis basis) {
    public static final Measure UNKNOWN = new Measure(Double.NaN, null);

    /** The value as a measure of {@code basis}, or {@link #UNKNOWN} when it is NaN or infinite. */
    public static Measure of(double value, Basis basis) {
        return Double.isFinite(value) ? new Measure(value, basis) : UNKNOWN;
    }

    public boolean known() {
        return basis != null;
    }

    /** This measure when known, else {@code other}. */
    public Measure orElse(Measure other) {
        return known() ? this : other;
    }
}
