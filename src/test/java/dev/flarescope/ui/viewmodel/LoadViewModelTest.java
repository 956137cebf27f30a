package dev.flarescope.ui.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarescope.format.InputException;
import dev.flarescope.model.Trace;
import dev.flarescope.ui.TestTraces;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading through the real {@link dev.flarescope.io.TraceLoader} on files in a temporary folder. */
class LoadViewModelTest {
    @TempDir
    Path dir;

    private final Preferences prefs = Preferences.userRoot().node("dev/flarescope/test-" + UUID.randomUUID());
    private final TraceSession session = new TraceSession();
    private final UiQueue ui = new UiQueue();
    private final List<LoadOutcome> outcomes = new ArrayList<>();
    private RecentFiles recent;
    private Path serving;
    private Path moreApi;
    private Path bad;

    @BeforeEach
    void files() throws Exception {
        serving = TestTraces.write(dir, "serving.json", TestTraces.SERVING);
        moreApi = TestTraces.write(dir, "more-api.jsonl", TestTraces.MORE_API);
        bad = TestTraces.write(dir, "notes.txt", TestTraces.NOT_A_TRACE);
        recent = new RecentFiles(prefs);
    }

    @AfterEach
    void removePrefs() throws Exception {
        prefs.removeNode();
    }

    @Test
    void openShowsTheTraceReportsEachInputAndRemembersThePath() throws Exception {
        LoadViewModel load = model(threadPerTask());
        load.open(List.of(serving));
        assertTrue(load.isLoading());
        assertEquals(List.of(serving), load.loadingPathsProperty().get());
        awaitOutcome(load);

        LoadOutcome o = outcomes.get(0);
        assertEquals(LoadOutcome.Status.LOADED, o.status());
        assertEquals(1, o.inputs().size());
        assertEquals(9, o.inputs().get(0).events()); // the nine event objects of the file
        assertEquals(0, o.inputs().get(0).malformedLines());
        assertEquals(2, session.trace().processes().size());
        assertEquals(List.of(serving.toString()), session.inputs());
        assertEquals(Files.size(serving), load.bytesTotalProperty().get());
        assertEquals(Files.size(serving), load.bytesDoneProperty().get());
        assertEquals(List.of(serving.toAbsolutePath()), recent.entries());
        assertFalse(load.isLoading());
    }

    @Test
    void addReloadsAllInputsAndMergesTheSameProcess() throws Exception {
        LoadViewModel load = model(threadPerTask());
        load.open(List.of(serving));
        awaitOutcome(load);
        load.add(List.of(moreApi));
        awaitOutcome(load);

        assertEquals(LoadOutcome.Status.LOADED, outcomes.get(1).status());
        assertEquals(List.of(serving.toString(), moreApi.toString()), session.inputs());
        Trace t = session.trace();
        assertEquals(2, t.processes().size()); // pid 1 of both files is one process
        assertEquals(7 + 2, t.spanCount());
        assertEquals(List.of(moreApi.toAbsolutePath(), serving.toAbsolutePath()), recent.entries());
    }

    @Test
    void aBadFileIsReportedAndTheOthersStillOpen() throws Exception {
        LoadViewModel load = model(threadPerTask());
        load.open(List.of(serving, bad));
        awaitOutcome(load);

        LoadOutcome o = outcomes.get(0);
        assertEquals(LoadOutcome.Status.LOADED, o.status());
        assertEquals(1, o.failures().size());
        InputException f = o.failures().get(0);
        assertEquals(bad.toString(), f.path());
        assertTrue(f.userMessage().startsWith(bad.toString() + ": "), f.userMessage());
        assertEquals(List.of(serving.toString()), session.inputs());
        assertEquals(List.of(serving.toAbsolutePath()), recent.entries());
    }

    @Test
    void whenNothingCanBeReadThePreviousTraceStays() throws Exception {
        LoadViewModel load = model(threadPerTask());
        load.open(List.of(serving));
        awaitOutcome(load);
        Trace before = session.trace();

        load.open(List.of(bad, dir.resolve("missing.json")));
        awaitOutcome(load);
        LoadOutcome o = outcomes.get(1);
        assertEquals(LoadOutcome.Status.NOTHING_LOADED, o.status());
        assertEquals(2, o.failures().size());
        assertNull(o.error());
        assertSame(before, session.trace());
        assertEquals(List.of(serving.toString()), session.inputs());
    }

    @Test
    void addingOnlyUnreadableFilesKeepsTheTraceAsItWas() throws Exception {
        LoadViewModel load = model(threadPerTask());
        load.open(List.of(serving));
        awaitOutcome(load);
        Trace before = session.trace();

        load.add(List.of(bad));
        awaitOutcome(load);
        assertEquals(LoadOutcome.Status.NOTHING_LOADED, outcomes.get(1).status());
        assertSame(before, session.trace());
    }

    @Test
    void cancelEndsAtOnceAndWhatTheLoaderStillProducesIsDropped() throws Exception {
        ManualExecutor background = new ManualExecutor();
        LoadViewModel load = model(background);
        load.open(List.of(serving));
        background.runNext();
        ui.runPending();
        Trace before = session.trace();

        load.open(List.of(serving, moreApi));
        load.cancel();
        assertFalse(load.isLoading());
        assertEquals(LoadOutcome.Status.CANCELLED, outcomes.get(1).status());

        background.runNext(); // the loader sees the cancel flag and stops
        ui.runPending();
        assertSame(before, session.trace());
        assertEquals(2, outcomes.size());
        assertEquals(List.of(serving.toString()), session.inputs());
    }

    @Test
    void aNewLoadSupersedesTheOneUnderWay() throws Exception {
        ManualExecutor background = new ManualExecutor();
        LoadViewModel load = model(background);
        load.open(List.of(serving));
        load.open(List.of(moreApi));
        background.runNext(); // the first load, cancelled by the second
        background.runNext();
        ui.runPending();
        assertEquals(1, outcomes.size());
        assertEquals(List.of(moreApi.toString()), session.inputs());
    }

    private LoadViewModel model(Executor background) {
        LoadViewModel load = new LoadViewModel(session, recent, ui, background);
        load.addOutcomeListener(outcomes::add);
        return load;
    }

    private void awaitOutcome(LoadViewModel load) throws InterruptedException {
        int before = outcomes.size();
        ui.runUntil(() -> outcomes.size() > before);
    }

    private static Executor threadPerTask() {
        return r -> {
            Thread t = new Thread(r, "test-load");
            t.setDaemon(true);
            t.start();
        };
    }
}
