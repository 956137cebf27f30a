package dev.flarescope.analysis.anomaly;

import dev.flarescope.model.BenchResult;
import dev.flarescope.model.RequestRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fastest plausible decode speed of a request. A decoder produces one token per forward pass and
 * each pass reads all weights from memory, so single-stream decode speed on given hardware is bounded;
 * llama-bench's {@code tg} test measures that bound. With a baseline for the request's model, the
 * ceiling is the measured speed times a margin ({@link #BASELINE_FACTOR}); otherwise a generous
 * default ({@link #DEFAULT_CEILING}).
 *
 * <p>Models are matched by {@link ModelNames#stem}. Of several {@code tg} results for one model the
 * fastest is used. When the baselines loaded are of a single model, that baseline applies to every
 * llama.cpp request whatever model name the request gives (a client often logs an alias), where a
 * llama.cpp request is one read from llama.cpp timings, one carrying the server's {@code timings}, or
 * one whose provider is llama.cpp or llama-server.
 */
public final class DecodeCeilings {
    public static final Threshold DEFAULT_CEILING = new Threshold("default-ceiling-tps", 500, "tok/s",
            "decode speed ceiling when no llama-bench baseline matches the request's model");
    public static final Threshold BASELINE_FACTOR = new Threshold("baseline-factor", 1.5, "×",
            "margin over the llama-bench tg speed of the same model (batching and a faster run still fit)");

    /**
     * A ceiling and where it came from. Every request gets one and few findings quote it, so the
     * sentence that says where it came from is written only when asked for.
     */
    public static final class Ceiling {
        private final double tps;
        private final Baseline baseline;
        private final double factor;

        private Ceiling(double tps, Baseline baseline, double factor) {
            this.tps = tps;
            this.baseline = baseline;
            this.factor = factor;
        }

        public double tps() {
            return tps;
        }

        /** Where the ceiling came from, as messages print it. */
        public String origin() {
            if (baseline == null) {
                return Numbers.format(tps) + " tok/s default (no llama-bench baseline for this model)";
            }
            return Numbers.oneDecimal(tps) + " tok/s = " + Numbers.format(factor) + " × "
                    + Numbers.oneDecimal(baseline.tps) + " tok/s measured by llama-bench (" + baseline.label + ")";
        }
    }

    private record Baseline(double tps, String label) {
    }

    private final Map<String, Baseline> byStem = new LinkedHashMap<>();
    private final Map<String, String> stems = new ConcurrentHashMap<>();
    private final Baseline only;
    private final double defaultCeiling;
    private final double factor;

    public DecodeCeilings(List<BenchResult> bench, Thresholds thresholds) {
        this.defaultCeiling = thresholds.get(DEFAULT_CEILING);
        this.factor = thresholds.get(BASELINE_FACTOR);
        Baseline single = null;
        boolean several = false;
        for (BenchResult b : bench) {
            if (!b.isGeneration() || !(b.avgTps > 0)) {
                continue;
            }
            String label = b.modelType != null ? b.modelType : b.model;
            Baseline candidate = new Baseline(b.avgTps, label);
            for (String name : new String[] {b.model, b.modelType}) {
                String stem = ModelNames.stem(name);
                if (!stem.isEmpty()) {
                    byStem.merge(stem, candidate, (x, y) -> x.tps >= y.tps ? x : y);
                }
            }
            String stem = ModelNames.stem(label);
            if (single == null) {
                single = candidate;
            } else if (!ModelNames.stem(single.label).equals(stem)) {
                several = true;
            } else if (candidate.tps > single.tps) {
                single = candidate;
            }
        }
        this.only = several ? null : single;
    }

    /** The decode ceiling for a request described by {@code record} (null: no record, the default applies). */
    public Ceiling forRequest(RequestRecord record) {
        // stems take a few regular expressions: none without baselines, once per model name with them
        Baseline b = record == null || byStem.isEmpty() ? null
                : byStem.get(stems.computeIfAbsent(record.model == null ? "" : record.model, ModelNames::stem));
        if (b == null && only != null && isLlamaCpp(record)) {
            b = only;
        }
        return b == null ? new Ceiling(defaultCeiling, null, factor) : new Ceiling(factor * b.tps, b, factor);
    }

    private static boolean isLlamaCpp(RequestRecord r) {
        if (r == null) {
            return false;
        }
        if ("llama.cpp-timings".equals(r.sourceFormat) || r.serverTimings != null) {
            return true;
        }
        String provider = r.provider == null ? "" : r.provider.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        return provider.equals("llamacpp") || provider.startsWith("llamaserver") || provider.equals("llamacppserver");
    }
}
