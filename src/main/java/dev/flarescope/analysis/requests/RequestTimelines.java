package dev.flarescope.analysis.requests;

import dev.flarescope.model.RawEvent;
import dev.flarescope.model.RequestRecord;
import dev.flarescope.model.Trace;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Joins a trace's metrics records and the trace events that carry request ids into one
 * {@link RequestTimeline} per request id. A request known only from records, or only from events,
 * still gets a timeline.
 */
public final class RequestTimelines {
    private static final Comparator<RequestTimeline> BY_ARRIVAL = Comparator
            .comparing((RequestTimeline t) -> t.arrivalNs() == RawEvent.NO_TIME)
            .thenComparingLong(RequestTimeline::arrivalNs)
            .thenComparing(RequestTimeline::id);

    private RequestTimelines() {
    }

    /** Timelines of every request, by arrival (requests without one last), then id. */
    public static List<RequestTimeline> build(Trace trace, PhaseMapping mapping) {
        return join(trace, scan(trace, mapping));
    }

    /**
     * The events of a trace that name requests, found by {@link #scan} and not yet joined into timelines.
     * The finding runs on every core; the joining on one thread, which leaves room for other work.
     */
    public static final class Scan {
        private final RequestEventScanner scanner;

        private Scan(RequestEventScanner scanner) {
            this.scanner = scanner;
        }
    }

    /** The first step of {@link #build}: finds the events that name requests, in parallel. */
    public static Scan scan(Trace trace, PhaseMapping mapping) {
        return new Scan(RequestEventScanner.find(trace, mapping));
    }

    /** The second step of {@link #build}: joins what {@code scan} found with the trace's records. */
    public static List<RequestTimeline> join(Trace trace, Scan scan) {
        Map<String, List<RequestEvent>> events = scan.scanner.events();
        Map<String, List<RequestRecord>> records = new LinkedHashMap<>();
        for (RequestRecord r : trace.requests()) {
            if (r.id != null) {
                records.computeIfAbsent(r.id, k -> new ArrayList<>()).add(r);
            }
        }
        Set<String> ids = new LinkedHashSet<>(records.keySet());
        ids.addAll(events.keySet());
        List<RequestTimeline> timelines = new ArrayList<>(ids.size());
        for (String id : ids) {
            timelines.add(TimelineBuilder.build(id, events.getOrDefault(id, List.of()), records.getOrDefault(id, List.of())));
        }
        timelines.sort(BY_ARRIVAL);
        return timelines;
    }
}
