package dev.flarescope.analysis.anomaly;

import dev.flarescope.model.Severity;
import java.util.List;

/**
 * One check of the data against what physics or bookkeeping allows. Rules are stateless: the engine
 * may run them in any order, more than once and on several threads at a time.
 */
public interface Rule {
    /** Stable id, used in reports, filters and docs/anomalies.md (e.g. "impossible-generation-speed"). */
    String id();

    /** Severity of this rule's findings. */
    Severity severity();

    /** One paragraph: why the condition cannot (or should not) happen, for the details pane and docs. */
    String explanation();

    /** Thresholds this rule reads; empty when it has none. */
    List<Threshold> thresholds();

    /** The findings over the trace and request timelines of {@code context}; empty when all is well. */
    List<Finding> check(RuleContext context);

    /**
     * True for a rule that reads the trace alone, never {@link RuleContext#requests()}: it can run
     * while the request timelines are still being built, and is given none.
     */
    default boolean traceOnly() {
        return false;
    }
}
