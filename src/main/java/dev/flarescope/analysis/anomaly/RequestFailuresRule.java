package dev.flarescope.analysis.anomaly;

import dev.flarescope.analysis.requests.RequestTimeline;
import dev.flarescope.model.Severity;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Requests that failed or timed out: one finding for the whole run, with the success rate. Counted
 * over request timelines, so a request known only from trace events counts as much as one with a
 * metrics record ({@link RequestTimeline#failed()}).
 */
public final class RequestFailuresRule implements Rule {
    public static final String ID = "request-failures";

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
        return "Failed and timed-out requests are usually left out of latency and throughput figures, which then "
                + "describe only the requests the server could handle: a run that drops its slowest requests "
                + "looks faster than one that served them. The success rate belongs next to every such figure.";
    }

    @Override
    public List<Threshold> thresholds() {
        return List.of();
    }

    /**
     * The evidence points at the first failed request in timeline order, like the per-request rules: its
     * id, its first trace event's process and thread, and its arrival to end on its own timeline's clock.
     */
    @Override
    public List<Finding> check(RuleContext context) {
        List<RequestTimeline> requests = context.requests();
        RequestTimeline first = null;
        int failed = 0;
        Map<String, Integer> reasons = new TreeMap<>();
        for (RequestTimeline r : requests) {
            if (r.failed()) {
                failed++;
                first = first == null ? r : first;
                reasons.merge(r.failureReason(), 1, Integer::sum);
            }
        }
        if (failed == 0) {
            return List.of();
        }
        int total = requests.size();
        double success = (total - failed) / (double) total;
        StringBuilder why = new StringBuilder();
        reasons.forEach((k, v) -> why.append(why.length() == 0 ? "" : ", ").append(k).append(" ×").append(v));
        Evidence e = Evidence.of(first)
                .number("failed", failed, "requests")
                .number("total", total, "requests")
                .number("success rate", success * 100, "%")
                .build();
        return List.of(Finding.of(this, failed + " of " + total + " requests failed or timed out (" + why
                + "); success rate " + Numbers.percent(success), e));
    }
}
