package dev.flarescope.model;

import java.util.ArrayList;
import java.util.List;

/** Builds chunks event by event for model tests, as a reader would. Times are given in microseconds. */
final class Events {
    private final ChunkBuilder chunk = new ChunkBuilder();
    private final RawEvent e = new RawEvent();

    static Events chunk() {
        return new Events();
    }

    ChunkBuilder build() {
        return chunk;
    }

    Events x(long pid, long tid, String name, double tsUs, double durUs) {
        start('X', pid, tid, name, tsUs);
        e.dur = Math.round(durUs * 1000);
        return emit();
    }

    Events b(long pid, long tid, String name, double tsUs) {
        start('B', pid, tid, name, tsUs);
        return emit();
    }

    Events end(long pid, long tid, double tsUs) {
        start('E', pid, tid, null, tsUs);
        return emit();
    }

    Events instant(long pid, long tid, String name, double tsUs, char scope) {
        start('i', pid, tid, name, tsUs);
        e.instantScope = scope;
        return emit();
    }

    Events counter(long pid, String name, double tsUs, String key, double value) {
        start('C', pid, 0, name, tsUs);
        e.scalars.addNumber(chunk.strings().intern(key), value, -1);
        return emit();
    }

    Events async(char ph, long pid, String name, String id, double tsUs) {
        start(ph, pid, 0, name, tsUs);
        e.id = id;
        e.cat = chunk.strings().intern("req");
        return emit();
    }

    Events flow(char ph, long pid, long tid, String id, double tsUs, boolean enclosing) {
        start(ph, pid, tid, "flow", tsUs);
        e.id = id;
        e.cat = chunk.strings().intern("f");
        if (enclosing) {
            e.bindPoint = 'e';
        }
        return emit();
    }

    Events meta(long pid, long tid, String what, String key, String value) {
        start('M', pid, tid, what, 0);
        e.ts = RawEvent.NO_TIME;
        e.scalars.addString(chunk.strings().intern(key), chunk.strings().intern(value));
        return emit();
    }

    Events metaNumber(long pid, long tid, String what, String key, double value) {
        start('M', pid, tid, what, 0);
        e.ts = RawEvent.NO_TIME;
        e.scalars.addNumber(chunk.strings().intern(key), value, -1);
        return emit();
    }

    Events hostMetadata(String host) {
        chunk.traceMetadata("host_name", "\"" + host + "\"");
        return this;
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

    private Events emit() {
        chunk.event(e);
        return this;
    }

    static Trace assemble(ChunkBuilder... chunks) {
        return TraceAssembler.assemble(List.of(new TraceAssembler.Input("test.json", "chrome-json", 0, 0, List.of(chunks))));
    }

    static Trace assembleInputs(List<TraceAssembler.Input> inputs) {
        return TraceAssembler.assemble(new ArrayList<>(inputs));
    }
}
