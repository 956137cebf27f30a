package dev.flarescope.format.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flarescope.format.Format;
import dev.flarescope.format.dnet.DnetFrameReader;
import java.util.Map;
import java.util.Set;

/**
 * Tells the request-metrics formats (and dnet frames, which are JSON lines too) apart from the first
 * JSON value of an input, for the format detector. Each test looks for members only that format
 * writes, so the order of the tests only matters for inputs that mix formats:
 * <ul>
 *   <li>dnet: a frame ({@link DnetFrameReader#looksLikeFrame}) or a batch whose events are frames;
 *   <li>inference-sim: a {@code requests} array of objects;
 *   <li>SGLang: a {@code meta_info} object;
 *   <li>llama.cpp: a {@code timings} object, or a native stream chunk ({@code id_slot},
 *       {@code tokens_predicted}) or OpenAI-style chunk ({@code object} of
 *       {@code chat.completion.chunk}/{@code text_completion}) whose timings come in the last chunk;
 *   <li>llm-metrics: a field only that log writes ({@code timeToFirstToken}, {@code totalDuration},
 *       {@code rawTimestamps}, {@code prefillTokensPerSec}, {@code generationTokensPerSec}), or token
 *       counts together with a provider or model.
 * </ul>
 * A root array is judged by its first element, for saved lists of llama.cpp responses.
 */
public final class MetricsSniffer {
    private static final Set<String> LLM_METRICS_ONLY = Set.of(
            "timetofirsttoken", "totalduration", "rawtimestamps", "prefilltokenspersec", "generationtokenspersec");

    private MetricsSniffer() {
    }

    /** The format {@code firstValue} belongs to, or {@link Format#UNKNOWN}. */
    public static Format sniff(JsonNode firstValue) {
        if (firstValue == null) {
            return Format.UNKNOWN;
        }
        if (firstValue.isArray()) {
            return sniff(firstValue.path(0)) == Format.LLAMA_TIMINGS ? Format.LLAMA_TIMINGS : Format.UNKNOWN;
        }
        if (!firstValue.isObject()) {
            return Format.UNKNOWN;
        }
        if (DnetFrameReader.looksLikeFrame(firstValue) || DnetFrameReader.looksLikeBatch(firstValue)) {
            return Format.DNET_FRAMES;
        }
        JsonNode requests = firstValue.path("requests");
        if (requests.isArray() && (requests.isEmpty() || requests.get(0).isObject())) {
            return Format.INFERENCE_SIM;
        }
        if (firstValue.path("meta_info").isObject()) {
            return Format.SGLANG_METRICS;
        }
        if (isLlamaResponse(firstValue)) {
            return Format.LLAMA_TIMINGS;
        }
        if (isLlmMetrics(firstValue)) {
            return Format.LLM_METRICS;
        }
        return Format.UNKNOWN;
    }

    /** True when the first non-blank line of a text input starts a server-sent-events capture. */
    public static boolean looksLikeSse(String head) {
        return LlamaTimingsReader.isSse(Head.firstLine(head));
    }

    private static boolean isLlamaResponse(JsonNode v) {
        if (v.path("timings").isObject()) {
            return true;
        }
        if (v.has("id_slot") || v.has("tokens_predicted")) {
            return true;
        }
        String object = v.path("object").asText("");
        return object.equals("chat.completion.chunk") || object.equals("text_completion");
    }

    private static boolean isLlmMetrics(JsonNode v) {
        boolean tokens = false;
        boolean who = false;
        for (Map.Entry<String, JsonNode> e : v.properties()) {
            String key = MetricsAliases.normalize(e.getKey());
            if (LLM_METRICS_ONLY.contains(key)) {
                return true;
            }
            tokens |= key.equals("inputtokens") || key.equals("outputtokens");
            who |= key.equals("provider") || key.equals("model");
        }
        return tokens && who;
    }
}
