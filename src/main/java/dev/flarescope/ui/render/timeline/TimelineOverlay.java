package dev.flarescope.ui.render.timeline;

import dev.flarescope.analysis.AnalysisResult;
import dev.flarescope.analysis.anomaly.Finding;
import dev.flarescope.analysis.requests.EventKind;
import dev.flarescope.analysis.requests.RequestEvent;
import dev.flarescope.analysis.requests.RequestTimeline;
import dev.flarescope.model.RawEvent;
import dev.flarescope.model.Severity;
import dev.flarescope.ui.viewmodel.RequestClock;
import dev.flarescope.ui.viewmodel.RequestFacts;
import dev.flarescope.ui.viewmodel.SpanRef;
import dev.flarescope.ui.viewmodel.TimeRange;
import dev.flarescope.ui.viewmodel.TimelineTarget;
import java.util.ArrayList;
import java.util.List;

/**
 * What the request analysis adds to a timeline frame: a marker on the ruler for every finding timed on
 * the trace's clock, the selected request (its time range and its spans, outlined), and the highlighted
 * finding's evidence (its time range, on its thread when known).
 *
 * @param markers        findings on the trace clock, by start time
 * @param requestRange   the selected request's time range, or null
 * @param requestSpans   the selected request's spans
 * @param evidence       the highlighted finding's place, or null
 * @param evidenceLevel  the highlighted finding's severity (null when there is none)
 */
public record TimelineOverlay(List<Marker> markers, TimeRange requestRange, List<SpanRef> requestSpans,
                              TimelineTarget evidence, Severity evidenceLevel) {
    /** Nothing drawn over the trace. */
    public static final TimelineOverlay NONE = new TimelineOverlay(List.of(), null, List.of(), null, null);

    /** One finding on the ruler: where it starts and ends and how bad it is. */
    public record Marker(long startNs, long endNs, Severity severity) {
    }

    public TimelineOverlay {
        markers = List.copyOf(markers);
        requestSpans = List.copyOf(requestSpans);
    }

    /**
     * The overlay for an analysis, the selected request id and the highlighted finding (each may be
     * null). Requests and findings on a metrics record's clock are left out: their times do not belong
     * on the trace's axis.
     */
    public static TimelineOverlay of(AnalysisResult analysis, String selectedRequest, Finding highlighted) {
        if (analysis == null) {
            return NONE;
        }
        List<Marker> markers = new ArrayList<>();
        for (Finding f : analysis.findings()) {
            if (RequestClock.of(f, analysis) == RequestClock.TRACE) {
                long s = f.evidence().startNs();
                long e = f.evidence().endNs() == RawEvent.NO_TIME ? s : f.evidence().endNs();
                markers.add(new Marker(s, Math.max(s, e), f.severity()));
            }
        }
        markers.sort((a, b) -> Long.compare(a.startNs(), b.startNs()));
        TimeRange range = null;
        List<SpanRef> spans = new ArrayList<>();
        RequestTimeline request = selectedRequest == null ? null : analysis.request(selectedRequest);
        TimelineTarget place = request == null ? null : RequestFacts.timelineTarget(request);
        if (place != null) {
            range = place.range();
            for (RequestEvent e : request.events()) {
                if (e.ref().kind() == EventKind.SPAN) {
                    spans.add(new SpanRef(e.ref().process(), e.ref().thread(), e.ref().index()));
                }
            }
        }
        TimelineTarget evidence = null;
        if (highlighted != null && RequestClock.of(highlighted, analysis) == RequestClock.TRACE) {
            long s = highlighted.evidence().startNs();
            long e = Math.max(s + 1, highlighted.evidence().endNs());
            evidence = new TimelineTarget(new TimeRange(s, e), highlighted.evidence().process(),
                    highlighted.evidence().thread());
        }
        return new TimelineOverlay(markers, range, spans, evidence, evidence == null ? null : highlighted.severity());
    }
}
