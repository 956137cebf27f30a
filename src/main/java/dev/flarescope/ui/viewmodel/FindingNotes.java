package dev.flarescope.ui.viewmodel;

import dev.flarescope.analysis.AnalysisResult;
import dev.flarescope.analysis.anomaly.AnomalyEngine;
import dev.flarescope.analysis.anomaly.Evidence;
import dev.flarescope.analysis.anomaly.Finding;
import dev.flarescope.analysis.anomaly.Quantity;
import dev.flarescope.analysis.anomaly.Rule;
import dev.flarescope.analysis.requests.RequestTimeline;
import dev.flarescope.model.RawEvent;
import dev.flarescope.model.Severity;
import dev.flarescope.model.Trace;
import dev.flarescope.notes.Note;
import dev.flarescope.notes.NoteAnchor;
import dev.flarescope.notes.NoteColor;
import java.util.Map;
import java.util.Optional;

/**
 * A note made from an anomaly finding, so a user can keep what the rules found on the trace (and in an
 * exported picture) with their own words added: the rule and its message with the numbers that
 * convict and why the rule holds, in the severity's colour, pointing at the request or the time the
 * finding is about.
 */
public final class FindingNotes {
    private static final AnomalyEngine RULES = AnomalyEngine.standard();

    private FindingNotes() {
    }

    /**
     * The note for {@code finding}. It points at the finding's request, as a note added on that request
     * does (a request known only from metrics records is on their clock, so its note shows in the
     * Requests view and not on the timeline); without one, at the evidence's time range (a moment when
     * it has no end) when that is on the trace clock, else at the trace's start.
     *
     * @param analysis the analysis the finding came from, which knows its request's clock
     * @param trace    the trace analysed, for its start
     */
    public static Note fromFinding(Finding finding, AnalysisResult analysis, Trace trace) {
        return Note.create(text(finding), color(finding.severity()), anchor(finding, analysis, trace), true);
    }

    private static String text(Finding f) {
        StringBuilder sb = new StringBuilder();
        sb.append(f.ruleId()).append(" (").append(f.severity().id()).append(")\n").append(f.message());
        for (Map.Entry<String, Quantity> e : f.evidence().numbers().entrySet()) {
            sb.append('\n').append(e.getKey()).append(": ").append(e.getValue().format());
        }
        Rule rule = RULES.rule(f.ruleId());
        if (rule != null) {
            sb.append("\n\nWhy: ").append(rule.explanation());
        }
        if (sb.length() > Note.MAX_TEXT) {
            sb.setLength(Note.MAX_TEXT - 1);
            sb.append('…');
        }
        return sb.toString();
    }

    private static NoteColor color(Severity s) {
        return switch (s) {
            case ERROR -> NoteColor.RED;
            case WARNING -> NoteColor.ORANGE;
            case INFO -> NoteColor.BLUE;
        };
    }

    private static NoteAnchor anchor(Finding f, AnalysisResult analysis, Trace trace) {
        Evidence e = f.evidence();
        RequestTimeline request = e.requestId() == null || analysis == null ? null : analysis.request(e.requestId());
        if (request != null) {
            Optional<NoteAnchor> on = NoteAnchors.forRequest(request);
            if (on.isPresent()) {
                return on.get(); // as "Add note on request" pins it, whichever clock the request is on
            }
        }
        if (RequestClock.of(f, analysis) != RequestClock.TRACE) {
            return new NoteAnchor.Moment(trace.minTs());
        }
        long start = e.startNs();
        long end = e.endNs() == RawEvent.NO_TIME ? start : e.endNs();
        if (start == end) {
            return new NoteAnchor.Moment(start);
        }
        return new NoteAnchor.Range(Math.min(start, end), Math.max(start, end));
    }
}
