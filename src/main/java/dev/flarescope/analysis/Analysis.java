package dev.flarescope.analysis;

import dev.flarescope.analysis.anomaly.AnomalyEngine;
import dev.flarescope.analysis.requests.RequestTimeline;
import dev.flarescope.analysis.requests.RequestTimelines;
import dev.flarescope.model.Trace;
import java.util.List;

/**
 * The one entry point of request analysis for the command line and the views: joins requests into
 * timelines, then runs the anomaly rules over them. Pure and headless; safe to call off the UI thread.
 */
public final class Analysis {
    private Analysis() {
    }

    public static AnalysisResult run(Trace trace, AnalysisOptions options) {
        List<RequestTimeline> requests = RequestTimelines.build(trace, options.phaseMapping());
        return new AnalysisResult(requests, AnomalyEngine.standard().run(trace, requests, options.thresholds()));
    }
}
