package dev.flarescope.analysis.anomaly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flarescope.analysis.Analysis;
import dev.flarescope.analysis.AnalysisOptions;
import dev.flarescope.analysis.AnalysisResult;
import dev.flarescope.io.TraceLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Loads the llm-metrics sample with buffered streams together with the llama-bench baseline of the same
 * model, and checks the findings against the files read independently with Jackson.
 */
class BufferedStreamSampleTest {
    private static final Path METRICS = Path.of("sample-traces/llm-metrics-impossible.jsonl");
    private static final Path BENCH = Path.of("sample-traces/llama-bench-qwen3-8b.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Ids ({@code llm-metrics#<line>}) of the lines matching {@code test}. */
    private static Set<String> lines(Predicate<JsonNode> test) throws IOException {
        Set<String> ids = new TreeSet<>();
        List<String> lines = Files.readAllLines(METRICS);
        for (int i = 0; i < lines.size(); i++) {
            if (test.test(JSON.readTree(lines.get(i)))) {
                ids.add("llm-metrics#" + (i + 1));
            }
        }
        return ids;
    }

    private static Set<String> flagged(AnalysisResult r, String rule) {
        Set<String> ids = new TreeSet<>();
        r.findings().stream().filter(f -> f.ruleId().equals(rule)).forEach(f -> ids.add(f.evidence().requestId()));
        return ids;
    }

    @Test
    void bufferedStreamsAreImpossibleAgainstTheLlamaBenchCeiling() throws IOException {
        assumeTrue(Files.exists(METRICS) && Files.exists(BENCH), "sample traces not present");
        TraceLoader.Result loaded = TraceLoader.load(List.of(METRICS, BENCH));
        assertEquals(List.of(), loaded.failures());
        AnalysisResult result = Analysis.run(loaded.trace(), AnalysisOptions.defaults());

        double tg = 0;
        for (JsonNode b : JSON.readTree(BENCH.toFile())) {
            if (b.path("n_prompt").asLong() == 0 && b.path("n_gen").asLong() > 0) {
                tg = Math.max(tg, b.path("avg_ts").asDouble());
            }
        }
        assertTrue(tg > 0);
        // a buffered stream: hundreds of tokens whose first and last arrived within a second
        Set<String> buffered = lines(n -> n.path("outputTokens").asLong() > 10
                && n.at("/rawTimestamps/gen_end").asDouble() - n.at("/rawTimestamps/gen_start").asDouble() < 1000);
        assertEquals(5, buffered.size());

        assertEquals(buffered, flagged(result, ImpossibleGenerationSpeedRule.ID));
        String origin = String.format(Locale.ROOT, "ceiling: %.1f tok/s = 1.5 × %.1f tok/s measured by llama-bench "
                + "(qwen3 8B Q4_K - Medium)", 1.5 * tg, tg);
        for (Finding f : result.findings()) {
            if (f.ruleId().equals(ImpossibleGenerationSpeedRule.ID)) {
                assertTrue(f.message().endsWith(origin), f.message());
                assertEquals(1.5 * tg, Check.number(f, "ceiling"), 1e-9);
            }
        }
        assertEquals(buffered, flagged(result, BurstDeliveryRule.ID));
        assertEquals(buffered, flagged(result, SpeedMismatchRule.ID)); // the server's timings say ~20 tok/s

        assertEquals(lines(n -> n.path("timeToFirstToken").asDouble() > n.path("totalDuration").asDouble()),
                flagged(result, TtftExceedsE2eRule.ID));
        assertEquals(lines(n -> n.at("/rawTimestamps/gen_start").asDouble() < n.at("/rawTimestamps/prefill_end").asDouble()),
                flagged(result, PhaseOrderRule.ID));
        List<Finding> failures = result.findings().stream().filter(f -> f.ruleId().equals(RequestFailuresRule.ID)).toList();
        long failed = lines(n -> !n.path("success").asBoolean(true)).size();
        assertEquals(1, failures.size());
        assertTrue(failures.get(0).message().startsWith(failed + " of 30 requests failed"), failures.get(0).message());

        Set<String> rules = new TreeSet<>();
        result.findings().forEach(f -> rules.add(f.ruleId()));
        assertEquals(new TreeSet<>(List.of(ImpossibleGenerationSpeedRule.ID, BurstDeliveryRule.ID, SpeedMismatchRule.ID,
                TtftExceedsE2eRule.ID, PhaseOrderRule.ID, RequestFailuresRule.ID)), rules);
    }
}
