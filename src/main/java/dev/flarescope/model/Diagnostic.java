package dev.flarescope.model;

/**
 * Something reading and assembling the trace noticed: a skipped line, a B that never ended, spans that
 * overlap without nesting. The analysis layer turns these into findings. {@code process} and
 * {@code thread} index into the {@link Trace} (-1 when not about one); times are ns
 * ({@link RawEvent#NO_TIME} when not about a time).
 */
public record Diagnostic(String kind, Severity severity, String message, String input, long line,
                         int process, int thread, long tsNs, long durNs, long count) {
}
