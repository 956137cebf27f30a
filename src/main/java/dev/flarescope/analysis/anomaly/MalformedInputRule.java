package dev.flarescope.analysis.anomaly;

import dev.flarescope.model.Severity;
import java.util.List;

/** Input that could not be read. Reported by the trace assembler; see {@link dev.flarescope.model.TraceAssembler}. */
public final class MalformedInputRule implements Rule {
    public static final String ID = "malformed-input";

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
        return "Lines or bytes of an input that could not be read as the format it was detected as were "
                + "skipped, or the input was cut short (a truncated file, a process killed while writing). "
                + "Everything else was loaded, but whatever the skipped part held is missing, so counts and "
                + "durations around it may be incomplete.";
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
