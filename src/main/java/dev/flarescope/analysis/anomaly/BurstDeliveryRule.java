package dev.flarescope.analysis.anomaly;

import dev.flarescope.analysis.requests.RequestTimeline;
import dev.flarescope.model.RawEvent;
import dev.flarescope.model.Severity;
import java.util.List;

/** All tokens of a response arriving in a window far too short to have generated them one by one. */
public final class BurstDeliveryRule extends RequestRule {
    public static final String ID = "burst-delivery";
    public static final Threshold MIN_ITL = new Threshold("min-itl-ms", 1.0, "ms",
            "shortest plausible time between two generated tokens");

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
        return "Tokens are generated one forward pass apart, so the window from first to last token must be at "
                + "least the output length times the shortest time a pass can take. A window far shorter than "
                + "that (or one implying a speed above the decode ceiling) is the signature of delivery, not "
                + "generation: a proxy or client buffered the stream and released it in a burst, and the "
                + "timestamps were taken on the receiving side.";
    }

    @Override
    public List<Threshold> thresholds() {
        return List.of(MIN_ITL, DecodeCeilings.DEFAULT_CEILING, DecodeCeilings.BASELINE_FACTOR);
    }

    @Override
    Finding check(RequestTimeline request, RuleContext context) {
        long tokens = request.metrics().outputTokens();
        long first = request.firstTokenNs();
        long last = request.lastTokenNs();
        if (tokens < 2 || first == RawEvent.NO_TIME || last == RawEvent.NO_TIME || last < first) {
            return null;
        }
        double windowMs = (last - first) / 1e6;
        double minItl = context.threshold(MIN_ITL);
        double minWindowMs = tokens * minItl;
        DecodeCeilings.Ceiling ceiling = context.ceilings().forRequest(request.record());
        double impliedTps = windowMs > 0 ? tokens / (windowMs / 1e3) : Double.POSITIVE_INFINITY;
        if (windowMs >= minWindowMs && impliedTps <= ceiling.tps()) {
            return null;
        }
        Evidence.Builder e = Evidence.of(request).range(first, last)
                .number("output tokens", tokens, "tokens")
                .number("generation window", windowMs, "ms")
                .number("plausible minimum window", minWindowMs, "ms");
        if (Double.isFinite(impliedTps)) {
            e.number("implied speed", impliedTps, "tok/s");
        }
        e.number("ceiling", ceiling.tps(), "tok/s");
        String why = windowMs < minWindowMs
                ? "at least " + Numbers.format(minItl) + " ms per token needs " + Numbers.format(minWindowMs) + " ms"
                : "that is " + Numbers.oneDecimal(impliedTps) + " tok/s, above the ceiling of "
                        + Numbers.oneDecimal(ceiling.tps()) + " tok/s";
        return Finding.of(this, tokens + " tokens arrived within " + Numbers.format(windowMs) + " ms (" + why
                + "): the stream was buffered and delivered in a burst", e.build());
    }
}
