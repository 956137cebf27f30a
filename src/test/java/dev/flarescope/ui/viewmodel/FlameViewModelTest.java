package dev.flarescope.ui.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarescope.analysis.flame.FlameLayout;
import dev.flarescope.analysis.flame.FlameOrder;
import dev.flarescope.analysis.flame.FunctionStat;
import dev.flarescope.model.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The flame tab's state without a window; builds run at once. Expected values are worked in FlameTestTrace. */
class FlameViewModelTest {
    private static final long US = 1000;

    private Trace trace;
    private TraceSession session;
    private FlameViewModel vm;

    @BeforeEach
    void setUp() {
        trace = FlameTestTrace.build();
        session = new TraceSession();
        session.setTrace(trace, List.of("flame-test.json"));
        vm = new FlameViewModel(session, FlameWorker.immediate());
    }

    private FlameScopeChoice mainThread() {
        return FlameTestTrace.thread(trace, "1", "1");
    }

    @Test
    void startsLeftHeavyOverAllThreads() {
        FlameFrames f = vm.graph().frames();
        assertEquals(FlameOrder.LEFT_HEAVY, f.layout().order());
        assertEquals(200 * US, f.rootTotal());
        assertEquals(160 * US, f.total(FlameTestTrace.frame(f, "main")));
        assertEquals(3, f.count(FlameTestTrace.frame(f, "main")));
        assertEquals(List.of("all"), vm.graph().crumbs().stream().map(FlameGraphModel.Crumb::label).toList());
        // 1 + 3 processes and threads: all, pid 1 with 2 threads, pid 2 with 1 thread
        assertEquals(6, vm.scopeChoices().size());
        assertEquals(3, vm.threadChoices().size());
    }

    @Test
    void modeSwitchesRebuild() {
        vm.mode().set(FlameMode.TIME_ORDER);
        assertTrue(vm.needsThreadProperty().get(), "time order over all threads asks for a thread");
        assertNull(vm.graph().frames());

        vm.scope().set(mainThread());
        assertFalse(vm.needsThreadProperty().get());
        FlameFrames chart = vm.graph().frames();
        assertEquals(FlameOrder.TIME_ORDER, chart.layout().order());
        assertEquals(9, chart.layout().size(), "one frame per span of thread 1/1");
        assertEquals(250 * US, chart.rootTotal(), "from the first start (0) to the last end (250 us)");

        vm.mode().set(FlameMode.SANDWICH);
        assertNull(vm.graph().frames());
        FunctionStat top = vm.functions().get(0);
        assertEquals("main", top.name());
        assertEquals(150 * US, top.total());
        assertEquals(20 * US, top.self());
        assertEquals(2, top.count());
        assertEquals(6, vm.functions().size());
        assertEquals("main", vm.sandwichFunction().get(), "the heaviest function is shown first");

        vm.sandwichFunction().set("forward");
        FlameFrames callers = vm.callers().frames();
        FlameFrames callees = vm.callees().frames();
        assertEquals(100 * US, callers.rootTotal());
        assertEquals(100 * US, callers.total(FlameTestTrace.frame(callers, "main")));
        assertFalse(callers.layout().inverted(), "callers grow upward from the function");
        assertTrue(callees.layout().inverted(), "callees hang below the function");
        assertEquals(50 * US, callees.total(FlameTestTrace.frame(callees, "mlp")));
        assertEquals(20 * US, callees.total(FlameTestTrace.frame(callees, "attention")));

        vm.mode().set(FlameMode.LEFT_HEAVY);
        assertEquals(150 * US, vm.graph().frames().rootTotal());
        assertEquals("forward", vm.sandwichFunction().get(), "the sandwich keeps its function");
    }

    @Test
    void scopeFollowsTheTimeSelection() {
        vm.scope().set(mainThread());
        session.timeSelection().set(new TimeRange(20 * US, 60 * US));
        FlameFrames f = vm.graph().frames();
        assertEquals(40 * US, f.rootTotal());
        assertEquals(30 * US, f.total(FlameTestTrace.frame(f, "main>forward")));
        assertEquals(10 * US, f.total(FlameTestTrace.frame(f, "main>parse")));
        assertEquals(5 * US, f.total(FlameTestTrace.frame(f, "main>parse>tokenize")));
        assertEquals(10 * US, f.total(FlameTestTrace.frame(f, "main>forward>mlp")));

        vm.followSelection().set(false);
        assertEquals(150 * US, vm.graph().frames().rootTotal());
        vm.followSelection().set(true);
        session.timeSelection().set(null);
        assertEquals(150 * US, vm.graph().frames().rootTotal());
    }

    @Test
    void timeOrderClipsToTheSelection() {
        vm.mode().set(FlameMode.TIME_ORDER);
        vm.scope().set(mainThread());
        session.timeSelection().set(new TimeRange(20 * US, 60 * US));
        FlameFrames f = vm.graph().frames();
        assertEquals(40 * US, f.rootTotal());
        int main = FlameTestTrace.frame(f, "main");
        int forward = FlameTestTrace.frame(f, "main>forward");
        assertEquals(40 * US, f.total(main));
        assertEquals(0, f.self(main), "40 in range minus parse 10 and forward 30");
        assertEquals(30 * US, f.total(forward));
        assertEquals(0, f.self(forward), "30 in range minus attention 20 and mlp 10");
        assertEquals(5 * US, f.total(FlameTestTrace.frame(f, "main>parse>tokenize")), "tokenize 5..25 clipped to 20..25");
        assertEquals(6, f.layout().size(), "the second main (200..250) is outside the selection");
    }

    @Test
    void zoomMakesBreadcrumbsAndCrumbsZoomOut() {
        vm.scope().set(mainThread());
        FlameGraphModel g = vm.graph();
        FlameFrames f = g.frames();
        int mlp = FlameTestTrace.frame(f, "main>forward>mlp");
        g.zoomTo(mlp);
        assertEquals(List.of("all", "main", "forward", "mlp"), labels(g));
        // left heavy: main [0, 150), forward first under it [0, 100), mlp first under forward [0, 50)
        assertEquals(new FlameLayout.Viewport(0, 50 * US), g.viewport());

        g.zoomToCrumb(2);
        assertEquals(List.of("all", "main", "forward"), labels(g));
        assertEquals(new FlameLayout.Viewport(0, 100 * US), g.viewport());

        FlameFrameInfo info = g.info(mlp);
        assertEquals(50 * US, info.total());
        assertEquals(50 * US, info.self());
        assertEquals(2, info.count());
        assertEquals(50.0 / 150, info.shareOfRoot(), 1e-12);
        assertEquals(0.5, info.shareOfZoom(), 1e-12);
        assertEquals("forward", info.zoomedName());

        assertTrue(g.frames().layout().inverted(), "an icicle by default");
        vm.inverted().set(false);
        assertFalse(g.frames().layout().inverted());
        assertEquals(List.of("all", "main", "forward"), labels(g), "flipping to a flame keeps the zoom");

        g.zoomOut();
        assertEquals(List.of("all", "main"), labels(g));
        g.zoomToCrumb(0);
        assertEquals(List.of("all"), labels(g));
        assertEquals(new FlameLayout.Viewport(0, 150 * US), g.viewport());
        assertTrue(Double.isNaN(g.info(mlp).shareOfZoom()));
    }

    @Test
    void searchReportsTheShareOfMatchingTime() {
        session.searchQuery().set("forward");
        assertEquals("matches: 50.0% of total", vm.matchSummaryProperty().get(), "forward 100 of 200");
        FlameFrames f = vm.graph().frames();
        assertTrue(vm.graph().matchesProperty().get().test(FlameTestTrace.frame(f, "main>forward")));
        assertFalse(vm.graph().matchesProperty().get().test(FlameTestTrace.frame(f, "main")));

        vm.scope().set(mainThread());
        session.searchQuery().set("ML");
        assertEquals("matches: 33.3% of total", vm.matchSummaryProperty().get(), "mlp 50 of 150");

        vm.mode().set(FlameMode.TIME_ORDER);
        session.searchQuery().set("forward");
        assertEquals("matches: 40.0% of total", vm.matchSummaryProperty().get(), "forward 60 + 40 of 250");

        session.searchQuery().set("  ");
        assertEquals("", vm.matchSummaryProperty().get());
        assertNull(vm.graph().matchesProperty().get());
    }

    @Test
    void newRequestCancelsTheRunningBuildAndStaleResultsAreDropped() {
        HeldWorker held = new HeldWorker();
        FlameViewModel deferred = new FlameViewModel(session, held);
        assertTrue(deferred.buildingProperty().get());
        deferred.scope().set(mainThread());
        assertEquals(2, held.jobs.size());
        assertTrue(held.jobs.get(0).cancelled, "the first build was cancelled by the second request");
        assertFalse(held.jobs.get(1).cancelled);

        held.jobs.get(1).run();
        assertFalse(deferred.buildingProperty().get());
        assertEquals(150 * US, deferred.graph().frames().rootTotal());
        held.jobs.get(0).run();
        assertEquals(150 * US, deferred.graph().frames().rootTotal(), "the older result does not replace it");
    }

    @Test
    void noTraceSaysSo() {
        session.setTrace(null, List.of());
        assertNotNull(vm.messageProperty().get());
        assertNull(vm.graph().frames());
        assertTrue(vm.scopeChoices().isEmpty());
    }

    private static List<String> labels(FlameGraphModel g) {
        return g.crumbs().stream().map(FlameGraphModel.Crumb::label).toList();
    }

    /** Holds builds until the test runs them, as a slow background build would. */
    private static final class HeldWorker implements FlameWorker {
        final List<HeldJob<?>> jobs = new ArrayList<>();

        @Override
        public <T> Job submit(String name, Function<BooleanSupplier, T> work, Consumer<T> done,
                              Consumer<Throwable> failed) {
            HeldJob<T> job = new HeldJob<>(work, done);
            jobs.add(job);
            return job;
        }
    }

    private static final class HeldJob<T> implements FlameWorker.Job {
        final Function<BooleanSupplier, T> work;
        final Consumer<T> done;
        boolean cancelled;

        HeldJob(Function<BooleanSupplier, T> work, Consumer<T> done) {
            this.work = work;
            this.done = done;
        }

        /** Runs the build to the end, ignoring the cancel flag, as a build past its last check would. */
        void run() {
            done.accept(work.apply(() -> false));
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }
}
