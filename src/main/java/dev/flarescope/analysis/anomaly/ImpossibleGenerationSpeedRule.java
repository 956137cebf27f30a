package dev.flarescope.analysis.anomaly;

import dev.flarescope.analysis.requests.Basis;
import dev.flarescope.analysis.requests.Measure;
import dev.flarescope.analysis.requests.RequestMetrics;
import dev.flarescope.analysis.requests.RequestTimeline;
import dev.flarescope.model.RequestRecord;
import dev.flarescope.model.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * Decode faster than the hardware can decode, or decode ten times faster than the same request's
 * prefill: either the token count or the time window is wrong (often a client that measured the
 * delivery of a buffered stream).
 */
public final class ImpossibleGenerationSpeedRule extends RequestRule {
    public static final String ID = "impossible-generation-speed";
    public static final Threshold DECODE_OVER_PREFILL = new Threshold("decode-over-prefill-ratio", 10, "×",
            "decode speed at or above this multiple of the same request's prefill speed is impossible");

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
        return "Decoding produces one token per forward pass, and every pass streams the model's weights from "
                + "memory, so a single request cannot decode faster than the memory bandwidth allows; llama-bench's "
                + "tg test measures that speed for a model on a machine. Prefill, by contrast, processes the whole "
                + "prompt in one batched pass and is normally many times faster per token than decode. A decode "
                + "speed above the ceiling, or ten times the same request's prefill speed, means the tokens or the "
                + "window they were counted over are wrong: typically a client that buffered the stream and timed "
                + "how fast it was handed over, not how fast it was generated.";
    }

    @Override
    public List<Threshold> thresholds() {
        return List.of(DecodeCeilings.DEFAULT_CEILING, DecodeCeilings.BASELINE_FACTOR, DECODE_OVER_PREFILL);
    }

    @Override
    Finding check(RequestTimeline request, RuleContext context) {
        RequestMetrics m = request.metrics();
        RequestRecord record = request.record();
        DecodeCeilings.Ceiling ceiling = context.ceilings().forRequest(record);
        List<Measure> speeds = new ArrayList<>(List.of(m.decodeTps()));
        if (record != null && !Double.isNaN(record.decodeTps) && record.decodeTps != m.decodeTps().value()) {
            speeds.add(Measure.of(record.decodeTps, Basis.REPORTED));
        }
        for (Measure speed : speeds) {
            if (speed.known() && speed.value() > ceiling.tps()) {
                Evidence.Builder e = Evidence.of(request)
                        .number("decode speed", speed.value(), "tok/s")
                        .number("ceiling", ceiling.tps(), "tok/s");
                addTokens(e, m);
                return Finding.of(this, "decode " + Numbers.oneDecimal(speed.value()) + " tok/s ("
                        + speed.basis().id() + ") exceeds the plausible ceiling; ceiling: " + ceiling.origin(), e.build());
            }
        }
        double ratio = context.threshold(DECODE_OVER_PREFILL);
        Measure decode = m.decodeTps();
        Measure prefill = m.prefillTps();
        if (decode.known() && prefill.known() && prefill.value() > 0 && decode.value() >= ratio * prefill.value()) {
            double times = decode.value() / prefill.value();
            Evidence.Builder e = Evidence.of(request)
                    .number("decode speed", decode.value(), "tok/s")
                    .number("prefill speed", prefill.value(), "tok/s")
                    .number("decode / prefill", times, "×");
            addTokens(e, m);
            return Finding.of(this, "decode " + Numbers.oneDecimal(decode.value()) + " tok/s is "
                    + Numbers.oneDecimal(times) + "× the request's own prefill speed of "
                    + Numbers.oneDecimal(prefill.value()) + " tok/s (limit " + Numbers.format(ratio)
                    + "×): one token per pass cannot outrun a batched prompt pass", e.build());
        }
        return null;
    }

    private static void addTokens(Evidence.Builder e, RequestMetrics m) {
        if (m.outputTokens() >= 0) {
            e.number("output tokens", m.outputTokens(), "tokens");
        }
    }
}
