package dev.flarescope.analysis.anomaly;

import static dev.flarescope.model.RawEvent.NO_TIME;

import dev.flarescope.analysis.requests.Basis;
import dev.flarescope.analysis.requests.Phase;
import dev.flarescope.analysis.requests.PhaseInterval;
import dev.flarescope.analysis.requests.RequestTimeline;
import dev.flarescope.model.RequestRecord;
import dev.flarescope.model.Severity;
import java.util.List;

/**
 * Phases out of their causal order: a phase ending before it starts, generation starting before the
 * prompt was processed, a total that does not contain its phases, a first token before arrival.
 */
public final class PhaseOrderRule extends RequestRule {
    public static final String ID = "phase-order";

    /** A violation: what is wrong, and by how much (ns) one time precedes the other. */
    private record Violation(String what, String gapName, long earlyNs, long startNs, long endNs) {
    }

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
        return "A request is processed in causal order: it arrives, waits, its prompt is prefilled, and only then "
                + "can tokens be generated, since every generated token attends to the prompt's KV cache. Each "
                + "phase ends after it starts and the request's total span contains all of them. Timestamps that "
                + "break this order were taken on different clocks, swapped, or written in different units.";
    }

    @Override
    public List<Threshold> thresholds() {
        return List.of();
    }

    @Override
    Finding check(RequestTimeline request, RuleContext context) {
        Violation v = null;
        RequestRecord r = request.record();
        if (r != null) {
            v = recordViolation(r);
        }
        if (v == null && request.timesBasis() == Basis.DERIVED_FROM_SPANS) {
            v = spanViolation(request);
        }
        if (v == null) {
            return null;
        }
        Evidence e = Evidence.of(request).range(v.startNs, v.endNs)
                .number(v.gapName, v.earlyNs / 1e6, "ms").build();
        return Finding.of(this, v.what + " by " + Numbers.format(v.earlyNs / 1e6) + " ms", e);
    }

    private static Violation recordViolation(RequestRecord r) {
        if (before(r.prefillEndNs, r.prefillStartNs)) {
            return new Violation("prefill ends before it starts", "prefill_start - prefill_end",
                    r.prefillStartNs - r.prefillEndNs, r.prefillEndNs, r.prefillStartNs);
        }
        if (before(r.genEndNs, r.genStartNs)) {
            return new Violation("generation ends before it starts", "gen_start - gen_end",
                    r.genStartNs - r.genEndNs, r.genEndNs, r.genStartNs);
        }
        if (before(r.genStartNs, r.prefillEndNs)) {
            return new Violation("generation starts before prefill ends", "prefill_end - gen_start",
                    r.prefillEndNs - r.genStartNs, r.genStartNs, r.prefillEndNs);
        }
        if (r.totalStartNs != NO_TIME) {
            long firstPhase = min(r.prefillStartNs, r.prefillEndNs, r.genStartNs, r.genEndNs, r.totalEndNs);
            if (before(firstPhase, r.totalStartNs)) {
                return new Violation("total does not contain its phases: a phase starts before total_start",
                        "total_start - earliest phase time", r.totalStartNs - firstPhase, firstPhase, r.totalStartNs);
            }
        }
        if (r.totalEndNs != NO_TIME) {
            long lastPhase = max(r.prefillStartNs, r.prefillEndNs, r.genStartNs, r.genEndNs);
            if (before(r.totalEndNs, lastPhase)) {
                return new Violation("total does not contain its phases: a phase ends after total_end",
                        "latest phase time - total_end", lastPhase - r.totalEndNs, r.totalEndNs, lastPhase);
            }
        }
        return null;
    }

    /**
     * Decode before prefill within one process. Across processes the same observation is a clock
     * disagreement and is reported by {@link ClockSkewRule}.
     */
    private static Violation spanViolation(RequestTimeline t) {
        long prefillEnd = t.lastEndNs(Phase.PREFILL);
        long decodeStart = t.firstStartNs(Phase.DECODE);
        if (before(decodeStart, prefillEnd) && sameProcess(t)) {
            return new Violation("decode starts before prefill ends", "prefill end - decode start",
                    prefillEnd - decodeStart, decodeStart, prefillEnd);
        }
        if (before(t.firstTokenNs(), t.arrivalNs())) {
            return new Violation("the first token precedes the request's arrival", "arrival - first token",
                    t.arrivalNs() - t.firstTokenNs(), t.firstTokenNs(), t.arrivalNs());
        }
        return null;
    }

    private static boolean sameProcess(RequestTimeline t) {
        int process = Integer.MIN_VALUE;
        for (PhaseInterval p : t.phases()) {
            if ((p.phase() == Phase.PREFILL || p.phase() == Phase.DECODE) && p.source() != null) {
                if (process != Integer.MIN_VALUE && p.source().process() != process) {
                    return false;
                }
                process = p.source().process();
            }
        }
        return true;
    }

    /** True when both times are known and {@code a} is strictly earlier than {@code b}. */
    private static boolean before(long a, long b) {
        return a != NO_TIME && b != NO_TIME && a < b;
    }

    private static long min(long... times) {
        long m = NO_TIME;
        for (long t : times) {
            if (t != NO_TIME && (m == NO_TIME || t < m)) {
                m = t;
            }
        }
        return m;
    }

    private static long max(long... times) {
        long m = NO_TIME;
        for (long t : times) {
            m = Math.max(m, t);
        }
        return m;
    }
}
