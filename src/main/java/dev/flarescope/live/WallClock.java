package dev.flarescope.live;

import java.time.Instant;

/**
 * Nanoseconds since the epoch, read from the monotonic clock: anchored once to the wall clock, then
 * advanced by {@link System#nanoTime}, so intervals between two readings are exact and never go
 * backwards when the system clock is adjusted. Request records measured live carry these times,
 * the same clock metrics logs use.
 */
public final class WallClock {
    private static final long ANCHOR_EPOCH_NS;
    private static final long ANCHOR_NANO;

    static {
        Instant now = Instant.now();
        ANCHOR_NANO = System.nanoTime();
        ANCHOR_EPOCH_NS = now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    private WallClock() {
    }

    public static long nowNs() {
        return ANCHOR_EPOCH_NS + (System.nanoTime() - ANCHOR_NANO);
    }
}
