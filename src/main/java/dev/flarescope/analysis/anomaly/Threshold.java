package dev.flarescope.analysis.anomaly;

/**
 * A tunable limit of a rule: the key it is set by ({@code --threshold key=value} on the command
 * line), its default, unit and meaning.
 */
public record Threshold(String key, double defaultValue, String unit, String description) {
}
