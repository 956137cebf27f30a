package dev.flarescope.analysis;

import dev.flarescope.analysis.anomaly.AnomalyEngine;
import dev.flarescope.analysis.anomaly.Finding;
import dev.flarescope.analysis.requests.RequestTimeline;
import dev.flarescope.analysis.requests.RequestTimelines;
import dev.flarescope.model.Trace;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The one entry point of request analysis for the command line and the views: joins requests into
 * timelines, then runs the anomaly rules over them. Pure and headless; safe to call off the UI thread.
 */
public final class Analysis {
    private Analysis() {
    }

    /**
     * Builds the request timelines and runs every rule. The rules that read only the trace run on another
     * thread while the events found are joined into timelines, the one step of the analysis that runs on
     * a single thread; the finding before it keeps every core busy by itself.
     */
    public static AnalysisResult run(Trace trace, AnalysisOptions options) {
        AnomalyEngine engine = AnomalyEngine.standard();
        RequestTimelines.Scan scan = RequestTimelines.scan(trace, options.phaseMapping());
        CompletableFuture<List<Finding>> traceOnly =
                CompletableFuture.supplyAsync(() -> engine.runTraceOnly(trace, options.thresholds()));
        List<RequestTimeline> requests = RequestTimelines.join(trace, scan);
        List<Finding> early;
        try {
            early = traceOnly.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
        return new AnalysisResult(requests, engine.run(trace, requests, options.thresholds(), early));
    }
}
