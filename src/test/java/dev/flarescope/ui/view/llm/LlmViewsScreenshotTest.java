package dev.flarescope.ui.view.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarescope.io.TraceLoader;
import dev.flarescope.model.Severity;
import dev.flarescope.model.Trace;
import dev.flarescope.ui.view.dashboard.DashboardView;
import dev.flarescope.ui.view.findings.FindingsPanel;
import dev.flarescope.ui.view.phases.PhaseTimelineView;
import dev.flarescope.ui.viewmodel.AnalysisViewModel;
import dev.flarescope.ui.viewmodel.DashboardMetric;
import dev.flarescope.ui.viewmodel.FindingsModel;
import dev.flarescope.ui.viewmodel.TraceSession;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The three request views on the bundled samples, laid out in a window and snapshotted. With the system
 * property {@code flarescope.screenshots} set to a folder, the snapshots are written there as PNGs.
 */
class LlmViewsScreenshotTest {
    private static final Path SAMPLES = Path.of("sample-traces");

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void impossibleSpeedSampleShowsItsFindingsInEveryView() throws Exception {
        Trace trace = TraceLoader.load(List.of(SAMPLES.resolve("llm-metrics-impossible.jsonl"),
                SAMPLES.resolve("llama-bench-qwen3-8b.json"))).trace();
        Views v = onFx(() -> views(trace));
        // 7 errors and 11 warnings, as the command line's report counts them
        assertEquals(7, v.findings.count(Severity.ERROR).get());
        assertEquals(11, v.findings.count(Severity.WARNING).get());
        assertTrue(v.dashboard.isAlarmed(DashboardMetric.DECODE), "decode tile red");
        assertTrue(v.dashboard.isAlarmed(DashboardMetric.SUCCESS_RATE), "one request failed");
        assertFalse(v.dashboard.isAlarmed(DashboardMetric.IN_FLIGHT));
        shoot(v, "impossible");
    }

    @Test
    void servingRunShowsItsRequestsAndTheFailedOne() throws Exception {
        Trace trace = TraceLoader.load(List.of(SAMPLES.resolve("serving-run"))).trace();
        Views v = onFx(() -> views(trace));
        assertEquals(40, v.phases.model().rows().size());
        assertTrue(v.dashboard.isAlarmed(DashboardMetric.SUCCESS_RATE));
        assertFalse(v.dashboard.isAlarmed(DashboardMetric.DECODE));
        shoot(v, "serving");
    }

    private record Views(Stage stage, PhaseTimelineView phases, FindingsPanel panel, FindingsModel findings,
                         DashboardView dashboard) {
    }

    private static Views views(Trace trace) {
        TraceSession session = new TraceSession();
        AnalysisViewModel analysis = new AnalysisViewModel(session, Runnable::run, Runnable::run);
        session.setTrace(trace, List.of("sample"));
        FindingsModel findings = new FindingsModel(analysis);
        PhaseTimelineView phases = new PhaseTimelineView(session);
        FindingsPanel panel = new FindingsPanel(analysis, findings);
        DashboardView dashboard = new DashboardView(session);
        Stage stage = new Stage();
        stage.setScene(new Scene(new StackPane(), 1280, 780));
        stage.show();
        return new Views(stage, phases, panel, findings, dashboard);
    }

    private static void shoot(Views v, String name) throws Exception {
        for (Object[] view : new Object[][] {{v.phases, "requests"}, {v.panel, "findings"}, {v.dashboard, "dashboard"}}) {
            onFx(() -> {
                v.stage.getScene().setRoot((Parent) view[0]);
                if (view[0] == v.panel) {
                    v.panel.select(v.findings.shown().get(0));
                }
                return null;
            });
            WaitForAsyncUtils.waitForFxEvents();
            save(onFx(() -> v.stage.getScene().snapshot(null)), name + "-" + view[1] + ".png");
        }
        onFx(() -> {
            v.stage.close();
            return null;
        });
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get();
    }

    private static void save(WritableImage img, String name) throws Exception {
        String dir = System.getProperty("flarescope.screenshots");
        if (dir != null) {
            ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", new File(dir, name));
        }
    }
}
