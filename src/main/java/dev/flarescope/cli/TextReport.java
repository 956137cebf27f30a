package dev.flarescope.cli;

import dev.flarescope.analysis.stats.SpanStat;
import dev.flarescope.model.InputSummary;
import dev.flarescope.model.ProcessTrack;
import dev.flarescope.model.RequestRecord;
import dev.flarescope.model.Trace;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The report as aligned plain-text tables, one section per subject, units in the headers. */
final class TextReport {
    private static final String INDENT = "  ";
    private static final int NAME_WIDTH = 60;

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
        out.println(sb);
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
        List<RequestRecord> requests = report.trace().requests();
        heading("Requests (" + requests.size() + ")");
        if (requests.isEmpty()) {
            out.println();
            return;
        }
        TextTable t = new TextTable("id", "provider", "model", ">input tok", ">output tok", ">TTFT ms", ">E2E ms",
                ">prefill tok/s", ">decode tok/s");
        for (RequestRecord r : requests.subList(0, Math.min(top, requests.size()))) {
            t.row(Units.clip(r.id, NAME_WIDTH), r.provider, r.model, Units.count(r.inputTokens),
                    Units.count(r.outputTokens), Units.decimal(r.ttftMs), Units.decimal(r.e2eMs),
                    Units.decimal(r.prefillTps), Units.decimal(r.decodeTps));
        }
        t.print(out, INDENT);
        more(requests.size());
        out.println();
    }

    private void findings() {
        List<ReportFinding> findings = report.findings();
        heading("Findings (" + findings.size() + ")");
        if (findings.isEmpty()) {
            return;
        }
        long origin = report.trace().minTs();
        TextTable t = new TextTable("severity", "rule", "process", "thread", ">at ms", "message");
        for (ReportFinding f : findings) {
            t.row(f.severity().id(), f.rule(), f.process(), f.thread(), f.hasTime() ? Units.ms(f.tsNs() - origin) : null,
                    f.message());
        }
        t.print(out, INDENT);
        out.println(INDENT + "(times are from the start of the trace)");
    }
}
