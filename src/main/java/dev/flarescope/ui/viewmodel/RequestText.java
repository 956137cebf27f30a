package dev.flarescope.ui.viewmodel;

import dev.flarescope.analysis.anomaly.Finding;
import dev.flarescope.analysis.requests.Measure;
import dev.flarescope.analysis.requests.Phase;
import dev.flarescope.analysis.requests.RequestMetrics;
import dev.flarescope.analysis.requests.RequestTimeline;
import java.util.Locale;

/**
 * How the request views write a request's numbers, as the command line's report does: milliseconds and
 * tokens per second with one decimal, counts as integers, "-" for what is unknown, and in the long
 * form each number with the definition it follows ({@code derived-from-spans}, {@code reported}, ...).
 */
public final class RequestText {
    static final String UNKNOWN = "-";

    private RequestText() {
    }

    /** A measure with one decimal ("1516.0"), or "-". */
    public static String value(Measure m) {
        return m.known() ? String.format(Locale.ROOT, "%.1f", m.value()) : UNKNOWN;
    }

    /** Input and output tokens: "850 → 481", with "-" for an unknown side. */
    public static String tokens(RequestMetrics m) {
        return count(m.inputTokens()) + " \u2192 " + count(m.outputTokens());
    }

    /**
     * The hover text of a request row: id, model, process, failure; each number with its unit and
     * basis; time in each phase; then every finding with its severity, rule and message.
     */
    public static String describe(PhaseRow row) {
        RequestTimeline t = row.request();
        RequestMetrics m = t.metrics();
        StringBuilder sb = new StringBuilder("Request ").append(t.id());
        if (row.model() != null) {
            sb.append("\nmodel ").append(row.model());
        }
        if (row.process() != null) {
            sb.append("\nserved by ").append(row.process());
        }
        if (t.failed()) {
            sb.append("\nFAILED: ").append(t.failureReason());
        }
        sb.append("\n\n").append(tokens(m)).append(" tokens (in \u2192 out)");
        line(sb, m.ttftMs(), "ms", "TTFT");
        line(sb, m.e2eMs(), "ms", "E2E");
        line(sb, m.queueMs(), "ms", "queue");
        line(sb, m.prefillTps(), "tok/s", "prefill");
        line(sb, m.decodeTps(), "tok/s", "decode");
        line(sb, m.itlP50Ms(), "ms", "ITL p50");
        StringBuilder phases = new StringBuilder();
        for (Phase p : Phase.values()) {
            if (t.hasPhase(p)) {
                phases.append(phases.length() == 0 ? "" : " | ").append(String.format(Locale.ROOT, "%.1f",
                        t.totalNs(p) / 1e6)).append(" ms ").append(p.id().replace('_', ' '));
            }
        }
        if (phases.length() > 0) {
            sb.append("\n").append(phases).append("  (time in each phase)");
        }
        if (t.tokenCount() > 0) {
            sb.append("\n").append(t.tokenCount()).append(" token times known");
        }
        for (Finding f : row.findings()) {
            sb.append("\n\n").append(f.severity().id().toUpperCase(Locale.ROOT)).append("  ").append(f.ruleId())
                    .append("\n").append(f.message());
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, Measure m, String unit, String label) {
        if (m.known()) {
            sb.append(String.format(Locale.ROOT, "\n%-8s %s %s  (%s)", label, value(m), unit, m.basis().id()));
        }
    }

    private static String count(long n) {
        return n < 0 ? UNKNOWN : Long.toString(n);
    }
}
