package dev.flarescope.live;

import java.time.Duration;

/**
 * How much of a live capture is kept: data older than {@code window}, or beyond the newest
 * {@code maxEvents} events, is dropped in whole batches, so a capture that runs all day holds a
 * bounded amount of memory. Zero (or a null window) means no limit of that kind.
 *
 * @param window    age of the oldest data kept (arrival time), or null for no age limit
 * @param maxEvents most events kept (trace events plus request records), or 0 for no limit
 */
public record Retention(Duration window, long maxEvents) {
    /**
     * What the app keeps by default: the last 10 minutes, and at most 5 million events (at 200,000
     * events/s ten minutes would be 120 million, more than a desktop heap holds).
     */
    public static final Retention DEFAULT = new Retention(Duration.ofMinutes(10), 5_000_000);
    /** Keep everything: what {@code flarescope record} uses, since nothing accepted may be lost. */
    public static final Retention UNBOUNDED = new Retention(null, 0);

    public Retention {
        if (window != null && (window.isNegative() || window.isZero())) {
            window = null;
        }
        if (maxEvents < 0) {
            throw new IllegalArgumentException("maxEvents must be >= 0, got " + maxEvents);
        }
    }

    public boolean isUnbounded() {
        return window == null && maxEvents == 0;
    }
}
