package dev.flarescope.analysis.anomaly;

import dev.flarescope.model.RawEvent;
import dev.flarescope.model.RequestRecord;
import dev.flarescope.model.Severity;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Requests that failed or timed out: one finding for the whole run, with the success rate. */
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

    @Override
    public List<Finding> check(RuleContext context) {
        List<RequestRecord> records = context.trace().requests();
        RequestRecord first = null;
        int failed = 0;
        Map<String, Integer> reasons = new TreeMap<>();
        for (RequestRecord r : records) {
            if (r.failed) {
                failed++;
                first = first == null ? r : first;
                String reason = r.finishReason != null ? r.finishReason : r.error != null ? "error" : "failed";
                reasons.merge(reason, 1, Integer::sum);
            }
        }
        if (failed == 0) {
            return List.of();
        }
        int total = records.size();
        double success = (total - failed) / (double) total;
        StringBuilder why = new StringBuilder();
        reasons.forEach((k, v) -> why.append(why.length() == 0 ? "" : ", ").append(k).append(" ×").append(v));
        Evidence e = Evidence.builder()
                .request(first.id)
                .range(first.arrivalNs, RawEvent.NO_TIME)
                .number("failed", failed, "requests")
                .number("total", total, "requests")
                .number("success rate", success * 100, "%")
                .build();
        return List.of(Finding.of(this, failed + " of " + total + " requests failed or timed out (" + why
                + "); success rate " + Numbers.percent(success), e));
    }
}
