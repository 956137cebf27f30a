package dev.flarescope.analysis.anomaly;

import dev.flarescope.analysis.requests.RequestTimeline;
import java.util.ArrayList;
import java.util.List;

/** A rule judged request by request: at most one finding per offending request. */
abstract class RequestRule implements Rule {

    /** The finding for {@code request}, or null when it is fine. */
    abstract Finding check(RequestTimeline request, RuleContext context);

    /**
     * The findings of every request in turn. Final: the engine calls {@link #check(RequestTimeline,
     * RuleContext)} itself, on slices of the requests, so an override here would not be run.
     */
    @Override
    public final List<Finding> check(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (RequestTimeline r : context.requests()) {
            Finding f = check(r, context);
            if (f != null) {
                findings.add(f);
            }
        }
        return findings;
    }
}
