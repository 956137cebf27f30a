package dev.flarescope.cli;

import dev.flarescope.analysis.Analysis;
import dev.flarescope.analysis.AnalysisOptions;
import dev.flarescope.analysis.AnalysisResult;
import dev.flarescope.analysis.requests.RequestTimeline;
import dev.flarescope.analysis.stats.SpanStatistics;
import dev.flarescope.format.InputException;
import dev.flarescope.io.TraceLoader;
import dev.flarescope.model.RequestRecord;
import dev.flarescope.model.Severity;
import dev.flarescope.model.Trace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything {@code flarescope report} shows, computed once and rendered as text ({@link TextReport})
 * or JSON ({@link JsonReport}): what was loaded, the span statistics, and one run of the request
 * analysis (timelines and findings).
 */
final class TraceReport {
    private final TraceLoader.Result loaded;
    private final SpanStatistics stats;
    private final AnalysisResult analysis;
    private final Clocks clocks;
    private final List<ReportFinding> findings;
    private final Map<String, List<ReportFinding>> findingsByRequest = new HashMap<>();

    private TraceReport(TraceLoader.Result loaded, AnalysisOptions options, PhaseTimer timer) {
        this.loaded = loaded;
        Trace trace = loaded.trace();
        this.stats = SpanStatistics.of(trace);
        timer.lap("span statistics");
        this.analysis = Analysis.run(trace, options);
        timer.lap("requests and rules");
        this.clocks = Clocks.of(trace, analysis.requests());
        Map<String, RequestTimeline> byId = new LinkedHashMap<>();
        for (RequestTimeline t : analysis.requests()) {
            byId.put(t.id(), t);
        }
        this.findings = ReportFinding.of(analysis.findings(), trace, byId);
        for (ReportFinding f : findings) {
            if (f.request() != null) {
                findingsByRequest.computeIfAbsent(f.request(), k -> new ArrayList<>()).add(f);
            }
        }
    }

    static TraceReport of(TraceLoader.Result loaded, AnalysisOptions options) {
        return new TraceReport(loaded, options, PhaseTimer.OFF);
    }

    static TraceReport of(TraceLoader.Result loaded, AnalysisOptions options, PhaseTimer timer) {
        return new TraceReport(loaded, options, timer);
    }

    Trace trace() {
        return loaded.trace();
    }

    List<InputException> failures() {
        return loaded.failures();
    }

    List<String> skipped() {
        return loaded.skipped();
    }

    SpanStatistics stats() {
        return stats;
    }

    /** Request timelines, by arrival. */
    List<RequestTimeline> requests() {
        return analysis.requests();
    }

    Clocks clocks() {
        return clocks;
    }

    /** All findings, most severe first, then by time. */
    List<ReportFinding> findings() {
        return findings;
    }

    /** The findings whose evidence names request {@code id}, in report order. */
    List<ReportFinding> findingsOf(String id) {
        return findingsByRequest.getOrDefault(id, List.of());
    }

    /** How many findings have {@code severity}. */
    long count(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }

    /** True when some finding is at least as severe as {@code threshold}. */
    boolean reaches(Severity threshold) {
        return findings.stream().anyMatch(f -> f.severity().compareTo(threshold) >= 0);
    }

    /** The first metrics record's provider and model, or nulls when only trace events name the request. */
    static String provider(RequestTimeline t) {
        RequestRecord r = t.record();
        return r == null ? null : r.provider;
    }

    static String model(RequestTimeline t) {
        RequestRecord r = t.record();
        return r == null ? null : r.model;
    }
}
