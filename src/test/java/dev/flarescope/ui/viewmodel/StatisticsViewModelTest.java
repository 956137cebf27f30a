package dev.flarescope.ui.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarescope.analysis.stats.SpanStat;
import dev.flarescope.io.TraceLoader;
import dev.flarescope.model.ProcessTrack;
import dev.flarescope.model.Trace;
import dev.flarescope.ui.TestTraces;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Figures of {@link TestTraces#SERVING}, worked out by hand there, as the statistics table shows them. */
class StatisticsViewModelTest {
    private static final long US = 1000;

    @TempDir
    Path dir;

    private final TraceSession session = new TraceSession();
    private final UiQueue ui = new UiQueue();
    private final ManualExecutor background = new ManualExecutor();
    private StatisticsViewModel model;
    private Trace trace;

    @BeforeEach
    void load() throws Exception {
        Path file = TestTraces.write(dir, "serving.json", TestTraces.SERVING);
        trace = TraceLoader.load(List.of(file)).trace();
        model = new StatisticsViewModel(session, ui, background);
        session.setTrace(trace, List.of(file.toString()));
        settle();
    }

    @Test
    void wholeTraceRowsMatchTheHandWorkedFigures() {
        assertEquals(List.of("forward", "request", "tokenize", "sample"), names());
        SpanStat forward = row("forward");
        assertEquals(3, forward.count());
        assertEquals(160 * US, forward.totalNs());
        assertEquals(160 * US, forward.selfNs());
        assertEquals(80 * US, forward.maxNs());
        assertEquals(50 * US, forward.p50Ns());
        assertEquals(80 * US, forward.p90Ns());
        assertEquals(0.64, forward.share(), 1e-9);
        SpanStat request = row("request");
        assertEquals(2, request.count());
        assertEquals(60 * US, request.selfNs());
        assertEquals(100 * US, request.maxNs());
        assertEquals(60 * US, request.p50Ns());
        assertEquals(80.0 * US, request.meanNs(), 1e-9);
        assertEquals(0.24, request.share(), 1e-9);
        assertEquals(7, model.spanCountProperty().get());
    }

    @Test
    void scopesListAllThreadsEachProcessAndEachThread() {
        assertEquals(5, model.scopes().size()); // all, api, api's thread, worker, worker's thread
        assertEquals("All threads", model.scopes().get(0).label());
        assertEquals(model.scopes().get(0), model.scope().get());
    }

    @Test
    void processScopeCountsOnlyThatProcess() {
        model.scope().set(choice("api"));
        settle();
        assertEquals(List.of("request", "forward", "tokenize"), names());
        assertEquals(2, row("forward").count());
        assertEquals(80 * US, row("forward").totalNs());
        assertEquals(5, model.spanCountProperty().get());
    }

    @Test
    void timeSelectionCountsSpansStartingInIt() {
        session.timeSelection().set(new TimeRange(trace.minTs(), trace.minTs() + 100 * US));
        settle();
        assertEquals(1, row("request").count());
        assertEquals(30 * US, row("request").selfNs());
        assertEquals(2, row("forward").count());
        assertEquals(130 * US, row("forward").totalNs());
        assertEquals(4, model.spanCountProperty().get());
    }

    @Test
    void filterKeepsNamesContainingTheTextIgnoringCase() {
        model.filter().set("OR");
        assertEquals(List.of("forward"), names());
        model.filter().set("  ");
        assertEquals(4, model.rows().size());
    }

    @Test
    void aResultOvertakenByANewerRequestIsDropped() {
        model.scope().set(choice("api"));
        background.runNext(); // computes for api and queues the rows for the UI thread
        model.scope().set(choice("worker"));
        ui.runPending(); // the api rows arrive late: not shown
        assertEquals(4, model.rows().size());
        assertTrue(model.computingProperty().get());
        settle();
        assertEquals(List.of("forward", "sample"), names());
        assertFalse(model.computingProperty().get());
    }

    @Test
    void revealSelectsTheLongestSpanAndFramesItWithATenthOnEachSide() {
        assertTrue(model.reveal(row("forward")));
        int worker = processIndex("worker");
        assertEquals(new SpanRef(worker, 0, 0), session.selectedSpan().get());
        long start = trace.minTs() + 50 * US;
        assertEquals(new TimeRange(start - 8 * US, start + 88 * US), session.viewport().get());
    }

    @Test
    void revealLooksOnlyInTheChosenScope() {
        model.scope().set(choice("api"));
        settle();
        assertTrue(model.reveal(row("forward")));
        SpanRef ref = session.selectedSpan().get();
        assertEquals(processIndex("api"), ref.process());
        assertEquals(50 * US, ref.end(trace) - ref.start(trace));
        assertEquals(trace.minTs() + 40 * US, ref.start(trace));
    }

    private void settle() {
        while (background.pending() > 0) {
            background.runNext();
        }
        ui.runPending();
    }

    private List<String> names() {
        return model.rows().stream().map(SpanStat::name).toList();
    }

    private SpanStat row(String name) {
        return model.rows().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    private StatisticsViewModel.ScopeChoice choice(String processName) {
        ProcessTrack p = trace.processes().get(processIndex(processName));
        return model.scopes().stream().filter(c -> c.label().equals(p.label())).findFirst().orElseThrow();
    }

    private int processIndex(String name) {
        for (int i = 0; i < trace.processes().size(); i++) {
            if (name.equals(trace.processes().get(i).name())) {
                return i;
            }
        }
        throw new AssertionError("no process " + name);
    }
}
