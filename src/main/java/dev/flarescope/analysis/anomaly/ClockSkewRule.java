package dev.flarescope.analysis.anomaly;

import dev.flarescope.analysis.requests.Basis;
import dev.flarescope.analysis.requests.Phase;
import dev.flarescope.analysis.requests.PhaseInterval;
import dev.flarescope.analysis.requests.RequestTimeline;
import dev.flarescope.model.FlowTable;
import dev.flarescope.model.ProcessTrack;
import dev.flarescope.model.Severity;
import dev.flarescope.model.Trace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cause and effect in two processes stamped in the wrong order: a flow arrow that arrives before it
 * leaves, or a request whose decode (in one process) starts before its prefill (in another) ends. One
 * finding per ordered pair of processes, with the largest skew seen and how many links show it.
 */
public final class ClockSkewRule implements Rule {
    public static final String ID = "clock-skew";
    public static final Threshold TOLERANCE = new Threshold("clock-skew-tolerance-ms", 0, "ms",
            "how far an effect may precede its cause before it counts as skew");

    /** Backward links between one ordered pair of processes. */
    private static final class Pair {
        final int from;
        final int to;
        int flows;
        int requests;
        long skewNs = -1;
        int fromThread;
        long fromTs;
        long toTs;
        String request;

        Pair(int from, int to) {
            this.from = from;
            this.to = to;
        }

        void add(int thread, long causeTs, long effectTs, String requestId) {
            if (requestId == null) {
                flows++;
            } else {
                requests++;
            }
            long skew = causeTs - effectTs;
            if (skew > skewNs) {
                skewNs = skew;
                fromThread = thread;
                fromTs = causeTs;
                toTs = effectTs;
                request = requestId;
            }
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
        return "A flow links a cause to its effect (a message sent and received, a task posted and run), and a "
                + "request's decode can only begin once its prefill is done; an effect cannot precede its cause. "
                + "When cause and effect are in different processes, possibly on different hosts, an effect stamped "
                + "earlier shows that the processes' clocks disagree by at least that much. Every cross-process "
                + "duration between them (network time, KV transfer time, TTFT across workers) is then off by the "
                + "skew; give the inputs a clock offset to align them.";
    }

    @Override
    public List<Threshold> thresholds() {
        return List.of(TOLERANCE);
    }

    @Override
    public List<Finding> check(RuleContext context) {
        Trace trace = context.trace();
        long toleranceNs = Math.round(context.threshold(TOLERANCE) * 1e6);
        Map<Long, Pair> pairs = new LinkedHashMap<>();
        FlowTable flows = trace.flows();
        for (int i = 0; i < flows.size(); i++) {
            link(pairs, toleranceNs, flows.fromProcess(i), flows.fromThread(i), flows.fromTs(i), flows.toProcess(i),
                    flows.toTs(i), null);
        }
        for (RequestTimeline r : context.requests()) {
            if (r.timesBasis() != Basis.DERIVED_FROM_SPANS) {
                continue;
            }
            PhaseInterval prefill = last(r.phases(Phase.PREFILL));
            List<PhaseInterval> decodes = r.phases(Phase.DECODE);
            if (prefill != null && prefill.source() != null && !decodes.isEmpty() && decodes.get(0).source() != null) {
                PhaseInterval decode = decodes.get(0);
                link(pairs, toleranceNs, prefill.source().process(), prefill.source().thread(), prefill.endNs(),
                        decode.source().process(), decode.startNs(), r.id());
            }
        }
        List<Finding> findings = new ArrayList<>();
        for (Pair p : pairs.values()) {
            ProcessTrack from = trace.processes().get(p.from);
            ProcessTrack to = trace.processes().get(p.to);
            Evidence.Builder e = Evidence.builder().request(p.request).at(p.from, p.fromThread).range(p.toTs, p.fromTs)
                    .number("largest skew", p.skewNs / 1e6, "ms");
            List<String> what = new ArrayList<>();
            if (p.flows > 0) {
                e.number("backward flows", p.flows, "flows");
                what.add(p.flows + (p.flows == 1 ? " flow arrives" : " flows arrive") + " before leaving");
            }
            if (p.requests > 0) {
                e.number("requests decoding before prefill ends", p.requests, "requests");
                what.add(p.requests + (p.requests == 1 ? " request decodes" : " requests decode")
                        + " before prefill ends");
            }
            findings.add(Finding.of(this, "from " + from.label() + " to " + to.label() + ", " + String.join(" and ", what)
                    + ", by up to " + Numbers.format(p.skewNs / 1e6) + " ms: the clocks of the two processes disagree",
                    e.build()));
        }
        return findings;
    }

    private static void link(Map<Long, Pair> pairs, long toleranceNs, int from, int fromThread, long causeTs, int to,
                             long effectTs, String request) {
        if (from == to || from < 0 || to < 0 || causeTs - effectTs <= toleranceNs) {
            return;
        }
        pairs.computeIfAbsent(((long) from << 32) | to, k -> new Pair(from, to)).add(fromThread, causeTs, effectTs, request);
    }

    private static PhaseInterval last(List<PhaseInterval> intervals) {
        PhaseInterval last = null;
        for (PhaseInterval p : intervals) {
            if (last == null || p.endNs() > last.endNs()) {
                last = p;
            }
        }
        return last;
    }
}
