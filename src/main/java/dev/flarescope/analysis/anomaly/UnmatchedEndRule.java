package dev.flarescope.analysis.anomaly;

import dev.flarescope.model.Severity;
import java.util.List;

/** Ends that closed nothing. Reported by the trace assembler; see {@link dev.flarescope.model.TraceAssembler}. */
public final class UnmatchedEndRule implements Rule {
    public static final String ID = "unmatched-end";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Severity severity() {
        return Severity.WARNING;
    }

    @Override
    public String explanation() {
        return "An E (end) event closes the innermost open B on its thread. An E with nothing open means the "
                + "begin was lost: the trace started recording mid-span, a ring buffer dropped older events, or "
                + "the fragment with the B was not loaded. The E is kept as a marker; the time before it is "
                + "unaccounted for.";
    }

    @Override
    public List<Threshold> thresholds() {
        return List.of();
    }

    @Override
    public boolean traceOnly() {
        return true;
    }

    @Override
    public List<Finding> check(RuleContext context) {
        return DiagnosticFindings.of(this, context.trace());
    }
}
