package dev.flarescope.analysis.anomaly;

import java.util.HashMap;
import java.util.Map;

/**
 * The values in force for rule thresholds: defaults, with overrides by key. Immutable; {@link #with}
 * returns a copy.
 */
public final class Thresholds {
    private static final Thresholds DEFAULTS = new Thresholds(Map.of());

    private final Map<String, Double> overrides;

    private Thresholds(Map<String, Double> overrides) {
        this.overrides = Map.copyOf(overrides);
    }

    public static Thresholds defaults() {
        return DEFAULTS;
    }

    /** A copy with {@code key} set to {@code value}; the engine lists valid keys ({@link AnomalyEngine#thresholds()}). */
    public Thresholds with(String key, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("threshold " + key + " must be a finite number, not " + value);
        }
        Map<String, Double> m = new HashMap<>(overrides);
        m.put(key, value);
        return new Thresholds(m);
    }

    public Thresholds with(Threshold threshold, double value) {
        return with(threshold.key(), value);
    }

    /** The value in force: the override, else the default. */
    public double get(Threshold threshold) {
        Double v = overrides.get(threshold.key());
        return v != null ? v : threshold.defaultValue();
    }

    /** Overridden keys and their values. */
    public Map<String, Double> overrides() {
        return overrides;
    }
}
