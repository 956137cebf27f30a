package dev.flarescope.analysis.anomaly;

import dev.flarescope.analysis.requests.RequestTimeline;
import dev.flarescope.model.Trace;
import java.util.List;

/** What a rule looks at: the trace, its request timelines, the thresholds in force and the decode ceilings. */
public final class RuleContext {
    private final Trace trace;
    private final List<RequestTimeline> requests;
    private final Thresholds thresholds;
    private final DecodeCeilings ceilings;

    public RuleContext(Trace trace, List<RequestTimeline> requests, Thresholds thresholds) {
        this.trace = trace;
        this.requests = List.copyOf(requests);
        this.thresholds = thresholds;
        this.ceilings = new DecodeCeilings(trace.bench(), thresholds);
    }

    public Trace trace() {
        return trace;
    }

    public List<RequestTimeline> requests() {
        return requests;
    }

    public Thresholds thresholds() {
        return thresholds;
    }

    /** Shorthand for {@code thresholds().get(t)}. */
    public double threshold(Threshold t) {
        return thresholds.get(t);
    }

    public DecodeCeilings ceilings() {
        return ceilings;
    }
}
