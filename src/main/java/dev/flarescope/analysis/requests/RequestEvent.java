package dev.flarescope.analysis.requests;

/**
 * One trace event that names a request in its args: where it is, what it means for the request
 * ({@code role} is null for events the phase mapping does not know), its time span (instants have
 * zero duration), and why its args say the request failed ({@code failureReason}, null when they do
 * not; see {@link FailureSignals}).
 */
public record RequestEvent(EventRef ref, String name, Role role, long startNs, long durNs, boolean instant,
                           String failureReason) {
    public long endNs() {
        return startNs + durNs;
    }
}
