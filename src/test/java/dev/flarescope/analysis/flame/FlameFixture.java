package dev.flarescope.analysis.flame;

import dev.flarescope.model.ChunkBuilder;
import dev.flarescope.model.ProcessTrack;
import dev.flarescope.model.RawEvent;
import dev.flarescope.model.Trace;
import dev.flarescope.model.TraceAssembler;

import java.util.ArrayList;
import java.util.List;

/** Builds traces for flame tests event by event, as a reader would. Times are given in microseconds. */
final class FlameFixture {
    private final ChunkBuilder chunk = new ChunkBuilder();
    private final RawEvent e = new RawEvent();

    FlameFixture x(long pid, long tid, String name, double tsUs, double durUs) {
        start('X', pid, tid, name, tsUs);
        e.dur = Math.round(durUs * 1000);
        chunk.event(e);
        return this;
    }

    FlameFixture begin(long pid, long tid, String name, double tsUs) {
        start('B', pid, tid, name, tsUs);
        chunk.event(e);
        return this;
    }

    FlameFixture end(long pid, long tid, double tsUs) {
        start('E', pid, tid, null, tsUs);
        chunk.event(e);
        return this;
    }

    FlameFixture frame(String id, String name, String parent) {
        chunk.stackFrame(id, name, parent, null);
        return this;
    }

    /** A sample; a negative weight means the event carries none (weight 1). */
    FlameFixture sample(long pid, long tid, double tsUs, String frameId, double weight) {
        start('P', pid, tid, "sample", tsUs);
        e.sf = frameId;
        if (weight >= 0) {
            e.scalars.addNumber(chunk.strings().intern("weight"), weight, -1);
        }
        chunk.event(e);
        return this;
    }

    Trace trace() {
        return TraceAssembler.assemble(List.of(new TraceAssembler.Input("test.json", "chrome-json", 0, 0,
                new ArrayList<>(List.of(chunk)))));
    }

    private void start(char ph, long pid, long tid, String name, double tsUs) {
        e.reset();
        e.ph = ph;
        e.hasPid = true;
        e.pid = pid;
        e.hasTid = true;
        e.tid = tid;
        e.name = name == null ? RawEvent.NONE : chunk.strings().intern(name);
        e.ts = Math.round(tsUs * 1000);
    }

    static int process(Trace trace, String pid) {
        for (int p = 0; p < trace.processes().size(); p++) {
            if (trace.processes().get(p).pid().equals(pid)) {
                return p;
            }
        }
        throw new AssertionError("no process " + pid);
    }

    static int thread(Trace trace, int p, String tid) {
        ProcessTrack process = trace.processes().get(p);
        for (int t = 0; t < process.threads().size(); t++) {
            if (process.threads().get(t).tid().equals(tid)) {
                return t;
            }
        }
        throw new AssertionError("no thread " + tid + " in process " + p);
    }

    static FlameScope threadScope(Trace trace, String pid, String tid) {
        int p = process(trace, pid);
        return FlameScope.thread(trace, p, thread(trace, p, tid));
    }

    /** The node at a path of names ("main>parse>tokenize"), or -1. */
    static int node(FlameTree tree, String path) {
        int node = FlameTree.ROOT;
        for (String name : path.split(">")) {
            int found = -1;
            for (int c : tree.children(node, FlameOrder.LEFT_HEAVY)) {
                if (tree.name(c).equals(name)) {
                    found = c;
                }
            }
            if (found < 0) {
                return -1;
            }
            node = found;
        }
        return node;
    }

    /** The path of names of a node, as {@link #node} takes it. */
    static String path(FlameTree tree, int node) {
        StringBuilder sb = new StringBuilder(tree.name(node));
        for (int p = tree.parent(node); p > FlameTree.ROOT; p = tree.parent(p)) {
            sb.insert(0, tree.name(p) + ">");
        }
        return sb.toString();
    }

    /** Names of the node's children in an order. */
    static List<String> childNames(FlameTree tree, int node, FlameOrder order) {
        List<String> names = new ArrayList<>();
        for (int c : tree.children(node, order)) {
            names.add(tree.name(c));
        }
        return names;
    }

    static long us(double micros) {
        return Math.round(micros * 1000);
    }
}
