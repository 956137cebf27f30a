package dev.flarescope.analysis.anomaly;

import dev.flarescope.model.Severity;

/** Input that could not be read. Reported by the trace assembler; see {@link dev.flarescope.model.TraceAssembler}. */
public final class MalformedInputRule extends DiagnosticRule {
    public static final String ID = "malformed-input";

    public MalformedInputRule() {
        super(ID, Severity.WARNING,
                "Lines or bytes of an input that could not be read as the format it was detected as were "
                + "skipped, or the input was cut short (a truncated file, a process killed while writing). "
                + "Everything else was loaded, but whatever the skipped part held is missing, so counts and "
                + "durations around it may be incomplete.");
    }
}
