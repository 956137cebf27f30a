package dev.flarescope.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * An llm-metrics log of 30 requests to a local Qwen3 8B (Q4_K_M), mostly through llama.cpp's server,
 * in which some entries cannot be true. It is the input for the findings that compare what a client
 * measured with what the server and a llama-bench baseline say is possible.
 *
 * <p>Most entries are plausible: prefill at 450-700 tok/s and decode near 20 tok/s, the client's
 * phase timestamps a few milliseconds around the server's own {@code timings}. The others are the
 * defects seen in practice:
 * <ul>
 *   <li>a buffered stream: the proxy delivered the whole response at once, so the client measured
 *       all tokens arriving within a few tens of milliseconds (thousands of tok/s "generation") and a
 *       "prefill" lasting the whole request (tens of tok/s), while {@code serverTimings} show a normal
 *       decode;</li>
 *   <li>a time to first token longer than the whole request;</li>
 *   <li>generation starting before prefill ended;</li>
 *   <li>a failed request with no generation at all.</li>
 * </ul>
 */
final class LlmMetricsSample {
    static final int ENTRIES = 30;
    /** Entries whose stream was buffered, by index. */
    static final int[] BUFFERED = {5, 11, 17, 22, 26};
    static final int TTFT_OVER_TOTAL = 8;
    static final int GEN_BEFORE_PREFILL_END = 14;
    static final int FAILED = 20;
    /** Entries from Ollama, which reports no server timings. */
    static final int[] OLLAMA = {3, 9, 28};

    private static final long START_MS = Instant.parse("2025-06-12T10:00:00Z").toEpochMilli();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SplittableRandom random;

    private LlmMetricsSample(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** Writes the log, one JSON object per line. */
    static void write(Path file, long seed) throws IOException {
        LlmMetricsSample sample = new LlmMetricsSample(seed);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            long at = START_MS;
            for (int i = 0; i < ENTRIES; i++) {
                at += 15_000 + sample.random.nextInt(45_000);
                out.write(JSON.writeValueAsString(sample.entry(i, at)));
                out.write('\n');
            }
        }
    }

    private ObjectNode entry(int index, long start) {
        boolean ollama = contains(OLLAMA, index);
        boolean buffered = contains(BUFFERED, index);
        // the buffered entries are long answers to long prompts, where the defect is most visible
        int input = buffered ? 1100 + random.nextInt(600) : 120 + random.nextInt(1800);
        int output = buffered ? 300 + random.nextInt(250) : 60 + random.nextInt(500);
        double prefillTps = 450 + random.nextInt(250) + random.nextInt(100) / 100.0;
        double decodeTps = 18.5 + random.nextInt(250) / 100.0;
        double promptMs = round3(input * 1000.0 / prefillTps);
        double predictedMs = round3(output * 1000.0 / decodeTps);

        ObjectNode e = JSON.createObjectNode();
        e.put("timestamp", Instant.ofEpochMilli(start).toString());
        e.put("provider", ollama ? "ollama" : "llama.cpp");
        e.put("model", ollama ? "qwen3:8b" : "qwen3-8b-q4_k_m");
        e.put("inputTokens", input);

        long prefillStart = start + 8 + random.nextInt(18);
        if (index == FAILED) {
            return failed(e, start, prefillStart);
        }
        long prefillEnd;
        long genStart;
        long genEnd;
        if (buffered) {
            // nothing reached the client until the server had finished, then everything at once
            prefillEnd = prefillStart + Math.round(promptMs + predictedMs) + 3 + random.nextInt(6);
            genStart = prefillEnd;
            genEnd = genStart + 20 + random.nextInt(15);
        } else {
            prefillEnd = prefillStart + Math.round(promptMs) + 2 + random.nextInt(5);
            genStart = index == GEN_BEFORE_PREFILL_END ? prefillEnd - 180 : prefillEnd;
            genEnd = prefillEnd + Math.round(predictedMs) + 1 + random.nextInt(4);
        }
        long end = genEnd + 3 + random.nextInt(10);

        long total = end - start;
        long ttft = index == TTFT_OVER_TOTAL ? total + 2_190 : genStart - start;
        e.put("outputTokens", output);
        e.put("timeToFirstToken", ttft);
        e.put("totalDuration", total);
        e.put("prefillTokensPerSec", round2(input * 1000.0 / (prefillEnd - prefillStart)));
        e.put("generationTokensPerSec", round2(output * 1000.0 / (genEnd - genStart)));
        ObjectNode raw = e.putObject("rawTimestamps");
        raw.put("total_start", start);
        raw.put("prefill_start", prefillStart);
        raw.put("prefill_end", prefillEnd);
        raw.put("gen_start", genStart);
        raw.put("gen_end", genEnd);
        raw.put("total_end", end);
        if (!ollama) {
            ObjectNode timings = e.putObject("serverTimings");
            timings.put("prompt_n", input);
            timings.put("prompt_ms", promptMs);
            timings.put("prompt_per_second", round3(input * 1000.0 / promptMs));
            timings.put("predicted_n", output);
            timings.put("predicted_ms", predictedMs);
            timings.put("predicted_per_second", round3(output * 1000.0 / predictedMs));
        }
        return e;
    }

    /** The server rejected a prompt longer than its context: no tokens, no generation phase. */
    private ObjectNode failed(ObjectNode e, long start, long prefillStart) {
        long end = prefillStart + 40 + random.nextInt(30);
        e.put("inputTokens", 41_250);
        e.put("outputTokens", 0);
        e.put("totalDuration", end - start);
        ObjectNode raw = e.putObject("rawTimestamps");
        raw.put("total_start", start);
        raw.put("prefill_start", prefillStart);
        raw.put("total_end", end);
        e.put("success", false);
        e.put("error", "HTTP 500: the request exceeds the available context size, try increasing it");
        return e;
    }

    private static boolean contains(int[] indexes, int index) {
        for (int candidate : indexes) {
            if (candidate == index) {
                return true;
            }
        }
        return false;
    }

    private static double round2(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static double round3(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
