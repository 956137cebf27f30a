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
        Map<String, List<RequestEvent>> events = RequestEventScanner.scan(trace, mapping);
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
