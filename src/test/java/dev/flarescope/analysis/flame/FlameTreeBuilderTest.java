package dev.flarescope.analysis.flame;

import dev.flarescope.model.Trace;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.flarescope.analysis.flame.FlameFixture.childNames;
import static dev.flarescope.analysis.flame.FlameFixture.node;
import static dev.flarescope.analysis.flame.FlameFixture.us;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FlameTreeBuilderTest {
    private static final FlameOptions SPANS = new FlameOptions(FlameOptions.Source.SPANS, false);

    /**
     * pid 1 tid 1: main[0,100) > {parse[10,50) > {tokenize[20,30), alloc[30,45)}, parse[60,90) >
     * tokenize[65,70), decode[92,98)}; main[110,130) > tokenize[115,125) (the second main uses B/E).
     * pid 1 tid 2: main[0,50) > alloc[0,20). pid 2 tid 1: worker[0,40) > parse[5,25).
     */
    static Trace serving() {
        return new FlameFixture()
                .x(1, 1, "main", 0, 100)
                .x(1, 1, "parse", 10, 40)
                .x(1, 1, "tokenize", 20, 10)
                .x(1, 1, "alloc", 30, 15)
                .x(1, 1, "parse", 60, 30)
                .x(1, 1, "tokenize", 65, 5)
                .x(1, 1, "decode", 92, 6)
                .begin(1, 1, "main", 110)
                .begin(1, 1, "tokenize", 115)
                .end(1, 1, 125)
                .end(1, 1, 130)
                .x(1, 2, "main", 0, 50)
                .x(1, 2, "alloc", 0, 20)
                .x(2, 1, "worker", 0, 40)
                .x(2, 1, "parse", 5, 20)
                .trace();
    }

    @Test
    void threadTreeHasHandWorkedTotalsSelfAndCounts() {
        Trace trace = serving();
        FlameTree tree = FlameTreeBuilder.build(trace, FlameFixture.threadScope(trace, "1", "1"), SPANS);

        assertEquals(FlameUnit.NANOSECONDS, tree.unit());
        // root: the two top-level mains, 100 + 20
        assertEquals(us(120), tree.rootTotal());
        assertEquals(2, tree.count(FlameTree.ROOT));
        assertEquals(0, tree.self(FlameTree.ROOT));
        assertNode(tree, "main", 120, 34, 2); // 120 - (parse 70 + tokenize 10 + decode 6)
        assertNode(tree, "main>parse", 70, 40, 2); // 70 - (tokenize 15 + alloc 15)
        assertNode(tree, "main>parse>tokenize", 15, 15, 2);
        assertNode(tree, "main>parse>alloc", 15, 15, 1);
        assertNode(tree, "main>tokenize", 10, 10, 1);
        assertNode(tree, "main>decode", 6, 6, 1);
        assertEquals(7, tree.size());
        assertEquals(3, tree.maxDepth());
    }

    @Test
    void childrenInLeftHeavyAndAlphabeticalOrder() {
        Trace trace = serving();
        FlameTree tree = FlameTreeBuilder.build(trace, FlameFixture.threadScope(trace, "1", "1"), SPANS);
        int main = node(tree, "main");
        assertEquals(List.of("parse", "tokenize", "decode"), childNames(tree, main, FlameOrder.LEFT_HEAVY));
        assertEquals(List.of("decode", "parse", "tokenize"), childNames(tree, main, FlameOrder.ALPHABETICAL));
        // equal totals (15, 15): left-heavy breaks the tie by name
        assertEquals(List.of("alloc", "tokenize"), childNames(tree, node(tree, "main>parse"), FlameOrder.LEFT_HEAVY));
    }

    @Test
    void rangeClipsSpansToTheirOverlap() {
        Trace trace = serving();
        FlameScope scope = FlameFixture.threadScope(trace, "1", "1").withRange(us(25), us(95));
        FlameTree tree = FlameTreeBuilder.build(trace, scope, SPANS);

        // main[0,100) counts 25..95 = 70; main[110,130) is outside
        assertEquals(us(70), tree.rootTotal());
        assertEquals(1, tree.count(FlameTree.ROOT));
        assertNode(tree, "main", 70, 12, 1); // 70 - (parse 55 + decode 3)
        assertNode(tree, "main>parse", 55, 30, 2); // [25,50) 25 + [60,90) 30
        assertNode(tree, "main>parse>tokenize", 10, 10, 2); // [25,30) 5 + [65,70) 5
        assertNode(tree, "main>parse>alloc", 15, 15, 1);
        assertNode(tree, "main>decode", 3, 3, 1); // [92,95)
        assertEquals(-1, node(tree, "main>tokenize"));
    }

    @Test
    void adjacentRangesAddUpToTheWhole() {
        Trace trace = serving();
        FlameScope scope = FlameScope.all(trace);
        FlameTree whole = FlameTreeBuilder.build(trace, scope, SPANS);
        FlameTree left = FlameTreeBuilder.build(trace, scope.withRange(Long.MIN_VALUE, us(33)), SPANS);
        FlameTree right = FlameTreeBuilder.build(trace, scope.withRange(us(33), Long.MAX_VALUE), SPANS);
        assertEquals(whole.rootTotal(), left.rootTotal() + right.rootTotal());
        String path = "main>parse>alloc"; // [30,45): 3 + 12
        assertEquals(us(3), left.total(node(left, path)));
        assertEquals(us(12), right.total(node(right, path)));
    }

    @Test
    void scopesSelectThreadsProcessesOrAll() {
        Trace trace = serving();
        int p1 = FlameFixture.process(trace, "1");
        int p2 = FlameFixture.process(trace, "2");

        FlameTree thread2 = FlameTreeBuilder.build(trace,
                FlameScope.thread(trace, p1, FlameFixture.thread(trace, p1, "2")), SPANS);
        assertEquals(us(50), thread2.rootTotal());
        assertNode(thread2, "main>alloc", 20, 20, 1);

        FlameTree process1 = FlameTreeBuilder.build(trace, FlameScope.process(trace, p1), SPANS);
        assertEquals(us(170), process1.rootTotal()); // 120 + 50
        assertNode(process1, "main", 170, 64, 3); // 170 - (parse 70 + alloc 20 + tokenize 10 + decode 6)
        assertNode(process1, "main>alloc", 20, 20, 1);
        assertEquals(-1, node(process1, "worker"));

        FlameTree process2 = FlameTreeBuilder.build(trace, FlameScope.processes(trace, p2), SPANS);
        assertEquals(us(40), process2.rootTotal());
        assertNode(process2, "worker>parse", 20, 20, 1);

        FlameTree all = FlameTreeBuilder.build(trace, FlameScope.all(trace), SPANS);
        assertEquals(us(210), all.rootTotal());
        assertEquals(4, all.count(FlameTree.ROOT));
        assertEquals(FlameTreeBuilder.build(trace, FlameScope.processes(trace, p1, p2), SPANS).rootTotal(),
                all.rootTotal());
    }

    @Test
    void directRecursionCollapsesIndirectDoesNot() {
        // A[0,100) > A[10,90) > B[20,50); A[200,300) > B[210,290) > A[220,280)
        Trace trace = new FlameFixture()
                .x(1, 1, "A", 0, 100).x(1, 1, "A", 10, 80).x(1, 1, "B", 20, 30)
                .x(1, 1, "A", 200, 100).x(1, 1, "B", 210, 80).x(1, 1, "A", 220, 60)
                .trace();
        FlameScope scope = FlameScope.all(trace);

        FlameTree plain = FlameTreeBuilder.build(trace, scope, SPANS);
        assertNode(plain, "A", 200, 40, 2); // 200 - (A 80 + B 80)
        assertNode(plain, "A>A", 80, 50, 1);
        assertNode(plain, "A>A>B", 30, 30, 1);

        FlameTree collapsed = FlameTreeBuilder.build(trace, scope, SPANS.withCollapseRecursion(true));
        assertEquals(us(200), collapsed.rootTotal());
        assertNode(collapsed, "A", 200, 90, 3); // total unchanged; self 20 + 50 + 20
        assertNode(collapsed, "A>B", 110, 50, 2);
        assertNode(collapsed, "A>B>A", 60, 60, 1); // A>B>A is indirect: kept
        assertEquals(-1, node(collapsed, "A>A"));
    }

    @Test
    void samplesWalkTheirStacksWithWeights() {
        Trace trace = new FlameFixture()
                .frame("1", "main", null)
                .frame("2", "compute", "1")
                .frame("3", "matmul", "2")
                .frame("4", "io", "1")
                .sample(1, 1, 10, "3", 2)
                .sample(1, 1, 20, "3", 1)
                .sample(1, 1, 30, "4", 0.5)
                .sample(1, 1, 40, "2", -1)
                .sample(1, 1, 50, "unknown", 1)
                .trace();
        FlameTree tree = FlameTreeBuilder.build(trace, FlameScope.all(trace), FlameOptions.DEFAULT);

        assertEquals(FlameUnit.SAMPLE_WEIGHT, tree.unit());
        assertEquals(4.5, tree.unit().toDisplay(tree.rootTotal()));
        assertEquals(4, tree.count(FlameTree.ROOT)); // the sample of an unknown frame is left out
        assertWeight(tree, "main", 4.5, 0, 4);
        assertWeight(tree, "main>compute", 4, 1, 3);
        assertWeight(tree, "main>compute>matmul", 3, 3, 2);
        assertWeight(tree, "main>io", 0.5, 0.5, 1);

        FlameTree range = FlameTreeBuilder.build(trace, FlameScope.all(trace).withRange(us(15), us(35)),
                FlameOptions.DEFAULT);
        assertEquals(1.5, range.unit().toDisplay(range.rootTotal()));
        assertWeight(range, "main>compute>matmul", 1, 1, 1);
    }

    @Test
    void autoPrefersSpansAndDirectRecursionCollapsesInStacksToo() {
        Trace trace = new FlameFixture()
                .frame("1", "run", null).frame("2", "run", "1").frame("3", "step", "2")
                .sample(1, 1, 10, "3", 1)
                .x(1, 1, "span", 0, 5)
                .trace();
        assertEquals(FlameUnit.NANOSECONDS,
                FlameTreeBuilder.build(trace, FlameScope.all(trace), FlameOptions.DEFAULT).unit());
        FlameTree samples = FlameTreeBuilder.build(trace, FlameScope.all(trace),
                new FlameOptions(FlameOptions.Source.SAMPLES, true));
        assertWeight(samples, "run>step", 1, 1, 1);
        assertEquals(-1, node(samples, "run>run"));
    }

    @Test
    void randomTreesMatchANaiveRecursiveSum() {
        Random random = new Random(7);
        FlameFixture fixture = new FlameFixture();
        Map<String, long[]> expected = new HashMap<>(); // path -> {total ns, count, children's total}
        long rootTotal = 0;
        for (int tid = 1; tid <= 3; tid++) {
            double t = 0;
            for (int k = 0; k < 40; k++) {
                TestSpan s = TestSpan.random(random, 0, t, 50 + random.nextInt(500));
                s.emit(fixture, tid);
                s.sumInto("", expected);
                rootTotal += us(s.dur);
                t += s.dur + random.nextInt(20);
            }
        }
        Trace trace = fixture.trace();
        FlameTree tree = FlameTreeBuilder.build(trace, FlameScope.all(trace), SPANS);

        assertEquals(rootTotal, tree.rootTotal());
        assertEquals(expected.size(), tree.size() - 1);
        for (int n = 1; n < tree.size(); n++) {
            long[] e = expected.get(FlameFixture.path(tree, n));
            assertEquals(e[0], tree.total(n), FlameFixture.path(tree, n));
            assertEquals(e[1], tree.count(n), FlameFixture.path(tree, n));
            assertEquals(e[0] - e[2], tree.self(n), FlameFixture.path(tree, n));
        }
    }

    @Test
    void cancellationStopsABuild() {
        FlameFixture fixture = new FlameFixture();
        for (int i = 0; i < 3 * FlameTreeBuilder.CANCEL_CHECK_INTERVAL; i++) {
            fixture.x(1, 1, "f" + (i % 10), i * 10, 5);
        }
        Trace trace = fixture.trace();
        AtomicInteger polls = new AtomicInteger();
        assertThrows(CancellationException.class, () -> FlameTreeBuilder.build(trace, FlameScope.all(trace), SPANS,
                () -> polls.incrementAndGet() == 2));
        assertEquals(2, polls.get());

        FlameTree tree = FlameTreeBuilder.build(trace, FlameScope.all(trace), SPANS, () -> false);
        assertEquals(us(5) * 3 * FlameTreeBuilder.CANCEL_CHECK_INTERVAL, tree.rootTotal());
    }

    private static void assertNode(FlameTree tree, String path, double totalUs, double selfUs, long count) {
        int n = node(tree, path);
        assertTrue(n > 0, "no node " + path);
        assertEquals(us(totalUs), tree.total(n), path + " total");
        assertEquals(us(selfUs), tree.self(n), path + " self");
        assertEquals(count, tree.count(n), path + " count");
    }

    private static void assertWeight(FlameTree tree, String path, double total, double self, long count) {
        int n = node(tree, path);
        assertTrue(n > 0, "no node " + path);
        assertEquals(total, tree.unit().toDisplay(tree.total(n)), path + " total");
        assertEquals(self, tree.unit().toDisplay(tree.self(n)), path + " self");
        assertEquals(count, tree.count(n), path + " count");
    }

    /** A span of the test's own model: children tile part of their parent, at whole microseconds. */
    private record TestSpan(String name, double start, double dur, List<TestSpan> children) {
        static TestSpan random(Random random, int depth, double start, double dur) {
            List<TestSpan> children = new ArrayList<>();
            if (depth < 5 && dur >= 8) {
                int n = random.nextInt(4);
                double t = start;
                for (int i = 0; i < n; i++) {
                    double gap = random.nextInt(3);
                    double d = Math.floor((start + dur - t - gap) / (n - i + 1));
                    if (d < 1) {
                        break;
                    }
                    children.add(random(random, depth + 1, t + gap, d));
                    t += gap + d;
                }
            }
            return new TestSpan("fn" + random.nextInt(3), start, dur, children);
        }

        void emit(FlameFixture fixture, int tid) {
            fixture.x(1, tid, name, start, dur);
            children.forEach(c -> c.emit(fixture, tid));
        }

        void sumInto(String parentPath, Map<String, long[]> sums) {
            String path = parentPath.isEmpty() ? name : parentPath + ">" + name;
            long[] s = sums.computeIfAbsent(path, k -> new long[3]);
            s[0] += us(dur);
            s[1]++;
            for (TestSpan c : children) {
                s[2] += us(c.dur);
                c.sumInto(path, sums);
            }
        }
    }
}
