package dev.flarescope.cli;

import dev.flarescope.analysis.stats.SpanStatistics;
import dev.flarescope.format.InputException;
import dev.flarescope.io.TraceLoader;
import dev.flarescope.model.Severity;
import dev.flarescope.model.Trace;
import java.util.List;

/**
 * Everything {@code flarescope report} shows, computed once and rendered as text ({@link TextReport})
 * or JSON ({@link JsonReport}).
 */
record TraceReport(Trace trace, List<InputException> failures, List<String> skipped, SpanStatistics stats,
                   List<ReportFinding> findings) {

    static TraceReport of(TraceLoader.Result loaded) {
        Trace trace = loaded.trace();
        return new TraceReport(trace, loaded.failures(), loaded.skipped(), SpanStatistics.of(trace),
                ReportFinding.fromDiagnostics(trace));
    }

    /** True when some finding is at least as severe as {@code threshold}. */
    boolean reaches(Severity threshold) {
        return findings.stream().anyMatch(f -> f.severity().compareTo(threshold) >= 0);
    }
}
