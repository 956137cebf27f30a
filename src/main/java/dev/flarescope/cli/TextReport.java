package dev.flarescope.cli;

import dev.flarescope.analysis.requests.RequestMetrics;
import dev.flarescope.analysis.requests.RequestTimeline;
import dev.flarescope.analysis.stats.SpanStat;
import dev.flarescope.model.InputSummary;
import dev.flarescope.model.ProcessTrack;
import dev.flarescope.model.Severity;
import dev.flarescope.model.Trace;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The report as aligned plain-text tables, one section per subject, units in the headers; requests
 * with findings also get a {@link RequestBlock} each, and every finding one line with its numbers.
 */
final class TextReport {
    private static final String INDENT = "  ";
    private static final int NAME_WIDTH = 60;
    private static final int MODEL_WIDTH = 30;
    /** Up to this many requests, every one is shown in detail; beyond, only those with findings. */
    private static final int FEW_REQUESTS = 5;
    private static final List<Severity> SEVERITIES = List.of(Severity.ERROR, Severity.WARNING, Severity.INFO);

    private final TraceReport report;
    private final int top;
    private final PrintWriter out;

    private TextReport(TraceReport report, int top, PrintWriter out) {
        this.report = report;
        this.top = top;
        this.out = out;
    }

    /** Prints the report; tables longer than {@code top} rows end with a "... N more" line. */
    static void write(TraceReport report, int top, PrintWriter out) {
        TextReport r = new TextReport(report, top, out);
        r.inputs();
        r.processes();
        r.phases();
        r.stats();
        r.requests();
        r.findings();
        out.flush();
    }

    private void heading(String title) {
        out.println(title);
    }

    private void more(int total) {
        if (total > top) {
            out.println(INDENT + "... " + (total - top) + " more");
        }
    }

    private void inputs() {
        List<InputSummary> inputs = report.trace().inputs();
        heading("Inputs (" + inputs.size() + ")");
        TextTable t = new TextTable("path", "format", ">events", ">malformed lines", "truncated", "host",
                ">offset ms");
        for (InputSummary in : inputs) {
            t.row(in.path(), in.format(), in.events(), in.malformedLines(), in.truncated() ? "yes" : "no",
                    in.host().isEmpty() ? null : in.host(), Units.ms(in.offsetNs()));
        }
        t.print(out, INDENT);
        if (!report.skipped().isEmpty()) {
            out.println();
            heading("Skipped folder entries (" + report.skipped().size() + ")");
            report.skipped().forEach(s -> out.println(INDENT + s));
        }
        if (!report.failures().isEmpty()) {
            out.println();
            heading("Unreadable inputs (" + report.failures().size() + ")");
            report.failures().forEach(f -> out.println(INDENT + f.userMessage()));
        }
        out.println();
    }

    private void processes() {
        List<ProcessTrack> processes = report.trace().processes();
        heading("Processes (" + processes.size() + ")");
        TextTable t = new TextTable("host", ">pid", "name", ">threads", ">events", "sources");
        for (ProcessTrack p : processes) {
            t.row(p.host().isEmpty() ? null : p.host(), p.pid(), p.name(), p.threads().size(), p.events(),
                    String.join(", ", p.sources()));
        }
        t.print(out, INDENT);
        out.println();
    }

    private void phases() {
        Trace trace = report.trace();
        heading("Events by phase (" + trace.events() + " in all)");
        StringBuilder sb = new StringBuilder(INDENT);
        for (Map.Entry<Character, Long> e : new TreeMap<>(trace.byPhase()).entrySet()) {
            if (sb.length() > INDENT.length()) {
                sb.append("  ");
            }
            sb.append(e.getKey()).append(": ").append(e.getValue());
        }
        if (!trace.byPhase().isEmpty()) {
            out.println(sb);
        }
        out.println();
    }

    private void stats() {
        List<SpanStat> rows = report.stats().rows();
        heading("Span statistics (" + rows.size() + " names, " + report.stats().spanCount()
                + " spans; by total time)");
        TextTable t = new TextTable("name", ">count", ">total ms", ">self ms", ">max ms", ">mean ms", ">p50 ms",
                ">p90 ms", ">p99 ms", ">self %");
        for (SpanStat s : rows.subList(0, Math.min(top, rows.size()))) {
            t.row(Units.clip(s.name(), NAME_WIDTH), s.count(), Units.ms(s.totalNs()), Units.ms(s.selfNs()),
                    Units.ms(s.maxNs()), Units.ms(s.meanNs()), Units.ms(s.p50Ns()), Units.ms(s.p90Ns()),
                    Units.ms(s.p99Ns()), String.format(Locale.ROOT, "%.1f", s.share() * 100));
        }
        t.print(out, INDENT);
        more(rows.size());
        out.println();
    }

    private void requests() {
        List<RequestTimeline> requests = report.requests();
        heading("Requests (" + requests.size() + ")");
        if (requests.isEmpty()) {
            out.println();
            return;
        }
        TextTable t = new TextTable("id", "model", ">in tok", ">out tok", ">TTFT ms", ">E2E ms", ">prefill tok/s",
                ">decode tok/s", ">ITL p50 ms", "flags");
        for (RequestTimeline r : requests.subList(0, Math.min(top, requests.size()))) {
            RequestMetrics m = r.metrics();
            String model = TraceReport.model(r);
            t.row(Units.clip(r.id(), NAME_WIDTH), model == null ? null : Units.clip(model, MODEL_WIDTH),
                    Units.count(m.inputTokens()), Units.count(m.outputTokens()), Units.oneDecimal(m.ttftMs().value()),
                    Units.oneDecimal(m.e2eMs().value()), Units.oneDecimal(m.prefillTps().value()),
                    Units.oneDecimal(m.decodeTps().value()), Units.oneDecimal(m.itlP50Ms().value()), flags(r));
        }
        t.print(out, INDENT);
        more(requests.size());
        out.println();
        details(requests);
    }

    /** "failed, kv transfer, 1 error, 2 warnings": what sets a request apart, or null when nothing does. */
    private String flags(RequestTimeline r) {
        List<String> flags = new ArrayList<>();
        if (r.failed()) {
            flags.add("failed");
        }
        if (r.disaggregated()) {
            flags.add("kv transfer");
        }
        List<ReportFinding> findings = report.findingsOf(r.id());
        for (Severity s : SEVERITIES) {
            long n = findings.stream().filter(f -> f.severity() == s).count();
            if (n > 0) {
                flags.add(plural(n, s.id()));
            }
        }
        return flags.isEmpty() ? null : String.join(", ", flags);
    }

    /**
     * A {@link RequestBlock} for each request with findings, the first {@code top} of them; for every
     * request when there are only a few.
     */
    private void details(List<RequestTimeline> requests) {
        boolean few = requests.size() <= FEW_REQUESTS;
        List<RequestTimeline> shown = few ? requests
                : requests.stream().filter(r -> !report.findingsOf(r.id()).isEmpty()).toList();
        if (shown.isEmpty()) {
            return;
        }
        heading(few ? "Requests in detail (" + shown.size() + ")" : "Requests with findings (" + shown.size() + ")");
        for (RequestTimeline r : shown.subList(0, Math.min(top, shown.size()))) {
            out.println();
            RequestBlock.print(r, report.findingsOf(r.id()), out);
        }
        if (shown.size() > top) {
            out.println();
            out.println(INDENT + "... " + (shown.size() - top) + " more");
        }
        out.println();
    }

    private void findings() {
        List<ReportFinding> findings = report.findings();
        List<String> counts = new ArrayList<>();
        for (Severity s : SEVERITIES) {
            long n = report.count(s);
            if (n > 0) {
                counts.add(plural(n, s.id()));
            }
        }
        heading("Findings (" + findings.size() + (counts.isEmpty() ? "" : ": " + String.join(", ", counts)) + ")");
        if (findings.isEmpty()) {
            return;
        }
        Set<Clocks.Clock> clocks = EnumSet.noneOf(Clocks.Clock.class);
        TextTable t = new TextTable("severity", "rule", "request", "process", ">at ms", "message");
        for (ReportFinding f : findings) {
            String at = null;
            if (f.hasTime()) {
                clocks.add(f.clock());
                at = Units.ms(report.clocks().sinceStart(f.clock(), f.startNs()));
            }
            String numbers = f.numbersText();
            t.row(f.severity().id(), f.rule(), f.request(), f.process(), at,
                    numbers.isEmpty() ? f.message() : f.message() + " [" + numbers + "]");
        }
        t.print(out, INDENT);
        if (clocks.size() == 2) {
            out.println(INDENT + "(at: from the start of the trace; for requests timed only by metrics records, "
                    + "from the first of them to arrive, on the records' clock)");
        } else if (clocks.contains(Clocks.Clock.RECORD)) {
            out.println(INDENT + "(at: from the first request to arrive, on the metrics records' clock)");
        } else if (!clocks.isEmpty()) {
            out.println(INDENT + "(at: from the start of the trace)");
        }
    }

    /** "1 error", "2 warnings". */
    private static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
