package dev.flarescope.ui.viewmodel;

import dev.flarescope.analysis.AnalysisResult;
import dev.flarescope.analysis.anomaly.Finding;
import dev.flarescope.analysis.requests.EventRef;
import dev.flarescope.analysis.requests.PhaseInterval;
import dev.flarescope.analysis.requests.RequestTimeline;
import dev.flarescope.model.RawEvent;
import dev.flarescope.model.RequestRecord;
import dev.flarescope.model.Trace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the request views say about a request beyond its timeline: its model, the process that served
 * it, its findings, where it begins and ends, and where the trace timeline shows it.
 */
public final class RequestFacts {
    private RequestFacts() {
    }

    /** The model a request's metrics record names, or null. */
    public static String model(RequestTimeline t) {
        RequestRecord r = t.record();
        return r == null || r.model == null || r.model.isBlank() ? null : r.model;
    }

    /**
     * The process of the request's first trace event ("api-server (4101)"), else what served a request
     * known from a metrics record (its provider, else the format it was read from), else null.
     */
    public static String process(Trace trace, RequestTimeline t) {
        EventRef first = t.firstEvent();
        if (first != null && trace != null && first.process() >= 0 && first.process() < trace.processes().size()) {
            return trace.processes().get(first.process()).label();
        }
        RequestRecord r = t.record();
        if (r == null) {
            return null;
        }
        return r.provider != null ? r.provider : r.sourceFormat;
    }

    /** Findings by the request they name, each list in the analysis' order (most severe first). */
    public static Map<String, List<Finding>> findingsByRequest(AnalysisResult analysis) {
        Map<String, List<Finding>> by = new HashMap<>();
        if (analysis != null) {
            for (Finding f : analysis.findings()) {
                if (f.evidence().requestId() != null) {
                    by.computeIfAbsent(f.evidence().requestId(), k -> new ArrayList<>()).add(f);
                }
            }
        }
        return by;
    }

    /** The earliest time of a request: its arrival, or the start of its first phase; NO_TIME if none. */
    public static long startNs(RequestTimeline t) {
        long s = t.arrivalNs();
        for (PhaseInterval p : t.phases()) {
            s = s == RawEvent.NO_TIME ? p.startNs() : Math.min(s, p.startNs());
        }
        return s;
    }

    /** The latest time of a request: its end, last token or last phase end; NO_TIME if none. */
    public static long endNs(RequestTimeline t) {
        long e = Math.max(t.endNs(), t.lastTokenNs());
        for (PhaseInterval p : t.phases()) {
            e = Math.max(e, p.endNs());
        }
        return e == RawEvent.NO_TIME ? RawEvent.NO_TIME : Math.max(e, startNs(t));
    }

    /**
     * Where the trace timeline shows a request: its whole time range and the thread of its first
     * trace event; null when its times are not on the trace's clock.
     */
    public static TimelineTarget timelineTarget(RequestTimeline t) {
        long s = startNs(t);
        long e = endNs(t);
        if (RequestClock.of(t) != RequestClock.TRACE || s == RawEvent.NO_TIME) {
            return null;
        }
        EventRef first = t.firstEvent();
        return new TimelineTarget(new TimeRange(s, Math.max(s + 1, e)), first == null ? -1 : first.process(),
                first == null ? -1 : first.thread());
    }
}
