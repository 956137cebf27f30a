package dev.flarescope.analysis.anomaly;

import dev.flarescope.model.BenchResult;
import dev.flarescope.model.RequestRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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

    /** A ceiling and where it came from, as messages print it. */
    public record Ceiling(double tps, String origin) {
    }

    private record Baseline(double tps, String label) {
    }

    private final Map<String, Baseline> byStem = new LinkedHashMap<>();
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
        Baseline b = record == null ? null : byStem.get(ModelNames.stem(record.model));
        if (b == null && only != null && isLlamaCpp(record)) {
            b = only;
        }
        if (b == null) {
            return new Ceiling(defaultCeiling, Numbers.format(defaultCeiling)
                    + " tok/s default (no llama-bench baseline for this model)");
        }
        double tps = factor * b.tps;
        return new Ceiling(tps, Numbers.oneDecimal(tps) + " tok/s = " + Numbers.format(factor) + " × "
                + Numbers.oneDecimal(b.tps) + " tok/s measured by llama-bench (" + b.label + ")");
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
