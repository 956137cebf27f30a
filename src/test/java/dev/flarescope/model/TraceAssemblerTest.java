package dev.flarescope.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TraceAssemblerTest {

    private static SpanTable spans(Trace t, int process, int thread) {
        return t.processes().get(process).threads().get(thread).spans();
    }

    private static String name(Trace t, SpanTable s, int i) {
        return t.string(s.name(i));
    }

    private static List<Diagnostic> diagnostics(Trace t, String kind) {
        return t.diagnostics().stream().filter(d -> d.kind().equals(kind)).toList();
    }

    @Test
    void nestsCompleteSpansByContainment() {
        // main [0,100) > a [10,40) > a1 [15,20); main > b [50,90)
        Trace t = Events.assemble(Events.chunk()
                .x(1, 1, "b", 50, 40).x(1, 1, "a1", 15, 5).x(1, 1, "main", 0, 100).x(1, 1, "a", 10, 30).build());
        SpanTable s = spans(t, 0, 0);
        assertEquals(4, s.size());
        assertEquals(List.of("main", "a", "a1", "b"), List.of(name(t, s, 0), name(t, s, 1), name(t, s, 2), name(t, s, 3)));
        assertEquals(0, s.depth(0));
        assertEquals(1, s.depth(1));
        assertEquals(2, s.depth(2));
        assertEquals(1, s.depth(3));
        assertEquals(-1, s.parent(0));
        assertEquals(0, s.parent(1));
        assertEquals(1, s.parent(2));
        assertEquals(0, s.parent(3));
        // self(main) = 100 - 30 - 40 = 30 us; self(a) = 30 - 5 = 25 us
        assertEquals(30_000, s.selfTime(0));
        assertEquals(25_000, s.selfTime(1));
        assertTrue(t.diagnostics().isEmpty(), t.diagnostics().toString());
    }

    @Test
    void matchesBeginEndAcrossChunksAfterSortingByTime() {
        // chunk 1 opens outer at 0 and inner at 10; chunk 2 closes inner at 30 and outer at 50
        ChunkBuilder c1 = Events.chunk().b(7, 2, "outer", 0).b(7, 2, "inner", 10).build();
        ChunkBuilder c2 = Events.chunk().end(7, 2, 30).end(7, 2, 50).build();
        Trace t = Events.assemble(c1, c2);
        SpanTable s = spans(t, 0, 0);
        assertEquals(2, s.size());
        assertEquals("outer", name(t, s, 0));
        assertEquals(50_000, s.dur(0));
        assertEquals("inner", name(t, s, 1));
        assertEquals(10_000, s.start(1));
        assertEquals(20_000, s.dur(1));
        assertEquals(1, s.depth(1));
        assertTrue(s.hasFlag(0, SpanTable.FROM_BEGIN_END));
        assertEquals(4, t.events());
    }

    @Test
    void keepsAndNotesUnmatchedBeginAndEnd() {
        // E at 5 closes nothing; B at 10 closes at 20; B at 30 never closes; last timestamp is the X ending at 80
        Trace t = Events.assemble(Events.chunk()
                .end(1, 1, 5).b(1, 1, "ok", 10).end(1, 1, 20).b(1, 1, "open", 30).x(1, 1, "late", 60, 20).build());
        SpanTable s = spans(t, 0, 0);
        assertEquals(3, s.size());
        int open = -1;
        for (int i = 0; i < s.size(); i++) {
            if (name(t, s, i).equals("open")) {
                open = i;
            }
        }
        assertTrue(s.hasFlag(open, SpanTable.UNFINISHED));
        assertEquals(50_000, s.dur(open)); // 30 -> 80
        InstantTable markers = t.processes().get(0).threads().get(0).instants();
        assertEquals(1, markers.size());
        assertEquals('E', markers.phase(0));
        assertEquals(5_000, markers.ts(0));
        assertEquals(1, diagnostics(t, "unmatched-end").size());
        assertEquals(1, diagnostics(t, "unmatched-begin").get(0).count());
    }

    @Test
    void overlappingSpansGetTheirOwnLaneAndAreNoted() {
        // two asyncio tasks on one tid: task1 [0,100), task2 [50,150); task1 has a child [10,20)
        Trace t = Events.assemble(Events.chunk()
                .x(1, 9, "task1", 0, 100).x(1, 9, "child", 10, 10).x(1, 9, "task2", 50, 100).build());
        SpanTable s = spans(t, 0, 0);
        assertEquals(3, s.size());
        // lane 0 holds task1 (row 0) and child (row 1); task2 goes below, on row 2
        assertEquals(0, s.depth(0));
        assertEquals(1, s.depth(1));
        assertEquals(2, s.depth(2));
        assertTrue(s.hasFlag(2, SpanTable.OVERLAP));
        assertEquals(-1, s.parent(2));
        Diagnostic d = diagnostics(t, "overlapping-spans").get(0);
        assertEquals(1, d.count());
        assertEquals(50_000, d.tsNs());
        assertEquals(0, d.process());
        assertEquals(0, d.thread());
        // rows stay non-overlapping, so the visible-range search works per row
        for (int[] row : s.rows()) {
            for (int k = 1; k < row.length; k++) {
                assertTrue(s.end(row[k - 1]) <= s.start(row[k]));
            }
        }
    }

    @Test
    void negativeDurationIsDrawnAsZeroAndNoted() {
        Trace t = Events.assemble(Events.chunk().x(1, 1, "bad", 10, -5).build());
        SpanTable s = spans(t, 0, 0);
        assertEquals(0, s.dur(0));
        assertTrue(s.hasFlag(0, SpanTable.NEGATIVE));
        assertEquals(Severity.ERROR, diagnostics(t, "negative-duration").get(0).severity());
    }

    @Test
    void mergesFragmentsOfOneProcessAndKeepsHostsApart() {
        // node A writes pid 100 in two rotated fragments; node B also has a pid 100
        TraceAssembler.Input a1 = new TraceAssembler.Input("a/trace.1.jsonl", "chrome-jsonl", 0, 0,
                List.of(Events.chunk().hostMetadata("node-a").meta(100, 0, "process_name", "name", "api")
                        .b(100, 1, "request", 0).build()));
        TraceAssembler.Input a2 = new TraceAssembler.Input("a/trace.2.jsonl", "chrome-jsonl", 0, 0,
                List.of(Events.chunk().hostMetadata("node-a").end(100, 1, 40).x(100, 2, "io", 5, 5).build()));
        TraceAssembler.Input b = new TraceAssembler.Input("b/trace.jsonl", "chrome-jsonl", 0, 0,
                List.of(Events.chunk().hostMetadata("node-b").meta(100, 0, "process_name", "name", "worker")
                        .x(100, 1, "forward", 0, 10).build()));
        Trace t = Events.assembleInputs(List.of(a1, a2, b));
        assertEquals(2, t.processes().size());
        ProcessTrack api = t.processes().get(0);
        assertEquals("api", api.name());
        assertEquals("node-a", api.host());
        assertEquals("100", api.pid());
        assertEquals(List.of("a/trace.1.jsonl", "a/trace.2.jsonl"), api.sources());
        assertEquals(2, api.threads().size());
        // the request B in fragment 1 met its E in fragment 2
        SpanTable req = api.threads().get(0).spans();
        assertEquals(1, req.size());
        assertEquals(40_000, req.dur(0));
        ProcessTrack worker = t.processes().get(1);
        assertEquals("worker", worker.name());
        assertEquals("node-b", worker.host());
        assertTrue(t.diagnostics().isEmpty(), t.diagnostics().toString());
    }

    @Test
    void appliesPerInputClockOffset() {
        TraceAssembler.Input a = new TraceAssembler.Input("a", "chrome-json", 0, 0,
                List.of(Events.chunk().x(1, 1, "s", 100, 10).build()));
        TraceAssembler.Input b = new TraceAssembler.Input("b", "chrome-json", 0, 12_500_000,
                List.of(Events.chunk().hostMetadata("other").x(1, 1, "s", 100, 10).counter(1, "q", 100, "value", 3).build()));
        Trace t = Events.assembleInputs(List.of(a, b));
        ProcessTrack pb = t.processes().stream().filter(p -> p.host().equals("other")).findFirst().orElseThrow();
        assertEquals(100_000 + 12_500_000, pb.threads().get(0).spans().start(0));
        assertEquals(12_600_000, pb.counters().get(0).ts(0));
        assertEquals("q", pb.counters().get(0).name());
        assertEquals(100_000, t.minTs());
        assertEquals(12_610_000, t.maxTs());
    }

    @Test
    void metadataNamesAndSortsProcessesAndThreads() {
        Trace t = Events.assemble(Events.chunk()
                .x(1, 1, "a", 0, 1).x(2, 5, "b", 0, 1).x(2, 6, "c", 0, 1)
                .meta(1, 0, "process_name", "name", "zeta").meta(2, 0, "process_name", "name", "alpha")
                .metaNumber(1, 0, "process_sort_index", "sort_index", -1)
                .meta(2, 6, "thread_name", "name", "main").metaNumber(2, 6, "thread_sort_index", "sort_index", 0)
                .meta(1, 0, "process_labels", "labels", "gpu0, fast").build());
        assertEquals(List.of("zeta", "alpha"), t.processes().stream().map(ProcessTrack::name).toList());
        assertEquals(List.of("gpu0", "fast"), t.processes().get(0).labels());
        ProcessTrack alpha = t.processes().get(1);
        assertEquals(List.of("6", "5"), alpha.threads().stream().map(ThreadTrack::tid).toList());
        assertEquals("main", alpha.threads().get(0).name());
        // 3 X + 6 M events (2 process_name, sort index, thread_name, thread sort index, labels), all counted
        assertEquals(9, t.events());
        assertEquals(Map.of('X', 3L, 'M', 6L), t.byPhase());
        assertEquals(4, t.processes().get(0).events()); // 1 X + name + sort index + labels
    }

    @Test
    void instantScopesLandOnThreadProcessOrTrace() {
        Trace t = Events.assemble(Events.chunk()
                .instant(1, 1, "t", 1, 't').instant(1, 1, "p", 2, 'p').instant(1, 1, "g", 3, 'g').build());
        assertEquals(1, t.processes().get(0).threads().get(0).instants().size());
        assertEquals(1, t.processes().get(0).instants().size());
        assertEquals(1, t.globalInstants().size());
        assertEquals("g", t.string(t.globalInstants().name(0)));
    }

    @Test
    void pairsNestableAsyncSlicesByIdAndPacksRows() {
        // two overlapping requests share the track "request"; r1 has a nested "prefill"
        Trace t = Events.assemble(Events.chunk()
                .async('b', 1, "request", "r1", 0).async('b', 1, "prefill", "r1", 5).async('e', 1, "prefill", "r1", 15)
                .async('b', 1, "request", "r2", 10).async('e', 1, "request", "r1", 30).async('e', 1, "request", "r2", 40)
                .async('b', 1, "request", "r3", 35).build());
        AsyncTable a = t.processes().get(0).async();
        assertEquals(4, a.size());
        assertEquals(List.of("request"), a.trackNames());
        // r1 block takes rows 0-1 (request + nested prefill); r2 overlaps r1 so it goes to row 2;
        // r3 starts at 35, after r1 ended at 30, so it reuses row 0
        assertEquals(0, a.row(0));
        assertEquals(1, a.row(1));
        assertEquals(2, a.row(2));
        assertEquals(0, a.row(3));
        assertEquals(3, a.trackRows(0));
        assertEquals("r3", a.id(3));
        assertEquals(SpanTable.UNFINISHED, a.flags(3));
        assertEquals(5_000, a.dur(3)); // drawn to the process's last timestamp, 40 us
        assertEquals(30_000, a.dur(0));
    }

    @Test
    void bindsFlowsToEnclosingAndNextSlices() {
        // s inside "send" on thread 1, f (next-slice binding) before "recv" on thread 2
        Trace t = Events.assemble(Events.chunk()
                .x(1, 1, "send", 0, 10).x(1, 2, "recv", 20, 10)
                .flow('s', 1, 1, "7", 5, false).flow('f', 1, 2, "7", 18, false).build());
        FlowTable f = t.flows();
        assertEquals(1, f.size());
        ThreadTrack t1 = t.processes().get(0).threads().get(0);
        ThreadTrack t2 = t.processes().get(0).threads().get(1);
        assertEquals("send", t.string(t1.spans().name(f.fromSpan(0))));
        assertEquals(1, f.toThread(0));
        assertEquals("recv", t.string(t2.spans().name(f.toSpan(0))));
        assertEquals(5_000, f.fromTs(0));
        assertEquals(18_000, f.toTs(0));
    }

    @Test
    void countersSplitSeriesByArgKey() {
        ChunkBuilder c = Events.chunk().counter(1, "mem", 0, "used", 10).counter(1, "mem", 5, "free", 3).build();
        Trace t = Events.assemble(c);
        assertEquals(List.of("mem.free", "mem.used"), t.processes().get(0).counters().stream().map(CounterTrack::name).toList());
    }

    @Test
    void rowsReorderedInPlaceAsTheCopyingPermuteGivesThem() {
        SplittableRandom r = new SplittableRandom(11);
        for (int round = 0; round < 200; round++) {
            int n = r.nextInt(300);
            int[] order = IntStream.range(0, n).toArray();
            int swaps = round % 4 == 0 ? 0 : r.nextInt(n + 1); // some orders are the identity, some nearly so
            for (int k = 0; k < swaps; k++) {
                int a = r.nextInt(n);
                int b = r.nextInt(n);
                int t = order[a];
                order[a] = order[b];
                order[b] = t;
            }
            long[] start = r.longs(n).toArray();
            long[] dur = r.longs(n).toArray();
            int[][] ints = {r.ints(n).toArray(), r.ints(n).toArray(), r.ints(n).toArray(), r.ints(n).toArray()};
            byte[] flags = new byte[n];
            r.nextBytes(flags);
            long[] expectedStart = Sorting.permute(start, order);
            long[] expectedDur = Sorting.permute(dur, order);
            int[][] expectedInts = new int[4][];
            for (int c = 0; c < 4; c++) {
                expectedInts[c] = Sorting.permute(ints[c], order);
            }
            byte[] expectedFlags = new byte[n];
            for (int i = 0; i < n; i++) {
                expectedFlags[i] = flags[order[i]];
            }
            int[] cname = round % 2 == 0 ? ints[3] : null; // without a cname column too
            TraceAssembler.reorderRows(order, start, dur, ints[0], ints[1], ints[2], cname, flags);
            assertArrayEquals(expectedStart, start);
            assertArrayEquals(expectedDur, dur);
            for (int c = 0; c < 3; c++) {
                assertArrayEquals(expectedInts[c], ints[c]);
            }
            if (cname != null) {
                assertArrayEquals(expectedInts[3], cname);
            }
            assertArrayEquals(expectedFlags, flags);
        }
    }

    @Test
    void manyCountersInterleavedKeepEachSampleInItsSeries() {
        Events b = Events.chunk();
        // twelve series, more than a process part remembers, each sample's value naming its series
        for (int round = 0; round < 3; round++) {
            for (int n = 0; n < 6; n++) {
                b.counter(1, "c" + n, round * 10 + n, "a", n * 10 + round).counter(1, "c" + n, round * 10 + n, "b", n * 10 + 100 + round);
            }
        }
        Trace t = Events.assemble(b.build());
        List<CounterTrack> series = t.processes().get(0).counters();
        assertEquals(12, series.size());
        for (CounterTrack c : series) {
            int n = c.name().charAt(1) - '0';
            int base = n * 10 + (c.name().endsWith(".b") ? 100 : 0);
            assertEquals(3, c.size(), c.name());
            for (int round = 0; round < 3; round++) {
                assertEquals(base + round, c.value(round), 1e-9, c.name() + " sample " + round);
            }
        }
    }

    @Test
    void aPidSharedByHostsInOneMergedFileGetsItsOwnPidBack() {
        ChunkBuilder c = new ChunkBuilder();
        RawEvent e = new RawEvent();
        for (String host : new String[] {"gpu-a", "gpu-b"}) {
            e.reset();
            e.ph = 'M';
            e.name = c.strings().intern("process_labels");
            e.hasPid = true;
            e.pidStr = "100@" + host;
            e.scalars.addString(c.strings().intern("labels"), c.strings().intern("host=" + host));
            c.event(e);
            e.reset();
            e.ph = 'X';
            e.name = c.strings().intern("step");
            e.hasPid = true;
            e.pidStr = "100@" + host;
            e.ts = 0;
            e.dur = 1000;
            c.event(e);
        }
        Trace t = Events.assemble(c);
        assertEquals(List.of("gpu-a/100", "gpu-b/100"), t.processes().stream().map(p -> p.host() + "/" + p.pid()).toList());
        // a pid that merely contains '@' without a matching host label is left alone
        assertEquals("7@x", TraceAssembler.pidWithoutHost("7@x", ""));
        assertEquals("7@x", TraceAssembler.pidWithoutHost("7@x", "y"));
    }

    @Test
    void aFlowThatArrivesBeforeItLeavesIsKeptPointingBack() {
        // the receiver's clock runs 20 us behind: f is stamped at 5 us, s at 25 us
        Trace t = Events.assemble(Events.chunk()
                .x(1, 1, "send", 20, 10).x(2, 1, "recv", 0, 10)
                .flow('f', 2, 1, "9", 5, true).flow('s', 1, 1, "9", 25, false).build());
        FlowTable f = t.flows();
        assertEquals(1, f.size());
        assertEquals(25_000, f.fromTs(0));
        assertEquals(5_000, f.toTs(0));
        assertTrue(f.toTs(0) < f.fromTs(0));
        int recvProcess = f.toProcess(0);
        assertEquals("recv", t.string(t.processes().get(recvProcess).threads().get(0).spans().name(f.toSpan(0))));
    }

    @Test
    void aChunkThatGrowsAfterAnAssemblyIsOrderedAgainWithTheNewSpans() {
        // chunk 1 writes children before their parent, as tracers that emit X at the end do
        Events first = Events.chunk().x(1, 1, "c", 30, 5).x(1, 1, "a", 10, 50);
        Events second = Events.chunk().x(1, 1, "b", 20, 5).b(1, 1, "d", 40).end(1, 1, 45);
        first.build().keepSpanOrder(); // as a live store's chunks: the order is kept between assemblies
        Trace before = Events.assemble(first.build(), second.build());
        assertEquals(List.of("a 0", "b 1", "c 1", "d 1"), rows(before));
        first.x(1, 1, "e", 15, 2).x(1, 1, "f", 31, 1); // as a live store's open chunk grows
        Trace after = Events.assemble(first.build(), second.build());
        assertEquals(List.of("a 0", "e 1", "b 1", "c 1", "f 2", "d 1"), rows(after));
        assertEquals(10_000, after.minTs());
        assertEquals(60_000, after.maxTs()); // the end of a
    }

    /** Each span of the first thread as "name depth", in table order. */
    private static List<String> rows(Trace t) {
        SpanTable s = spans(t, 0, 0);
        List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
            out.add(name(t, s, i) + " " + s.depth(i));
        }
        return out;
    }
}
