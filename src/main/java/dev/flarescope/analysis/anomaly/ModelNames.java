package dev.flarescope.analysis.anomaly;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Compares model names across tools that spell one model differently: llama-bench prints a file path
 * ({@code /models/Qwen3-8B-Q4_K_M.gguf}) or a type ({@code qwen3 8B Q4_K_M}), a client logs
 * {@code qwen3-8b} or Ollama's {@code qwen3:8b}. All of these have the stem {@code qwen3-8b}.
 *
 * <p>The stem is the lower-cased file name without directories and a model-file extension, cut at the
 * quantization tag ({@code q4_k_m}, {@code iq3_xs}, {@code q8_0}, {@code f16}, {@code bf16}, ...),
 * split into words of letters and digits, without packaging words ({@code gguf}, {@code ggml},
 * llama-bench's {@code mostly}), joined by {@code -}. Quantization is ignored on purpose: a baseline
 * of another quantization of the same model still bounds its speed within the margin the ceiling allows.
 */
public final class ModelNames {
    private static final Pattern EXTENSION = Pattern.compile("\\.(gguf|ggml|bin|safetensors|pt|pth|onnx|llamafile)$");
    private static final Pattern QUANTIZATION = Pattern.compile(
            "(?<![a-z0-9])(i?q[1-8](_[a-z0-9]+)*|bf16|fp16|f16|f32|fp8|int4|int8|mxfp4)(?![a-z0-9]).*$");
    private static final Pattern WORD_BREAK = Pattern.compile("[^a-z0-9]+");
    private static final Set<String> PACKAGING = Set.of("gguf", "ggml", "mostly");

    private ModelNames() {
    }

    /** The stem of a model name, or "" for null or a name with no words. */
    public static String stem(String name) {
        if (name == null) {
            return "";
        }
        String s = name.trim().toLowerCase(Locale.ROOT);
        int slash = Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\'));
        s = s.substring(slash + 1);
        s = EXTENSION.matcher(s).replaceFirst("");
        s = QUANTIZATION.matcher(s).replaceFirst("");
        List<String> words = new ArrayList<>();
        for (String w : WORD_BREAK.split(s)) {
            if (!w.isEmpty() && !PACKAGING.contains(w)) {
                words.add(w);
            }
        }
        return String.join("-", words);
    }

    /** True when both names have the same non-empty stem. */
    public static boolean sameModel(String a, String b) {
        String sa = stem(a);
        return !sa.isEmpty() && sa.equals(stem(b));
    }
}
