package dev.flarescope.ui.render.flame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarescope.analysis.flame.FlameLayout;
import dev.flarescope.analysis.flame.FlameOptions;
import dev.flarescope.analysis.flame.FlameOrder;
import dev.flarescope.analysis.flame.FlameScope;
import dev.flarescope.analysis.flame.FlameTree;
import dev.flarescope.analysis.flame.FlameTreeBuilder;
import dev.flarescope.model.Trace;
import dev.flarescope.ui.render.Palette;
import dev.flarescope.ui.viewmodel.FlameTestTrace;
import java.util.function.IntPredicate;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.PixelReader;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Draws flame graphs off-screen and reads pixels back. Geometry worked by hand for thread 1/1 of
 * FlameTestTrace on a 300 x 120 canvas: root total 150 us, so 2 px per us; rows are 18 px; in a flame,
 * row d spans y = 120 - 18 (d + 1) .. 120 - 18 d.
 */
@ExtendWith(ApplicationExtension.class)
class FlameRendererTest {
    private static final double W = 300;
    private static final double H = 120;
    private final Palette palette = new Palette();

    @Start
    void start(Stage stage) {
        // drawing needs the toolkit running, not a window
    }

    private static FlameTree mainThreadTree(Trace trace) {
        return FlameTreeBuilder.build(trace, FlameScope.thread(trace, 0, 0), FlameOptions.DEFAULT);
    }

    private FlameContent content(FlameTree tree, boolean inverted, IntPredicate matches) {
        FlameLayout layout = FlameLayout.of(tree, FlameOrder.LEFT_HEAVY, inverted, 0);
        return new FlameContent(layout, layout.fullView(), inverted, i -> tree.name(layout.id(i)),
                i -> palette.forName(tree.name(layout.id(i))), matches, -1, 0);
    }

    private PixelReader snapshot(FxRobot robot, FlameContent c, double width, double height) {
        PixelReader[] out = new PixelReader[1];
        robot.interact(() -> {
            Canvas canvas = new Canvas(width, height);
            new FlameRenderer().draw(canvas.getGraphicsContext2D(), c, width, height);
            out[0] = canvas.snapshot(null, null).getPixelReader();
        });
        return out[0];
    }

    private static void assertColor(Color expected, Color actual, String what) {
        double tolerance = 2.5 / 255;
        assertTrue(Math.abs(expected.getRed() - actual.getRed()) < tolerance
                        && Math.abs(expected.getGreen() - actual.getGreen()) < tolerance
                        && Math.abs(expected.getBlue() - actual.getBlue()) < tolerance,
                what + ": expected " + expected + " but was " + actual);
    }

    @Test
    void flameDrawsEachFrameInItsNameColourAtItsPlace(FxRobot robot) {
        Trace trace = FlameTestTrace.build();
        FlameTree tree = mainThreadTree(trace);
        PixelReader px = snapshot(robot, content(tree, false, null), W, H);
        // mlp: depth 3 (root, main, forward, mlp), x 0..50 us = 0..100 px, y 48..66
        assertColor(palette.forName("mlp"), px.getColor(90, 49), "mlp");
        // attention: depth 3, x 50..70 us = 100..140 px
        assertColor(palette.forName("attention"), px.getColor(135, 49), "attention");
        // parse: depth 2 (y 66..84), x 100..130 us = 200..260 px
        assertColor(palette.forName("parse"), px.getColor(255, 67), "parse");
        // above tokenize (depth 3 ends at 120 us = 240 px) and right of it: nothing
        assertColor(Color.WHITE, px.getColor(250, 49), "empty right of tokenize");
        assertColor(Color.WHITE, px.getColor(150, 20), "above the deepest row");
    }

    @Test
    void icicleDrawsTheRootOnTop(FxRobot robot) {
        FlameTree tree = mainThreadTree(FlameTestTrace.build());
        PixelReader px = snapshot(robot, content(tree, true, null), W, H);
        // icicle: row d spans y = 18 d .. 18 (d + 1); mlp on row 3 = 54..72
        assertColor(palette.forName("mlp"), px.getColor(90, 55), "mlp");
        assertColor(palette.forName("main"), px.getColor(290, 19), "main on row 1");
        assertColor(Color.WHITE, px.getColor(150, 110), "below the deepest row");
    }

    @Test
    void searchKeepsMatchesInColourAndDimsTheRest(FxRobot robot) {
        FlameTree tree = mainThreadTree(FlameTestTrace.build());
        FlameContent plain = content(tree, false, null);
        IntPredicate forwardOnly = i -> tree.name(plain.layout().id(i)).equals("forward");
        PixelReader px = snapshot(robot, content(tree, false, forwardOnly), W, H);
        // forward: depth 2, x 0..100 us = 0..200 px
        assertColor(palette.forName("forward"), px.getColor(190, 67), "forward matches");
        Color mlp = palette.forName("mlp");
        Color dimmed = px.getColor(90, 49);
        assertTrue(dimmed.getBrightness() > mlp.getBrightness() || dimmed.getSaturation() < mlp.getSaturation(),
                "mlp faded toward white: " + dimmed + " from " + mlp);
        // 72% of the way to white: each channel is c + 0.72 (1 - c)
        Color expected = Color.color(mlp.getRed() + 0.72 * (1 - mlp.getRed()),
                mlp.getGreen() + 0.72 * (1 - mlp.getGreen()), mlp.getBlue() + 0.72 * (1 - mlp.getBlue()));
        assertColor(expected, dimmed, "dimmed mlp");
    }

    @Test
    void subPixelFramesMergeWhenTheyTouchAndVanishAlone(FxRobot robot) {
        // 1000 us on 300 px: 0.3 px per us. Row 1: 100 adjacent 1-us spans (30 px together) and, apart,
        // 10 spans of 0.1 us, 50 us apart (0.03 px each, 15 px apart).
        FlameTestTrace events = FlameTestTrace.events().x(1, 1, "big", 0, 1000);
        for (int k = 0; k < 100; k++) {
            events.x(1, 1, "tiny", 10 + k, 1);
        }
        for (int k = 0; k < 10; k++) {
            events.x(1, 1, "speck", 400 + 50 * k, 0.1);
        }
        Trace trace = events.trace();
        FlameLayout layout = FlameLayout.timeOrder(trace.processes().get(0).threads().get(0).spans(), true, 0);
        FlameContent c = new FlameContent(layout, layout.fullView(), true, i -> spanName(trace, layout, i),
                i -> palette.forName(spanName(trace, layout, i)), null, -1, 0);
        PixelReader px = snapshot(robot, c, W, H);
        // row 1 of an icicle: y 18..36. tiny covers 10..110 us = 3..33 px
        assertColor(palette.forName("tiny"), px.getColor(18, 20), "merged tiny spans");
        for (int k = 0; k < 10; k++) {
            int x = (int) Math.round((400 + 50 * k) * 0.3);
            assertColor(Color.WHITE, px.getColor(x, 20), "lone speck " + k + " is not drawn");
        }
        assertEquals(111, layout.size(), "the layout keeps every span, so hovering a sliver can name it");
    }

    private static String spanName(Trace trace, FlameLayout layout, int i) {
        return trace.string(trace.processes().get(0).threads().get(0).spans().name(layout.id(i)));
    }

    @Test
    void frameAtFindsTheFrameUnderAPixel(FxRobot robot) {
        FlameTree tree = mainThreadTree(FlameTestTrace.build());
        FlameContent flame = content(tree, false, null);
        FlameRenderer renderer = new FlameRenderer();
        assertEquals("mlp", nameAt(tree, flame, renderer.frameAt(flame, W, H, 50, 50)));
        assertEquals("tokenize", nameAt(tree, flame, renderer.frameAt(flame, W, H, 210, 50)));
        assertEquals(-1, renderer.frameAt(flame, W, H, 250, 50), "right of tokenize (ends at 240 px)");
        assertEquals("all", nameAt(tree, flame, renderer.frameAt(flame, W, H, 10, 110)));
        assertEquals(-1, renderer.frameAt(flame, W, H, 10, 10), "above the deepest row");

        FlameContent icicle = content(tree, true, null);
        assertEquals("mlp", nameAt(tree, icicle, renderer.frameAt(icicle, W, H, 50, 60)));
        FlameContent zoomed = new FlameContent(icicle.layout(), new FlameLayout.Viewport(100_000, 150_000), true,
                icicle.names(), icicle.colors(), null, -1, 0);
        // zoomed to 100..150 us: parse (100..130) covers 0..180 px of row 2
        assertEquals("parse", nameAt(tree, zoomed, renderer.frameAt(zoomed, W, H, 170, 40)));
        assertEquals(-1, renderer.frameAt(zoomed, W, H, 190, 40));
    }

    private static String nameAt(FlameTree tree, FlameContent c, int frame) {
        return frame < 0 ? null : tree.name(c.layout().id(frame));
    }

    @Test
    void labelsAreCutWithAnEllipsis(FxRobot robot) {
        LabelFitter fitter = new LabelFitter(Font.font(12));
        assertEquals("forward", fitter.fit("forward", 200));
        String cut = fitter.fit("WorkerProcess.batch_prefill", 60);
        assertTrue(cut.endsWith("\u2026") && cut.length() < "WorkerProcess.batch_prefill".length(), cut);
        assertTrue(fitter.width(cut) <= 60, cut + " is " + fitter.width(cut) + " px");
        assertEquals("", fitter.fit("WorkerProcess", 3));
    }
}
