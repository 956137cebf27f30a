package dev.flarescope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flarescope.live.demo.DemoServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static String span(int pid, String name, long tsUs, long durUs, int seq) {
        return "{\"ph\":\"X\",\"name\":\"" + name + "\",\"pid\":" + pid + ",\"tid\":1,\"ts\":" + tsUs + ",\"dur\":" + durUs
                + ",\"args\":{\"seq\":" + seq + "}}\n";
    }

    @Test
    void recordForADurationWritesATraceThatReportOpensWithTheRightCounts() throws Exception {
        Path frags = Files.createDirectories(dir.resolve("profile_out"));
        // pid 1: prefill 0-50 ms with forward inside; pid 2: two decode steps of 20 and 30 ms
        Files.writeString(frags.resolve("trace.1.jsonl"), span(1, "prefill", 0, 50_000, 1) + span(1, "forward", 10_000, 20_000, 2));
        Files.writeString(frags.resolve("trace.2.jsonl"), span(2, "decode", 60_000, 20_000, 3) + span(2, "decode", 80_000, 30_000, 4));
        Files.writeString(frags.resolve("metrics.jsonl"),
                "{\"id\":\"r1\",\"model\":\"m\",\"provider\":\"p\",\"inputTokens\":100,\"outputTokens\":10,\"timeToFirstToken\":120}\n"
                        + "{\"id\":\"r2\",\"model\":\"m\",\"provider\":\"p\",\"inputTokens\":200,\"outputTokens\":20,\"timeToFirstToken\":240}\n");
        Path out = dir.resolve("capture.json");
        CliRun rec = CliRun.run("record", "--follow", frags.toString(), "-o", out.toString(), "--for", "700ms");
        assertEquals(0, rec.code(), rec.err());
        assertTrue(rec.out().contains("wrote " + out + " (time is up): 4 event(s), 2 request(s), 2 process(es)"), rec.out());

        CliRun report = CliRun.run("report", "--json", out.toString());
        assertEquals(0, report.code(), report.err());
        JsonNode j = report.json();
        assertEquals(4, j.get("events").get("total").asLong());
        assertEquals(2, j.get("requests").size());
        assertEquals(2, j.get("processes").size());
        JsonNode decode = CliRun.statRow(j, "decode");
        assertEquals(2, decode.get("count").asLong());
        assertEquals(50.0, decode.get("totalMs").asDouble(), 1e-9);
        assertEquals(50.0, CliRun.statRow(j, "prefill").get("totalMs").asDouble(), 1e-9);
    }

    @Test
    void recordListenKeepsEveryAcknowledgedEventAndStopsAtMaxEvents() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        Path out = dir.resolve("pushed.json");
        CompletableFuture<CliRun> run = CompletableFuture.supplyAsync(() -> CliRun.run("record", "--listen",
                "127.0.0.1:" + port, "-o", out.toString(), "--max-events", "300", "--for", "20s"));
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long acknowledged = 0;
        int seq = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!run.isDone() && System.nanoTime() < deadline && seq < 2_000) {
            StringBuilder body = new StringBuilder();
            for (int i = 0; i < 50; i++) {
                seq++;
                body.append(span(1, "step", seq * 10L, 5, seq));
            }
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/events"))
                        .timeout(Duration.ofSeconds(5)).POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 202) {
                    acknowledged += JSON.readTree(r.body()).get("accepted").asLong();
                }
            } catch (IOException notUpOrGone) {
                Thread.sleep(20);
            }
        }
        CliRun rec = run.get(30, TimeUnit.SECONDS);
        assertEquals(0, rec.code(), rec.err());
        assertTrue(rec.out().contains("300 events reached"), rec.out());
        assertTrue(acknowledged >= 300, "acknowledged " + acknowledged);
        // every acknowledged event is in the file: count them there with Jackson
        JsonNode written = JSON.readTree(out.toFile());
        long steps = 0;
        for (JsonNode e : written.get("traceEvents")) {
            if (e.path("name").asText().equals("step")) {
                steps++;
            }
        }
        assertEquals(acknowledged, steps);
    }

    @Test
    void recordConnectCapturesTheDemoServersStream() throws Exception {
        try (DemoServer demo = new DemoServer(0, 20, 1)) {
            Path out = dir.resolve("demo.json");
            CliRun rec = CliRun.run("record", "--connect", "http://127.0.0.1:" + demo.port() + "/events", "-o",
                    out.toString(), "--for", "1500ms");
            assertEquals(0, rec.code(), rec.err());
            JsonNode written = JSON.readTree(out.toFile());
            // the stream starts now: consecutive sequence numbers, none missing or repeated
            java.util.List<Long> seqs = new java.util.ArrayList<>();
            for (JsonNode e : written.get("traceEvents")) {
                if (e.path("args").has("seq")) {
                    seqs.add(e.path("args").path("seq").asLong());
                }
            }
            java.util.Collections.sort(seqs);
            assertTrue(seqs.size() > 20, "events: " + seqs.size());
            for (int i = 1; i < seqs.size(); i++) {
                assertEquals(seqs.get(i - 1) + 1, seqs.get(i));
            }
        }
    }

    @Test
    void wrongCommandLinesAreUsageErrors() {
        CliRun open = CliRun.run("record", "--listen", "0.0.0.0:0", "-o", dir.resolve("x.json").toString());
        assertEquals(Cli.USAGE, open.code());
        assertTrue(open.err().contains("--token"), open.err());
        open.errLines();

        CliRun none = CliRun.run("record", "-o", dir.resolve("x.json").toString());
        assertEquals(Cli.USAGE, none.code());

        CliRun two = CliRun.run("record", "--follow", ".", "--connect", "http://127.0.0.1:1/", "-o", "x.json");
        assertEquals(Cli.USAGE, two.code());

        CliRun proxy = CliRun.run("record", "--proxy", "127.0.0.1:0", "-o", dir.resolve("x.json").toString());
        assertEquals(Cli.USAGE, proxy.code());
        assertTrue(proxy.err().contains("--upstream"), proxy.err());

        CliRun duration = CliRun.run("record", "--follow", ".", "-o", "x.json", "--for", "soon");
        assertEquals(Cli.USAGE, duration.code());
        assertTrue(duration.err().contains("not a duration"), duration.err());
    }

    @Test
    void demoServerRunsForItsDurationAndSaysWhereItListens() {
        CliRun demo = CliRun.run("demo-server", "--port", "0", "--for", "300ms");
        assertEquals(0, demo.code(), demo.err());
        assertTrue(demo.out().startsWith("demo serving stack on http://127.0.0.1:"), demo.out());
    }

    @Test
    void helpListsTheNewCommands() {
        CliRun help = CliRun.run("--help");
        assertTrue(help.out().contains("record") && help.out().contains("demo-server"), help.out());
    }
}
