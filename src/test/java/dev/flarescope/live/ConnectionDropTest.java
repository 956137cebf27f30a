package dev.flarescope.live;

import static dev.flarescope.live.LiveFixtures.assertExactly;
import static dev.flarescope.live.LiveFixtures.await;
import static dev.flarescope.live.LiveFixtures.event;
import static dev.flarescope.live.LiveFixtures.flush;
import static dev.flarescope.live.LiveFixtures.seqs;
import static dev.flarescope.live.ScriptedServer.head;
import static dev.flarescope.live.ScriptedServer.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flarescope.model.Trace;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A stream whose server drops the connection again and again, each time in the middle of an event.
 * With server-sent events the connector resumes from the last event id and nothing is lost or
 * repeated; with NDJSON there is no position to resume from, so exactly the event cut at each drop is
 * lost (the server moves on) and nothing else.
 *
 * <p>The soak version drops every second for a minute:
 * {@code mvn test -Dtest=ConnectionDropTest -Dflarescope.soak=true}.
 */
class ConnectionDropTest {
    /** Time between two events the server sends. */
    private static final long EVENT_MS = 5;
    /** Events the server sends after the last drop, before it closes. */
    private static final long TAIL = 20;

    /** What the server did, for the checks. */
    private record Run(Trace trace, long lastSeq, List<Long> cut, List<String> lastEventIds, long maxReconnectMs) {
    }

    @Test
    void fiveDropsOfAnSseStreamLoseAndRepeatNothing() throws Exception {
        Run r = sse(5, 200);
        assertSseExact(r, 5);
    }

    @Test
    void fiveDropsOfAnNdjsonStreamLoseExactlyTheEventCutAtEachDrop() throws Exception {
        Run r = ndjson(5, 200);
        assertNdjsonExact(r, 5);
    }

    @Test
    @EnabledIfSystemProperty(named = "flarescope.soak", matches = "true")
    void soakADropEverySecondForAMinute() throws Exception {
        Run s = sse(60, 1000);
        assertSseExact(s, 60);
        report("sse", s);
        Run n = ndjson(60, 1000);
        assertNdjsonExact(n, 60);
        report("ndjson", n);
    }

    private static void report(String kind, Run r) {
        System.out.printf("soak %s: %d drops survived, %d events sent whole, %d received, %d cut by a drop, "
                        + "longest reconnection %d ms%n", kind, r.cut().size(), r.lastSeq() - (kind.equals("sse") ? 0 : r.cut().size()),
                seqs(r.trace()).size(), r.cut().size(), r.maxReconnectMs());
    }

    private static void assertSseExact(Run r, int drops) {
        assertExactly(r.lastSeq(), r.trace());
        assertEquals(drops, r.cut().size());
        assertEquals(drops + 1, r.lastEventIds().size());
        for (int i = 0; i < drops; i++) {
            // every reconnection asks for what follows the last whole event before the cut
            assertEquals(Long.toString(r.cut().get(i) - 1), r.lastEventIds().get(i + 1), "reconnection " + (i + 1));
        }
        assertEquals(0, r.trace().inputs().get(0).malformedLines());
    }

    private static void assertNdjsonExact(Run r, int drops) {
        List<Long> expected = new ArrayList<>();
        for (long s = 1; s <= r.lastSeq(); s++) {
            if (!r.cut().contains(s)) {
                expected.add(s);
            }
        }
        assertEquals(drops, r.cut().size());
        assertEquals(expected, seqs(r.trace()));
        assertEquals(r.lastSeq() - drops, expected.size());
        assertEquals(0, r.trace().inputs().get(0).malformedLines());
    }

    /** Serves SSE, resuming after Last-Event-ID; drops {@code drops} times, {@code intervalMs} after each connect. */
    private static Run sse(int drops, long intervalMs) throws Exception {
        List<Long> cut = new CopyOnWriteArrayList<>();
        List<Long> dropTimes = new CopyOnWriteArrayList<>();
        List<Long> connectTimes = new CopyOnWriteArrayList<>();
        AtomicLong last = new AtomicLong();
        AtomicBoolean sentAll = new AtomicBoolean();
        List<ScriptedServer.Script> scripts = new ArrayList<>();
        for (int i = 0; i <= drops; i++) {
            boolean drop = i < drops;
            scripts.add((req, out) -> {
                connectTimes.add(System.nanoTime());
                String id = KilledSenderTest.lastEventId(req);
                long s = id == null ? 1 : Long.parseLong(id) + 1;
                head(out, "text/event-stream");
                long until = System.nanoTime() + intervalMs * 1_000_000;
                long end = drop ? Long.MAX_VALUE : s + TAIL - 1;
                for (; s <= end && (!drop || System.nanoTime() < until); s++) {
                    write(out, sseEvent(s));
                    last.set(s);
                    Thread.sleep(EVENT_MS);
                }
                if (drop) {
                    String half = sseEvent(s);
                    write(out, half.substring(0, half.length() / 2));
                    cut.add(s);
                    dropTimes.add(System.nanoTime());
                } else {
                    sentAll.set(true);
                    Thread.sleep(300);
                }
            });
        }
        return run(scripts, drops, last, sentAll, () -> last.get(), cut, dropTimes, connectTimes);
    }

    /** Serves NDJSON from a counter that moves on at every drop: the line cut is never sent again. */
    private static Run ndjson(int drops, long intervalMs) throws Exception {
        List<Long> cut = new CopyOnWriteArrayList<>();
        List<Long> dropTimes = new CopyOnWriteArrayList<>();
        List<Long> connectTimes = new CopyOnWriteArrayList<>();
        AtomicLong next = new AtomicLong(1);
        AtomicLong last = new AtomicLong();
        AtomicBoolean sentAll = new AtomicBoolean();
        List<ScriptedServer.Script> scripts = new ArrayList<>();
        for (int i = 0; i <= drops; i++) {
            boolean drop = i < drops;
            scripts.add((req, out) -> {
                connectTimes.add(System.nanoTime());
                head(out, "application/x-ndjson");
                long until = System.nanoTime() + intervalMs * 1_000_000;
                long end = drop ? Long.MAX_VALUE : next.get() + TAIL - 1;
                while (next.get() <= end && (!drop || System.nanoTime() < until)) {
                    long s = next.getAndIncrement();
                    write(out, event(s) + "\n");
                    last.set(s);
                    Thread.sleep(EVENT_MS);
                }
                if (drop) {
                    long s = next.getAndIncrement();
                    String line = event(s) + "\n";
                    write(out, line.substring(0, line.length() / 2));
                    cut.add(s);
                    last.set(s);
                    dropTimes.add(System.nanoTime());
                } else {
                    sentAll.set(true);
                    Thread.sleep(300);
                }
            });
        }
        return run(scripts, drops, last, sentAll, () -> last.get() - cut.size(), cut, dropTimes, connectTimes);
    }

    /**
     * Runs the connector against the scripts until the last connection has sent all it sends
     * ({@code sentAll}) and {@code expected} events arrived.
     */
    private static Run run(List<ScriptedServer.Script> scripts, int drops, AtomicLong last, AtomicBoolean sentAll,
                           LongSupplier expected, List<Long> cut, List<Long> dropTimes, List<Long> connectTimes)
            throws Exception {
        try (ScriptedServer server = new ScriptedServer(0, scripts);
             LiveTrace store = new LiveTrace(Retention.UNBOUNDED)) {
            StreamConnector c = new StreamConnector(URI.create("http://127.0.0.1:" + server.port() + "/events"), 20, 1000);
            c.start(store);
            try {
                await(drops * 5_000L + 10_000, "the last connection", () -> connectTimes.size() == drops + 1);
                // the count is read only once the server has sent its last event, so it is the final one
                await(10_000, "the last events", () -> sentAll.get() && store.receivedEvents() >= expected.getAsLong());
                Thread.sleep(100);
            } finally {
                c.stop();
            }
            long maxGap = 0;
            for (int i = 0; i < drops; i++) {
                maxGap = Math.max(maxGap, (connectTimes.get(i + 1) - dropTimes.get(i)) / 1_000_000);
            }
            List<String> ids = new ArrayList<>();
            for (String h : server.requestHeads) {
                ids.add(KilledSenderTest.lastEventId(h));
            }
            return new Run(flush(store), last.get(), cut, ids, maxGap);
        }
    }

    private static String sseEvent(long s) {
        return "id: " + s + "\ndata: " + event(s) + "\n\n";
    }
}
