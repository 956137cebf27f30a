package dev.flarescope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flarescope.format.chrome.JsonFields;
import dev.flarescope.io.TraceLoader;
import dev.flarescope.model.RequestRecord;
import dev.flarescope.model.Trace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MergeCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path REAL = Path.of("src/test/resources/traces/real");

    /** Host gpu-a, pid 100: spans (X and B/E), args, counters, an async slice, a flow, a global instant. */
    private static final String HOST_A = """
            {"otherData":{"host_name":"gpu-a"},"traceEvents":[
            {"ph":"M","name":"process_name","pid":100,"tid":1,"args":{"name":"vllm"}},
            {"ph":"M","name":"thread_name","pid":100,"tid":1,"args":{"name":"main"}},
            {"ph":"X","name":"step","cat":"engine","pid":100,"tid":1,"ts":0,"dur":1000,"args":{"batch":4,"ids":[1,2]}},
            {"ph":"X","name":"forward","cat":"engine","pid":100,"tid":1,"ts":100,"dur":500.5},
            {"ph":"B","name":"sched","pid":100,"tid":2,"ts":250},
            {"ph":"E","pid":100,"tid":2,"ts":260.25},
            {"ph":"C","name":"kv","pid":100,"ts":0,"args":{"used":5}},
            {"ph":"C","name":"kv","pid":100,"ts":500,"args":{"used":7.5}},
            {"ph":"b","name":"request","cat":"req","id":"r1","pid":100,"ts":0},
            {"ph":"e","name":"request","cat":"req","id":"r1","pid":100,"ts":900},
            {"ph":"s","name":"handoff","cat":"flow","id":"f1","pid":100,"tid":1,"ts":150},
            {"ph":"f","name":"handoff","cat":"flow","id":"f1","pid":100,"tid":2,"ts":255,"bp":"e"},
            {"ph":"i","name":"start","pid":100,"tid":1,"ts":0,"s":"g"}
            ]}
            """;

    /** Host gpu-b, the same pid 100. */
    private static final String HOST_B = """
            {"otherData":{"host_name":"gpu-b"},"traceEvents":[
            {"ph":"M","name":"process_name","pid":100,"tid":1,"args":{"name":"vllm"}},
            {"ph":"X","name":"step","cat":"engine","pid":100,"tid":1,"ts":0,"dur":2000.125},
            {"ph":"C","name":"kv","pid":100,"ts":0,"args":{"used":1}}
            ]}
            """;

    @TempDir
    Path dir;

    private Trace load(Path... paths) {
        TraceLoader.Result r = TraceLoader.load(List.of(paths));
        assertEquals(List.of(), r.failures());
        return r.trace();
    }

    private Path merge(Path... inputs) {
        Path out = dir.resolve("merged.json");
        String[] args = Stream.concat(Stream.of("merge", "-o", out.toString()),
                Stream.of(inputs).map(Path::toString)).toArray(String[]::new);
        CliRun r = CliRun.run(args);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("wrote " + out), r.out());
        return out;
    }

    @Test
    void samePidOnTwoHostsRoundTrips() throws IOException {
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        Files.writeString(a, HOST_A);
        Files.writeString(b, HOST_B);
        Trace original = load(a, b);
        assertEquals(2, original.processes().size());

        Path out = merge(a, b);
        JsonNode doc = JSON.readTree(out.toFile());
        long spansWritten = 0;
        for (JsonNode e : doc.get("traceEvents")) {
            if (e.get("ph").asText().equals("X")) {
                spansWritten++;
            }
        }
        assertEquals(4, spansWritten); // step, forward, sched (from B/E), step on gpu-b
        assertEquals(List.of(a.toString(), b.toString()),
                JSON.convertValue(doc.get("otherData").get("inputs"), List.class));

        Trace reloaded = load(out);
        assertEquals(2, reloaded.processes().size());
        // one file cannot hold two processes with one pid: the file qualifies the shared pid by its host
        // (100@gpu-a), and reading it back restores pid 100 on each host
        assertEquals(2, doc.findValues("pid").stream().map(JsonNode::asText).filter(p -> p.startsWith("100@")).distinct().count());
        assertEquals(List.of("gpu-a/100", "gpu-b/100"),
                reloaded.processes().stream().map(p -> p.host() + "/" + p.pid()).toList());
        assertEquals(original.spanCount(), reloaded.spanCount());
        TraceShape.of(original).assertSame(TraceShape.of(reloaded));
        // hand-worked: both hosts kept, exact sub-microsecond times
        TraceShape shape = TraceShape.of(reloaded);
        assertEquals(List.of("gpu-a/100 vllm threads=2", "gpu-b/100 vllm threads=1"), shape.processes());
        assertEquals(500_500L, shape.totals().get("forward"));
        assertEquals(1_000_000L + 2_000_125L, shape.totals().get("step"));
        assertEquals(10_250L, shape.totals().get("sched"));
        assertEquals(List.of("0=5.0", "500000=7.5"), shape.counters().get("gpu-a/100 kv.used"));
        assertEquals(List.of("gpu-a/100:1@150000 -> gpu-a/100:2@255000 handoff"), shape.flows());
    }

    @Test
    void realTracesRoundTrip() throws IOException {
        Path[] inputs = {REAL.resolve("node-async.log"), REAL.resolve("node-cpu.log"),
                REAL.resolve("node-workers.log"), REAL.resolve("node-two-runs"), REAL.resolve("chromium-startup.json.gz")};
        Trace original = load(inputs);
        Path out = merge(inputs);
        JsonNode doc = JSON.readTree(out.toFile()); // valid JSON
        assertTrue(doc.get("traceEvents").size() > 20_000);
        Trace reloaded = load(out);
        assertEquals(original.processes().size(), reloaded.processes().size());
        assertEquals(original.spanCount(), reloaded.spanCount());
        TraceShape.of(original).assertSame(TraceShape.of(reloaded));
    }

    @Test
    void requestRecordsAreKeptUnderTheFlarescopeMember() throws IOException {
        Path metrics = Path.of("sample-traces", "llm-metrics-impossible.jsonl");
        assumeTrue(Files.isRegularFile(metrics), "no sample metrics log yet");
        Trace original = load(metrics);
        assertFalse(original.requests().isEmpty());
        JsonNode requests = JSON.readTree(merge(metrics).toFile()).get("flarescope").get("requests");
        assertEquals(original.requests().size(), requests.size());
        for (int i = 0; i < requests.size(); i++) {
            RequestRecord r = original.requests().get(i);
            JsonNode n = requests.get(i);
            assertEquals(r.id, n.get("id").asText());
            assertEquals(r.model, n.get("model").isNull() ? null : n.get("model").asText());
            assertEquals(r.outputTokens < 0 ? null : r.outputTokens, n.get("outputTokens").isNull() ? null
                    : n.get("outputTokens").asLong());
            assertEquals(Double.isNaN(r.ttftMs) ? null : r.ttftMs, n.get("ttftMs").isNull() ? null
                    : n.get("ttftMs").asDouble());
        }
    }

    @Test
    void requestRecordsAndBaselinesLoadBackFromAMergedTrace() throws IOException {
        Path metrics = Path.of("sample-traces", "llm-metrics-impossible.jsonl");
        Path bench = Path.of("sample-traces", "llama-bench-qwen3-8b.json");
        assumeTrue(Files.isRegularFile(metrics) && Files.isRegularFile(bench), "no sample metrics log yet");
        Trace original = load(metrics, bench);
        Path out = merge(metrics, bench);
        Trace reloaded = load(out);
        // every canonical field survives: the records serialise identically before and after
        assertEquals(original.requests().size(), reloaded.requests().size());
        assertEquals(canonical(original), canonical(reloaded));
        assertEquals(original.bench().size(), reloaded.bench().size());
        // and the analysis sees the same: the merged file convicts the same requests of the same things
        JsonNode before = JSON.readTree(CliRun.run("report", "--json", metrics.toString(), bench.toString()).out());
        JsonNode after = JSON.readTree(CliRun.run("report", "--json", out.toString()).out());
        assertEquals(ruleAndRequest(before), ruleAndRequest(after));
        assertTrue(ruleAndRequest(after).contains("impossible-generation-speed llm-metrics#6"), ruleAndRequest(after).toString());
    }

    private static String canonical(Trace t) throws IOException {
        java.io.StringWriter w = new java.io.StringWriter();
        try (com.fasterxml.jackson.core.JsonGenerator g = JSON.getFactory().createGenerator(w)) {
            g.writeStartArray();
            for (RequestRecord r : t.requests()) {
                String source = r.source;
                r.source = null; // after reloading, the merged file is every record's source
                JsonFields.request(g, r);
                r.source = source;
            }
            for (dev.flarescope.model.BenchResult b : t.bench()) {
                String source = b.source;
                b.source = null;
                JsonFields.bench(g, b);
                b.source = source;
            }
            g.writeEndArray();
        }
        return w.toString();
    }

    private static List<String> ruleAndRequest(JsonNode report) {
        List<String> out = new java.util.ArrayList<>();
        for (JsonNode f : report.get("findings")) {
            out.add(f.get("rule").asText() + " " + f.get("request").asText());
        }
        return out;
    }

    @Test
    void nothingIsWrittenWhenAnInputFails() throws IOException {
        Path a = dir.resolve("a.json");
        Files.writeString(a, HOST_A);
        Path out = dir.resolve("merged.json");
        CliRun r = CliRun.run("merge", "-o", out.toString(), a.toString(), dir.resolve("missing.json").toString());
        assertEquals(2, r.code());
        assertEquals(2, r.errLines().length, r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void unwritableOutputIsOneLine() throws IOException {
        Path a = dir.resolve("a.json");
        Files.writeString(a, HOST_A);
        CliRun r = CliRun.run("merge", "-o", dir.resolve("no/such/dir/out.json").toString(), a.toString());
        assertEquals(2, r.code());
        assertEquals(1, r.errLines().length, r.err());
        assertTrue(r.err().contains("cannot write"), r.err());
    }
}
