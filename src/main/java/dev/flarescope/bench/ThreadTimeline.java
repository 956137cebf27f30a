package dev.flarescope.bench;

import java.util.Map;
import java.util.TreeMap;

/**
 * The busy intervals of one simulated thread. A thread runs one thing at a time, so a new span is
 * placed in the first gap long enough for it; the simulation may claim intervals out of time order.
 */
final class ThreadTimeline {
    /** Minimum idle time between two spans on the thread. */
    private static final long GAP_NS = 20_000;

    private final TreeMap<Long, Long> busy = new TreeMap<>();

    /**
     * Reserves {@code durationNs} starting at {@code earliestNs} or at the end of the first gap that
     * fits it.
     *
     * @return the start of the reserved interval
     */
    long claim(long earliestNs, long durationNs) {
        long start = earliestNs;
        for (Map.Entry<Long, Long> interval : busy.entrySet()) {
            if (interval.getValue() + GAP_NS <= start) {
                continue;
            }
            if (interval.getKey() >= start + durationNs + GAP_NS) {
                break;
            }
            start = interval.getValue() + GAP_NS;
        }
        busy.put(start, start + durationNs);
        return start;
    }
}
