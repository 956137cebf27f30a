package dev.flarescope.ui.viewmodel;

import dev.flarescope.analysis.anomaly.Finding;
import dev.flarescope.analysis.requests.RequestTimeline;
import dev.flarescope.model.Severity;
import java.util.List;

/**
 * One row of the phase timeline: a group header ({@code request} null, {@code label} the group and its
 * size) or a request with its findings, model and process.
 */
public record PhaseRow(String label, RequestTimeline request, List<Finding> findings, String model,
                       String process) {
    public PhaseRow {
        findings = List.copyOf(findings);
    }

    static PhaseRow header(String label) {
        return new PhaseRow(label, null, List.of(), null, null);
    }

    public boolean isHeader() {
        return request == null;
    }

    /** The most severe finding's severity, or null when the request has none. */
    public Severity worst() {
        Severity worst = null;
        for (Finding f : findings) {
            if (worst == null || f.severity().compareTo(worst) > 0) {
                worst = f.severity();
            }
        }
        return worst;
    }
}
