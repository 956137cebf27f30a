package dev.flarescope.ui.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarescope.analysis.Analysis;
import dev.flarescope.analysis.AnalysisOptions;
import dev.flarescope.analysis.AnalysisResult;
import dev.flarescope.analysis.anomaly.AnomalyEngine;
import dev.flarescope.analysis.anomaly.Evidence;
import dev.flarescope.analysis.anomaly.Finding;
import dev.flarescope.analysis.requests.Basis;
import dev.flarescope.analysis.requests.RequestTimeline;
import dev.flarescope.io.TraceLoader;
import dev.flarescope.model.RawEvent;
import dev.flarescope.model.Severity;
import dev.flarescope.model.Trace;
import dev.flarescope.notes.Note;
import dev.flarescope.notes.NoteAnchor;
import dev.flarescope.notes.NoteColor;
import dev.flarescope.notes.Sidecar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FindingNotesTest {
    @TempDir
    Path dir;
    private Trace trace;
    private AnalysisResult analysis;

    /**
     * A trace whose request req-7 is timed by its spans (prefill 1-3 ms, decode 3-8 ms on the trace
     * clock), loaded with a metrics log whose requests are on the wall clock, and a span at 0.5 ms that
     * is the trace's earliest event.
     */
    @BeforeEach
    void load() throws IOException {
        Path spans = dir.resolve("spans.json");
        Files.writeString(spans, """
                {"traceEvents": [
                {"ph": "X", "name": "warmup", "pid": 1, "tid": 1, "ts": 500, "dur": 100},
                {"ph": "X", "name": "prefill", "pid": 1, "tid": 1, "ts": 1000, "dur": 2000, "args": {"request_id": "req-7"}},
                {"ph": "X", "name": "decode", "pid": 1, "tid": 1, "ts": 3000, "dur": 5000, "args": {"request_id": "req-7"}}
                ]}
                """);
        TraceLoader.Result r = TraceLoader.load(List.of(spans, Path.of("sample-traces", "llm-metrics-impossible.jsonl")));
        assertEquals(List.of(), r.failures());
        trace = r.trace();
        analysis = Analysis.run(trace, AnalysisOptions.defaults());
    }

    private RequestTimeline metricsRequest() {
        return analysis.requests().stream().filter(t -> t.timesBasis() != null && t.timesBasis() != Basis.DERIVED_FROM_SPANS)
                .findFirst().orElseThrow();
    }

    @Test
    void aFindingOnATraceTimedRequestPointsAtTheRequest() {
        Evidence e = Evidence.builder().request("req-7").range(2_000_000, 2_500_000)
                .number("overlap", 180, "ms").number("decode", 32.25, "tok/s").build();
        Note n = FindingNotes.fromFinding(new Finding("phase-order", Severity.ERROR,
                "generation starts before prefill ends by 180 ms", e), analysis, trace);
        assertEquals("phase-order (error)\ngeneration starts before prefill ends by 180 ms\noverlap: 180 ms\n"
                + "decode: 32.3 tok/s" + why("phase-order"), n.text());
        assertEquals(NoteColor.RED, n.color());
        assertTrue(n.arrow());
        assertEquals(new NoteAnchor.OnRequest("req-7", 1_000_000, 8_000_000), n.anchor());
    }

    @Test
    void aFindingOnARecordTimedRequestIsPinnedToThatRequestOnItsOwnClock() {
        RequestTimeline r = metricsRequest();
        assertTrue(r.arrivalNs() > 1_000_000_000_000_000L, "wall-clock times: " + r.arrivalNs());
        Evidence e = Evidence.of(r).number("decode", 16655.2, "tok/s").build();
        Note n = FindingNotes.fromFinding(new Finding("burst-delivery", Severity.WARNING, "tokens arrived in a burst", e),
                analysis, trace);
        assertEquals(NoteColor.ORANGE, n.color());
        // as "Add note on request" pins it: the Requests view shows it on the request's row, on the
        // records' clock; the timeline leaves it out
        assertEquals(new NoteAnchor.OnRequest(r.id(), r.arrivalNs(), r.endNs()), n.anchor());
        assertFalse(NoteAnchors.onTraceClock(n, analysis));
        assertEquals("burst-delivery (warning)\ntokens arrived in a burst\ndecode: 16655.2 tok/s"
                + why("burst-delivery"), n.text());
    }

    @Test
    void aFindingWithoutARequestPointsAtItsTimes() {
        Evidence range = Evidence.builder().at(0, 0).range(1_500_000, 1_700_000).build();
        assertEquals(new NoteAnchor.Range(1_500_000, 1_700_000), FindingNotes.fromFinding(
                new Finding("overlapping-spans", Severity.WARNING, "1 span(s) overlap", range), analysis, trace).anchor());
        Evidence moment = Evidence.builder().range(4_000_000, RawEvent.NO_TIME).build();
        Note m = FindingNotes.fromFinding(new Finding("clock-skew", Severity.INFO, "skew", moment), analysis, trace);
        assertEquals(new NoteAnchor.Moment(4_000_000), m.anchor());
        assertEquals(NoteColor.BLUE, m.color());
        assertEquals("clock-skew (info)\nskew" + why("clock-skew"), m.text());
        Evidence none = Evidence.builder().build();
        assertEquals(new NoteAnchor.Moment(500_000), FindingNotes.fromFinding(
                new Finding("malformed-input", Severity.WARNING, "cut", none), analysis, trace).anchor());
    }

    @Test
    void everyRealFindingMakesANoteThatFitsTheSidecar() throws Exception {
        assertFalse(analysis.findings().isEmpty());
        for (Finding f : analysis.findings()) {
            Note n = FindingNotes.fromFinding(f, analysis, trace);
            assertTrue(n.text().startsWith(f.ruleId() + " (" + f.severity().id() + ")\n" + f.message()), n.text());
            assertTrue(n.text().length() <= Note.MAX_TEXT);
            // findings of this log are about wall-clock request records: each is pinned to its request
            String id = f.evidence().requestId();
            if (id != null && analysis.request(id).timesBasis() != Basis.DERIVED_FROM_SPANS) {
                assertTrue(n.anchor() instanceof NoteAnchor.OnRequest on && on.requestId().equals(id), f.toString());
            }
        }
        List<Note> notes = analysis.findings().stream().map(f -> FindingNotes.fromFinding(f, analysis, trace)).toList();
        Path file = dir.resolve("spans.json.flarescope.json");
        Sidecar.write(file, notes);
        assertEquals(notes, Sidecar.read(file).notes());
    }

    /** The rule's own explanation, which the note carries after a blank line. */
    private static String why(String rule) {
        String explanation = AnomalyEngine.standard().rule(rule).explanation();
        assertTrue(explanation.length() > 40, rule);
        return "\n\nWhy: " + explanation;
    }
}
