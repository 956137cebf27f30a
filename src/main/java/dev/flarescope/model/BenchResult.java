package dev.flarescope.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One llama-bench measurement: a model on a machine, one test ({@code pp512}, {@code tg128},
 * {@code pp512 @ d512}), mean and standard deviation of tokens per second.
 */
public final class BenchResult {
    /** Model file or name as llama-bench printed it ({@code model_filename} or {@code model_type}). */
    public String model;
    /** {@code model_type}, e.g. "qwen3 8B Q4_K_M". */
    public String modelType;
    public String backend;
    public long nPrompt;
    public long nGen;
    public long nDepth;
    /** Test label in llama-bench's own notation: "pp512", "tg128", "pp512 @ d512". */
    public String test;
    public double avgTps = Double.NaN;
    public double stddevTps = Double.NaN;
    public String source;
    public long line;
    public final Map<String, String> extra = new LinkedHashMap<>();

    /** True for a text-generation test (tg), whose speed is the decode ceiling. */
    public boolean isGeneration() {
        return nGen > 0 && nPrompt == 0;
    }

    /** True for a prompt-processing test (pp). */
    public boolean isPrompt() {
        return nPrompt > 0 && nGen == 0;
    }

    /** The test label, derived from the counts when the source did not print one. */
    public static String testLabel(long nPrompt, long nGen, long nDepth) {
        String base;
        if (nPrompt > 0 && nGen > 0) {
            base = "pp" + nPrompt + "+tg" + nGen;
        } else if (nPrompt > 0) {
            base = "pp" + nPrompt;
        } else {
            base = "tg" + nGen;
        }
        return nDepth > 0 ? base + " @ d" + nDepth : base;
    }
}
