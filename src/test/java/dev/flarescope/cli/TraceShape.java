package dev.flarescope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flarescope.model.AsyncTable;
import dev.flarescope.model.CounterTrack;
import dev.flarescope.model.FlowTable;
import dev.flarescope.model.InstantTable;
import dev.flarescope.model.ProcessTrack;
import dev.flarescope.model.SpanTable;
import dev.flarescope.model.ThreadTrack;
import dev.flarescope.model.Trace;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a trace holds, as sorted text lines keyed by process ("host/pid") and thread, so two traces
 * read from different files can be compared independently of row order and string ids.
 */
record TraceShape(List<String> processes, Map<String, List<String>> spans, Map<String, Long> totals,
                  Map<String, List<String>> counters, Map<String, List<String>> async, List<String> flows,
                  Map<String, Long> instants) {

    static TraceShape of(Trace t) {
        List<String> processes = new ArrayList<>();
        Map<String, List<String>> spans = new TreeMap<>();
        Map<String, Long> totals = new TreeMap<>();
        Map<String, List<String>> counters = new TreeMap<>();
        Map<String, List<String>> async = new TreeMap<>();
        Map<String, Long> instants = new TreeMap<>();
        for (ProcessTrack p : t.processes()) {
            String pk = key(p);
            processes.add(pk + " " + p.name() + " threads=" + p.threads().size());
            for (ThreadTrack th : p.threads()) {
                List<String> lines = new ArrayList<>();
                SpanTable s = th.spans();
                for (int i = 0; i < s.size(); i++) {
                    String name = t.string(s.name(i));
                    lines.add(s.start(i) + " " + s.dur(i) + " " + name + " " + t.string(s.cat(i)) + " "
                            + t.args().getString(s.args(i)));
                    totals.merge(name, s.dur(i), Long::sum);
                }
                Collections.sort(lines);
                spans.put(pk + " " + th.tid() + " " + th.name(), lines);
                countInstants(t, th.instants(), pk + " " + th.tid(), instants);
            }
            for (CounterTrack c : p.counters()) {
                List<String> lines = new ArrayList<>();
                for (int i = 0; i < c.size(); i++) {
                    lines.add(c.ts(i) + "=" + c.value(i));
                }
                counters.put(pk + " " + c.name(), lines);
            }
            AsyncTable a = p.async();
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < a.size(); i++) {
                lines.add(a.start(i) + " " + a.dur(i) + " " + t.string(a.name(i)) + " " + a.id(i) + " "
                        + t.string(a.cat(i)) + " " + a.flags(i));
            }
            Collections.sort(lines);
            async.put(pk, lines);
            countInstants(t, p.instants(), pk, instants);
        }
        Collections.sort(processes);
        countInstants(t, t.globalInstants(), "global", instants);
        List<String> flows = new ArrayList<>();
        FlowTable f = t.flows();
        for (int i = 0; i < f.size(); i++) {
            flows.add(end(t, f.fromProcess(i), f.fromThread(i)) + "@" + f.fromTs(i) + " -> "
                    + end(t, f.toProcess(i), f.toThread(i)) + "@" + f.toTs(i) + " " + t.string(f.name(i)));
        }
        Collections.sort(flows);
        return new TraceShape(processes, spans, totals, counters, async, flows, instants);
    }

    /** Asserts field by field, so a failure names what differs. */
    void assertSame(TraceShape other) {
        assertEquals(processes, other.processes, "processes");
        assertEquals(spans.keySet(), other.spans.keySet(), "threads");
        spans.forEach((k, v) -> assertEquals(v, other.spans.get(k), "spans of " + k));
        assertEquals(totals, other.totals, "span totals per name");
        assertEquals(counters, other.counters, "counters");
        assertEquals(async, other.async, "async slices");
        assertEquals(flows, other.flows, "flows");
        assertEquals(instants, other.instants, "instants");
    }

    private static void countInstants(Trace t, InstantTable in, String where, Map<String, Long> out) {
        for (int i = 0; i < in.size(); i++) {
            out.merge(where + " " + in.phase(i) + " " + t.string(in.name(i)) + "@" + in.ts(i), 1L, Long::sum);
        }
    }

    /** "host/pid"; a merged file's {@code <pid>@<host>} (a pid shared by two hosts) counts as the pid. */
    private static String key(ProcessTrack p) {
        String pid = p.pid();
        String suffix = "@" + p.host();
        if (!p.host().isEmpty() && pid.endsWith(suffix)) {
            pid = pid.substring(0, pid.length() - suffix.length());
        }
        return p.host() + "/" + pid;
    }

    private static String end(Trace t, int process, int thread) {
        if (process < 0) {
            return "?";
        }
        ProcessTrack p = t.processes().get(process);
        return key(p) + ":" + (thread < 0 ? "?" : p.threads().get(thread).tid());
    }
}
