package dev.flarescope.live;

import static dev.flarescope.live.LiveFixtures.await;
import static dev.flarescope.live.LiveFixtures.flush;
import static dev.flarescope.live.ScriptedServer.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.flarescope.model.CounterTrack;
import dev.flarescope.model.ProcessTrack;
import dev.flarescope.model.RequestRecord;
import dev.flarescope.model.Trace;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MeasuringProxyTest {
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static String chunk(String content) {
        return "data: {\"id\":\"chatcmpl-7\",\"object\":\"chat.completion.chunk\",\"model\":\"qwen3-8b\","
                + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + content + "\"},\"finish_reason\":null}]}\n\n";
    }

    private static final String LAST = "data: {\"id\":\"chatcmpl-7\",\"object\":\"chat.completion.chunk\",\"model\":\"qwen3-8b\","
            + "\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}],"
            + "\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":5,\"total_tokens\":17},"
            + "\"timings\":{\"prompt_n\":12,\"prompt_ms\":30.5,\"predicted_n\":5,\"predicted_ms\":80.0,"
            + "\"predicted_per_second\":62.5}}\n\ndata: [DONE]\n\n";

    private HttpRequest chat(int port) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/chat/completions"))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"stream\":true,\"messages\":[]}")).build();
    }

    @Test
    void aStreamedCompletionReachesTheClientUnbufferedAndUnchangedAndIsMeasured() throws Exception {
        CountDownLatch clientHasFirstToken = new CountDownLatch(1);
        String[] pieces = {"Hel", "lo", ",", " wor", "ld"};
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        HttpServer upstream = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
        upstream.createContext("/v1/chat/completions", ex -> {
            ex.getRequestBody().readAllBytes();
            ex.getResponseHeaders().set("Content-Type", "text/event-stream");
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                for (int i = 0; i < pieces.length; i++) {
                    byte[] b = chunk(pieces[i]).getBytes(StandardCharsets.UTF_8);
                    sent.write(b);
                    out.write(b);
                    out.flush();
                    if (i == 0) {
                        // the rest comes only once the client has seen the first token through the proxy
                        clientHasFirstToken.await(5, TimeUnit.SECONDS);
                    }
                    Thread.sleep(10);
                }
                byte[] b = LAST.getBytes(StandardCharsets.UTF_8);
                sent.write(b);
                out.write(b);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        upstream.start();
        try (LiveTrace store = new LiveTrace(Retention.UNBOUNDED)) {
            MeasuringProxy proxy = new MeasuringProxy(new InetSocketAddress("127.0.0.1", 0),
                    URI.create("http://127.0.0.1:" + upstream.getAddress().getPort()), 0);
            proxy.start(store);
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            try {
                HttpResponse<InputStream> r = client.send(chat(proxy.port()), HttpResponse.BodyHandlers.ofInputStream());
                assertEquals(200, r.statusCode());
                assertEquals("text/event-stream", r.headers().firstValue("Content-Type").orElse(null));
                try (InputStream in = r.body()) {
                    byte[] first = chunk("Hel").getBytes(StandardCharsets.UTF_8);
                    got.write(in.readNBytes(first.length)); // would block forever if the proxy buffered
                    clientHasFirstToken.countDown();
                    got.write(in.readAllBytes());
                }
                await(5_000, "the record", () -> store.receivedEvents() >= 1);
            } finally {
                proxy.stop();
                upstream.stop(0);
            }
            assertArrayEquals(sent.toByteArray(), got.toByteArray(), "the client got exactly what the server sent");
            Trace t = flush(store);
            assertEquals(1, t.requests().size());
            RequestRecord r = t.requests().get(0);
            assertEquals("chatcmpl-7", r.id);
            assertEquals("proxy", r.sourceFormat);
            assertEquals("qwen3-8b", r.model);
            assertEquals(12, r.inputTokens);
            assertEquals(5, r.outputTokens);
            assertEquals("stop", r.finishReason);
            assertTrue(!r.failed);
            assertEquals(5, r.tokenTimesNs.length);
            for (int i = 1; i < 5; i++) {
                assertTrue(r.tokenTimesNs[i] >= r.tokenTimesNs[i - 1]);
            }
            // the upstream held tokens 2..5 back until the client had token 1, and slept 10 ms between them
            assertTrue(r.tokenTimesNs[4] - r.tokenTimesNs[0] >= 40_000_000L);
            assertTrue(r.arrivalNs <= r.tokenTimesNs[0] && r.tokenTimesNs[4] <= r.totalEndNs);
            assertEquals(5, r.serverTimings.predictedN);
            assertEquals(80.0, r.serverTimings.predictedMs);
            assertEquals("llama.cpp", r.provider);
            assertNotNull(r.extra.get("proxy.first_byte_ms"));
        }
    }

    @Test
    void whenTheServerDiesMidStreamTheRequestIsFailedAndTheClientGetsAnError() throws Exception {
        ScriptedServer.Script dies = (req, out) -> {
            write(out, "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n");
            for (String p : new String[] {"a", "b"}) {
                String c = chunk(p);
                write(out, Integer.toHexString(c.length()) + "\r\n" + c + "\r\n");
            }
            Thread.sleep(50); // then the process is gone: no last chunk
        };
        try (ScriptedServer upstream = new ScriptedServer(0, List.of(dies));
             LiveTrace store = new LiveTrace(Retention.UNBOUNDED)) {
            MeasuringProxy proxy = new MeasuringProxy(new InetSocketAddress("127.0.0.1", 0),
                    URI.create("http://127.0.0.1:" + upstream.port()), 0);
            proxy.start(store);
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            try {
                HttpResponse<InputStream> r = client.send(chat(proxy.port()), HttpResponse.BodyHandlers.ofInputStream());
                assertEquals(200, r.statusCode());
                assertThrows(IOException.class, () -> {
                    try (InputStream in = r.body()) {
                        byte[] buf = new byte[4096];
                        int n;
                        while ((n = in.read(buf)) >= 0) {
                            got.write(buf, 0, n);
                        }
                    }
                }, "a cut stream must not look complete to the client");
                await(5_000, "the record", () -> store.receivedEvents() >= 1);
            } finally {
                proxy.stop();
            }
            String body = got.toString(StandardCharsets.UTF_8);
            assertTrue(body.startsWith(chunk("a") + chunk("b")), body);
            assertTrue(body.contains("\"type\":\"proxy_error\""), body);
            RequestRecord r = flush(store).requests().get(0);
            assertTrue(r.failed);
            assertEquals("error", r.finishReason);
            assertTrue(r.error.startsWith("the server broke off the response"), r.error);
            assertEquals(2, r.tokenTimesNs.length);
            assertEquals(2, r.outputTokens); // no usage arrived: the counted chunks
        }
    }

    @Test
    void anUnreachableServerGives502AndAFailedRecord() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        try (LiveTrace store = new LiveTrace(Retention.UNBOUNDED)) {
            MeasuringProxy proxy = new MeasuringProxy(new InetSocketAddress("127.0.0.1", 0),
                    URI.create("http://127.0.0.1:" + port), 0);
            proxy.start(store);
            try {
                HttpResponse<String> r = client.send(chat(proxy.port()), HttpResponse.BodyHandlers.ofString());
                assertEquals(502, r.statusCode());
                assertTrue(r.body().contains("cannot be reached"), r.body());
            } finally {
                proxy.stop();
            }
            RequestRecord r = flush(store).requests().get(0);
            assertTrue(r.failed);
            assertNull(r.tokenTimesNs);
        }
    }

    @Test
    void prometheusTextGivesOneValuePerName() {
        Map<String, Double> m = LlamaServerPoller.PrometheusText.parse("""
                # HELP llamacpp:prompt_tokens_total Number of prompt tokens processed.
                # TYPE llamacpp:prompt_tokens_total counter
                llamacpp:prompt_tokens_total 1024
                llamacpp:kv_cache_usage_ratio 0.25
                llamacpp:requests_processing{slot="0"} 3 1700000000000
                not a sample
                """);
        assertEquals(Map.of("llamacpp:prompt_tokens_total", 1024.0, "llamacpp:kv_cache_usage_ratio", 0.25,
                "llamacpp:requests_processing", 3.0), m);
    }

    @Test
    void theServersMetricsAndSlotsBecomeCounterTracks() throws Exception {
        try (dev.flarescope.live.demo.DemoServer demo = new dev.flarescope.live.demo.DemoServer(0, 0, 1);
             LiveTrace store = new LiveTrace(Retention.UNBOUNDED)) {
            MeasuringProxy proxy = new MeasuringProxy(new InetSocketAddress("127.0.0.1", 0),
                    URI.create("http://127.0.0.1:" + demo.port()), 50);
            proxy.start(store);
            try {
                // two completions of 4 and 6 tokens; the demo's prompt counts are body length / 4
                for (int n : new int[] {4, 6}) {
                    client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + proxy.port() + "/v1/completions"))
                            .POST(HttpRequest.BodyPublishers.ofString("{\"max_tokens\":" + n + "}")).build(),
                            HttpResponse.BodyHandlers.ofString());
                }
                await(5_000, "counter polls", () -> store.receivedEvents() >= 2 + 3 * 8);
            } finally {
                proxy.stop();
            }
            Trace t = flush(store);
            ProcessTrack server = t.processes().stream().filter(p -> p.name() != null && p.name().startsWith("llama.cpp"))
                    .findFirst().orElseThrow();
            List<String> names = server.counters().stream().map(CounterTrack::name).sorted().toList();
            assertTrue(names.containsAll(List.of("busy slots", "requests processing", "requests deferred",
                    "KV cache use (ratio)", "generated tokens/s", "prompt tokens/s", "slots")), names.toString());
            assertEquals(2, t.requests().size());
            assertEquals(List.of(4L, 6L), t.requests().stream().map(r -> r.outputTokens).sorted().toList());
        }
    }
}
