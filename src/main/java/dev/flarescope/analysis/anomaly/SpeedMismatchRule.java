package dev.flarescope.analysis.anomaly;

import dev.flarescope.analysis.requests.RequestTimeline;
import dev.flarescope.model.RawEvent;
import dev.flarescope.model.RequestRecord;
import dev.flarescope.model.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * A reported speed that its own record contradicts: recomputed from the raw timestamps, or as the
 * server's {@code timings} measured it.
 *
 * <p>Clients disagree on whether decode speed counts the first token ({@code n / window} or
 * {@code (n - 1) / window}); a reported decode speed is accepted when it is within tolerance of either.
 */
public final class SpeedMismatchRule extends RequestRule {
    public static final String ID = "speed-mismatch";
    public static final Threshold TOLERANCE = new Threshold("mismatch-tolerance", 0.10, "fraction",
            "largest accepted relative difference between a reported speed and its recomputation");

    /** One comparison: a reported speed against what it should equal (any of {@code expected}). */
    private record Comparison(String what, double reported, String against, double[] expected) {
        /** The expected value closest to the reported one, relatively. */
        double closest() {
            double best = Double.NaN;
            for (double x : expected) {
                if (x > 0 && (Double.isNaN(best) || deviation(x) < deviation(best))) {
                    best = x;
                }
            }
            return best;
        }

        double deviation(double x) {
            return Math.abs(reported - x) / x;
        }
    }

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
        return "A speed is tokens divided by the time they took, so a record that states a speed and also the "
                + "tokens and timestamps it was computed from must agree with itself, and a client's figure must "
                + "agree with the server's own timings for the same request. A difference beyond rounding means "
                + "the two were measured over different windows (connection setup or queueing included on one "
                + "side), different token counts (the first token, cached prompt tokens), or that one side's "
                + "clock or units are wrong.";
    }

    @Override
    public List<Threshold> thresholds() {
        return List.of(TOLERANCE);
    }

    @Override
    Finding check(RequestTimeline request, RuleContext context) {
        RequestRecord r = request.record();
        if (r == null) {
            return null;
        }
        double tolerance = context.threshold(TOLERANCE);
        Comparison worst = null;
        double worstDeviation = 0;
        for (Comparison c : comparisons(r)) {
            double closest = c.closest();
            if (Double.isNaN(closest)) {
                continue;
            }
            double d = c.deviation(closest);
            if (d > tolerance && d > worstDeviation) {
                worst = c;
                worstDeviation = d;
            }
        }
        if (worst == null) {
            return null;
        }
        double expected = worst.closest();
        Evidence e = Evidence.of(request)
                .number("reported " + worst.what, worst.reported, "tok/s")
                .number("recomputed " + worst.what, expected, "tok/s")
                .number("difference", worstDeviation * 100, "%")
                .number("tolerance", tolerance * 100, "%")
                .build();
        return Finding.of(this, "reported " + worst.what + " " + Numbers.oneDecimal(worst.reported) + " tok/s differs by "
                + Numbers.percent(worstDeviation) + " from " + Numbers.oneDecimal(expected) + " tok/s " + worst.against
                + " (tolerance " + Numbers.percent(tolerance) + ")", e);
    }

    private static List<Comparison> comparisons(RequestRecord r) {
        List<Comparison> list = new ArrayList<>();
        if (!Double.isNaN(r.decodeTps)) {
            double windowS = seconds(r.genStartNs, r.genEndNs);
            if (windowS > 0 && r.outputTokens > 0) {
                list.add(new Comparison("decode speed", r.decodeTps,
                        "recomputed as output tokens / (gen_end - gen_start)",
                        new double[] {r.outputTokens / windowS, (r.outputTokens - 1) / windowS}));
            }
            if (r.serverTimings != null && r.serverTimings.predictedPerSecond > 0) {
                list.add(new Comparison("decode speed", r.decodeTps, "in the server's timings",
                        new double[] {r.serverTimings.predictedPerSecond}));
            }
        }
        if (!Double.isNaN(r.prefillTps)) {
            double windowS = seconds(r.prefillStartNs, r.prefillEndNs);
            if (windowS > 0 && r.inputTokens > 0) {
                list.add(new Comparison("prefill speed", r.prefillTps,
                        "recomputed as input tokens / (prefill_end - prefill_start)",
                        new double[] {r.inputTokens / windowS}));
            }
            if (r.serverTimings != null && r.serverTimings.promptPerSecond > 0) {
                list.add(new Comparison("prefill speed", r.prefillTps, "in the server's timings",
                        new double[] {r.serverTimings.promptPerSecond}));
            }
        }
        return list;
    }

    private static double seconds(long from, long to) {
        return from == RawEvent.NO_TIME || to == RawEvent.NO_TIME ? Double.NaN : (to - from) / 1e9;
    }
}
