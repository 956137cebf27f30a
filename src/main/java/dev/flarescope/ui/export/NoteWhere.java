package dev.flarescope.ui.export;

import dev.flarescope.notes.NoteAnchor;
import dev.flarescope.notes.SpanKey;
import dev.flarescope.ui.view.common.Units;

/**
 * Says in a few words what a note is pinned to, with times relative to the trace's start as the views
 * show them: "at 1.20 s", "1.20 s – 1.50 s", "span decode (pid 12, tid 3) at 1.20 s", "request req-7".
 */
public final class NoteWhere {
    private NoteWhere() {
    }

    public static String describe(NoteAnchor anchor, long traceStartNs) {
        if (anchor instanceof NoteAnchor.Moment m) {
            return "at " + at(m.tsNs(), traceStartNs);
        }
        if (anchor instanceof NoteAnchor.Range r) {
            return at(r.startNs(), traceStartNs) + " \u2013 " + at(r.endNs(), traceStartNs)
                    + " (" + Units.duration(r.endNs() - r.startNs()) + ")";
        }
        if (anchor instanceof NoteAnchor.OnSpan s) {
            SpanKey k = s.span();
            String process = (k.host().isEmpty() ? "" : k.host() + " ") + "pid " + k.pid();
            return "span " + k.name() + " (" + process + ", tid " + k.tid() + ") at " + at(k.startNs(), traceStartNs);
        }
        NoteAnchor.OnRequest q = (NoteAnchor.OnRequest) anchor;
        return "request " + q.requestId() + " at " + at(q.startNs(), traceStartNs);
    }

    private static String at(long ns, long traceStartNs) {
        return Units.duration(ns - traceStartNs);
    }
}
