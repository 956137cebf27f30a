package dev.flarescope.live.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * The demo stack's recent trace events, each one JSON line with a sequence number, kept in a ring so
 * that a stream client reconnecting with {@code Last-Event-ID} gets exactly what it missed (as long
 * as it was gone for less than the ring holds).
 */
final class EventLog {
    private final String[] ring;
    /** Sequence number of the next event; events are numbered from 1. */
    private long next = 1;

    EventLog(int capacity) {
        ring = new String[capacity];
    }

    /** Adds an event (made for its sequence number) and wakes streams waiting for it. */
    synchronized long add(java.util.function.LongFunction<String> event) {
        long seq = next++;
        ring[(int) (seq % ring.length)] = event.apply(seq);
        notifyAll();
        return seq;
    }

    /** Sequence number of the newest event, 0 before the first. */
    synchronized long last() {
        return next - 1;
    }

    /**
     * The events after {@code seq} (at most {@code max}), waiting up to {@code waitMs} for one when
     * there is none. Events that fell out of the ring are skipped: the result starts at the oldest kept.
     */
    synchronized List<Entry> after(long seq, int max, long waitMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + waitMs;
        while (next - 1 <= seq) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return List.of();
            }
            wait(left);
        }
        long from = Math.max(seq + 1, next - ring.length);
        List<Entry> out = new ArrayList<>();
        for (long s = from; s < next && out.size() < max; s++) {
            out.add(new Entry(s, ring[(int) (s % ring.length)]));
        }
        return out;
    }

    record Entry(long seq, String json) {
    }
}
