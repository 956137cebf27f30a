package dev.flarescope.live;

import static dev.flarescope.live.LiveFixtures.JSON;
import static dev.flarescope.live.LiveFixtures.assertExactly;
import static dev.flarescope.live.LiveFixtures.event;
import static dev.flarescope.live.LiveFixtures.flush;
import static dev.flarescope.live.LiveFixtures.lines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarescope.model.Trace;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IngestServerTest {
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private LiveTrace store;
    private IngestServer server;

    @BeforeEach
    void start() throws Exception {
        store = new LiveTrace(Retention.UNBOUNDED);
        server = new IngestServer(new InetSocketAddress("127.0.0.1", 0), null, 64 << 10);
        server.start(store);
    }

    @AfterEach
    void stop() {
        server.stop();
        store.close();
    }

    private HttpResponse<String> post(String path, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long accepted(HttpResponse<String> r) throws Exception {
        assertEquals(202, r.statusCode(), r.body());
        return JSON.readTree(r.body()).get("accepted").asLong();
    }

    @Test
    void everyBodyFormIsAcceptedWithItsCountAndEndsUpInTheStore() throws Exception {
        // seq 1-3: JSON array; 4-6: NDJSON; 7-8: object form; 9-10: array lines; 11: one event
        assertEquals(3, accepted(post("/v1/events", "[" + event(1) + "," + event(2) + ",\n" + event(3) + "]")));
        assertEquals(3, accepted(post("/v1/events", lines(4, 6))));
        assertEquals(2, accepted(post("/v1/events", "{\"traceEvents\":[" + event(7) + "," + event(8)
                + "],\"displayTimeUnit\":\"ms\"}")));
        assertEquals(2, accepted(post("/v1/events", "[" + event(9) + "]\n[" + event(10) + "]\n")));
        assertEquals(1, accepted(post("/v1/events", event(11))));
        assertExactly(11, flush(store));
    }

    @Test
    void dnetBatchesArriveOnTheirOwnPathAsOneInputPerNode() throws Exception {
        String batch = """
                {"run_id": "run-1", "node_id": "gpu-a",
                 "events": [
                   {"type": "B", "name": "compute_layer", "ts": 10.0, "req_id": "r1", "pid": 1, "tid": 1},
                   {"type": "E", "name": "compute_layer", "ts": 10.5, "req_id": "r1", "pid": 1, "tid": 1},
                   {"type": "I", "name": "token", "ts": 10.25, "req_id": "r1", "pid": 1, "tid": 1}]}
                """;
        assertEquals(3, accepted(post("/trace/ingest", batch)));
        assertEquals(3, accepted(post("/trace/ingest", batch.replace("gpu-a", "gpu-b"))));
        Trace t = flush(store);
        assertEquals(6, t.events());
        List<String> inputs = t.inputs().stream().map(i -> i.path()).sorted().toList();
        assertEquals(List.of("node gpu-a", "node gpu-b"), inputs);
        // the node is the host: one process per node, each with the 0.5 s span
        assertEquals(2, t.processes().size());
        List<String> hosts = t.processes().stream().map(p -> p.host()).sorted().toList();
        assertEquals(List.of("gpu-a", "gpu-b"), hosts);
        assertEquals(500_000_000L, t.processes().get(0).threads().get(0).spans().dur(0));
    }

    @Test
    void garbageIsRefusedWithAReasonAndTheServerGoesOn() throws Exception {
        HttpResponse<String> r = post("/v1/events", "[" + event(1) + ", {\"ph\": \"X\", oops}]");
        assertEquals(400, r.statusCode());
        String reason = JSON.readTree(r.body()).get("error").asText();
        assertTrue(reason.contains("at byte") && reason.contains("not valid JSON"), reason);

        r = post("/v1/events", "this is not json");
        assertEquals(400, r.statusCode());
        r = post("/v1/events", "[1, 2]");
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("element 0"), r.body());
        r = post("/trace/ingest", "{\"node_id\":\"n\",\"events\":[{\"type\":\"B\",\"name\":\"x\",\"ts\":1},"
                + "{\"type\":\"E\",\"name\":\"x\"}]}");
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("events[1]") && r.body().contains("\\\"ts\\\""), r.body());
        r = post("/v1/events", "");
        assertEquals(400, r.statusCode());

        assertEquals(2, accepted(post("/v1/events", lines(1, 2))));
        Trace t = flush(store);
        assertExactly(2, t); // nothing of the refused bodies got in
    }

    @Test
    void aBodyAboveTheLimitGets413AndTheServerGoesOn() throws Exception {
        String big = lines(1, 2_000); // about 190 KB, above the 64 KB limit of this server
        assertTrue(big.length() > 64 << 10);
        assertEquals(413, post("/v1/events", big).statusCode());
        assertEquals(1, accepted(post("/v1/events", lines(1, 1))));
        assertExactly(1, flush(store));
    }

    @Test
    void otherMethodsAndPathsAreRefused() throws Exception {
        HttpResponse<String> get = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + "/v1/events")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, get.statusCode());
        assertEquals(404, post("/v1/other", lines(1, 1)).statusCode());
        assertEquals(404, post("/v1/events/x", lines(1, 1)).statusCode());
    }

    @Test
    void withATokenRequestsWithoutItGet401() throws Exception {
        LiveTrace other = new LiveTrace(Retention.UNBOUNDED);
        IngestServer secured = new IngestServer(new InetSocketAddress("127.0.0.1", 0), "s3cret");
        secured.start(other);
        try {
            URI uri = URI.create("http://127.0.0.1:" + secured.port() + "/v1/events");
            HttpResponse<String> none = client.send(HttpRequest.newBuilder(uri)
                    .POST(HttpRequest.BodyPublishers.ofString(lines(1, 1))).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(401, none.statusCode());
            assertEquals("Bearer", none.headers().firstValue("WWW-Authenticate").orElse(null));
            HttpResponse<String> wrong = client.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer nope")
                    .POST(HttpRequest.BodyPublishers.ofString(lines(1, 1))).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(401, wrong.statusCode());
            HttpResponse<String> right = client.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer s3cret")
                    .POST(HttpRequest.BodyPublishers.ofString(lines(1, 1))).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(202, right.statusCode());
            assertExactly(1, flush(other));
        } finally {
            secured.stop();
            other.close();
        }
    }

    @Test
    void anyAddressButLoopbackNeedsAToken() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new IngestServer(new InetSocketAddress("0.0.0.0", 0), null));
        assertTrue(e.getMessage().contains("--token"), e.getMessage());
    }
}
