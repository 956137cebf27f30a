package dev.flarescope.analysis.stats;

import dev.flarescope.model.ChunkBuilder;
import dev.flarescope.model.RawEvent;
import dev.flarescope.model.RequestRecord;
import dev.flarescope.model.Trace;
import dev.flarescope.model.TraceAssembler;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds one input of a test trace by feeding hand-made {@link RawEvent}s to a {@link ChunkBuilder},
 * exactly as a reader would, so tests of analysis and output code do not depend on any reader.
 * Times are nanoseconds.
 */
public final class TraceFixture {
    private final String name;
    private final ChunkBuilder chunk = new ChunkBuilder();
    private final RawEvent e = new RawEvent();
    private long offsetNs;

    public TraceFixture(String name) {
        this.name = name;
    }

    /** The input's host, as a Chrome trace states it at top level. */
    public TraceFixture host(String host) {
        chunk.traceMetadata("hostname", "\"" + host + "\"");
        return this;
    }

    public TraceFixture offset(long ns) {
        offsetNs = ns;
        return this;
    }

    public TraceFixture complete(long pid, long tid, String spanName, long ts, long dur) {
        return complete(pid, tid, spanName, ts, dur, null);
    }

    public TraceFixture complete(long pid, long tid, String spanName, long ts, long dur, String argsJson) {
        start('X', pid, tid, spanName, ts);
        e.dur = dur;
        if (argsJson != null) {
            e.args = chunk.args().add(argsJson);
        }
        return emit();
    }

    public TraceFixture begin(long pid, long tid, String spanName, long ts) {
        start('B', pid, tid, spanName, ts);
        return emit();
    }

    public TraceFixture end(long pid, long tid, long ts) {
        start('E', pid, tid, null, ts);
        return emit();
    }

    /** An instant; {@code scope} is 'g', 'p' or 't'. */
    public TraceFixture instant(long pid, long tid, String instantName, long ts, char scope) {
        start('i', pid, tid, instantName, ts);
        e.instantScope = scope;
        return emit();
    }

    public TraceFixture counter(long pid, String counterName, long ts, String key, double value) {
        start('C', pid, 0, counterName, ts);
        e.hasTid = false;
        e.args = chunk.args().add("{\"" + key + "\":" + value + "}");
        e.scalars.addNumber(chunk.strings().intern(key), value, -1);
        return emit();
    }

    /** A nestable async event ('b' or 'e'). */
    public TraceFixture async(char ph, long pid, String cat, String sliceName, String id, long ts) {
        start(ph, pid, 0, sliceName, ts);
        e.hasTid = false;
        e.cat = chunk.strings().intern(cat);
        e.id = id;
        return emit();
    }

    /** A flow event ('s', 't' or 'f'); {@code enclosing} sets {@code bp: "e"}. */
    public TraceFixture flow(char ph, long pid, long tid, String cat, String flowName, String id, long ts,
                             boolean enclosing) {
        start(ph, pid, tid, flowName, ts);
        e.cat = chunk.strings().intern(cat);
        e.id = id;
        e.bindPoint = enclosing ? 'e' : 0;
        return emit();
    }

    public TraceFixture processName(long pid, String processName) {
        return metadata(pid, 0, "process_name", "name", processName);
    }

    public TraceFixture processLabels(long pid, String labels) {
        return metadata(pid, 0, "process_labels", "labels", labels);
    }

    public TraceFixture threadName(long pid, long tid, String threadName) {
        return metadata(pid, tid, "thread_name", "name", threadName);
    }

    /** A line the reader could not read. */
    public TraceFixture malformed(long line, String message) {
        chunk.malformed(line, 0, message);
        return this;
    }

    public TraceFixture request(RequestRecord r) {
        chunk.request(r);
        return this;
    }

    public TraceAssembler.Input input() {
        return new TraceAssembler.Input(name, "chrome-json", 0, offsetNs, List.of(chunk));
    }

    /** Assembles the inputs into one trace, in the given order. */
    public static Trace assemble(TraceFixture... inputs) {
        List<TraceAssembler.Input> list = new ArrayList<>();
        for (TraceFixture f : inputs) {
            list.add(f.input());
        }
        return TraceAssembler.assemble(list);
    }

    private TraceFixture metadata(long pid, long tid, String what, String key, String value) {
        start('M', pid, tid, what, RawEvent.NO_TIME);
        e.scalars.addString(chunk.strings().intern(key), chunk.strings().intern(value));
        return emit();
    }

    private void start(char ph, long pid, long tid, String eventName, long ts) {
        e.reset();
        e.ph = ph;
        e.pid = pid;
        e.hasPid = true;
        e.tid = tid;
        e.hasTid = true;
        e.name = eventName == null ? RawEvent.NONE : chunk.strings().intern(eventName);
        e.ts = ts;
    }

    private TraceFixture emit() {
        chunk.event(e);
        return this;
    }
}
