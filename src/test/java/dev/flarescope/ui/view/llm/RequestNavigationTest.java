package dev.flarescope.ui.view.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarescope.analysis.anomaly.Finding;
import dev.flarescope.analysis.requests.RequestTimeline;
import dev.flarescope.io.TraceLoader;
import dev.flarescope.model.Severity;
import dev.flarescope.model.Trace;
import dev.flarescope.ui.render.phases.PhaseGeometry;
import dev.flarescope.ui.view.findings.FindingsPanel;
import dev.flarescope.ui.view.phases.PhaseTimelineView;
import dev.flarescope.ui.view.timeline.TimelineView;
import dev.flarescope.ui.viewmodel.AnalysisViewModel;
import dev.flarescope.ui.viewmodel.FindingsModel;
import dev.flarescope.ui.viewmodel.RequestFacts;
import dev.flarescope.ui.viewmodel.TimeRange;
import dev.flarescope.ui.viewmodel.TimelineTarget;
import dev.flarescope.ui.viewmodel.TraceSession;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The request views and the trace timeline on one session, over the serving-run sample (all requests
 * on the trace's clock), driven by clicks and keys as a user would.
 */
@ExtendWith(ApplicationExtension.class)
class RequestNavigationTest {
    private static Trace trace;

    private final TraceSession session = new TraceSession();
    private final List<TimelineTarget> revealed = new ArrayList<>();
    private final List<String> shownRequests = new ArrayList<>();
    private FindingsModel findings;
    private PhaseTimelineView phases;
    private FindingsPanel panel;
    private TimelineView timeline;

    @BeforeAll
    static void load() throws Exception {
        trace = TraceLoader.load(List.of(Path.of("sample-traces", "serving-run"))).trace();
    }

    @Start
    void start(Stage stage) {
        AnalysisViewModel analysis = new AnalysisViewModel(session, Runnable::run, Runnable::run);
        session.setTrace(trace, List.of("serving-run"));
        findings = new FindingsModel(analysis);
        timeline = new TimelineView(session);
        phases = new PhaseTimelineView(session);
        panel = new FindingsPanel(analysis, findings);
        phases.setOnReveal(t -> {
            revealed.add(t);
            timeline.reveal(t);
        });
        panel.setOnShowRequest(id -> {
            shownRequests.add(id);
            phases.showRequest(id);
        });
        timeline.setPrefSize(1200, 200);
        phases.setPrefSize(1200, 330);
        panel.setPrefSize(1200, 230);
        stage.setScene(new Scene(new VBox(timeline, phases, panel), 1260, 780));
        stage.show();
    }

    @Test
    void clickingARowSelectsTheRequestAndTheTimelineOutlinesItsSpans(FxRobot robot) {
        robot.clickOn(rowPoint(robot, 2));
        WaitForAsyncUtils.waitForFxEvents();
        RequestTimeline third = phases.model().rows().get(2).request();
        assertEquals(third.id(), session.selectedRequest().get());
        robot.press(KeyCode.DOWN).release(KeyCode.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(phases.model().rows().get(3).request().id(), session.selectedRequest().get());
    }

    @Test
    void doubleClickTakesTheTimelineToTheRequest(FxRobot robot) {
        RequestTimeline first = phases.model().rows().get(0).request();
        robot.doubleClickOn(rowPoint(robot, 0));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, revealed.size());
        TimelineTarget target = revealed.get(0);
        assertEquals(RequestFacts.startNs(first), target.range().start());
        assertEquals(RequestFacts.endNs(first), target.range().end());
        TimeRange v = session.viewport().get();
        // fitted with 15% of the request's length either side
        long margin = Math.round((target.range().duration()) * 0.15);
        assertEquals(target.range().start() - margin, v.start(), 2);
        assertEquals(target.range().end() + margin, v.end(), 2);
    }

    @Test
    void zoomingTheRequestsZoomsTheTimelineToo(FxRobot robot) {
        TimeRange before = session.viewport().get();
        robot.clickOn(rowPoint(robot, 1), MouseButton.SECONDARY);
        robot.press(KeyCode.W).release(KeyCode.W);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before.duration() * 0.8, session.viewport().get().duration(), 2);
    }

    @Test
    void doubleClickingARequestFindingShowsItsRow(FxRobot robot) {
        ListView<?> list = robot.lookup(".findings-list").queryAs(ListView.class);
        int failures = indexOf("request-failures");
        Finding f = findings.shown().get(failures);
        robot.interact(() -> list.scrollTo(failures));
        Node cell = robot.lookup(".finding-cell").match(n -> ((ListCell<?>) n).getItem() == f)
                .query();
        robot.clickOn(cell);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(f, session.highlightedFinding().get());
        assertEquals(f.evidence().requestId(), session.selectedRequest().get());
        robot.doubleClickOn(cell);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(f.evidence().requestId()), shownRequests.subList(0, 1));
        assertTrue(phases.model().rowOf(f.evidence().requestId()) >= 0);
        assertTrue(RequestFacts.timelineTarget(session.analysis().get().request(f.evidence().requestId())) != null,
                "the failed request is on the trace clock");
    }

    @Test
    void hidingWarningsEmptiesTheList(FxRobot robot) {
        assertNotEquals(0, findings.shown().size());
        robot.clickOn("#show-warning");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, findings.shown().size(), "the serving run has warnings only");
        assertFalse(findings.showSeverity(Severity.WARNING).get());
    }

    private int indexOf(String rule) {
        for (int i = 0; i < findings.shown().size(); i++) {
            if (findings.shown().get(i).ruleId().equals(rule)) {
                return i;
            }
        }
        throw new AssertionError("no " + rule);
    }

    private Point2D rowPoint(FxRobot robot, int row) {
        Node rows = robot.lookup(".phase-rows").query();
        return rows.localToScreen(PhaseGeometry.GUTTER - 80, PhaseGeometry.RULER + row * PhaseGeometry.ROW
                + PhaseGeometry.ROW / 2);
    }
}
