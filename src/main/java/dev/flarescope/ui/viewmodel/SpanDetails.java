package dev.flarescope.ui.viewmodel;

import dev.flarescope.model.FlowTable;
import dev.flarescope.model.ProcessTrack;
import dev.flarescope.model.SpanTable;
import dev.flarescope.model.ThreadTrack;
import dev.flarescope.model.Trace;
import java.util.ArrayList;
import java.util.List;

/**
 * What the details pane shows for one span, as text ready to display: computed without any UI so it is
 * tested on its own. Times are relative to the trace start, durations carry their unit.
 *
 * @param start    offset of the span from the trace start, e.g. "1.23 s"
 * @param flags    readable flags ("unfinished", "overlap lane", "from B/E", "negative duration")
 * @param argsJson the args as stored (compact JSON), or null when the span has none
 */
public record SpanDetails(String name, String category, String start, String duration, String selfTime,
                          String thread, String process, String host, List<String> flags, String argsJson,
                          List<FlowLink> flows) {

    /**
     * A flow into or out of the span. {@code other} is the span at the far end, or null when that end is
     * bound to no span (it is then only a point in time).
     */
    public record FlowLink(boolean outgoing, String name, SpanRef other, String description) {
    }

    public static SpanDetails of(Trace trace, SpanRef ref) {
        ProcessTrack proc = trace.processes().get(ref.process());
        ThreadTrack thread = proc.threads().get(ref.thread());
        SpanTable s = thread.spans();
        int i = ref.span();
        List<String> flags = new ArrayList<>();
        if (s.hasFlag(i, SpanTable.UNFINISHED)) {
            flags.add("unfinished");
        }
        if (s.hasFlag(i, SpanTable.OVERLAP)) {
            flags.add("overlap lane");
        }
        if (s.hasFlag(i, SpanTable.FROM_BEGIN_END)) {
            flags.add("from B/E");
        }
        if (s.hasFlag(i, SpanTable.NEGATIVE)) {
            flags.add("negative duration");
        }
        String cat = s.cat(i) < 0 ? "" : trace.string(s.cat(i));
        String processName = proc.name() != null ? proc.name() + " (pid " + proc.pid() + ")" : "Process " + proc.pid();
        return new SpanDetails(trace.string(s.name(i)), cat == null ? "" : cat,
                TimeFormat.duration(s.start(i) - trace.minTs()), TimeFormat.duration(s.dur(i)),
                TimeFormat.duration(s.selfTime(i)), thread.label(), processName, proc.host(), List.copyOf(flags),
                trace.args().getString(s.args(i)), flows(trace, ref));
    }

    private static List<FlowLink> flows(Trace trace, SpanRef ref) {
        FlowTable f = trace.flows();
        List<FlowLink> out = new ArrayList<>();
        for (int k = 0; k < f.size(); k++) {
            boolean from = f.fromSpan(k) == ref.span() && f.fromProcess(k) == ref.process()
                    && f.fromThread(k) == ref.thread();
            boolean to = f.toSpan(k) == ref.span() && f.toProcess(k) == ref.process() && f.toThread(k) == ref.thread();
            if (from) {
                out.add(link(trace, true, f.name(k), f.toProcess(k), f.toThread(k), f.toSpan(k), f.toTs(k)));
            }
            if (to) {
                out.add(link(trace, false, f.name(k), f.fromProcess(k), f.fromThread(k), f.fromSpan(k), f.fromTs(k)));
            }
        }
        return List.copyOf(out);
    }

    private static FlowLink link(Trace trace, boolean outgoing, int name, int p, int t, int span, long ts) {
        ProcessTrack proc = trace.processes().get(p);
        ThreadTrack thread = proc.threads().get(t);
        String where = thread.label() + " · " + (proc.name() != null ? proc.name() : "pid " + proc.pid());
        String flowName = name < 0 ? "" : trace.string(name);
        if (span < 0) {
            return new FlowLink(outgoing, flowName, null,
                    "point at " + TimeFormat.duration(ts - trace.minTs()) + " on " + where);
        }
        return new FlowLink(outgoing, flowName, new SpanRef(p, t, span),
                trace.string(thread.spans().name(span)) + " on " + where);
    }
}
