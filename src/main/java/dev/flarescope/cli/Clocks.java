package dev.flarescope.cli;

import dev.flarescope.analysis.requests.Basis;
import dev.flarescope.analysis.requests.PhaseInterval;
import dev.flarescope.analysis.requests.RequestTimeline;
import dev.flarescope.model.RawEvent;
import dev.flarescope.model.Trace;
import java.util.List;
import java.util.Locale;

/**
 * The clocks the times of a report are on, and where each starts. A request timed by trace events is
 * on the trace's clock; one known only from a metrics record is on the record's clock (usually the
 * wall clock), which has no fixed relation to the trace's. The report shows times relative to the
 * start of their own clock and says which clock that is, so the two are never compared by mistake.
 */
final class Clocks {
    /** A clock the report names. */
    enum Clock {
        /** The timestamps of the loaded trace events. */
        TRACE,
        /** The timestamps metrics records carry. */
        RECORD;

        String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final long traceStartNs;
    private final long recordStartNs;

    private Clocks(long traceStartNs, long recordStartNs) {
        this.traceStartNs = traceStartNs;
        this.recordStartNs = recordStartNs;
    }

    /**
     * The trace clock starts at the trace's first event (no start when it has none); the record clock
     * at the earliest time of any request on it (its arrival or a phase start).
     */
    static Clocks of(Trace trace, List<RequestTimeline> requests) {
        long recordStart = RawEvent.NO_TIME;
        for (RequestTimeline t : requests) {
            if (clockOf(t) != Clock.RECORD) {
                continue;
            }
            recordStart = earlier(recordStart, t.arrivalNs());
            for (PhaseInterval p : t.phases()) {
                recordStart = earlier(recordStart, p.startNs());
            }
        }
        return new Clocks(trace.events() > 0 ? trace.minTs() : RawEvent.NO_TIME, recordStart);
    }

    private static long earlier(long a, long b) {
        if (a == RawEvent.NO_TIME) {
            return b;
        }
        return b == RawEvent.NO_TIME ? a : Math.min(a, b);
    }

    /** The clock of a request's times, or null when it has none. */
    static Clock clockOf(RequestTimeline t) {
        if (t.timesBasis() == null) {
            return null;
        }
        return t.timesBasis() == Basis.DERIVED_FROM_SPANS ? Clock.TRACE : Clock.RECORD;
    }

    /** Where {@code clock} starts, ns on that clock, or {@link RawEvent#NO_TIME} when nothing is on it. */
    long startNs(Clock clock) {
        return clock == Clock.TRACE ? traceStartNs : recordStartNs;
    }

    /** {@code ns} on {@code clock} as the time since that clock's start. */
    long sinceStart(Clock clock, long ns) {
        long start = startNs(clock);
        return start == RawEvent.NO_TIME ? ns : ns - start;
    }
}
