package dev.flarescope.live;

import static dev.flarescope.live.LiveFixtures.assertExactly;
import static dev.flarescope.live.LiveFixtures.await;
import static dev.flarescope.live.LiveFixtures.event;
import static dev.flarescope.live.LiveFixtures.flush;
import static dev.flarescope.live.LiveFixtures.lines;
import static dev.flarescope.live.ScriptedServer.head;
import static dev.flarescope.live.ScriptedServer.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarescope.model.Trace;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class StreamConnectorTest {

    private static String sse(long from, long to) {
        StringBuilder sb = new StringBuilder();
        for (long s = from; s <= to; s++) {
            sb.append("id: ").append(s).append("\ndata: ").append(event(s)).append("\n\n");
        }
        return sb.toString();
    }

    @Test
    void anSseStreamThatDropsMidLineResumesFromTheLastEventIdWithNothingLostOrRepeated() throws Exception {
        ScriptedServer.Script first = (req, out) -> {
            head(out, "text/event-stream");
            write(out, "retry: 50\n\n" + sse(1, 50));
            String cut = sse(51, 51);
            write(out, cut.substring(0, cut.length() / 2)); // event 51 cut in the middle of its data line
        };
        ScriptedServer.Script second = (req, out) -> {
            head(out, "text/event-stream");
            long after = Long.parseLong(lastEventId(req));
            write(out, sse(after + 1, 100));
            Thread.sleep(300); // the stream stays open a little, then ends
        };
        try (ScriptedServer server = new ScriptedServer(0, List.of(first, second));
             LiveTrace store = new LiveTrace(Retention.UNBOUNDED)) {
            StreamConnector c = new StreamConnector(URI.create("http://127.0.0.1:" + server.port() + "/events"), 50, 200);
            c.start(store);
            try {
                await(10_000, "100 events", () -> store.receivedEvents() >= 100);
            } finally {
                c.stop();
            }
            Trace t = flush(store);
            assertExactly(100, t);
            assertEquals(0, t.inputs().get(0).malformedLines(), "the cut event was not delivered half");
            assertEquals("50", lastEventId(server.requestHeads.get(1)));
            assertEquals(null, lastEventId(server.requestHeads.get(0)));
        }
    }

    @Test
    void anNdjsonStreamCutMidLineDeliversOnlyCompleteLines() throws Exception {
        ScriptedServer.Script first = (req, out) -> {
            head(out, "application/x-ndjson");
            write(out, lines(1, 30) + event(31).substring(0, 40));
        };
        ScriptedServer.Script second = (req, out) -> {
            head(out, "application/x-ndjson");
            write(out, lines(31, 60));
        };
        try (ScriptedServer server = new ScriptedServer(0, List.of(first, second));
             LiveTrace store = new LiveTrace(Retention.UNBOUNDED)) {
            StreamConnector c = new StreamConnector(URI.create("http://127.0.0.1:" + server.port() + "/x"), 50, 200);
            c.start(store);
            try {
                await(10_000, "60 events", () -> store.receivedEvents() >= 60);
            } finally {
                c.stop();
            }
            Trace t = flush(store);
            assertExactly(60, t);
            assertEquals(0, t.inputs().get(0).malformedLines());
        }
    }

    @Test
    void attachingBeforeTheServerIsUpRetriesAndSaysSoThenConnects() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort(); // free once closed: nothing listens there yet
        }
        List<LiveState> states = new CopyOnWriteArrayList<>();
        try (LiveTrace store = new LiveTrace(Retention.UNBOUNDED)) {
            StreamConnector c = new StreamConnector(URI.create("http://127.0.0.1:" + port + "/events"), 100, 100);
            c.addStateListener(states::add);
            c.start(store);
            try {
                await(5_000, "a retry", () -> c.state().kind() == LiveState.Kind.RETRYING);
                assertEquals("retrying in 0.1 s (connection refused)", c.state().describe());
                ScriptedServer.Script script = (req, out) -> {
                    head(out, "text/event-stream");
                    write(out, sse(1, 10));
                    Thread.sleep(500);
                };
                try (ScriptedServer server = new ScriptedServer(port, List.of(script))) {
                    await(10_000, "10 events", () -> store.receivedEvents() >= 10);
                    assertEquals(LiveState.Kind.CONNECTED, c.state().kind());
                }
            } finally {
                c.stop();
            }
            assertExactly(10, flush(store));
        }
        assertEquals(LiveState.Kind.RETRYING, states.get(0).kind());
        assertTrue(states.contains(LiveState.CONNECTED));
        assertEquals(LiveState.STOPPED, states.get(states.size() - 1));
    }

    private static String lastEventId(String requestHead) {
        for (String line : requestHead.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).equalsIgnoreCase("Last-Event-ID")) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }
}
