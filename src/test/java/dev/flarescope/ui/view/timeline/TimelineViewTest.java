package dev.flarescope.ui.view.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarescope.io.TraceLoader;
import dev.flarescope.model.Trace;
import dev.flarescope.ui.TestTraces;
import dev.flarescope.ui.render.timeline.TimelineGeometry;
import dev.flarescope.ui.view.details.DetailsPane;
import dev.flarescope.ui.viewmodel.TimeRange;
import dev.flarescope.ui.viewmodel.TimeScale;
import dev.flarescope.ui.viewmodel.TraceSession;
import dev.flarescope.ui.viewmodel.TrackModel;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real timeline and details pane in a window, driven by keys and clicks. The trace is
 * {@link TestTraces#SERVING}: 0 to 310 µs; api thread 1 holds tokenize [10, 30) µs at depth 1.
 */
@ExtendWith(ApplicationExtension.class)
class TimelineViewTest {
    private static final long US = 1000;
    @TempDir
    static Path dir;
    private static Trace trace;

    private final TraceSession session = new TraceSession();
    private TimelineView view;
    private DetailsPane details;

    @BeforeAll
    static void load() throws Exception {
        trace = TraceLoader.load(List.of(TestTraces.write(dir, "serving.json", TestTraces.SERVING))).trace();
    }

    @Start
    void start(Stage stage) {
        session.setTrace(trace, List.of("serving.json"));
        view = new TimelineView(session);
        details = new DetailsPane(session);
        view.setPrefSize(1000, 400);
        details.setPrefSize(1000, 220);
        stage.setScene(new Scene(new VBox(view, details), 1000, 620));
        stage.show();
    }

    @Test
    void wZoomsInAroundTheMouse(FxRobot robot) {
        TimeRange before = session.viewport().get();
        double x = TimelineGeometry.GUTTER + 200;
        long underMouse = view.scale().time(x);
        robot.moveTo(screen(x, TimelineGeometry.TRACKS_TOP + 5)).press(KeyCode.W).release(KeyCode.W);
        WaitForAsyncUtils.waitForFxEvents();
        TimeRange after = session.viewport().get();
        assertEquals(before.duration() * 0.8, after.duration(), 2);
        // the time under the mouse stays under the mouse, to within a pixel
        assertEquals(underMouse, view.scale().time(x), view.scale().nanos(1));
        assertTrue(after.start() > before.start() && after.end() < before.end());
    }

    @Test
    void aAndDPanByAStep(FxRobot robot) {
        robot.interact(() -> session.viewport().set(new TimeRange(100 * US, 200 * US)));
        robot.clickOn(view, javafx.scene.input.MouseButton.SECONDARY);
        robot.press(KeyCode.D).release(KeyCode.D);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(new TimeRange(115 * US, 215 * US), session.viewport().get());
        robot.press(KeyCode.A).release(KeyCode.A).press(KeyCode.A).release(KeyCode.A);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(new TimeRange(85 * US, 185 * US), session.viewport().get());
    }

    @Test
    void clickingASpanShowsItsDetails(FxRobot robot) {
        TrackModel api = view.trackLayout().threadTrack(0, 0);
        TimeScale scale = view.scale();
        double x = scale.x(20 * US);
        double y = TimelineGeometry.TRACKS_TOP + api.rowTop(1) + 8;
        robot.clickOn(screen(x, y));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("tokenize", session.selectedSpan().get().name(trace));
        Label title = robot.lookup(".details-title").queryAs(Label.class);
        assertEquals("tokenize", title.getText());
        assertTrue(robot.lookup(".details-value").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().equals("20.0 µs")), "duration shown");
    }

    @Test
    void escapeShowsTheWholeTrace(FxRobot robot) {
        robot.interact(() -> session.viewport().set(new TimeRange(100 * US, 120 * US)));
        robot.clickOn(view, javafx.scene.input.MouseButton.SECONDARY);
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(new TimeRange(0, 310 * US), session.viewport().get());
    }

    private Point2D screen(double x, double y) {
        return view.localToScreen(x, y);
    }
}
