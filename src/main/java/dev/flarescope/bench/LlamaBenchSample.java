package dev.flarescope.bench;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * A llama-bench {@code -o json} result for the model of {@link LlmMetricsSample}: prompt processing
 * ({@code pp512}) and text generation ({@code tg128}) on the same machine. It is the baseline that
 * tells a plausible per-request speed from an impossible one. Field names follow llama-bench's
 * JSON printer; each test has five repetitions whose mean and (sample) standard
 * deviation are the {@code avg_*} and {@code stddev_*} fields.
 */
final class LlamaBenchSample {
    static final double PP512_TPS = 600.0;
    static final double TG128_TPS = 21.3;
    static final String MODEL_TYPE = "qwen3 8B Q4_K - Medium";
    private static final int REPETITIONS = 5;

    private static final ObjectMapper JSON = new ObjectMapper();

    private LlamaBenchSample() {
    }

    static void write(Path file, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        ArrayNode results = JSON.createArrayNode();
        results.add(test(512, 0, PP512_TPS, 6.0, "2025-06-12T08:15:03Z", random));
        results.add(test(0, 128, TG128_TPS, 0.12, "2025-06-12T08:15:09Z", random));
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(new DefaultIndenter("  ", "\n"));
        String text = JSON.writer(printer).writeValueAsString(results);
        Files.writeString(file, text + "\n", StandardCharsets.UTF_8);
    }

    private static ObjectNode test(int nPrompt, int nGen, double meanTps, double spread, String time,
                                   SplittableRandom random) {
        ObjectNode r = JSON.createObjectNode();
        r.put("build_commit", "4f6d4ba1");
        r.put("build_number", 5640);
        r.put("cpu_info", "ARMv8 Processor rev 1 (v8l)");
        r.put("gpu_info", "Orin");
        r.put("backends", "CUDA");
        r.put("model_filename", "models/Qwen3-8B-Q4_K_M.gguf");
        r.put("model_type", MODEL_TYPE);
        r.put("model_size", 5_027_783_488L);
        r.put("model_n_params", 8_190_735_360L);
        r.put("n_batch", 2048);
        r.put("n_ubatch", 512);
        r.put("n_threads", 12);
        r.put("cpu_mask", "0x0");
        r.put("cpu_strict", false);
        r.put("poll", 50);
        r.put("type_k", "f16");
        r.put("type_v", "f16");
        r.put("n_gpu_layers", 99);
        r.put("split_mode", "layer");
        r.put("main_gpu", 0);
        r.put("no_kv_offload", false);
        r.put("flash_attn", false);
        r.put("tensor_split", "0.00");
        r.put("tensor_buft_overrides", "none");
        r.put("use_mmap", true);
        r.put("embeddings", false);
        r.put("n_prompt", nPrompt);
        r.put("n_gen", nGen);
        r.put("n_depth", 0);
        r.put("test_time", time);

        int tokens = nPrompt + nGen;
        long[] samplesNs = new long[REPETITIONS];
        double[] samplesTs = new double[REPETITIONS];
        for (int i = 0; i < REPETITIONS; i++) {
            double tps = meanTps + (random.nextDouble() * 2 - 1) * spread;
            samplesNs[i] = Math.round(tokens * 1e9 / tps);
            samplesTs[i] = tokens * 1e9 / samplesNs[i];
        }
        r.put("avg_ns", Math.round(mean(samplesNs)));
        r.put("stddev_ns", Math.round(stddev(toDoubles(samplesNs))));
        r.put("avg_ts", round6(mean(samplesTs)));
        r.put("stddev_ts", round6(stddev(samplesTs)));
        ArrayNode ns = r.putArray("samples_ns");
        for (long sample : samplesNs) {
            ns.add(sample);
        }
        ArrayNode ts = r.putArray("samples_ts");
        for (double sample : samplesTs) {
            ts.add(round6(sample));
        }
        return r;
    }

    private static double[] toDoubles(long[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    private static double mean(long[] values) {
        return mean(toDoubles(values));
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /** Sample standard deviation (n - 1), as llama-bench reports it. */
    private static double stddev(double[] values) {
        double mean = mean(values);
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return Math.sqrt(squares / (values.length - 1));
    }

    private static double round6(double value) {
        return Math.round(value * 1e6) / 1e6;
    }
}
