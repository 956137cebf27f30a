package dev.flarescope.live;

import static dev.flarescope.live.LiveFixtures.assertExactly;
import static dev.flarescope.live.LiveFixtures.flush;
import static dev.flarescope.live.LiveFixtures.lines;
import static dev.flarescope.live.LiveFixtures.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarescope.format.Format;
import dev.flarescope.model.RequestRecord;
import dev.flarescope.model.Trace;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class LiveTraceTest {

    @Test
    void batchesFromManyThreadsAllEndUpInTheSnapshotOnce() throws Exception {
        try (LiveTrace store = new LiveTrace(Retention.UNBOUNDED)) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<?>> done = new java.util.ArrayList<>();
            for (int b = 0; b < 40; b++) {
                long from = b * 250L + 1;
                done.add(pool.submit(() -> store.append("in", "chrome-jsonl", 1,
                        new ReaderBatch("in", utf8(lines(from, from + 249)), Format.CHROME_JSONL))));
            }
            for (Future<?> f : done) {
                f.get();
            }
            pool.shutdown();
            Trace t = flush(store);
            assertExactly(10_000, t);
            assertEquals(10_000, t.events());
            assertEquals(10_000, store.receivedEvents());
        }
    }

    @Test
    void everySnapshotCanBeAssembledAgainWithItsArgs() throws Exception {
        // the chunk still being filled is assembled again and again; its args must stay readable in each
        try (LiveTrace store = new LiveTrace(Retention.UNBOUNDED)) {
            for (int round = 0; round < 5; round++) {
                long from = round * 100L + 1;
                store.append("in", "chrome-jsonl", 1, new ReaderBatch("in", utf8(lines(from, from + 99)),
                        Format.CHROME_JSONL));
                Trace t = flush(store);
                assertExactly((round + 1) * 100L, t);
            }
        }
    }

    @Test
    void snapshotsArePublishedWhileDataArrivesAndNotFasterThanTheInterval() throws Exception {
        List<Long> times = new CopyOnWriteArrayList<>();
        try (LiveTrace store = new LiveTrace(Retention.UNBOUNDED, 100, LiveTrace.DEFAULT_PENDING_BYTES)) {
            store.addSnapshotListener(s -> times.add(System.nanoTime()));
            long end = System.nanoTime() + 1_000_000_000L;
            long seq = 1;
            while (System.nanoTime() < end) {
                long from = seq;
                store.append("in", "chrome-jsonl", 1, new ReaderBatch("in", utf8(lines(from, from + 9)), Format.CHROME_JSONL));
                seq += 10;
                Thread.sleep(5);
            }
            Trace t = flush(store);
            assertExactly(seq - 1, t);
        }
        // one second of steady arrivals at a 100 ms interval (counted from the start of one assembly to the
        // next): about ten snapshots, the flush's one included
        assertTrue(times.size() >= 5 && times.size() <= 13, "snapshots: " + times.size());
        for (int i = 2; i < times.size() - 1; i++) {
            assertTrue(times.get(i) - times.get(i - 1) >= 50_000_000L, "snapshots " + (i - 1) + " and " + i + " too close");
        }
    }

    @Test
    void retentionDropsWholeOldBatchesBeyondTheEventLimit() throws Exception {
        try (LiveTrace store = new LiveTrace(new Retention(null, 1_000))) {
            // three sealed segments of SEGMENT_EVENTS would be slow to build here: the limit applies to
            // segments, so fill one input per batch (each input's chunk is its own segment)
            for (int b = 0; b < 5; b++) {
                long from = b * 400L + 1;
                store.append("in-" + b, "chrome-jsonl", 1, new ReaderBatch("in-" + b, utf8(lines(from, from + 399)),
                        Format.CHROME_JSONL));
            }
            LiveTrace.Snapshot s = store.flush(10_000);
            // 2000 events of 400 per segment; dropping the oldest while the rest is still >= 1000 keeps 3 segments
            assertEquals(1_200, s.stats().retainedEvents());
            assertEquals(800, s.stats().droppedEvents());
            List<Long> seqs = LiveFixtures.seqs(s.trace());
            assertEquals(1_200, seqs.size());
            assertEquals(801L, seqs.get(0));
            assertEquals(2_000L, seqs.get(seqs.size() - 1));
        }
    }

    @Test
    void retentionWindowDropsDataOlderThanItsAge() throws Exception {
        try (LiveTrace store = new LiveTrace(new Retention(Duration.ofMillis(200), 0))) {
            store.append("old", "chrome-jsonl", 1, new ReaderBatch("old", utf8(lines(1, 10)), Format.CHROME_JSONL));
            Thread.sleep(400);
            store.append("new", "chrome-jsonl", 1, new ReaderBatch("new", utf8(lines(11, 20)), Format.CHROME_JSONL));
            List<Long> seqs = LiveFixtures.seqs(flush(store));
            assertEquals(List.of(11L, 12L, 13L, 14L, 15L, 16L, 17L, 18L, 19L, 20L), seqs);
        }
    }

    @Test
    void requestRecordsAndLineNumbersOfPiecesAreThoseOfTheWholeInput() throws Exception {
        String rec = "{\"model\":\"m\",\"provider\":\"p\",\"inputTokens\":10,\"outputTokens\":5,\"timeToFirstToken\":100}\n";
        try (LiveTrace store = new LiveTrace(Retention.UNBOUNDED)) {
            // the same log read in two pieces: lines 1-2 then 3-4 (line 3 is not JSON)
            store.append("log", "llm-metrics", 1, new ReaderBatch("log", utf8(rec + rec), Format.LLM_METRICS, 1, 0));
            store.append("log", "llm-metrics", 1, new ReaderBatch("log", utf8("oops\n" + rec), Format.LLM_METRICS, 3,
                    2L * rec.length()));
            Trace t = flush(store);
            List<String> ids = t.requests().stream().map(r -> r.id).sorted().toList();
            assertEquals(List.of("llm-metrics#1", "llm-metrics#2", "llm-metrics#4"), ids);
            assertEquals(1, t.inputs().get(0).malformedLines());
            assertEquals(3, t.inputs().get(0).problems().get(0).line());
        }
    }

    @Test
    void appendsAreRefusedWhenTheBudgetStaysFullAndAfterClose() throws Exception {
        LiveTrace store = new LiveTrace(Retention.UNBOUNDED, 250, 4 << 10);
        java.util.concurrent.CountDownLatch hold = new java.util.concurrent.CountDownLatch(1);
        assertTrue(store.append("in", "x", 4 << 10, sink -> {
            try {
                hold.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, 100));
        assertFalse(store.append("in", "x", 1024, sink -> { }, 100), "the budget is held by the first batch");
        hold.countDown();
        assertTrue(store.append("in", "x", 1024, sink -> sink.request(new RequestRecord()), 5_000));
        store.close();
        assertFalse(store.append("in", "x", 1, sink -> { }, 100));
    }
}
