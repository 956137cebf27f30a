package dev.flarescope.analysis.flame;

import dev.flarescope.model.Trace;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.flarescope.analysis.flame.FlameFixture.node;
import static dev.flarescope.analysis.flame.FlameFixture.us;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SandwichTest {

    /**
     * main[0,100) > {f[0,60) > {g[0,40) > f[0,30) > h[0,10), h[40,50)}, g[60,90) > f[60,80)}; g[100,120).
     * f recurses through g inside its first occurrence.
     */
    private static FlameTree tree() {
        Trace trace = new FlameFixture()
                .x(1, 1, "main", 0, 100)
                .x(1, 1, "f", 0, 60)
                .x(1, 1, "g", 0, 40)
                .x(1, 1, "f", 0, 30)
                .x(1, 1, "h", 0, 10)
                .x(1, 1, "h", 40, 10)
                .x(1, 1, "g", 60, 30)
                .x(1, 1, "f", 60, 20)
                .x(1, 1, "g", 100, 20)
                .trace();
        return FlameTreeBuilder.build(trace, FlameScope.all(trace), FlameOptions.DEFAULT);
    }

    @Test
    void callersCountOnlyOutermostOccurrences() {
        Sandwich f = Sandwich.of(tree(), "f");
        // outermost f: main>f (60) and main>g>f (20); main>f>g>f (30) is inside the first
        assertEquals(us(80), f.total());
        assertEquals(us(50), f.self()); // 10 + 20 + 20 over all three occurrences

        FlameTree callers = f.callers();
        assertEquals("f", callers.name(FlameTree.ROOT));
        assertEquals(us(80), callers.rootTotal());
        assertEquals(2, callers.count(FlameTree.ROOT));
        assertEquals(List.of("main", "g"), FlameFixture.childNames(callers, FlameTree.ROOT, FlameOrder.LEFT_HEAVY));
        assertTotals(callers, "main", 60, 60); // f called straight from main: main is the top of those stacks
        assertTotals(callers, "g", 20, 0);
        assertTotals(callers, "g>main", 20, 20);
        assertEquals(4, callers.size());
    }

    @Test
    void calleesMergeAllOutermostOccurrences() {
        FlameTree callees = Sandwich.of(tree(), "f").callees();
        assertEquals(us(80), callees.rootTotal());
        assertEquals(us(30), callees.self(FlameTree.ROOT)); // 80 - (g 40 + h 10)
        assertTotals(callees, "g", 40, 10);
        assertTotals(callees, "g>f", 30, 20); // the recursive call stays below its caller
        assertTotals(callees, "g>f>h", 10, 10);
        assertTotals(callees, "h", 10, 10);
        assertEquals(5, callees.size());
    }

    @Test
    void unknownFunctionGivesEmptyTrees() {
        Sandwich none = Sandwich.of(tree(), "nowhere");
        assertEquals(0, none.total());
        assertEquals(1, none.callers().size());
        assertEquals(1, none.callees().size());
    }

    @Test
    void functionTableCountsEachStackOnce() {
        List<FunctionStat> rows = Sandwich.functions(tree());
        assertEquals(List.of("main", "g", "f", "h"), rows.stream().map(FunctionStat::name).toList());
        assertRow(rows.get(0), 100, 10, 1);
        assertRow(rows.get(1), 90, 40, 3); // 40 + 30 + 20; self 10 + 10 + 20
        assertRow(rows.get(2), 80, 50, 3); // not 60 + 30 + 20: the inner f is inside the outer one
        assertRow(rows.get(3), 20, 20, 2);
    }

    @Test
    void searchCoverageDoesNotDoubleCountNestedMatches() {
        FlameTree tree = tree();
        assertEquals(us(120), tree.rootTotal());

        FlameMatch f = tree.matching("f"::equals);
        assertEquals(3, f.nodes().cardinality());
        assertTrue(f.matches(node(tree, "main>f>g>f")));
        assertEquals(us(80), f.covered()); // 60 + 20; the nested f is inside main>f
        assertEquals(80.0 / 120, f.share(), 1e-12);

        FlameMatch gh = tree.matching(s -> s.equals("g") || s.equals("h"));
        assertEquals(5, gh.nodes().cardinality());
        assertEquals(us(100), gh.covered()); // g 40 + h 10 + g 30 + g 20; h under main>f>g is inside g

        assertEquals(0, tree.matching(s -> false).covered());
    }

    private static void assertTotals(FlameTree tree, String path, double totalUs, double selfUs) {
        int n = node(tree, path);
        assertTrue(n > 0, "no node " + path);
        assertEquals(us(totalUs), tree.total(n), path + " total");
        assertEquals(us(selfUs), tree.self(n), path + " self");
    }

    private static void assertRow(FunctionStat row, double totalUs, double selfUs, long count) {
        assertEquals(us(totalUs), row.total(), row.name() + " total");
        assertEquals(us(selfUs), row.self(), row.name() + " self");
        assertEquals(count, row.count(), row.name() + " count");
    }
}
