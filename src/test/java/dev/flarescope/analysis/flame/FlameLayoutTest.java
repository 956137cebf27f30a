package dev.flarescope.analysis.flame;

import dev.flarescope.model.SpanTable;
import dev.flarescope.model.Trace;
import org.junit.jupiter.api.Test;

import static dev.flarescope.analysis.flame.FlameFixture.node;
import static dev.flarescope.analysis.flame.FlameFixture.us;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FlameLayoutTest {
    private static final double EPS = 1e-12;

    /** Thread (1, 1) of {@link FlameTreeBuilderTest#serving()}: root 120 = main > {parse 70, tokenize 10, decode 6}. */
    private static FlameTree tree() {
        Trace trace = FlameTreeBuilderTest.serving();
        return FlameTreeBuilder.build(trace, FlameFixture.threadScope(trace, "1", "1"), FlameOptions.DEFAULT);
    }

    @Test
    void leftHeavyFractionsOfTheRoot() {
        FlameTree tree = tree();
        FlameLayout layout = FlameLayout.of(tree, FlameOrder.LEFT_HEAVY, false, 0);
        FlameLayout.Viewport full = layout.fullView();
        assertEquals(7, layout.size());
        assertEquals(FlameTree.ROOT, layout.id(0));
        assertFrame(layout, tree, "main", full, 0, 1, 1);
        assertFrame(layout, tree, "main>parse", full, 0, 70.0 / 120, 2);
        assertFrame(layout, tree, "main>parse>alloc", full, 0, 15.0 / 120, 3);
        assertFrame(layout, tree, "main>parse>tokenize", full, 15.0 / 120, 30.0 / 120, 3);
        assertFrame(layout, tree, "main>tokenize", full, 70.0 / 120, 80.0 / 120, 2);
        assertFrame(layout, tree, "main>decode", full, 80.0 / 120, 86.0 / 120, 2);
        assertEquals(3, layout.maxDepth());
    }

    @Test
    void alphabeticalOrderAndOmittedNarrowFrames() {
        FlameTree tree = tree();
        FlameLayout alpha = FlameLayout.of(tree, FlameOrder.ALPHABETICAL, true, 0);
        FlameLayout.Viewport full = alpha.fullView();
        assertTrue(alpha.inverted());
        assertFrame(alpha, tree, "main>decode", full, 0, 6.0 / 120, 2);
        assertFrame(alpha, tree, "main>parse", full, 6.0 / 120, 76.0 / 120, 2);
        assertFrame(alpha, tree, "main>parse>alloc", full, 6.0 / 120, 21.0 / 120, 3);
        assertFrame(alpha, tree, "main>tokenize", full, 76.0 / 120, 86.0 / 120, 2);

        // 5% of 120 is 6: decode (6) stays; 6% is 7.2: decode goes, tokenize (10) stays
        assertEquals(7, FlameLayout.of(tree, FlameOrder.LEFT_HEAVY, false, 0.05).size());
        FlameLayout pruned = FlameLayout.of(tree, FlameOrder.LEFT_HEAVY, false, 0.06);
        assertEquals(6, pruned.size());
        assertEquals(-1, pruned.frameOf(node(tree, "main>decode")));
        assertFrame(pruned, tree, "main>tokenize", pruned.fullView(), 70.0 / 120, 80.0 / 120, 2);
    }

    @Test
    void zoomToFitsAFrameToTheViewport() {
        FlameTree tree = tree();
        FlameLayout layout = FlameLayout.of(tree, FlameOrder.LEFT_HEAVY, false, 0);
        int parse = layout.frameOf(node(tree, "main>parse"));
        FlameLayout.Viewport zoom = layout.zoomTo(parse);
        assertEquals(new FlameLayout.Viewport(0, us(70)), zoom);
        assertFrame(layout, tree, "main>parse", zoom, 0, 1, 2);
        assertFrame(layout, tree, "main>parse>tokenize", zoom, 15.0 / 70, 30.0 / 70, 3);
        assertFrame(layout, tree, "main", zoom, 0, 120.0 / 70, 1); // ancestors run past the right edge
        int decode = layout.frameOf(node(tree, "main>decode"));
        assertFalse(layout.visible(decode, zoom));

        int tokenize = layout.frameOf(node(tree, "main>tokenize"));
        FlameLayout.Viewport narrow = layout.zoomTo(tokenize);
        assertEquals(-7.0, layout.x0(layout.frameOf(node(tree, "main")), narrow), EPS); // (0 - 70) / 10
        assertEquals(5.0, layout.x1(layout.frameOf(node(tree, "main")), narrow), EPS); // (120 - 70) / 10
        assertEquals(tokenize, layout.frameAt(0.5, 2, narrow));
        assertEquals(parse, layout.frameAt(0.5, 2, layout.fullView()));
        assertEquals(-1, layout.frameAt(0.99, 2, layout.fullView())); // right of decode, main's self time
    }

    @Test
    void timeOrderLaysOutAThreadsSpansUnmerged() {
        Trace trace = FlameTreeBuilderTest.serving();
        int p = FlameFixture.process(trace, "1");
        SpanTable spans = trace.processes().get(p).threads().get(FlameFixture.thread(trace, p, "1")).spans();

        FlameLayout all = FlameLayout.timeOrder(spans, false, 0);
        assertEquals(FlameOrder.TIME_ORDER, all.order());
        assertEquals(9, all.size());
        assertEquals(new FlameLayout.Viewport(0, us(130)), all.fullView());
        // the second parse[60,90) stays a frame of its own
        assertEquals(us(60), all.x0(4));
        assertEquals(60.0 / 130, all.x0(4, all.fullView()), EPS);
        assertEquals(1, all.depth(4));
        assertEquals(4, all.id(4));

        FlameLayout clipped = FlameLayout.timeOrder(spans, us(25), us(95), false, 0);
        assertEquals(7, clipped.size()); // main, parse, tokenize, alloc, parse, tokenize, decode
        assertEquals(us(25), clipped.x0(0));
        assertEquals(us(95), clipped.x1(0));
        assertEquals(us(92), clipped.x0(6));
        assertEquals(us(95), clipped.x1(6));
        assertEquals(1.0 - 3.0 / 70, clipped.x0(6, clipped.fullView()), EPS);

        // 10% of 70 us is 7 us: tokenize (5, 5) and decode (3) go
        assertEquals(4, FlameLayout.timeOrder(spans, us(25), us(95), false, 0.1).size());
    }

    private static void assertFrame(FlameLayout layout, FlameTree tree, String path, FlameLayout.Viewport view,
                                    double x0, double x1, int depth) {
        int frame = layout.frameOf(node(tree, path));
        assertTrue(frame >= 0, "no frame for " + path);
        assertEquals(x0, layout.x0(frame, view), EPS, path + " x0");
        assertEquals(x1, layout.x1(frame, view), EPS, path + " x1");
        assertEquals(depth, layout.depth(frame), path + " depth");
    }
}
