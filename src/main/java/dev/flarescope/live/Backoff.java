package dev.flarescope.live;

/**
 * Waits between reconnection attempts: doubling from {@code initialMs} up to {@code maxMs}, back to
 * the start once a connection works. A server's SSE {@code retry:} field replaces the start.
 */
final class Backoff {
    private long initialMs;
    private final long maxMs;
    private long nextMs;

    Backoff(long initialMs, long maxMs) {
        this.initialMs = initialMs;
        this.maxMs = maxMs;
        this.nextMs = initialMs;
    }

    /** The wait before the next attempt; the one after is twice as long (up to the maximum). */
    long next() {
        long wait = nextMs;
        nextMs = Math.min(maxMs, nextMs * 2);
        return wait;
    }

    void reset() {
        nextMs = initialMs;
    }

    /** The server asked for this reconnection time. */
    void serverRetry(long ms) {
        initialMs = Math.max(1, Math.min(maxMs, ms));
        nextMs = initialMs;
    }
}
