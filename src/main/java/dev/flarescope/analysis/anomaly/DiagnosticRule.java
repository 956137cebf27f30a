package dev.flarescope.analysis.anomaly;

import dev.flarescope.model.Severity;
import java.util.List;

/**
 * A rule whose findings are what reading and assembling already noticed: one finding per
 * {@link dev.flarescope.model.Diagnostic} of the rule's id ({@link DiagnosticFindings}). Such rules
 * read the trace alone and have no thresholds; each subclass only names itself and explains why.
 */
abstract class DiagnosticRule implements Rule {
    private final String id;
    private final Severity severity;
    private final String explanation;

    DiagnosticRule(String id, Severity severity, String explanation) {
        this.id = id;
        this.severity = severity;
        this.explanation = explanation;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final Severity severity() {
        return severity;
    }

    @Override
    public final String explanation() {
        return explanation;
    }

    @Override
    public final List<Threshold> thresholds() {
        return List.of();
    }

    @Override
    public final boolean traceOnly() {
        return true;
    }

    @Override
    public final List<Finding> check(RuleContext context) {
        return DiagnosticFindings.of(this, context.trace());
    }
}
