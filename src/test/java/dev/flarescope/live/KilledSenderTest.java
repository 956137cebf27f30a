package dev.flarescope.live;

import static dev.flarescope.live.LiveFixtures.JSON;
import static dev.flarescope.live.LiveFixtures.assertExactly;
import static dev.flarescope.live.LiveFixtures.await;
import static dev.flarescope.live.LiveFixtures.flush;
import static dev.flarescope.live.LiveFixtures.lines;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flarescope.model.Trace;
import java.io.BufferedReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A sender killed ({@code kill -9}, a separate process) in the middle of what it sends: the part it
 * sent of the interrupted batch or event is not taken, everything acknowledged before is, and the
 * receiving side goes on with the next sender.
 */
class KilledSenderTest {

    @Test
    void aPusherKilledMidBodyHasNothingOfThatBodyTakenAndTheNextSenderIsServed() throws Exception {
        try (LiveTrace store = new LiveTrace(Retention.UNBOUNDED)) {
            IngestServer server = new IngestServer(new InetSocketAddress("127.0.0.1", 0), null);
            server.start(store);
            try {
                // 3 batches of 100 acknowledged (seq 1-300), then half of the body of seq 301-400
                Process pusher = FaultProcess.start(List.of(), "push", Integer.toString(server.port()), "3", "100");
                BufferedReader out = FaultProcess.stdout(pusher);
                long acknowledged = 0;
                for (int i = 0; i < 3; i++) {
                    acknowledged += Long.parseLong(FaultProcess.expect(out, "accepted"));
                }
                FaultProcess.expect(out, "cut");
                FaultProcess.kill(pusher);
                assertEquals(300, acknowledged);

                // the sender starts again and sends the batch it never saw acknowledged, whole
                HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + server.port() + "/v1/events"))
                        .header("X-Flarescope-Input", "pusher").timeout(Duration.ofSeconds(10))
                        .POST(HttpRequest.BodyPublishers.ofString(lines(301, 400))).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(202, r.statusCode(), r.body());
                assertEquals(100, JSON.readTree(r.body()).get("accepted").asLong());
            } finally {
                server.stop();
            }
            Trace t = flush(store);
            assertExactly(400, t); // 300 + 100, none of the cut half twice
            assertEquals(1, t.inputs().size());
            assertEquals(0, t.inputs().get(0).malformedLines());
        }
    }

    @Test
    void aStreamingServerKilledMidEventLosesNothingOnceAnotherServesTheRestFromTheLastEventId() throws Exception {
        Process sse = FaultProcess.start(List.of(), "serve-sse", "50");
        BufferedReader out = FaultProcess.stdout(sse);
        int port = Integer.parseInt(FaultProcess.expect(out, "port"));
        try (LiveTrace store = new LiveTrace(Retention.UNBOUNDED)) {
            StreamConnector c = new StreamConnector(URI.create("http://127.0.0.1:" + port + "/events"), 50, 200);
            c.start(store);
            try {
                FaultProcess.expect(out, "cut");
                await(10_000, "50 events", () -> store.receivedEvents() >= 50);
                FaultProcess.kill(sse); // in the middle of event 51
                await(5_000, "a retry", () -> c.state().kind() == LiveState.Kind.RETRYING);

                // a new server on the same port resumes after the last event id it is sent
                ScriptedServer.Script rest = (req, os) -> {
                    ScriptedServer.head(os, "text/event-stream");
                    long after = Long.parseLong(lastEventId(req));
                    StringBuilder sb = new StringBuilder();
                    for (long s = after + 1; s <= 100; s++) {
                        sb.append("id: ").append(s).append("\ndata: ").append(LiveFixtures.event(s)).append("\n\n");
                    }
                    ScriptedServer.write(os, sb.toString());
                    Thread.sleep(300);
                };
                try (ScriptedServer again = new ScriptedServer(port, List.of(rest))) {
                    await(10_000, "100 events", () -> store.receivedEvents() >= 100);
                    assertEquals("50", lastEventId(again.requestHeads.get(0)));
                }
            } finally {
                c.stop();
                sse.destroyForcibly();
            }
            Trace t = flush(store);
            assertExactly(100, t);
            assertEquals(0, t.inputs().get(0).malformedLines(), "the cut event was not delivered in part");
        }
    }

    static String lastEventId(String requestHead) {
        for (String line : requestHead.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).equalsIgnoreCase("Last-Event-ID")) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }
}
