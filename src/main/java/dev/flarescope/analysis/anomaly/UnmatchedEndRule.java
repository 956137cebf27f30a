package dev.flarescope.analysis.anomaly;

import dev.flarescope.model.Severity;

/** Ends that closed nothing. Reported by the trace assembler; see {@link dev.flarescope.model.TraceAssembler}. */
public final class UnmatchedEndRule extends DiagnosticRule {
    public static final String ID = "unmatched-end";

    public UnmatchedEndRule() {
        super(ID, Severity.WARNING,
                "An E (end) event closes the innermost open B on its thread. An E with nothing open means the "
                + "begin was lost: the trace started recording mid-span, a ring buffer dropped older events, or "
                + "the fragment with the B was not loaded. The E is kept as a marker; the time before it is "
                + "unaccounted for.");
    }
}
