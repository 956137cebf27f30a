package dev.flarescope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarescope.bench.TraceGenerator;
import dev.flarescope.bench.TraceLayout;
import dev.flarescope.model.Trace;
import dev.flarescope.ui.viewmodel.RecentFiles;
import dev.flarescope.ui.viewmodel.SpanRef;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableRow;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real window, driven headless: opening, dropping, cancelling a big load, statistics to timeline. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    @TempDir
    static Path dir;
    private static Path serving;
    private static Path moreApi;
    private static Path big;

    private final Preferences prefs = Preferences.userRoot().node("dev/flarescope/test-" + UUID.randomUUID());
    private MainWindow window;

    @BeforeAll
    static void files() throws Exception {
        serving = TestTraces.write(dir, "serving.json", TestTraces.SERVING);
        moreApi = TestTraces.write(dir, "more-api.jsonl", TestTraces.MORE_API);
        big = dir.resolve("big.json");
        TraceGenerator.write(big, TraceLayout.JSON, 2_000_000, 7);
    }

    @Start
    void start(Stage stage) {
        window = new MainWindow(stage, new RecentFiles(prefs), dir.resolve("no-sample-here"));
        stage.show();
    }

    @AfterEach
    void removePrefs() throws Exception {
        prefs.removeNode();
    }

    @Test
    void openingAFileShowsTheTraceAndItsCounts(FxRobot robot) throws Exception {
        openAndWait(robot, serving);
        assertTrue(robot.lookup(".tab-pane").query().isVisible());
        assertFalse(robot.lookup(".start-screen").query().isVisible());
        List<String> status = robot.lookup(".status-item").queryAllAs(Label.class).stream()
                .filter(Node::isVisible).map(Label::getText).toList();
        assertTrue(status.containsAll(List.of("1 input", "2 processes", "9 events", "7 spans")), status.toString());
    }

    @Test
    void droppedFilesAreAddedToTheOpenTrace(FxRobot robot) throws Exception {
        openAndWait(robot, serving);
        Trace before = window.session().trace();
        robot.interact(() -> window.acceptDrop(List.of(moreApi)));
        waitFor(() -> window.session().trace() != before && !window.loader().isLoading());
        assertEquals(List.of(serving.toString(), moreApi.toString()), window.session().inputs());
        assertEquals(9, window.session().trace().spanCount());
    }

    @Test
    void cancellingABigLoadKeepsThePreviousTraceAndTheWindowResponds(FxRobot robot) throws Exception {
        openAndWait(robot, serving);
        Trace before = window.session().trace();
        robot.interact(() -> window.open(List.of(big)));
        assertTrue(window.loader().isLoading());
        robot.clickOn("Cancel");
        assertFalse(window.loader().isLoading());
        assertSame(before, window.session().trace());
        robot.clickOn("Flame graph");
        assertEquals(1, robot.lookup(".tab-pane").queryAs(TabPane.class).getSelectionModel().getSelectedIndex());
        assertFalse(robot.lookup(".load-card").query().isVisible());
    }

    @Test
    void doubleClickingAStatisticsRowSelectsItsLongestSpan(FxRobot robot) throws Exception {
        openAndWait(robot, serving);
        robot.interact(window::showStatistics);
        waitFor(() -> robot.lookup(".table-row-cell").queryAllAs(TableRow.class).stream()
                .anyMatch(r -> r.getItem() != null));
        robot.doubleClickOn("forward");
        Trace t = window.session().trace();
        SpanRef selected = window.session().selectedSpan().get();
        assertEquals("forward", selected.name(t));
        assertEquals("worker", t.processes().get(selected.process()).name());
        assertEquals(80_000, selected.end(t) - selected.start(t));
        assertEquals(0, robot.lookup(".tab-pane").queryAs(TabPane.class).getSelectionModel().getSelectedIndex());
    }

    private void openAndWait(FxRobot robot, Path file) throws Exception {
        robot.interact(() -> window.open(List.of(file)));
        waitFor(() -> window.session().trace() != null && !window.loader().isLoading());
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
