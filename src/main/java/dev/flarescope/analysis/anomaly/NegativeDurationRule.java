package dev.flarescope.analysis.anomaly;

import dev.flarescope.analysis.requests.RequestTimeline;
import dev.flarescope.model.RequestRecord;
import dev.flarescope.model.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * A duration below zero: spans the assembler found with a negative {@code dur}, and request records
 * reporting a negative TTFT, end-to-end time, queue time, inter-token gap or server-side time.
 */
public final class NegativeDurationRule implements Rule {
    public static final String ID = "negative-duration";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public String explanation() {
        return "Time only runs forward, so every duration is zero or more. A negative one is computed from "
                + "timestamps in the wrong order: an end taken on another clock than its start (a different host "
                + "or a wall clock stepped by NTP), a start and end swapped, or an overflow. Such spans are drawn "
                + "with zero length; such request numbers cannot be used.";
    }

    @Override
    public List<Threshold> thresholds() {
        return List.of();
    }

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> findings = new ArrayList<>(DiagnosticFindings.of(this, context.trace()));
        for (RequestTimeline t : context.requests()) {
            RequestRecord r = t.record();
            if (r == null) {
                continue;
            }
            Evidence.Builder e = Evidence.of(t);
            List<String> names = new ArrayList<>();
            negative(r.ttftMs, "TTFT", names, e);
            negative(r.e2eMs, "end-to-end time", names, e);
            negative(r.queueMs, "queue time", names, e);
            if (r.itlMs != null) {
                for (int i = 0; i < r.itlMs.length; i++) {
                    if (r.itlMs[i] < 0) {
                        negative(r.itlMs[i], "inter-token latency #" + (i + 1), names, e);
                        break;
                    }
                }
            }
            if (r.serverTimings != null) {
                negative(r.serverTimings.promptMs, "server prompt time", names, e);
                negative(r.serverTimings.predictedMs, "server generation time", names, e);
            }
            if (!names.isEmpty()) {
                findings.add(Finding.of(this, "reported " + String.join(", ", names) + " below zero", e.build()));
            }
        }
        return findings;
    }

    private static void negative(double ms, String name, List<String> names, Evidence.Builder e) {
        if (ms < 0) {
            names.add(name + " " + Numbers.format(ms) + " ms");
            e.number(name, ms, "ms");
        }
    }
}
