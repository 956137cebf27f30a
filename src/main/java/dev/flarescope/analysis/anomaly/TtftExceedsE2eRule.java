package dev.flarescope.analysis.anomaly;

import dev.flarescope.analysis.requests.Basis;
import dev.flarescope.analysis.requests.Measure;
import dev.flarescope.analysis.requests.RequestMetrics;
import dev.flarescope.analysis.requests.RequestTimeline;
import dev.flarescope.model.RequestRecord;
import dev.flarescope.model.Severity;
import java.util.List;

/**
 * A time to first token longer than the whole request. Checked on the record's reported pair and on
 * the pair this analysis derived, when both numbers of a pair follow the same definition.
 */
public final class TtftExceedsE2eRule extends RequestRule {
    public static final String ID = "ttft-exceeds-e2e";

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
        return "The first token is part of the response, so it arrives no later than the response ends: TTFT "
                + "can equal the end-to-end time (a one-token answer) but never exceed it. A larger TTFT means "
                + "the two were measured from different starting points or in different units (seconds against "
                + "milliseconds), or one of them belongs to another request.";
    }

    @Override
    public List<Threshold> thresholds() {
        return List.of();
    }

    @Override
    Finding check(RequestTimeline request, RuleContext context) {
        RequestRecord r = request.record();
        if (r != null && r.ttftMs > r.e2eMs) {
            return finding(request, r.ttftMs, r.e2eMs, Basis.REPORTED);
        }
        RequestMetrics m = request.metrics();
        Measure ttft = m.ttftMs();
        Measure e2e = m.e2eMs();
        if (ttft.known() && e2e.known() && ttft.basis() == e2e.basis() && ttft.basis() != Basis.REPORTED
                && ttft.value() > e2e.value()) {
            return finding(request, ttft.value(), e2e.value(), ttft.basis());
        }
        return null;
    }

    private Finding finding(RequestTimeline request, double ttftMs, double e2eMs, Basis basis) {
        Evidence e = Evidence.of(request)
                .number("TTFT", ttftMs, "ms")
                .number("end-to-end", e2eMs, "ms")
                .build();
        return Finding.of(this, "TTFT " + Numbers.format(ttftMs) + " ms exceeds the end-to-end time of "
                + Numbers.format(e2eMs) + " ms (" + basis.id() + ")", e);
    }
}
