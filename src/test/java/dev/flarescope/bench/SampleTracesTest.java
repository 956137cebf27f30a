package dev.flarescope.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleTracesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long[] PIDS = {4101, 4230, 5120, 6210};

    @TempDir
    static Path dir;

    @BeforeAll
    static void generate() throws IOException {
        SampleTraces.write(dir, SampleTraces.DEFAULT_SEED);
    }

    @Test
    void committedSamplesAreWhatTheGeneratorWrites() throws IOException {
        Path committed = Path.of("sample-traces");
        List<Path> generated;
        try (Stream<Path> files = Files.walk(dir)) {
            generated = files.filter(Files::isRegularFile).toList();
        }
        assertEquals(6, generated.size());
        for (Path file : generated) {
            Path relative = dir.relativize(file);
            assertArrayEquals(Files.readAllBytes(committed.resolve(relative)), Files.readAllBytes(file),
                    relative + " differs from the committed copy: rerun SampleTraces");
            assertTrue(Files.size(file) < 1_000_000, relative + " is under 1 MB");
        }
    }

    @Test
    void onlyTheDeadWorkersFragmentEndsInACutLine() throws IOException {
        for (long pid : PIDS) {
            String text = Files.readString(fragment(pid), StandardCharsets.UTF_8);
            String[] lines = text.split("\n");
            for (int i = 0; i < lines.length - 1; i++) {
                JSON.readTree(lines[i]);
            }
            String last = lines[lines.length - 1];
            if (pid == ServingRunSample.PREFILL_PID) {
                assertFalse(text.endsWith("\n"));
                assertThrows(JsonProcessingException.class, () -> JSON.readTree(last));
            } else {
                assertTrue(text.endsWith("\n"));
                JSON.readTree(last);
            }
        }
    }

    @Test
    void everyProcessIsNamedAndLabelledWithItsHost() throws IOException {
        for (long pid : PIDS) {
            Map<String, String> metadata = new HashMap<>();
            for (JsonNode e : events(pid)) {
                if (e.get("ph").asText().equals("M") && e.get("args").size() == 1) {
                    metadata.put(e.get("name").asText(), e.get("args").elements().next().asText());
                }
            }
            assertTrue(metadata.containsKey("process_name"), "pid " + pid);
            assertTrue(metadata.containsKey("thread_name"), "pid " + pid);
            assertTrue(metadata.get("process_labels").startsWith("host="), "pid " + pid);
        }
    }

    @Test
    void fortyRequestsEachOpenedAndClosedOnTheApiServer() throws IOException {
        Map<String, Integer> begins = new HashMap<>();
        Map<String, Integer> ends = new HashMap<>();
        Map<Integer, Integer> statuses = new HashMap<>();
        for (JsonNode e : events(ServingRunSample.API_PID)) {
            String ph = e.get("ph").asText();
            if (ph.equals("b")) {
                begins.merge(e.get("id").asText(), 1, Integer::sum);
                assertEquals(e.get("id").asText(), e.get("args").get("request_id").asText());
            } else if (ph.equals("e")) {
                ends.merge(e.get("id").asText(), 1, Integer::sum);
            } else if (e.get("name").asText().equals("http.chat_completions.finished")) {
                statuses.merge(e.get("args").get("status").asInt(), 1, Integer::sum);
            }
        }
        assertEquals(40, begins.size());
        assertEquals(begins, ends);
        assertEquals(40, statuses.values().stream().mapToInt(Integer::intValue).sum());
        assertTrue(statuses.getOrDefault(503, 0) >= 1, "the dead worker's requests failed: " + statuses);
    }

    @Test
    void theNamedPerRequestSpansCarryRequestIds() throws IOException {
        Map<String, Set<String>> requestIdsByName = new HashMap<>();
        for (long pid : PIDS) {
            for (JsonNode e : events(pid)) {
                JsonNode args = e.get("args");
                if (args != null && args.has("request_id")) {
                    requestIdsByName.computeIfAbsent(e.get("name").asText(), k -> new HashSet<>())
                            .add(args.get("request_id").asText());
                } else if (args != null && args.has("request_ids")) {
                    Set<String> ids = requestIdsByName.computeIfAbsent(e.get("name").asText(), k -> new HashSet<>());
                    args.get("request_ids").forEach(id -> ids.add(id.asText()));
                }
            }
        }
        assertEquals(40, requestIdsByName.get("request.queued").size());
        assertEquals(40, requestIdsByName.get("http.chat_completions.finished").size());
        assertTrue(requestIdsByName.get("WorkerProcess.batch_prefill").size() >= 35);
        assertTrue(requestIdsByName.get("WorkerProcess.batch_decode").size() >= 35);
        assertTrue(requestIdsByName.get("kv_transfer").size() >= 35);
    }

    @Test
    void exactlyOnePairOfSpansOverlapsWithoutNestingAndOnlyOnTheAsyncioThread() throws IOException {
        int crossings = 0;
        for (long pid : PIDS) {
            Map<Long, List<double[]>> byThread = new HashMap<>();
            for (JsonNode e : events(pid)) {
                if (e.get("ph").asText().equals("X")) {
                    double ts = e.get("ts").asDouble();
                    byThread.computeIfAbsent(e.get("tid").asLong(), k -> new ArrayList<>())
                            .add(new double[] {ts, ts + e.get("dur").asDouble()});
                }
            }
            for (List<double[]> spans : byThread.values()) {
                for (int i = 0; i < spans.size(); i++) {
                    for (int j = 0; j < spans.size(); j++) {
                        double[] a = spans.get(i);
                        double[] b = spans.get(j);
                        if (a[0] < b[0] && b[0] < a[1] && a[1] < b[1]) {
                            crossings++;
                            assertEquals(ServingRunSample.API_PID, pid);
                        }
                    }
                }
            }
        }
        assertEquals(1, crossings);
    }

    @Test
    void countersAndFlowsConnectTheProcesses() throws IOException {
        Map<Long, Integer> flowStarts = new HashMap<>();
        Map<Long, Integer> flowEnds = new HashMap<>();
        Set<String> counters = new HashSet<>();
        for (long pid : PIDS) {
            for (JsonNode e : events(pid)) {
                switch (e.get("ph").asText()) {
                    case "s" -> flowStarts.merge(e.get("id").asLong(), 1, Integer::sum);
                    case "f" -> flowEnds.merge(e.get("id").asLong(), 1, Integer::sum);
                    case "C" -> counters.add(e.get("name").asText());
                    default -> { }
                }
            }
        }
        assertEquals(Set.of("queue_depth", "kv_cache_usage", "tokens_per_s"), counters);
        Set<Long> dangling = new HashSet<>(flowStarts.keySet());
        dangling.removeAll(flowEnds.keySet());
        assertEquals(1, dangling.size(), "only the flow into the dying batch never arrives");
        assertTrue(flowStarts.keySet().containsAll(flowEnds.keySet()));
    }

    @Test
    void metricsLogHasThePlantedImpossibilities() throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve(SampleTraces.LLM_METRICS));
        assertEquals(30, lines.size());
        int bursts = 0;
        int ttftOverTotal = 0;
        int generationBeforePrefillEnd = 0;
        int failed = 0;
        for (String line : lines) {
            JsonNode e = JSON.readTree(line);
            JsonNode raw = e.get("rawTimestamps");
            if (e.has("success") && !e.get("success").asBoolean()) {
                failed++;
                continue;
            }
            double genSeconds = (raw.get("gen_end").asLong() - raw.get("gen_start").asLong()) / 1000.0;
            double prefillSeconds = (raw.get("prefill_end").asLong() - raw.get("prefill_start").asLong()) / 1000.0;
            double generationTps = e.get("outputTokens").asLong() / genSeconds;
            double prefillTps = e.get("inputTokens").asLong() / prefillSeconds;
            if (generationTps > 8_000) {
                bursts++;
                assertTrue(prefillTps < 100, "a burst comes with a slow prefill: " + prefillTps);
                assertTrue(e.get("serverTimings").get("predicted_per_second").asDouble() < 25);
            } else {
                assertTrue(generationTps > 15 && generationTps < 25, line);
            }
            if (e.get("timeToFirstToken").asLong() > e.get("totalDuration").asLong()) {
                ttftOverTotal++;
            }
            if (raw.get("gen_start").asLong() < raw.get("prefill_end").asLong()) {
                generationBeforePrefillEnd++;
            }
        }
        assertEquals(5, bursts);
        assertEquals(1, ttftOverTotal);
        assertEquals(1, generationBeforePrefillEnd);
        assertEquals(1, failed);
    }

    @Test
    void llamaBenchBaselineAveragesItsOwnSamples() throws IOException {
        JsonNode results = JSON.readTree(dir.resolve(SampleTraces.LLAMA_BENCH).toFile());
        assertEquals(2, results.size());
        Map<String, Double> averages = new HashMap<>();
        for (JsonNode r : results) {
            String test = r.get("n_prompt").asInt() > 0 ? "pp" + r.get("n_prompt").asInt() : "tg" + r.get("n_gen").asInt();
            double sum = 0;
            for (JsonNode sample : r.get("samples_ts")) {
                sum += sample.asDouble();
            }
            double mean = sum / r.get("samples_ts").size();
            assertEquals(mean, r.get("avg_ts").asDouble(), 1e-5, test);
            assertEquals("qwen3 8B Q4_K - Medium", r.get("model_type").asText());
            averages.put(test, mean);
        }
        assertEquals(600, averages.get("pp512"), 10);
        assertEquals(21.3, averages.get("tg128"), 0.3);
    }

    private static Path fragment(long pid) {
        return dir.resolve("serving-run/fragments/trace." + pid + ".jsonl");
    }

    /** The parsable events of a fragment (a cut last line is left out). */
    private static List<JsonNode> events(long pid) throws IOException {
        List<JsonNode> events = new ArrayList<>();
        for (String line : Files.readAllLines(fragment(pid), StandardCharsets.UTF_8)) {
            try {
                events.add(JSON.readTree(line));
            } catch (JsonProcessingException cut) {
                assertEquals(ServingRunSample.PREFILL_PID, pid);
            }
        }
        return events;
    }
}
