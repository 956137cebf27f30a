package dev.flarescope.analysis.anomaly;

import dev.flarescope.model.Severity;

/** Spans that began and never ended. Reported by the trace assembler; see {@link dev.flarescope.model.TraceAssembler}. */
public final class UnmatchedBeginRule extends DiagnosticRule {
    public static final String ID = "unmatched-begin";

    public UnmatchedBeginRule() {
        super(ID, Severity.WARNING,
                "A B (begin) event opens a span that only its matching E (end) on the same thread closes. A B "
                + "with no E means the process stopped, crashed or was still running when the trace was written, "
                + "or its fragment holding the E was not loaded; the span is drawn to the thread's last timestamp, "
                + "so its duration is a lower bound, not a measurement.");
    }
}
