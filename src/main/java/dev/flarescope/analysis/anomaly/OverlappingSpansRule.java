package dev.flarescope.analysis.anomaly;

import dev.flarescope.model.Severity;

/** Spans on one thread that overlap without nesting. Reported by the trace assembler; see {@link dev.flarescope.model.TraceAssembler}. */
public final class OverlappingSpansRule extends DiagnosticRule {
    public static final String ID = "overlapping-spans";

    public OverlappingSpansRule() {
        super(ID, Severity.WARNING,
                "Spans on one thread must nest: a synchronous call stack cannot leave a function before "
                + "the function it called returns. Spans that overlap without nesting come from asynchronous code "
                + "sharing a thread id (coroutines, callbacks) or from timestamps taken on different clocks; they "
                + "are drawn on extra lanes and their self times are not meaningful.");
    }
}
