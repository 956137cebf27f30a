package dev.flarescope.analysis.anomaly;

import dev.flarescope.model.Severity;
import java.util.List;

/** Spans that began and never ended. Reported by the trace assembler; see {@link dev.flarescope.model.TraceAssembler}. */
public final class UnmatchedBeginRule implements Rule {
    public static final String ID = "unmatched-begin";

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
        return "A B (begin) event opens a span that only its matching E (end) on the same thread closes. A B "
                + "with no E means the process stopped, crashed or was still running when the trace was written, "
                + "or its fragment holding the E was not loaded; the span is drawn to the thread's last timestamp, "
                + "so its duration is a lower bound, not a measurement.";
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
