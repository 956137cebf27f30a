package dev.flarescope.analysis.anomaly;

import dev.flarescope.model.Severity;

/**
 * One thing in the data that cannot be right, or is suspicious: which rule saw it, how bad it is, a
 * one-line message a person can act on, and the evidence behind it.
 */
public record Finding(String ruleId, Severity severity, String message, Evidence evidence) {
    /** A finding of {@code rule} at the rule's own severity. */
    public static Finding of(Rule rule, String message, Evidence evidence) {
        return new Finding(rule.id(), rule.severity(), message, evidence);
    }
}
