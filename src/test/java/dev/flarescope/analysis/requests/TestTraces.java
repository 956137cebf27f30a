package dev.flarescope.analysis.requests;

import dev.flarescope.model.BenchResult;
import dev.flarescope.model.ChunkBuilder;
import dev.flarescope.model.ProcessTrack;
import dev.flarescope.model.RawEvent;
import dev.flarescope.model.RequestRecord;
import dev.flarescope.model.Trace;
import dev.flarescope.model.TraceAssembler;
import java.util.List;

/**
 * Builds traces for analysis tests event by event, as a reader would, through {@link ChunkBuilder}
 * and {@link TraceAssembler}. Times are given in milliseconds; args as JSON text.
 */
public final class TestTraces {
    private final ChunkBuilder chunk = new ChunkBuilder();
    private final RawEvent e = new RawEvent();

    public static TestTraces create() {
        return new TestTraces();
    }

    public TestTraces span(long pid, long tid, String name, double tsMs, double durMs, String args) {
        start('X', pid, tid, name, tsMs, args);
        e.dur = Math.round(durMs * 1e6);
        return emit();
    }

    public TestTraces begin(long pid, long tid, String name, double tsMs) {
        start('B', pid, tid, name, tsMs, null);
        return emit();
    }

    public TestTraces end(long pid, long tid, double tsMs) {
        start('E', pid, tid, null, tsMs, null);
        return emit();
    }

    /** A thread-scoped instant. */
    public TestTraces instant(long pid, long tid, String name, double tsMs, String args) {
        start('i', pid, tid, name, tsMs, args);
        e.instantScope = 't';
        return emit();
    }

    /** A nestable async slice: a 'b' carrying the args and an 'e' {@code durMs} later. */
    public TestTraces asyncSlice(long pid, String name, String id, double tsMs, double durMs, String args) {
        start('b', pid, 0, name, tsMs, args);
        e.id = id;
        e.cat = chunk.strings().intern("req");
        emit();
        start('e', pid, 0, name, tsMs + durMs, null);
        e.id = id;
        e.cat = chunk.strings().intern("req");
        return emit();
    }

    public TestTraces processName(long pid, String name) {
        start('M', pid, 0, "process_name", 0, null);
        e.ts = RawEvent.NO_TIME;
        e.scalars.addString(chunk.strings().intern("name"), chunk.strings().intern(name));
        return emit();
    }

    public TestTraces request(RequestRecord r) {
        chunk.request(r);
        return this;
    }

    public TestTraces bench(BenchResult b) {
        chunk.bench(b);
        return this;
    }

    public TestTraces malformed(long line, String message) {
        chunk.malformed(line, 0, message);
        return this;
    }

    public Trace build() {
        return TraceAssembler.assemble(List.of(new TraceAssembler.Input("test.json", "chrome-json", 0, 0, List.of(chunk))));
    }

    /** A metrics record as the llm-metrics reader would make it, with nothing known but its id. */
    public static RequestRecord record(String id) {
        RequestRecord r = new RequestRecord();
        r.id = id;
        r.sourceFormat = "llm-metrics";
        r.source = "metrics.jsonl";
        return r;
    }

    /** Milliseconds to the nanoseconds the model stores. */
    public static long ms(double ms) {
        return Math.round(ms * 1e6);
    }

    /** Index of the process with this pid. */
    public static int process(Trace trace, long pid) {
        List<ProcessTrack> ps = trace.processes();
        for (int i = 0; i < ps.size(); i++) {
            if (ps.get(i).pid().equals(Long.toString(pid))) {
                return i;
            }
        }
        throw new AssertionError("no process " + pid);
    }

    private void start(char ph, long pid, long tid, String name, double tsMs, String args) {
        e.reset();
        e.ph = ph;
        e.hasPid = true;
        e.pid = pid;
        e.hasTid = true;
        e.tid = tid;
        e.name = name == null ? RawEvent.NONE : chunk.strings().intern(name);
        e.ts = Math.round(tsMs * 1e6);
        if (args != null) {
            e.args = chunk.args().add(args);
        }
    }

    private TestTraces emit() {
        chunk.event(e);
        return this;
    }
}
