package dev.flarescope.analysis;

import dev.flarescope.analysis.anomaly.Finding;
import dev.flarescope.analysis.requests.RequestTimeline;
import dev.flarescope.model.Severity;
import java.util.List;

/** Request timelines (by arrival) and anomaly findings (most severe first) of one trace. */
public record AnalysisResult(List<RequestTimeline> requests, List<Finding> findings) {
    public AnalysisResult {
        requests = List.copyOf(requests);
        findings = List.copyOf(findings);
    }

    /** The timeline of a request id, or null. */
    public RequestTimeline request(String id) {
        for (RequestTimeline t : requests) {
            if (t.id().equals(id)) {
                return t;
            }
        }
        return null;
    }

    /** Findings at {@code severity} or worse. */
    public List<Finding> findingsAtLeast(Severity severity) {
        return findings.stream().filter(f -> f.severity().compareTo(severity) >= 0).toList();
    }
}
