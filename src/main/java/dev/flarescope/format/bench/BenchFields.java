package dev.flarescope.format.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.flarescope.model.BenchResult;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * llama-bench's result fields: their types (as llama-bench itself declares them, so that a CSV or
 * markdown cell becomes the same JSON value the json output prints), the short column names of its
 * markdown table, and the mapping of one row to a {@link BenchResult}. Every output form is turned
 * into the same field map first, so the four forms of one run give the same results.
 */
final class BenchFields {
    /** Integer fields (llama-bench's {@code INT}). */
    private static final Set<String> INTS = Set.of("build_number", "n_batch", "n_ubatch", "n_threads", "poll",
            "model_size", "model_n_params", "n_gpu_layers", "main_gpu", "n_prompt", "n_gen", "n_depth", "avg_ns",
            "stddev_ns", "no_op_offload", "n_cpu_moe");
    /** Boolean fields, written 0/1 in CSV and markdown and false/true in JSON. */
    private static final Set<String> BOOLS = Set.of("f16_kv", "no_kv_offload", "cpu_strict", "flash_attn",
            "use_mmap", "embeddings", "no_host");
    private static final Set<String> FLOATS = Set.of("avg_ts", "stddev_ts");

    /** Markdown column titles that differ from the field name. */
    private static final Map<String, String> COLUMNS = Map.ofEntries(
            Map.entry("model", "model_type"), Map.entry("backend", "backends"), Map.entry("ngl", "n_gpu_layers"),
            Map.entry("sm", "split_mode"), Map.entry("threads", "n_threads"), Map.entry("nkvo", "no_kv_offload"),
            Map.entry("fa", "flash_attn"), Map.entry("mmap", "use_mmap"), Map.entry("embd", "embeddings"),
            Map.entry("nopo", "no_op_offload"), Map.entry("noh", "no_host"), Map.entry("dev", "devices"),
            Map.entry("ts", "tensor_split"), Map.entry("ot", "tensor_buft_overrides"));

    /** Fields that become {@link BenchResult}'s own members rather than extras. */
    private static final Set<String> CANONICAL = Set.of("model_filename", "model_type", "backends", "backend",
            "n_prompt", "n_gen", "n_depth", "avg_ts", "stddev_ts");

    private BenchFields() {
    }

    /** The field a markdown column title stands for. */
    static String fieldOfColumn(String title) {
        return COLUMNS.getOrDefault(title, title);
    }

    /** A CSV or markdown cell as the JSON value llama-bench's json output has for that field. */
    static JsonNode typed(String field, String text) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (BOOLS.contains(field) && (text.equals("0") || text.equals("1"))) {
            return f.booleanNode(text.equals("1"));
        }
        if (INTS.contains(field) || FLOATS.contains(field) || BOOLS.contains(field)) {
            try {
                BigDecimal d = new BigDecimal(text);
                return d.scale() <= 0 ? f.numberNode(d.toBigIntegerExact()) : f.numberNode(d);
            } catch (NumberFormatException | ArithmeticException notNumeric) {
                return f.textNode(text);
            }
        }
        return f.textNode(text);
    }

    /**
     * One result from a row's fields.
     *
     * @throws IllegalArgumentException naming what is missing when the row is not a llama-bench result
     */
    static BenchResult toResult(Map<String, JsonNode> fields, String source, long line) {
        JsonNode avg = fields.get("avg_ts");
        JsonNode prompt = fields.get("n_prompt");
        JsonNode gen = fields.get("n_gen");
        if (avg == null || !avg.isNumber() || !isCount(prompt) && !isCount(gen)) {
            throw new IllegalArgumentException("expected a llama-bench result with avg_ts and n_prompt or n_gen");
        }
        BenchResult b = new BenchResult();
        b.modelType = text(fields.get("model_type"));
        String file = text(fields.get("model_filename"));
        b.model = file != null ? file : b.modelType;
        b.backend = text(fields.getOrDefault("backends", fields.get("backend")));
        b.nPrompt = isCount(prompt) ? prompt.longValue() : 0;
        b.nGen = isCount(gen) ? gen.longValue() : 0;
        b.nDepth = isCount(fields.get("n_depth")) ? fields.get("n_depth").longValue() : 0;
        b.test = BenchResult.testLabel(b.nPrompt, b.nGen, b.nDepth);
        b.avgTps = avg.doubleValue();
        JsonNode stddev = fields.get("stddev_ts");
        b.stddevTps = stddev != null && stddev.isNumber() ? stddev.doubleValue() : Double.NaN;
        b.source = source;
        b.line = line;
        for (Map.Entry<String, JsonNode> e : fields.entrySet()) {
            if (!CANONICAL.contains(e.getKey())) {
                b.extra.put(e.getKey(), e.getValue().toString());
            }
        }
        return b;
    }

    /** An object's members in order, for the JSON forms. */
    static Map<String, JsonNode> members(JsonNode object) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        object.properties().forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    private static boolean isCount(JsonNode v) {
        return v != null && v.isIntegralNumber() && v.longValue() >= 0;
    }

    private static String text(JsonNode v) {
        return v == null || v.isNull() ? null : v.asText();
    }
}
