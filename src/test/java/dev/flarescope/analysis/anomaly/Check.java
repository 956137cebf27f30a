package dev.flarescope.analysis.anomaly;

import dev.flarescope.analysis.requests.PhaseMapping;
import dev.flarescope.analysis.requests.RequestTimelines;
import dev.flarescope.model.BenchResult;
import dev.flarescope.model.Trace;
import java.util.List;

/** Runs the standard engine over a test trace and picks findings of one rule. */
final class Check {
    private Check() {
    }

    static List<Finding> all(Trace trace, Thresholds thresholds) {
        return AnomalyEngine.standard().run(trace, RequestTimelines.build(trace, PhaseMapping.defaults()), thresholds);
    }

    static List<Finding> all(Trace trace) {
        return all(trace, Thresholds.defaults());
    }

    static List<Finding> rule(Trace trace, String id) {
        return rule(trace, id, Thresholds.defaults());
    }

    static List<Finding> rule(Trace trace, String id, Thresholds thresholds) {
        return all(trace, thresholds).stream().filter(f -> f.ruleId().equals(id)).toList();
    }

    static double number(Finding f, String name) {
        Quantity q = f.evidence().numbers().get(name);
        if (q == null) {
            throw new AssertionError("no number \"" + name + "\" in " + f.evidence().numbers());
        }
        return q.value();
    }

    /** A llama-bench tg128 result as the reader makes it from JSON output. */
    static BenchResult tg(String file, String type, double tps) {
        BenchResult b = new BenchResult();
        b.model = file;
        b.modelType = type;
        b.nGen = 128;
        b.test = "tg128";
        b.avgTps = tps;
        return b;
    }
}
