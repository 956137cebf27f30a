package dev.flarescope.notes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarescope.io.TraceLoader;
import dev.flarescope.model.ProcessTrack;
import dev.flarescope.model.SpanTable;
import dev.flarescope.model.Trace;
import dev.flarescope.notes.SpanLocator.SpanPosition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpanLocatorTest {
    private static final Path REAL = Path.of("src/test/resources/traces/real");

    @TempDir
    Path dir;

    private static Trace load(Path... paths) {
        TraceLoader.Result r = TraceLoader.load(List.of(paths));
        assertEquals(List.of(), r.failures());
        return r.trace();
    }

    @Test
    void findsTheFirstSpanOfARealNodeTrace() {
        Trace t = load(REAL.resolve("node-async.log"));
        // the file's first event: {"pid":5632,"tid":5632,"ts":518715942,"ph":"X","name":"V8.DeserializeIsolate","dur":6774}
        SpanKey key = new SpanKey("", "5632", "5632", "V8.DeserializeIsolate", 518_715_942_000L, 518_722_716_000L);
        Optional<SpanPosition> found = SpanLocator.find(t, key);
        assertTrue(found.isPresent());
        SpanPosition p = found.get();
        assertEquals(key, SpanLocator.keyOf(t, p.process(), p.thread(), p.span()));
        SpanTable spans = t.processes().get(p.process()).threads().get(p.thread()).spans();
        assertEquals("V8.DeserializeIsolate", t.string(spans.name(p.span())));
        assertEquals(6_774_000L, spans.dur(p.span()));
    }

    @Test
    void everySpanOfARealChromiumTraceIsFoundByItsKey() {
        Trace t = load(REAL.resolve("chromium-startup.json.gz"));
        long spans = 0;
        long samePosition = 0;
        for (int pi = 0; pi < t.processes().size(); pi++) {
            ProcessTrack p = t.processes().get(pi);
            for (int ti = 0; ti < p.threads().size(); ti++) {
                for (int si = 0; si < p.threads().get(ti).spans().size(); si++) {
                    SpanKey key = SpanLocator.keyOf(t, pi, ti, si);
                    SpanPosition found = SpanLocator.find(t, key).orElseThrow(() -> new AssertionError(key.toString()));
                    // identical spans (same start, name and end) are indistinguishable: any of them will do
                    assertEquals(key, SpanLocator.keyOf(t, found.process(), found.thread(), found.span()));
                    spans++;
                    if (found.equals(new SpanPosition(pi, ti, si))) {
                        samePosition++;
                    }
                }
            }
        }
        assertEquals(t.spanCount(), spans);
        assertTrue(spans > 1000, "spans: " + spans);
        assertTrue(samePosition > spans * 99 / 100, samePosition + " of " + spans);
    }

    @Test
    void spansSharingAStartAreToldApartByNameAndEnd() throws IOException {
        Path a = dir.resolve("a.json");
        Files.writeString(a, """
                {"otherData": {"host_name": "gpu-a"}, "traceEvents": [
                {"ph": "X", "name": "step", "pid": 1, "tid": 1, "ts": 0, "dur": 10},
                {"ph": "X", "name": "step", "pid": 1, "tid": 1, "ts": 0, "dur": 4},
                {"ph": "X", "name": "other", "pid": 1, "tid": 1, "ts": 0, "dur": 2},
                {"ph": "X", "name": "step", "pid": 1, "tid": 1, "ts": 5, "dur": 1},
                {"ph": "X", "name": "step", "pid": 1, "tid": 2, "ts": 0, "dur": 10}
                ]}
                """);
        Path b = dir.resolve("b.json");
        Files.writeString(b, """
                {"otherData": {"host_name": "gpu-b"}, "traceEvents": [
                {"ph": "X", "name": "step", "pid": 1, "tid": 1, "ts": 0, "dur": 10}
                ]}
                """);
        Trace t = load(a, b);
        assertEquals(List.of("gpu-a/1", "gpu-b/1"), t.processes().stream().map(p -> p.host() + "/" + p.pid()).toList());

        // thread 1 of gpu-a, sorted by start, longer first: step(0,10) step(0,4) other(0,2) step(5,1)
        int tid1 = threadIndex(t, 0, "1");
        assertEquals(Optional.of(new SpanPosition(0, tid1, 0)), find(t, "gpu-a", "1", "step", 0, 10_000));
        assertEquals(Optional.of(new SpanPosition(0, tid1, 1)), find(t, "gpu-a", "1", "step", 0, 4_000));
        assertEquals(Optional.of(new SpanPosition(0, tid1, 2)), find(t, "gpu-a", "1", "other", 0, 2_000));
        assertEquals(Optional.of(new SpanPosition(0, tid1, 3)), find(t, "gpu-a", "1", "step", 5_000, 6_000));
        // no span with that end: the first with the start and name (a span still growing in a live capture)
        assertEquals(Optional.of(new SpanPosition(0, tid1, 0)), find(t, "gpu-a", "1", "step", 0, 7_000));
        // the other thread and the other host
        assertEquals(Optional.of(new SpanPosition(0, threadIndex(t, 0, "2"), 0)), find(t, "gpu-a", "2", "step", 0, 10_000));
        assertEquals(Optional.of(new SpanPosition(1, 0, 0)), find(t, "gpu-b", "1", "step", 0, 10_000));

        assertEquals(Optional.empty(), find(t, "gpu-a", "1", "step", 1_000, 2_000)); // no span starts there
        assertEquals(Optional.empty(), find(t, "gpu-a", "1", "decode", 0, 10_000)); // a name the trace never had
        assertEquals(Optional.empty(), find(t, "gpu-a", "1", "other", 5_000, 6_000)); // a name not at that start
        assertEquals(Optional.empty(), find(t, "gpu-a", "3", "step", 0, 10_000)); // no such thread
        assertEquals(Optional.empty(), find(t, "gpu-c", "1", "step", 0, 10_000)); // no such host
        assertEquals(Optional.empty(), find(t, "", "1", "step", 0, 10_000));
    }

    private static Optional<SpanPosition> find(Trace t, String host, String tid, String name, long start, long end) {
        return SpanLocator.find(t, new SpanKey(host, "1", tid, name, start, end));
    }

    private static int threadIndex(Trace t, int process, String tid) {
        List<String> tids = t.processes().get(process).threads().stream().map(th -> th.tid()).toList();
        assertTrue(tids.contains(tid), tids.toString());
        return tids.indexOf(tid);
    }
}
