package dev.flarescope.format;

import dev.flarescope.model.ArgStore;
import dev.flarescope.model.BenchResult;
import dev.flarescope.model.RawEvent;
import dev.flarescope.model.RequestRecord;
import dev.flarescope.model.StringPool;
import dev.flarescope.model.TraceSink;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A sink for reader unit tests: keeps every callback as plain objects. */
public final class RecordingSink implements TraceSink {
    /** A decoded event with strings resolved, for assertions. */
    public record Ev(char ph, String name, String cat, long ts, long dur, String pid, String tid, String id,
                     boolean idLocal, String scope, char instantScope, char bindPoint, String bindId,
                     boolean flowIn, boolean flowOut, String cname, String sf, String args,
                     Map<String, Object> scalars, long line, long offset) {
    }

    public record Malformed(long line, long offset, String message) {
    }

    private final StringPool strings = new StringPool();
    private final ArgStore args = new ArgStore();
    public final List<Ev> events = new ArrayList<>();
    public final List<RequestRecord> requests = new ArrayList<>();
    public final List<BenchResult> bench = new ArrayList<>();
    public final Map<String, String> metadata = new LinkedHashMap<>();
    public final List<String[]> stackFrames = new ArrayList<>();
    public final List<Malformed> malformed = new ArrayList<>();
    public final List<String> truncated = new ArrayList<>();
    public final List<String> notes = new ArrayList<>();

    @Override
    public StringPool strings() {
        return strings;
    }

    @Override
    public ArgStore args() {
        return args;
    }

    @Override
    public void event(RawEvent e) {
        Map<String, Object> sc = new LinkedHashMap<>();
        for (int i = 0; i < e.scalars.size; i++) {
            String k = strings.get(e.scalars.keys[i]);
            double n = e.scalars.numbers[i];
            Object v = Double.isNaN(n) ? strings.get(e.scalars.strings[i]) : (Object) n;
            sc.merge(k, v, (a, b) -> a instanceof List<?> l ? append(l, b) : new ArrayList<>(List.of(a, b)));
        }
        events.add(new Ev(e.ph, strings.get(e.name), strings.get(e.cat), e.ts, e.dur,
                !e.hasPid ? null : e.pidStr != null ? e.pidStr : Long.toString(e.pid),
                !e.hasTid ? null : e.tidStr != null ? e.tidStr : Long.toString(e.tid),
                e.id, e.idLocal, strings.get(e.scope), e.instantScope, e.bindPoint, e.bindId, e.flowIn, e.flowOut,
                strings.get(e.cname), e.sf, args.getString(e.args), sc, e.line, e.offset));
    }

    private static List<Object> append(List<?> l, Object b) {
        List<Object> out = new ArrayList<>(l);
        out.add(b);
        return out;
    }

    @Override
    public void request(RequestRecord r) {
        requests.add(r);
    }

    @Override
    public void bench(BenchResult b) {
        bench.add(b);
    }

    @Override
    public void traceMetadata(String key, String json) {
        metadata.put(key, json);
    }

    @Override
    public void stackFrame(String id, String name, String parent, String category) {
        stackFrames.add(new String[] {id, name, parent, category});
    }

    @Override
    public void malformed(long line, long offset, String message) {
        malformed.add(new Malformed(line, offset, message));
    }

    @Override
    public void shiftLines(long lines) {
        events.replaceAll(e -> e.line() <= 0 ? e : new Ev(e.ph(), e.name(), e.cat(), e.ts(), e.dur(), e.pid(), e.tid(),
                e.id(), e.idLocal(), e.scope(), e.instantScope(), e.bindPoint(), e.bindId(), e.flowIn(), e.flowOut(),
                e.cname(), e.sf(), e.args(), e.scalars(), e.line() + lines, e.offset()));
        malformed.replaceAll(m -> m.line() <= 0 ? m : new Malformed(m.line() + lines, m.offset(), m.message()));
    }

    @Override
    public void truncated(long offset, String message) {
        truncated.add(offset + ": " + message);
    }

    @Override
    public void note(String message) {
        notes.add(message);
    }
}
