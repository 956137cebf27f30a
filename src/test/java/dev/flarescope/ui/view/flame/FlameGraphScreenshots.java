package dev.flarescope.ui.view.flame;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.flarescope.io.TraceLoader;
import dev.flarescope.model.ProcessTrack;
import dev.flarescope.model.Trace;
import dev.flarescope.ui.viewmodel.FlameMode;
import dev.flarescope.ui.viewmodel.FlameScopeChoice;
import dev.flarescope.ui.viewmodel.FlameViewModel;
import dev.flarescope.ui.viewmodel.FlameWorker;
import dev.flarescope.ui.viewmodel.TraceSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Renders the sample serving run in each mode to PNGs for a person to look at. Runs only when the system
 * property {@code flarescope.screenshots} names an output folder, so the normal build writes nothing.
 */
@ExtendWith(ApplicationExtension.class)
class FlameGraphScreenshots {
    private static final Path SAMPLE = Path.of("sample-traces", "serving-run");

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void sampleTraceInEachMode(FxRobot robot) throws IOException {
        String dir = System.getProperty("flarescope.screenshots");
        assumeTrue(dir != null && Files.isDirectory(SAMPLE), "set -Dflarescope.screenshots=<folder> to render");
        Path out = Files.createDirectories(Path.of(dir));
        TraceLoader.Result loaded = TraceLoader.load(List.of(SAMPLE), TraceLoader.Options.defaults());
        assertFalse(loaded.trace().processes().isEmpty());
        TraceSession session = new TraceSession();
        FlameViewModel[] vm = new FlameViewModel[1];
        FlameGraphView[] view = new FlameGraphView[1];
        robot.interact(() -> {
            session.setTrace(loaded.trace(), List.of(SAMPLE.toString()));
            vm[0] = new FlameViewModel(session, FlameWorker.immediate());
            view[0] = new FlameGraphView(session, vm[0]);
            stage.setScene(new Scene(view[0], 1280, 720));
            stage.show();
        });
        FlameScopeChoice prefill = modelRunner(loaded.trace(), "5120");

        shoot(robot, out.resolve("flame-left-heavy.png"), v -> v.inverted().set(false), vm[0]);
        shoot(robot, out.resolve("flame-left-heavy-search.png"), v -> session.searchQuery().set("attention"), vm[0]);
        shoot(robot, out.resolve("flame-icicle.png"), v -> {
            session.searchQuery().set("");
            v.inverted().set(true);
        }, vm[0]);
        robot.moveTo(robot.point(view[0].graphCanvas()).atPosition(Pos.TOP_LEFT).atOffset(new Point2D(300, 45)));
        shoot(robot, out.resolve("flame-icicle-hover.png"), v -> { }, vm[0]);
        robot.moveTo(robot.point(view[0].graphCanvas()).atPosition(Pos.TOP_LEFT).atOffset(new Point2D(300, 300)));
        shoot(robot, out.resolve("flame-time-order-all.png"), v -> v.mode().set(FlameMode.TIME_ORDER), vm[0]);
        shoot(robot, out.resolve("flame-time-order.png"), v -> v.scope().set(prefill), vm[0]);
        shoot(robot, out.resolve("flame-time-order-zoomed.png"), v -> v.graph().zoomTo(v.graph().frames().layout()
                .size() / 2), vm[0]);
        shoot(robot, out.resolve("flame-sandwich-forward.png"), v -> {
            v.scope().set(FlameScopeChoice.ALL);
            v.mode().set(FlameMode.SANDWICH);
            v.sandwichFunction().set("forward");
        }, vm[0]);
    }

    private void shoot(FxRobot robot, Path file, Consumer<FlameViewModel> change, FlameViewModel vm) throws IOException {
        robot.interact(() -> change.accept(vm));
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> image[0] = stage.getScene().snapshot(null));
        assertNotNull(image[0]);
        ImageIO.write(SwingFXUtils.fromFXImage(image[0], null), "png", file.toFile());
    }

    private static FlameScopeChoice modelRunner(Trace trace, String pid) {
        for (int p = 0; p < trace.processes().size(); p++) {
            ProcessTrack process = trace.processes().get(p);
            if (process.pid().equals(pid)) {
                for (int t = 0; t < process.threads().size(); t++) {
                    if ("model_runner".equals(process.threads().get(t).name())) {
                        return FlameScopeChoice.thread(trace, p, t);
                    }
                }
            }
        }
        throw new AssertionError("no model_runner in pid " + pid);
    }
}
