package dev.flarescope.analysis.anomaly;

import static dev.flarescope.model.RawEvent.NO_TIME;

import dev.flarescope.analysis.requests.Phase;
import dev.flarescope.analysis.requests.PhaseInterval;
import dev.flarescope.analysis.requests.RequestTimeline;
import dev.flarescope.model.RequestRecord;
import dev.flarescope.model.Severity;
import java.util.List;

/**
 * A disaggregated request whose reported TTFT is shorter than the work that must precede its first
 * token: prefill, the KV transfer and the first decode step, as the trace shows them.
 */
public final class TtftExcludesTransferRule extends RequestRule {
    public static final String ID = "ttft-excludes-transfer";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Severity severity() {
        return Severity.WARNING;
    }

    @Override
    public String explanation() {
        return "With prefill/decode disaggregation the prompt is processed on a prefill worker, its KV cache is "
                + "copied to a decode worker, and the user's first token leaves only after the decode worker's "
                + "first step. TTFT therefore contains prefill + KV transfer + one decode step. A reported TTFT "
                + "shorter than that sum was measured on the prefill worker (when it sampled its token), leaving "
                + "out the transfer the user waits for; comparing it to aggregated serving flatters disaggregation.";
    }

    @Override
    public List<Threshold> thresholds() {
        return List.of();
    }

    @Override
    Finding check(RequestTimeline request, RuleContext context) {
        RequestRecord r = request.record();
        if (r == null || Double.isNaN(r.ttftMs) || !request.disaggregated()) {
            return null;
        }
        double prefillMs = request.totalNs(Phase.PREFILL) / 1e6;
        double transferMs = request.totalNs(Phase.KV_TRANSFER) / 1e6;
        double stepMs = firstDecodeStepNs(request) / 1e6;
        double minimumMs = prefillMs + transferMs + stepMs;
        if (r.ttftMs >= minimumMs) {
            return null;
        }
        Evidence e = Evidence.of(request)
                .number("reported TTFT", r.ttftMs, "ms")
                .number("prefill", prefillMs, "ms")
                .number("KV transfer", transferMs, "ms")
                .number("first decode step", stepMs, "ms")
                .number("minimum TTFT", minimumMs, "ms")
                .build();
        return Finding.of(this, "reported TTFT " + Numbers.format(r.ttftMs) + " ms is shorter than prefill + KV transfer"
                + " + first decode step = " + Numbers.format(minimumMs) + " ms: it leaves out the transfer", e);
    }

    /** Duration of the first decode interval starting at or after the last transfer ends (0 when none). */
    private static long firstDecodeStepNs(RequestTimeline request) {
        long transferEnd = request.lastEndNs(Phase.KV_TRANSFER);
        for (PhaseInterval p : request.phases(Phase.DECODE)) {
            if (transferEnd == NO_TIME || p.startNs() >= transferEnd) {
                return p.durNs();
            }
        }
        return 0;
    }
}
