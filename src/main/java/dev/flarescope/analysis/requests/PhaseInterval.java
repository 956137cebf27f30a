package dev.flarescope.analysis.requests;

/**
 * One stretch of a request in one phase. {@code source} is the trace event it came from, or null when
 * it was derived from a metrics record's raw timestamps.
 */
public record PhaseInterval(Phase phase, long startNs, long durNs, EventRef source) {
    public long endNs() {
        return startNs + durNs;
    }
}
