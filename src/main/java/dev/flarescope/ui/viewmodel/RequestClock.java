package dev.flarescope.ui.viewmodel;

import dev.flarescope.analysis.AnalysisResult;
import dev.flarescope.analysis.anomaly.Finding;
import dev.flarescope.analysis.requests.Basis;
import dev.flarescope.analysis.requests.RequestTimeline;
import dev.flarescope.model.RawEvent;

/**
 * The clock a request's times are on. A request timed by trace events shares the trace's clock, so it
 * can be drawn on the timeline's axis; one known only from a metrics record is on the record's clock
 * (usually the wall clock), which has no fixed relation to the trace's and gets an axis of its own.
 */
public enum RequestClock {
    /** The timestamps of the loaded trace events. */
    TRACE("Trace clock"),
    /** The timestamps metrics records carry. */
    RECORD("Metrics-record clock");

    private final String label;

    RequestClock(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The clock of a request's times, or null when it has no times. */
    public static RequestClock of(RequestTimeline t) {
        if (t.timesBasis() == null) {
            return null;
        }
        return t.timesBasis() == Basis.DERIVED_FROM_SPANS ? TRACE : RECORD;
    }

    /**
     * The clock of a finding's evidence times, or null when it has none: its request's clock when it
     * names a request, else the trace's (findings about spans, inputs and processes).
     */
    public static RequestClock of(Finding f, AnalysisResult analysis) {
        if (f.evidence().startNs() == RawEvent.NO_TIME) {
            return null;
        }
        String id = f.evidence().requestId();
        RequestTimeline r = id == null || analysis == null ? null : analysis.request(id);
        if (id != null) {
            return r == null ? null : of(r);
        }
        return TRACE;
    }

    @Override
    public String toString() {
        return label;
    }
}
