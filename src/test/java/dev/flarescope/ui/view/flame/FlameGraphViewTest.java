package dev.flarescope.ui.view.flame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarescope.analysis.flame.FlameOrder;
import dev.flarescope.model.Trace;
import dev.flarescope.ui.render.Palette;
import dev.flarescope.ui.viewmodel.FlameGraphModel;
import dev.flarescope.ui.viewmodel.FlameMode;
import dev.flarescope.ui.viewmodel.FlameTestTrace;
import dev.flarescope.ui.viewmodel.FlameViewModel;
import dev.flarescope.ui.viewmodel.TraceSession;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.image.Image;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The flame tab on a real window with background builds: switching modes with the buttons, picking the
 * thread time order asks for, zooming by clicking a frame, choosing a sandwich function in the table, and
 * frames painted in their timeline colour where the hand-worked layout puts them (FlameTestTrace).
 * In an icicle row d spans y = 18 d .. 18 (d + 1).
 */
@ExtendWith(ApplicationExtension.class)
class FlameGraphViewTest {
    private final Palette palette = new Palette();
    private Trace trace;
    private FlameGraphView view;

    @Start
    void start(Stage stage) {
        trace = FlameTestTrace.build();
        TraceSession session = new TraceSession();
        session.setTrace(trace, List.of("flame-test.json"));
        view = new FlameGraphView(session);
        stage.setScene(new Scene(view, 900, 500));
        stage.show();
    }

    @Test
    void switchesModesAndPaintsFramesInTheirColours(FxRobot robot) throws Exception {
        FlameViewModel vm = view.viewModel();
        awaitBuilt(vm);
        assertEquals(FlameOrder.LEFT_HEAVY, vm.graph().frames().layout().order());
        // all threads, 200 us: main 0..160, idle 160..200 on row 1
        FlameCanvas graph = view.graphCanvas();
        double w = graph.canvas().getWidth();
        assertColor(palette.forName("idle"), pixel(graph, 0.97 * w, 19), "idle");
        assertColor(palette.forName("main"), pixel(graph, 0.75 * w, 19), "main");

        robot.clickOn("#flame-mode-time-order");
        awaitBuilt(vm);
        assertEquals(FlameMode.TIME_ORDER, vm.mode().get());
        assertTrue(vm.needsThreadProperty().get());
        assertFalse(graph.isVisible(), "the thread prompt replaces the graph");

        ComboBox<?> picker = robot.lookup("#flame-thread-picker").queryComboBox();
        robot.interact(() -> pick(picker, FlameTestTrace.thread(trace, "1", "1")));
        awaitBuilt(vm);
        assertEquals(FlameOrder.TIME_ORDER, vm.graph().frames().layout().order());
        assertEquals(9, vm.graph().frames().layout().size());
        // 0..250 us: forward 30..90 on row 1
        w = graph.canvas().getWidth();
        assertColor(palette.forName("forward"), pixel(graph, 80.0 / 250 * w, 19), "forward");
        assertColor(palette.forName("mlp"), pixel(graph, 78.0 / 250 * w, 37), "mlp 50..80 on row 2");

        robot.clickOn(robot.point(graph).atPosition(Pos.TOP_LEFT).atOffset(new Point2D(80.0 / 250 * w, 27)));
        assertEquals(List.of("Thread 1", "main", "forward"),
                vm.graph().crumbs().stream().map(FlameGraphModel.Crumb::label).toList());
        robot.clickOn(robot.lookup(".flame-crumb").match(LabeledMatchers.hasText("main")).queryAs(Node.class));
        assertEquals(List.of("Thread 1", "main"),
                vm.graph().crumbs().stream().map(FlameGraphModel.Crumb::label).toList());

        robot.clickOn("#flame-mode-sandwich");
        awaitBuilt(vm);
        assertEquals("main", vm.sandwichFunction().get());
        robot.clickOn(robot.lookup(".table-cell").match(LabeledMatchers.hasText("forward")).queryAs(Node.class));
        awaitBuilt(vm);
        assertEquals("forward", vm.sandwichFunction().get());
        // callees of forward: 100 us, mlp 0..50 and attention 50..70 on row 1
        FlameCanvas callees = view.calleesCanvas();
        double cw = callees.canvas().getWidth();
        assertColor(palette.forName("mlp"), pixel(callees, 0.45 * cw, 19), "mlp under forward");
        assertColor(palette.forName("attention"), pixel(callees, 0.68 * cw, 19), "attention under forward");
    }

    @SuppressWarnings("unchecked")
    private static <T> void pick(ComboBox<T> box, Object value) {
        box.setValue((T) value);
    }

    private static void awaitBuilt(FlameViewModel vm) throws TimeoutException {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !vm.buildingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Color pixel(FlameCanvas c, double x, double y) throws ExecutionException, InterruptedException {
        Image image = WaitForAsyncUtils.asyncFx(() -> c.canvas().snapshot(null, null)).get();
        return image.getPixelReader().getColor((int) x, (int) y);
    }

    private static void assertColor(Color expected, Color actual, String what) {
        double tolerance = 2.5 / 255;
        assertTrue(Math.abs(expected.getRed() - actual.getRed()) < tolerance
                        && Math.abs(expected.getGreen() - actual.getGreen()) < tolerance
                        && Math.abs(expected.getBlue() - actual.getBlue()) < tolerance,
                what + ": expected " + expected + " but was " + actual);
    }
}
