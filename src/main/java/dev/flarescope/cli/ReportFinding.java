package dev.flarescope.cli;

import dev.flarescope.model.Diagnostic;
import dev.flarescope.model.ProcessTrack;
import dev.flarescope.model.RawEvent;
import dev.flarescope.model.Severity;
import dev.flarescope.model.Trace;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One line of the report's findings, in the form both outputs share.
 *
 * @param rule     rule id ({@code malformed-input}, {@code unmatched-begin}, ...)
 * @param process  "host/pid", or the pid when the host is unknown; null when not about a process
 * @param thread   tid, or null
 * @param request  request id, or null
 * @param tsNs     time on the trace clock, or {@link RawEvent#NO_TIME}
 * @param durNs    duration the finding covers, ns (0 when none)
 */
record ReportFinding(String rule, Severity severity, String message, String process, String thread,
                     String request, long tsNs, long durNs) {

    private static final Comparator<ReportFinding> MOST_SEVERE_FIRST =
            Comparator.comparing(ReportFinding::severity).reversed();

    /** The trace's own diagnostics (what reading and assembling noticed), most severe first. */
    static List<ReportFinding> fromDiagnostics(Trace trace) {
        List<ReportFinding> out = new ArrayList<>();
        for (Diagnostic d : trace.diagnostics()) {
            String process = null;
            String thread = null;
            if (d.process() >= 0 && d.process() < trace.processes().size()) {
                ProcessTrack p = trace.processes().get(d.process());
                process = processId(p);
                if (d.thread() >= 0 && d.thread() < p.threads().size()) {
                    thread = p.threads().get(d.thread()).tid();
                }
            }
            out.add(new ReportFinding(d.kind(), d.severity(), d.message(), process, thread, null, d.tsNs(),
                    d.durNs()));
        }
        out.sort(MOST_SEVERE_FIRST);
        return out;
    }

    /** "host/pid", or the pid alone for processes of no known host. */
    static String processId(ProcessTrack p) {
        return p.host().isEmpty() ? p.pid() : p.host() + "/" + p.pid();
    }

    boolean hasTime() {
        return tsNs != RawEvent.NO_TIME;
    }
}
