package dev.flarescope.cli;

import dev.flarescope.analysis.anomaly.Evidence;
import dev.flarescope.analysis.anomaly.Finding;
import dev.flarescope.analysis.anomaly.Quantity;
import dev.flarescope.analysis.requests.RequestTimeline;
import dev.flarescope.model.ProcessTrack;
import dev.flarescope.model.RawEvent;
import dev.flarescope.model.Severity;
import dev.flarescope.model.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One finding of the anomaly rules in the form both outputs share: the evidence's indices resolved
 * to the names a reader knows, and the clock its times are on.
 *
 * @param rule     rule id ({@code impossible-generation-speed}, {@code malformed-input}, ...)
 * @param request  request id, or null when not about one request
 * @param process  "host/pid", or the pid when the host is unknown; null when not about a process
 * @param thread   tid, or null
 * @param clock    the clock of {@code startNs}/{@code endNs}; null when the finding has no time
 * @param startNs  start of the time range the finding covers, or {@link RawEvent#NO_TIME}
 * @param endNs    its end, or {@link RawEvent#NO_TIME} when open or unknown
 * @param numbers  the numbers that convict, in reading order
 */
record ReportFinding(String rule, Severity severity, String message, String request, String process, String thread,
                     Clocks.Clock clock, long startNs, long endNs, Map<String, Quantity> numbers) {

    /** The findings of an analysis, in its order (most severe first, then by time). */
    static List<ReportFinding> of(List<Finding> findings, Trace trace, Map<String, RequestTimeline> requests) {
        List<ReportFinding> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            Evidence e = f.evidence();
            String process = null;
            String thread = null;
            if (e.process() >= 0 && e.process() < trace.processes().size()) {
                ProcessTrack p = trace.processes().get(e.process());
                process = processId(p);
                if (e.thread() >= 0 && e.thread() < p.threads().size()) {
                    thread = p.threads().get(e.thread()).tid();
                }
            }
            out.add(new ReportFinding(f.ruleId(), f.severity(), f.message(), e.requestId(), process, thread,
                    clock(e, requests), e.startNs(), e.endNs(), e.numbers()));
        }
        return out;
    }

    /** A request's evidence is on its timeline's clock; anything else is on the trace's. */
    private static Clocks.Clock clock(Evidence e, Map<String, RequestTimeline> requests) {
        if (e.startNs() == RawEvent.NO_TIME) {
            return null;
        }
        RequestTimeline t = e.requestId() == null ? null : requests.get(e.requestId());
        Clocks.Clock c = t == null ? null : Clocks.clockOf(t);
        return c != null ? c : t != null ? Clocks.Clock.RECORD : Clocks.Clock.TRACE;
    }

    /** "host/pid", or the pid alone for processes of no known host. */
    static String processId(ProcessTrack p) {
        return p.host().isEmpty() ? p.pid() : p.host() + "/" + p.pid();
    }

    boolean hasTime() {
        return startNs != RawEvent.NO_TIME;
    }

    /** Length of the time range, ns; -1 when the finding has no time or its range is open. */
    long durNs() {
        return hasTime() && endNs != RawEvent.NO_TIME ? endNs - startNs : -1;
    }

    /** The numbers as one line: "decode speed 16655.2 tok/s, ceiling 31.9 tok/s". */
    String numbersText() {
        StringBuilder sb = new StringBuilder();
        numbers.forEach((name, q) -> sb.append(sb.length() == 0 ? "" : ", ").append(name).append(' ')
                .append(q.format()));
        return sb.toString();
    }
}
