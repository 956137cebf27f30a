package dev.flarescope.analysis.anomaly;

import dev.flarescope.model.Severity;
import java.util.List;

/** Spans on one thread that overlap without nesting. Reported by the trace assembler; see {@link dev.flarescope.model.TraceAssembler}. */
public final class OverlappingSpansRule implements Rule {
    public static final String ID = "overlapping-spans";

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
        return "Spans on one thread must nest: a synchronous call stack cannot leave a function before "
                + "the function it called returns. Spans that overlap without nesting come from asynchronous code "
                + "sharing a thread id (coroutines, callbacks) or from timestamps taken on different clocks; they "
                + "are drawn on extra lanes and their self times are not meaningful.";
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
