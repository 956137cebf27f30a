package dev.flarescope.analysis.anomaly;

/** A number that convicts, with its unit ("tok/s", "ms", "tokens", "%", "×"). */
public record Quantity(double value, String unit) {
    /** The value and the unit as messages print them: "32.0 tok/s", "240 tokens". */
    public String format() {
        return Numbers.format(value) + (unit.isEmpty() ? "" : " " + unit);
    }

    @Override
    public String toString() {
        return format();
    }
}
