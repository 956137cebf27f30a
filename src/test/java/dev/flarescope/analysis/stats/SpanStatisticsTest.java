package dev.flarescope.analysis.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarescope.model.Trace;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SpanStatisticsTest {

    /**
     * Thread 1/1: A[0,100) holds B[10,40) (which holds D[20,30)) and C[50,60); a second A[200,250)
     * has no children. Thread 1/2: B[0,5).
     */
    private static Trace nested() {
        return TraceFixture.assemble(new TraceFixture("nested")
                .complete(1, 1, "A", 0, 100)
                .complete(1, 1, "B", 10, 30)
                .complete(1, 1, "D", 20, 10)
                .complete(1, 1, "C", 50, 10)
                .complete(1, 1, "A", 200, 50)
                .complete(1, 2, "B", 0, 5));
    }

    private static SpanStat row(SpanStatistics s, String name) {
        return s.rows().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void selfTimeSubtractsDirectChildrenOnly() {
        SpanStatistics s = SpanStatistics.of(nested());
        // A: 100 - 30 (B) - 10 (C) = 60, plus 50 with no children
        assertEquals(110, row(s, "A").selfNs());
        // B: 30 - 10 (D) = 20, plus 5 on the other thread
        assertEquals(25, row(s, "B").selfNs());
        assertEquals(10, row(s, "C").selfNs());
        assertEquals(10, row(s, "D").selfNs());
        assertEquals(155, s.selfTotalNs());
        assertEquals(110.0 / 155, row(s, "A").share(), 1e-12);
    }

    @Test
    void rowsAreSortedByTotalThenName() {
        SpanStatistics s = SpanStatistics.of(nested());
        assertEquals(List.of("A", "B", "C", "D"), s.rows().stream().map(SpanStat::name).toList());
        SpanStat a = row(s, "A");
        assertEquals(2, a.count());
        assertEquals(150, a.totalNs());
        assertEquals(100, a.maxNs());
        assertEquals(75.0, a.meanNs());
        // nearest rank over [50, 100]: p50 -> rank 1, p90 -> rank 2, p99 -> rank 2
        assertEquals(50, a.p50Ns());
        assertEquals(100, a.p90Ns());
        assertEquals(100, a.p99Ns());
        assertEquals(6, s.spanCount());
    }

    @Test
    void scopeSelectsThreadsAndStartTimes() {
        Trace t = nested();
        SpanStatistics thread2 = SpanStatistics.compute(t, SpanScope.ofThreads(List.of(new SpanScope.ThreadRef(0, 1))));
        assertEquals(1, thread2.spanCount());
        assertEquals(5, row(thread2, "B").totalNs());

        // spans starting in [10, 200): B[10,40), D[20,30), C[50,60) on thread 1 only
        SpanStatistics window = SpanStatistics.compute(t, SpanScope.all().within(10, 200));
        assertEquals(3, window.spanCount());
        assertEquals(List.of("B", "C", "D"), window.rows().stream().map(SpanStat::name).toList());
        // self times are the spans' own, whatever the window
        assertEquals(20, row(window, "B").selfNs());

        SpanStatistics process = SpanStatistics.compute(t, SpanScope.ofProcesses(Set.of(0)));
        assertEquals(6, process.spanCount());
        SpanStatistics none = SpanStatistics.compute(t, SpanScope.ofProcesses(Set.of(7)));
        assertEquals(0, none.spanCount());
        assertTrue(none.rows().isEmpty());
    }

    @Test
    void spansThatNeverEndedAreLeftOut() {
        Trace t = TraceFixture.assemble(new TraceFixture("open")
                .complete(1, 1, "step", 0, 100)
                .begin(1, 1, "step", 40)
                .complete(1, 1, "tail", 50, 30));
        SpanStatistics s = SpanStatistics.of(t);
        assertEquals(2, s.spanCount());
        assertEquals(1, row(s, "step").count());
        assertEquals(100, row(s, "step").totalNs());
    }

    @Test
    void nearestRankIndex() {
        assertEquals(0, SpanStatistics.rankIndex(50, 1));
        assertEquals(0, SpanStatistics.rankIndex(99, 1));
        assertEquals(4, SpanStatistics.rankIndex(50, 10));
        assertEquals(8, SpanStatistics.rankIndex(90, 10));
        assertEquals(9, SpanStatistics.rankIndex(99, 10));
        assertEquals(98, SpanStatistics.rankIndex(99, 100));
        assertEquals(99, SpanStatistics.rankIndex(99, 101));
    }

    @Test
    void percentilesAndTotalsMatchASortOfTheGeneratedSpans() {
        Random rnd = new Random(42);
        String[] names = {"forward", "attention", "mlp", "sample", "detokenize", "schedule", "allreduce"};
        TraceFixture f = new TraceFixture("random");
        Map<String, List<Long>> expected = new TreeMap<>();
        Map<String, List<Long>> expectedWindow = new TreeMap<>();
        long t0 = 2_000_000;
        long t1 = 6_000_000;
        for (int i = 0; i < 20_000; i++) {
            String name = names[rnd.nextInt(names.length)];
            long pid = 1 + rnd.nextInt(3);
            long tid = 1 + rnd.nextInt(4);
            long ts = rnd.nextInt(10_000_000);
            long dur = (long) Math.abs(rnd.nextGaussian() * 5_000) + rnd.nextInt(50);
            f.complete(pid, tid, name, ts, dur);
            expected.computeIfAbsent(name, k -> new ArrayList<>()).add(dur);
            if (ts >= t0 && ts < t1) {
                expectedWindow.computeIfAbsent(name, k -> new ArrayList<>()).add(dur);
            }
        }
        Trace trace = TraceFixture.assemble(f);
        check(expected, SpanStatistics.of(trace));
        check(expectedWindow, SpanStatistics.compute(trace, SpanScope.all().within(t0, t1)));
    }

    private static void check(Map<String, List<Long>> expected, SpanStatistics stats) {
        Map<String, SpanStat> byName = new HashMap<>();
        stats.rows().forEach(r -> byName.put(r.name(), r));
        assertEquals(expected.keySet(), byName.keySet());
        long spans = 0;
        for (Map.Entry<String, List<Long>> e : expected.entrySet()) {
            List<Long> d = new ArrayList<>(e.getValue());
            Collections.sort(d);
            SpanStat r = byName.get(e.getKey());
            int n = d.size();
            spans += n;
            assertEquals(n, r.count(), e.getKey());
            assertEquals(d.stream().mapToLong(Long::longValue).sum(), r.totalNs(), e.getKey());
            assertEquals(d.get(n - 1), r.maxNs(), e.getKey());
            assertEquals(d.get((int) Math.ceil(0.50 * n) - 1), r.p50Ns(), e.getKey());
            assertEquals(d.get((int) Math.ceil(0.90 * n) - 1), r.p90Ns(), e.getKey());
            assertEquals(d.get((int) Math.ceil(0.99 * n) - 1), r.p99Ns(), e.getKey());
        }
        assertEquals(spans, stats.spanCount());
    }
}
