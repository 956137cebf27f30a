package dev.flarescope.analysis.anomaly;

import dev.flarescope.analysis.requests.RequestTimeline;
import dev.flarescope.model.RawEvent;
import dev.flarescope.model.Trace;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * Runs every rule over a trace and its request timelines and returns the findings, most severe first,
 * then by time (findings without a time last), then by rule and request. A clean, plausible log gives
 * no findings.
 */
public final class AnomalyEngine {
    static final Comparator<Finding> ORDER = Comparator
            .comparing(Finding::severity, Comparator.reverseOrder())
            .thenComparing(f -> f.evidence().startNs() == RawEvent.NO_TIME)
            .thenComparingLong(f -> f.evidence().startNs())
            .thenComparing(Finding::ruleId)
            .thenComparing(f -> f.evidence().requestId() == null ? "" : f.evidence().requestId());

    /** Requests below which the request-by-request rules are not worth splitting further. */
    private static final int REQUESTS_PER_SLICE = 1024;

    private final List<Rule> rules;

    public AnomalyEngine(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** Every rule documented in docs/anomalies.md, in that order. */
    public static AnomalyEngine standard() {
        return new AnomalyEngine(List.of(
                new ImpossibleGenerationSpeedRule(),
                new BurstDeliveryRule(),
                new SpeedMismatchRule(),
                new PhaseOrderRule(),
                new NegativeDurationRule(),
                new TtftExceedsE2eRule(),
                new TtftExcludesTransferRule(),
                new UnmatchedBeginRule(),
                new UnmatchedEndRule(),
                new OverlappingSpansRule(),
                new MalformedInputRule(),
                new ClockSkewRule(),
                new DroppedEventsRule(),
                new MixedUnitsRule(),
                new RequestFailuresRule()));
    }

    public List<Rule> rules() {
        return rules;
    }

    /** The rule with this id, or null. */
    public Rule rule(String id) {
        for (Rule r : rules) {
            if (r.id().equals(id)) {
                return r;
            }
        }
        return null;
    }

    /** Every threshold the rules read, once each, by key in rule order: the keys {@link Thresholds#with} accepts. */
    public Map<String, Threshold> thresholds() {
        Map<String, Threshold> all = new LinkedHashMap<>();
        for (Rule r : rules) {
            for (Threshold t : r.thresholds()) {
                all.putIfAbsent(t.key(), t);
            }
        }
        return all;
    }

    public List<Finding> run(Trace trace, List<RequestTimeline> requests, Thresholds thresholds) {
        return run(trace, requests, thresholds, runTraceOnly(trace, thresholds));
    }

    /**
     * The findings of the {@linkplain Rule#traceOnly() trace-only} rules, which need no request
     * timelines: a caller can have them while it builds the timelines, and pass them to
     * {@link #run(Trace, List, Thresholds, List)}.
     */
    public List<Finding> runTraceOnly(Trace trace, Thresholds thresholds) {
        RuleContext context = new RuleContext(trace, List.of(), thresholds);
        List<Finding> findings = new ArrayList<>();
        for (Rule r : rules) {
            if (r.traceOnly()) {
                findings.addAll(r.check(context));
            }
        }
        return findings;
    }

    /**
     * Runs the other rules and returns their findings with {@code traceOnlyFindings}, in order. The rules
     * that judge request by request run on slices of the requests in parallel, all of them per slice;
     * each rule's findings are then joined slice after slice, as one pass over the requests gives them.
     */
    public List<Finding> run(Trace trace, List<RequestTimeline> requests, Thresholds thresholds,
                             List<Finding> traceOnlyFindings) {
        RuleContext context = new RuleContext(trace, requests, thresholds);
        List<RequestRule> perRequest = new ArrayList<>();
        for (Rule r : rules) {
            if (!r.traceOnly() && r instanceof RequestRule rr) {
                perRequest.add(rr);
            }
        }
        List<RequestTimeline> all = context.requests();
        int slices = (int) Math.min(4L * ForkJoinPool.getCommonPoolParallelism() + 1,
                (all.size() + REQUESTS_PER_SLICE - 1) / REQUESTS_PER_SLICE);
        List<List<List<Finding>>> bySlice = IntStream.range(0, slices).parallel().mapToObj(slice -> {
            int from = (int) ((long) all.size() * slice / slices);
            int to = (int) ((long) all.size() * (slice + 1) / slices);
            List<List<Finding>> byRule = new ArrayList<>(perRequest.size());
            for (RequestRule r : perRequest) {
                List<Finding> found = new ArrayList<>();
                for (int i = from; i < to; i++) {
                    Finding f = r.check(all.get(i), context);
                    if (f != null) {
                        found.add(f);
                    }
                }
                byRule.add(found);
            }
            return byRule;
        }).toList();
        List<Finding> findings = new ArrayList<>(traceOnlyFindings);
        for (Rule r : rules) {
            if (r.traceOnly()) {
                continue;
            }
            int k = perRequest.indexOf(r);
            if (k < 0) {
                findings.addAll(r.check(context));
                continue;
            }
            for (List<List<Finding>> slice : bySlice) {
                findings.addAll(slice.get(k));
            }
        }
        findings.sort(ORDER); // by rule id among equals, so the order does not depend on when a rule ran
        return findings;
    }
}
