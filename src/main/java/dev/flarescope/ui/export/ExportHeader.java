package dev.flarescope.ui.export;

import dev.flarescope.analysis.AnalysisResult;
import dev.flarescope.model.Severity;
import dev.flarescope.ui.view.common.Units;
import dev.flarescope.ui.viewmodel.DashboardFigures;
import dev.flarescope.ui.viewmodel.DashboardModel;
import dev.flarescope.ui.viewmodel.FindingsModel;
import dev.flarescope.ui.viewmodel.InputNames;
import dev.flarescope.ui.viewmodel.TimeRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The text of the band on top of an exported picture, so that the picture explains itself when pasted
 * into a bug report: which view of which inputs, what part of time it shows, and the numbers people
 * ask for first (TTFT p50 and p99, decode speed, how many findings of each severity).
 *
 * @param title   view and trace: "Timeline · serving-run.jsonl + 2 more"
 * @param range   what part of the trace's time is shown, relative to its start
 * @param numbers the key numbers of the request analysis, or what is missing
 * @param inputs  every input's file name
 */
public record ExportHeader(String title, String range, String numbers, String inputs) {

    /**
     * The header of {@code view} on a trace opened from {@code inputs}.
     *
     * @param shown    the time the view shows, or null when it shows no time axis (then the whole trace)
     * @param bounds   the whole trace's time
     * @param analysis the request analysis, or null when none is available
     */
    public static ExportHeader of(ExportView view, List<String> inputs, TimeRange shown, TimeRange bounds,
                                  AnalysisResult analysis) {
        return new ExportHeader(view.label() + " \u00b7 " + traceName(inputs), range(shown, bounds),
                numbers(analysis), "inputs: " + String.join(", ", fileNames(inputs)));
    }

    /** "a.json", "a.json + 2 more", or "live capture" without inputs. */
    static String traceName(List<String> inputs) {
        if (inputs.isEmpty()) {
            return "live capture";
        }
        String first = fileNames(inputs.subList(0, 1)).get(0);
        return inputs.size() == 1 ? first : first + " + " + (inputs.size() - 1) + " more";
    }

    /** "shows 1.20 s – 1.50 s (300 ms) of 4.81 s", or "whole trace (4.81 s)". */
    static String range(TimeRange shown, TimeRange bounds) {
        if (shown == null || shown.equals(bounds)) {
            return "whole trace (" + Units.duration(bounds.duration()) + ")";
        }
        return "shows " + Units.duration(shown.start() - bounds.start()) + " \u2013 "
                + Units.duration(shown.end() - bounds.start()) + " (" + Units.duration(shown.duration())
                + ") of " + Units.duration(bounds.duration());
    }

    /** "48 requests · TTFT p50 182 ms, p99 1.21 s · decode p50 41.3 tok/s · 3 errors, 5 warnings, 2 info". */
    static String numbers(AnalysisResult analysis) {
        if (analysis == null) {
            return "no request analysis";
        }
        DashboardFigures f = DashboardModel.compute(analysis, DashboardModel.BUCKETS);
        List<String> parts = new ArrayList<>();
        parts.add(Units.count(f.requests(), "request", "requests"));
        if (!Double.isNaN(f.ttftP50Ms())) {
            parts.add("TTFT p50 " + Units.duration(f.ttftP50Ms() * 1e6) + ", p99 " + Units.duration(f.ttftP99Ms() * 1e6));
        }
        if (!Double.isNaN(f.decodeP50Tps())) {
            parts.add(String.format(Locale.ROOT, "decode p50 %.1f tok/s", f.decodeP50Tps()));
        }
        parts.add(findings(analysis));
        return String.join(" \u00b7 ", parts);
    }

    private static String findings(AnalysisResult analysis) {
        List<String> counts = new ArrayList<>();
        for (Severity s : FindingsModel.SEVERITIES) {
            long n = analysis.findings().stream().filter(f -> f.severity() == s).count();
            if (n > 0) {
                counts.add(n + " " + s.id() + (n == 1 || s == Severity.INFO ? "" : "s"));
            }
        }
        return counts.isEmpty() ? "no findings" : String.join(", ", counts);
    }

    private static List<String> fileNames(List<String> inputs) {
        List<String> names = new ArrayList<>(inputs.size());
        for (String in : inputs) {
            names.add(InputNames.fileName(in));
        }
        return names;
    }
}
