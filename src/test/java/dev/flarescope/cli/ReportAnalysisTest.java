package dev.flarescope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code report} with request analysis: requests[], findings[] and the perf-stat blocks, on the
 * committed sample traces. Expected values are worked out by hand or read from the sample files with
 * Jackson, never taken from the analysis code.
 */
class ReportAnalysisTest {
    private static final Path METRICS = Path.of("sample-traces", "llm-metrics-impossible.jsonl");
    private static final Path BENCH = Path.of("sample-traces", "llama-bench-qwen3-8b.json");
    private static final Path SERVING = Path.of("sample-traces", "serving-run");
    /** Exact decimals, so microsecond times with nanosecond fractions compare without rounding. */
    private static final ObjectMapper EXACT = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** Two plausible llama.cpp requests: prefill 600 and 500 tok/s, decode 20 tok/s, phases in order. */
    private static final String CLEAN_LOG = """
            {"timestamp":"2025-06-12T10:00:00.000Z","provider":"llama.cpp","model":"qwen3-8b-q4_k_m","inputTokens":600,"outputTokens":101,"timeToFirstToken":1020,"totalDuration":6030,"prefillTokensPerSec":600,"generationTokensPerSec":20,"rawTimestamps":{"total_start":1749722400000,"prefill_start":1749722400010,"prefill_end":1749722401010,"gen_start":1749722401020,"gen_end":1749722406020,"total_end":1749722406030}}
            {"timestamp":"2025-06-12T10:00:10.000Z","provider":"llama.cpp","model":"qwen3-8b-q4_k_m","inputTokens":1000,"outputTokens":51,"timeToFirstToken":2010,"totalDuration":4520,"prefillTokensPerSec":500,"generationTokensPerSec":20,"rawTimestamps":{"total_start":1749722410000,"prefill_start":1749722410005,"prefill_end":1749722412005,"gen_start":1749722412010,"gen_end":1749722414510,"total_end":1749722414520}}
            """;

    @TempDir
    Path dir;

    private static List<JsonNode> jsonLines(Path file) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            try {
                out.add(EXACT.readTree(line));
            } catch (JsonProcessingException cutLine) {
                // the deliberately cut last line of a fragment
            }
        }
        return out;
    }

    private static JsonNode exactJson(CliRun r) throws IOException {
        return EXACT.readTree(r.out());
    }

    private static JsonNode request(JsonNode report, String id) {
        for (JsonNode r : report.get("requests")) {
            if (r.get("id").asText().equals(id)) {
                return r;
            }
        }
        throw new AssertionError("no request " + id);
    }

    /** Metrics log lines (1-based) whose decode speed, reported or from raw timestamps, exceeds {@code ceiling}. */
    private static TreeSet<Integer> linesDecodingFasterThan(double ceiling) throws IOException {
        TreeSet<Integer> lines = new TreeSet<>();
        List<JsonNode> log = jsonLines(METRICS);
        for (int i = 0; i < log.size(); i++) {
            JsonNode e = log.get(i);
            JsonNode raw = e.path("rawTimestamps");
            long out = e.path("outputTokens").asLong(0);
            boolean fast = e.path("generationTokensPerSec").asDouble(0) > ceiling;
            if (raw.has("gen_start") && raw.has("gen_end") && out >= 2) {
                double windowS = (raw.get("gen_end").asLong() - raw.get("gen_start").asLong()) / 1000.0;
                fast |= (out - 1) / windowS > ceiling;
            }
            if (fast) {
                lines.add(i + 1);
            }
        }
        return lines;
    }

    /** The fastest llama-bench tg result (n_prompt 0, n_gen > 0) of the sample, tok/s. */
    private static double benchGenerationTps() throws IOException {
        double best = 0;
        for (JsonNode b : EXACT.readTree(BENCH.toFile())) {
            if (b.get("n_prompt").asInt() == 0 && b.get("n_gen").asInt() > 0) {
                best = Math.max(best, b.get("avg_ts").asDouble());
            }
        }
        return best;
    }

    private static TreeSet<Integer> linesOf(JsonNode findings, String rule) {
        TreeSet<Integer> lines = new TreeSet<>();
        for (JsonNode f : findings) {
            if (f.get("rule").asText().equals(rule)) {
                lines.add(Integer.parseInt(f.get("request").asText().replace("llm-metrics#", "")));
            }
        }
        return lines;
    }

    @Test
    void findingsOfTheImpossibleLogAgainstTheLlamaBenchBaseline() throws IOException {
        CliRun r = CliRun.run("report", "--json", METRICS.toString(), BENCH.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode findings = r.json().get("findings");

        double tg = benchGenerationTps();
        double ceiling = 1.5 * tg;
        assertEquals(21.282387, tg, 1e-9);
        // the README's five buffered-stream lines, and no other line decodes above 1.5 × tg
        assertEquals(new TreeSet<>(List.of(6, 12, 18, 23, 27)), linesDecodingFasterThan(ceiling));
        assertEquals(linesDecodingFasterThan(ceiling), linesOf(findings, "impossible-generation-speed"));

        String origin = String.format(Locale.ROOT, "%.1f tok/s = 1.5 × %.1f tok/s measured by llama-bench "
                + "(qwen3 8B Q4_K - Medium)", ceiling, tg);
        assertEquals("31.9 tok/s = 1.5 × 21.3 tok/s measured by llama-bench (qwen3 8B Q4_K - Medium)", origin);
        for (JsonNode f : findings) {
            if (f.get("rule").asText().equals("impossible-generation-speed")) {
                assertEquals("error", f.get("severity").asText());
                assertTrue(f.get("message").asText().endsWith("ceiling: " + origin), f.toString());
                JsonNode c = f.get("numbers").get("ceiling");
                assertEquals(ceiling, c.get("value").asDouble(), 1e-9);
                assertEquals("tok/s", c.get("unit").asText());
                assertEquals("record", f.get("clock").asText());
            }
        }
        // line 6: 484 output tokens, gen_start to gen_end 29 ms: (484 - 1) / 0.029 s = 16655.17 tok/s
        JsonNode line6 = findings.get(0);
        assertEquals("llm-metrics#6", line6.get("request").asText());
        assertTrue(line6.get("message").asText().startsWith("decode 16655.2 tok/s (derived-from-raw-timestamps)"),
                line6.toString());
        assertEquals(483 / 0.029, line6.get("numbers").get("decode speed").get("value").asDouble(), 1e-6);

        // line 9 reports TTFT 6939 ms against a total of 4749 ms
        assertEquals(new TreeSet<>(List.of(9)), linesOf(findings, "ttft-exceeds-e2e"));
        JsonNode ttft = findings.get(1);
        assertEquals("ttft-exceeds-e2e", ttft.get("rule").asText());
        assertEquals("TTFT 6939 ms exceeds the end-to-end time of 4749 ms (reported)", ttft.get("message").asText());
        assertEquals(1749722683586000L, ttft.get("tsUs").asLong()); // total_start 1749722683586 ms
        assertEquals(4749000L, ttft.get("durUs").asLong()); // to total_end 1749722688335 ms

        // line 15: gen_start 1749722840002 precedes prefill_end 1749722840182 by 180 ms
        assertEquals(new TreeSet<>(List.of(15)), linesOf(findings, "phase-order"));
        JsonNode order = findings.get(3);
        assertEquals("generation starts before prefill ends by 180 ms", order.get("message").asText());
        assertEquals(180.0, order.get("numbers").get("prefill_end - gen_start").get("value").asDouble());

        // no other errors: the five, line 9 and line 15
        int errors = 0;
        for (JsonNode f : findings) {
            errors += f.get("severity").asText().equals("error") ? 1 : 0;
        }
        assertEquals(7, errors);

        // line 21 failed (success: false): one finding for the run
        long failed = jsonLines(METRICS).stream().filter(e -> !e.path("success").asBoolean(true)).count();
        assertEquals(1, failed);
        assertEquals(new TreeSet<>(List.of(21)), linesOf(findings, "request-failures"));
        for (JsonNode f : findings) {
            if (f.get("rule").asText().equals("request-failures")) {
                assertEquals("warning", f.get("severity").asText());
                assertTrue(f.get("message").asText().startsWith("1 of 30 requests failed"), f.toString());
            }
        }
        assertTrue(request(r.json(), "llm-metrics#21").get("failed").asBoolean());
        assertEquals("request-failures", request(r.json(), "llm-metrics#21").get("findings").get(0).asText());
    }

    @Test
    void failOnWarningGatesTheImpossibleLogButNotACleanOne() throws IOException {
        assertEquals(Cli.FINDINGS, CliRun.run("report", "--fail-on", "warning", METRICS.toString(),
                BENCH.toString()).code());
        assertEquals(Cli.FINDINGS, CliRun.run("report", "--fail-on", "error", METRICS.toString()).code());

        Path clean = dir.resolve("clean.jsonl");
        Files.writeString(clean, CLEAN_LOG, StandardCharsets.UTF_8);
        CliRun r = CliRun.run("report", "--json", "--fail-on", "warning", clean.toString());
        assertEquals(Cli.OK, r.code(), r.out());
        assertEquals(0, r.json().get("findings").size());
        assertEquals(2, r.json().get("requests").size());
        CliRun text = CliRun.run("report", "--fail-on", "warning", clean.toString());
        assertEquals(Cli.OK, text.code());
        assertTrue(text.out().contains("Findings (0)"), text.out());
    }

    @Test
    void requestNumbersOfAPlausibleRecordFollowItsRawTimestamps() throws IOException {
        CliRun r = CliRun.run("report", "--json", METRICS.toString(), BENCH.toString());
        JsonNode report = exactJson(r);
        // line 2: 707 in, 75 out; total 1749722477934..2951, prefill ..7953..9034, gen ..9034..2947 (ms)
        JsonNode q = request(report, "llm-metrics#2");
        assertEquals("llama.cpp", q.get("provider").asText());
        assertEquals("qwen3-8b-q4_k_m", q.get("model").asText());
        assertEquals(707, q.get("inputTokens").asLong());
        assertEquals(75, q.get("outputTokens").asLong());
        assertEquals(1100.0, q.get("ttftMs").asDouble(), 1e-9); // 479034 - 477934
        assertEquals(5017.0, q.get("e2eMs").asDouble(), 1e-9); // 482951 - 477934
        assertEquals(707 / 1.081, q.get("prefillTps").asDouble(), 1e-9); // 707 tokens in 479034 - 477953 ms
        assertEquals(74 / 3.913, q.get("decodeTps").asDouble(), 1e-9); // 75 - 1 tokens in 482947 - 479034 ms
        for (String unknown : List.of("queueMs", "itlP50Ms", "itlP90Ms", "itlP99Ms")) {
            assertTrue(q.get(unknown).isNull(), unknown);
            assertTrue(q.get("basis").get(unknown).isNull(), unknown);
        }
        for (String derived : List.of("ttftMs", "e2eMs", "prefillTps", "decodeTps")) {
            assertEquals("derived-from-raw-timestamps", q.get("basis").get(derived).asText(), derived);
        }
        assertFalse(q.get("failed").asBoolean());
        assertEquals(0, q.get("findings").size());

        // on the records' clock, which starts at the first arrival: line 1's total_start 1749722450550 ms
        assertEquals("record", q.get("clock").asText());
        assertEquals(0, new BigDecimal("1749722450550000").compareTo(report.get("clockStartUs").get("record")
                .decimalValue()));
        assertTrue(report.get("clockStartUs").get("trace").isNull());
        JsonNode phases = q.get("phases");
        assertEquals(2, phases.size());
        assertPhase(phases.get(0), "prefill", "27403000", "1081000"); // 477953 - 450550 ms; 1081 ms
        assertPhase(phases.get(1), "decode", "28484000", "3913000"); // 479034 - 450550 ms; 3913 ms
    }

    private static void assertPhase(JsonNode p, String phase, String startUs, String durUs) {
        assertEquals(phase, p.get("phase").asText(), p.toString());
        assertEquals(0, new BigDecimal(startUs).compareTo(p.get("startUs").decimalValue()), p.toString());
        assertEquals(0, new BigDecimal(durUs).compareTo(p.get("durUs").decimalValue()), p.toString());
    }

    /** One expected phase interval from the fragments, µs on the trace clock. */
    private record Interval(String phase, BigDecimal start, BigDecimal dur) {
    }

    @Test
    void phasesOfADisaggregatedRequestMatchTheSpansInTheFragments() throws IOException {
        String id = "chatcmpl-c4227071";
        List<JsonNode> events = new ArrayList<>();
        try (var files = Files.list(SERVING.resolve("fragments"))) {
            for (Path f : files.sorted().toList()) {
                events.addAll(jsonLines(f));
            }
        }
        BigDecimal traceStart = null;
        for (JsonNode e : events) {
            if (!e.get("ph").asText().equals("M") && e.has("ts")) {
                BigDecimal ts = e.get("ts").decimalValue();
                traceStart = traceStart == null || ts.compareTo(traceStart) < 0 ? ts : traceStart;
            }
        }
        assertNotNull(traceStart);

        // queue: the scheduler's async request.queued slice; prefill and decode: worker batches listing the
        // request; kv_transfer: the prefill worker's B/E pair (on its own sender thread, never nested)
        List<Interval> expected = new ArrayList<>();
        BigDecimal queuedAt = null;
        BigDecimal transferAt = null;
        BigDecimal arrival = null;
        BigDecimal firstDecodeEnd = null;
        for (JsonNode e : events) {
            String ph = e.get("ph").asText();
            String name = e.path("name").asText();
            BigDecimal ts = e.path("ts").decimalValue();
            boolean mine = id.equals(e.path("args").path("request_id").asText())
                    || e.path("args").path("request_ids").toString().contains("\"" + id + "\"");
            if (name.equals("request") && ph.equals("b") && id.equals(e.path("id").asText())) {
                arrival = ts;
            } else if (name.equals("request.queued") && id.equals(e.path("id").asText())) {
                if (ph.equals("b")) {
                    queuedAt = ts;
                } else {
                    expected.add(new Interval("queue", queuedAt, ts.subtract(queuedAt)));
                }
            } else if (name.equals("kv_transfer") && ph.equals("B") && mine) {
                transferAt = ts;
            } else if (name.equals("kv_transfer") && ph.equals("E") && transferAt != null) {
                expected.add(new Interval("kv_transfer", transferAt, ts.subtract(transferAt)));
                transferAt = null;
            } else if (mine && name.equals("WorkerProcess.batch_prefill")) {
                expected.add(new Interval("prefill", ts, e.get("dur").decimalValue()));
            } else if (mine && name.equals("WorkerProcess.batch_decode")) {
                expected.add(new Interval("decode", ts, e.get("dur").decimalValue()));
                BigDecimal end = ts.add(e.get("dur").decimalValue());
                firstDecodeEnd = firstDecodeEnd == null || end.compareTo(firstDecodeEnd) < 0 ? end : firstDecodeEnd;
            }
        }
        expected.sort(Comparator.comparing(Interval::start));
        assertEquals(List.of("queue", "prefill", "kv_transfer", "decode"),
                expected.stream().map(Interval::phase).distinct().toList());

        CliRun r = CliRun.run("report", "--json", SERVING.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode report = exactJson(r);
        assertEquals(0, traceStart.compareTo(report.get("clockStartUs").get("trace").decimalValue()));
        JsonNode q = request(report, id);
        assertEquals("trace", q.get("clock").asText());
        JsonNode phases = q.get("phases");
        assertEquals(expected.size(), phases.size());
        for (int i = 0; i < expected.size(); i++) {
            Interval x = expected.get(i);
            assertPhase(phases.get(i), x.phase(), x.start().subtract(traceStart).toPlainString(),
                    x.dur().toPlainString());
        }
        // disaggregated: the first token leaves the decode worker at the end of its first step
        double ttft = firstDecodeEnd.subtract(arrival).doubleValue() / 1000;
        assertEquals(ttft, q.get("ttftMs").asDouble(), 1e-9);
        assertEquals("derived-from-spans", q.get("basis").get("ttftMs").asText());
    }

    @Test
    void diagnosticsOfTheServingRunAreReportedOnceEach() throws IOException {
        JsonNode findings = CliRun.run("report", "--json", SERVING.toString()).json().get("findings");
        Map<String, Integer> byRule = new TreeMap<>();
        findings.forEach(f -> byRule.merge(f.get("rule").asText(), 1, Integer::sum));
        // the cut last line of trace.5120.jsonl, and MainThread's two interleaved http.stream_response spans
        assertEquals(1, byRule.get("malformed-input"));
        assertEquals(1, byRule.get("overlapping-spans"));
        for (JsonNode f : findings) {
            if (f.get("rule").asText().equals("overlapping-spans")) {
                assertEquals("cpu-node-0/4101", f.get("process").asText());
                assertEquals("trace", f.get("clock").asText());
            }
        }
    }

    @Test
    void textShowsTheRequestsTableAPerfStatBlockAndCountedFindings() throws IOException {
        CliRun json = CliRun.run("report", "--json", METRICS.toString(), BENCH.toString());
        Map<String, Integer> bySeverity = new TreeMap<>();
        json.json().get("findings").forEach(f -> bySeverity.merge(f.get("severity").asText(), 1, Integer::sum));

        CliRun r = CliRun.run("report", METRICS.toString(), BENCH.toString());
        assertEquals(0, r.code(), r.err());
        String out = r.out();
        int total = bySeverity.values().stream().mapToInt(Integer::intValue).sum();
        assertTrue(out.contains("Findings (" + total + ": " + bySeverity.get("error") + " errors, "
                + bySeverity.get("warning") + " warnings)"), out);

        List<String> lines = out.lines().toList();
        String row = lines.stream().filter(l -> l.startsWith("  llm-metrics#2 ")).findFirst().orElseThrow();
        // 707 in, 75 out, TTFT 1100, E2E 5017, prefill 654.0, decode 18.9 (see the JSON test)
        assertTrue(row.matches("\\s+llm-metrics#2\\s+qwen3-8b-q4_k_m\\s+707\\s+75\\s+1100\\.0\\s+5017\\.0\\s+654\\.0"
                + "\\s+18\\.9\\s+-\\s+-"), row);

        int block = lines.indexOf("Request llm-metrics#6 (qwen3-8b-q4_k_m, llama.cpp)  [impossible-generation-speed, "
                + "speed-mismatch, burst-delivery]");
        assertTrue(block > 0, out);
        assertEquals("        1372 input tokens,  484 output tokens", lines.get(block + 1));
        String decode = lines.stream().skip(block).filter(l -> l.contains("tok/s  decode")).findFirst().orElseThrow();
        assertEquals("     16655.2 tok/s  decode         (derived-from-raw-timestamps)", decode);
        // every number line of the block ends its value in the same column
        int valueEnd = decode.indexOf(" tok/s");
        for (int i = block + 2; i < block + 6; i++) {
            assertEquals(' ', lines.get(i).charAt(valueEnd), lines.get(i));
            assertTrue(Character.isDigit(lines.get(i).charAt(valueEnd - 1)), lines.get(i));
        }
        // 1372 input tokens in 27074 ms of prefill (prefill_start to prefill_end), 29 ms of generation
        assertTrue(lines.get(block + 6).startsWith("     27074.0 ms prefill | 29.0 ms decode"), lines.get(block + 6));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("  ! error    impossible-generation-speed: decode "
                + "16655.2 tok/s")), out);
        // a plausible request has no block of its own among 30
        assertFalse(out.contains("Request llm-metrics#2 "), out);
    }

    @Test
    void thresholdsChangeTheCeilingAndUnknownNamesAreUsageErrors() {
        // 2000 × 21.3 tok/s is above every line's decode speed (at most 24200 tok/s), and the largest
        // decode / prefill ratio, 24200 / 54.6 = 443, is below 1000
        CliRun r = CliRun.run("report", "--json", "--threshold", "baseline-factor=2000",
                "--threshold", "decode-over-prefill-ratio=1000", METRICS.toString(), BENCH.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(new TreeSet<>(), linesOf(r.json().get("findings"), "impossible-generation-speed"));

        CliRun unknown = CliRun.run("report", "--threshold", "ceiling=5", METRICS.toString());
        assertEquals(Cli.USAGE, unknown.code());
        String[] err = unknown.errLines();
        assertEquals(1, err.length, unknown.err());
        assertTrue(err[0].contains("unknown threshold 'ceiling'") && err[0].contains("default-ceiling-tps")
                && err[0].contains("baseline-factor") && err[0].contains("min-itl-ms"), err[0]);
        for (String bad : List.of("baseline-factor=fast", "baseline-factor", "baseline-factor=NaN")) {
            CliRun b = CliRun.run("report", "--threshold", bad, METRICS.toString());
            assertEquals(Cli.USAGE, b.code(), bad);
            assertEquals(1, b.errLines().length, b.err());
        }

        CliRun help = CliRun.run("report", "--help");
        assertTrue(help.out().contains("--threshold") && help.out().contains("--phase-mapping"), help.out());
        assertTrue(help.out().contains("  default-ceiling-tps = 500 tok/s"), help.out());
        assertTrue(help.out().lines().allMatch(l -> l.length() <= 80), help.out());
    }

    @Test
    void phaseMappingFileOverridesTheBuiltInNames() throws IOException {
        Path mapping = dir.resolve("mapping.json");
        Files.writeString(mapping, "{\"phases\": {\"kv_transfer\": \"none\"}}", StandardCharsets.UTF_8);
        CliRun r = CliRun.run("report", "--json", "--phase-mapping", mapping.toString(), SERVING.toString());
        assertEquals(0, r.code(), r.err());
        List<String> phases = new ArrayList<>();
        request(r.json(), "chatcmpl-c4227071").get("phases").forEach(p -> phases.add(p.get("phase").asText()));
        assertEquals(List.of("queue", "prefill"), phases.subList(0, 2));
        assertFalse(phases.contains("kv_transfer"), phases.toString());

        Path bad = dir.resolve("bad-mapping.json");
        Files.writeString(bad, "{\"phases\": {\"step\": \"forward\"}}", StandardCharsets.UTF_8);
        CliRun b = CliRun.run("report", "--phase-mapping", bad.toString(), SERVING.toString());
        assertEquals(Cli.USAGE, b.code());
        String[] err = b.errLines();
        assertEquals(1, err.length, b.err());
        assertTrue(err[0].startsWith("flarescope: " + bad + ": phases.step: expected one of"), err[0]);
        assertEquals("", b.out());
    }
}
