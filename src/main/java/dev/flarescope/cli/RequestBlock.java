package dev.flarescope.cli;

import dev.flarescope.analysis.requests.Basis;
import dev.flarescope.analysis.requests.Measure;
import dev.flarescope.analysis.requests.Phase;
import dev.flarescope.analysis.requests.RequestMetrics;
import dev.flarescope.analysis.requests.RequestTimeline;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One request in the manner of {@code perf stat}: a number per line, right-aligned in one column,
 * each with its unit, what it is, and the definition it follows ({@link Basis}), because TTFT or
 * decode speed mean different things in different tools. Then the time spent in each phase and the
 * request's findings with their messages, which say what is wrong with which number.
 *
 * <pre>
 * Request llm-metrics#6 (qwen3-8b-q4_k_m, llama.cpp)  [impossible-generation-speed, burst-delivery]
 *         1372 input tokens,  484 output tokens
 *      27082.0 ms     TTFT           (derived-from-raw-timestamps)
 *      27119.0 ms     E2E            (derived-from-raw-timestamps)
 *         50.7 tok/s  prefill        (derived-from-raw-timestamps)
 *      16655.2 tok/s  decode         (derived-from-raw-timestamps)
 *      27074.0 ms prefill | 29.0 ms decode  (time in each phase, derived-from-raw-timestamps)
 *   ! error    impossible-generation-speed: decode 16655.2 tok/s (derived-from-raw-timestamps) exceeds ...
 *   ! warning  burst-delivery: 484 tokens arrived within 29 ms (at least 1 ms per token needs 484 ms): ...
 * </pre>
 */
final class RequestBlock {
    private static final String INDENT = "  ";
    private static final int MIN_VALUE_WIDTH = 10;
    private static final int UNIT_WIDTH = 5;
    private static final int LABEL_WIDTH = 14;

    /** One line of numbers: value (null when unknown), unit, label and the basis it follows. */
    private record Line(String value, String unit, String label, Basis basis) {
    }

    /** Time spent in one phase: "85.0" and "ms prefill". */
    private record PhaseTime(String value, String rest) {
    }

    private RequestBlock() {
    }

    static void print(RequestTimeline t, List<ReportFinding> findings, PrintWriter out) {
        RequestMetrics m = t.metrics();
        List<Line> lines = numberLines(m);
        List<PhaseTime> phases = phaseTimes(t);
        String in = Units.count(m.inputTokens());
        String outTokens = Units.count(m.outputTokens());

        int width = MIN_VALUE_WIDTH;
        for (Line l : lines) {
            width = Math.max(width, l.value == null ? 1 : l.value.length());
        }
        width = Math.max(width, in == null ? 1 : in.length());
        if (!phases.isEmpty()) {
            width = Math.max(width, phases.get(0).value.length());
        }

        out.println(header(t, findings));
        out.println(INDENT + pad(in, width) + " input tokens,  " + (outTokens == null ? "-" : outTokens)
                + " output tokens");
        for (Line l : lines) {
            StringBuilder sb = new StringBuilder(INDENT).append(pad(l.value, width)).append(' ')
                    .append(String.format(Locale.ROOT, "%-" + UNIT_WIDTH + "s", l.value == null ? "" : l.unit))
                    .append("  ").append(String.format(Locale.ROOT, "%-" + LABEL_WIDTH + "s", l.label));
            if (l.basis != null) {
                sb.append(" (").append(l.basis.id()).append(')');
            }
            out.println(sb.toString().stripTrailing());
        }
        if (!phases.isEmpty()) {
            StringBuilder sb = new StringBuilder(INDENT);
            for (int i = 0; i < phases.size(); i++) {
                PhaseTime p = phases.get(i);
                sb.append(i == 0 ? pad(p.value, width) : " | " + p.value).append(' ').append(p.rest);
            }
            out.println(sb + "  (time in each phase, " + t.timesBasis().id() + ")");
        }
        for (ReportFinding f : findings) {
            out.println(INDENT + "! " + String.format(Locale.ROOT, "%-7s", f.severity().id()) + "  " + f.rule()
                    + ": " + f.message());
        }
    }

    /** TTFT, E2E, prefill and decode speed always (unknown ones as "-"); queue and ITL when known. */
    private static List<Line> numberLines(RequestMetrics m) {
        List<Line> lines = new ArrayList<>();
        add(lines, m.ttftMs(), "ms", "TTFT", true);
        add(lines, m.e2eMs(), "ms", "E2E", true);
        add(lines, m.queueMs(), "ms", "queue", false);
        add(lines, m.prefillTps(), "tok/s", "prefill", true);
        add(lines, m.decodeTps(), "tok/s", "decode", true);
        add(lines, m.itlP50Ms(), "ms", "ITL p50", false);
        add(lines, m.itlP90Ms(), "ms", "ITL p90", false);
        add(lines, m.itlP99Ms(), "ms", "ITL p99", false);
        return lines;
    }

    private static void add(List<Line> lines, Measure m, String unit, String label, boolean always) {
        if (m.known()) {
            lines.add(new Line(Units.oneDecimal(m.value()), unit, label, m.basis()));
        } else if (always) {
            lines.add(new Line(null, unit, label, null));
        }
    }

    /** "Request id (model, provider)  [rule, rule]". */
    private static String header(RequestTimeline t, List<ReportFinding> findings) {
        StringBuilder sb = new StringBuilder("Request ").append(t.id());
        List<String> about = new ArrayList<>();
        if (TraceReport.model(t) != null) {
            about.add(TraceReport.model(t));
        }
        if (TraceReport.provider(t) != null) {
            about.add(TraceReport.provider(t));
        }
        if (t.failed()) {
            about.add(t.failureReason() == null ? "failed" : "failed: " + t.failureReason());
        }
        if (!about.isEmpty()) {
            sb.append(" (").append(String.join(", ", about)).append(')');
        }
        Set<String> rules = new LinkedHashSet<>();
        findings.forEach(f -> rules.add(f.rule()));
        if (!rules.isEmpty()) {
            sb.append("  [").append(String.join(", ", rules)).append(']');
        }
        return sb.toString();
    }

    /** The time in each phase the request has, in causal order. */
    private static List<PhaseTime> phaseTimes(RequestTimeline t) {
        List<PhaseTime> times = new ArrayList<>();
        for (Phase p : Phase.values()) {
            if (t.hasPhase(p)) {
                times.add(new PhaseTime(Units.oneDecimal(t.totalNs(p) / 1e6), "ms " + p.id().replace('_', ' ')));
            }
        }
        return times;
    }

    private static String pad(String value, int width) {
        String v = value == null ? "-" : value;
        return " ".repeat(Math.max(0, width - v.length())) + v;
    }
}
