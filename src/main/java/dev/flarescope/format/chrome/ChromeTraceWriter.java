package dev.flarescope.format.chrome;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import dev.flarescope.format.OutputFiles;
import dev.flarescope.model.ArgStore;
import dev.flarescope.model.AsyncTable;
import dev.flarescope.model.BenchResult;
import dev.flarescope.model.CounterTrack;
import dev.flarescope.model.FlowTable;
import dev.flarescope.model.InputSummary;
import dev.flarescope.model.InstantTable;
import dev.flarescope.model.ProcessTrack;
import dev.flarescope.model.RequestRecord;
import dev.flarescope.model.SampleTable;
import dev.flarescope.model.SpanTable;
import dev.flarescope.model.StackFrameTable;
import dev.flarescope.model.ThreadTrack;
import dev.flarescope.model.Trace;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a whole {@link Trace} as one Chrome trace (object form), streamed event by event, one event
 * per line. Reading the output back gives the same processes, spans, counters, async slices and flows.
 *
 * <p>How the model maps back to events:
 * <ul>
 *   <li>Every process with a host gets a {@code host=<host>} entry in {@code process_labels}, which the
 *       loader honours. Processes keep their pid, except that in one file a pid names one process, so
 *       processes of different hosts sharing a pid are written as {@code <pid>@<host>}.</li>
 *   <li>Every span becomes an X event, whether it was read as X or as a B/E pair; a B that never ended
 *       is written with the length it was drawn with. Times are microseconds, exact from nanoseconds.</li>
 *   <li>Args are copied as the JSON text they were read as.</li>
 *   <li>Each flow arrow becomes an s/f pair bound to enclosing slices ({@code bp: "e"}); pairs that
 *       shared an id get distinct ids ({@code id#k}) so no reader can pair them differently.</li>
 *   <li>Request records, bench results and the inputs' other top-level members go under a top-level
 *       {@code "flarescope"} member, which Chrome's viewer ignores.</li>
 * </ul>
 */
public final class ChromeTraceWriter {
    private static final JsonFactory FACTORY = new JsonFactory();

    private final Trace trace;
    private final JsonGenerator g;
    /** The pid each process is written with, by process index. */
    private final String[] pids;

    private ChromeTraceWriter(Trace trace, JsonGenerator g) {
        this.trace = trace;
        this.g = g;
        this.pids = outputPids(trace.processes());
    }

    /**
     * A process's own pid, unless another process of another host has the same one: within one file a
     * pid is one process, so those are written as {@code <pid>@<host>} (the host stays in the label).
     */
    private static String[] outputPids(List<ProcessTrack> processes) {
        Map<String, Integer> uses = new HashMap<>();
        for (ProcessTrack p : processes) {
            uses.merge(p.pid(), 1, Integer::sum);
        }
        String[] out = new String[processes.size()];
        for (int i = 0; i < out.length; i++) {
            ProcessTrack p = processes.get(i);
            boolean shared = uses.get(p.pid()) > 1 && !p.host().isEmpty();
            out[i] = shared ? p.pid() + "@" + p.host() : p.pid();
        }
        return out;
    }

    /** Writes {@code trace} to {@code out}; does not close it. */
    public static void write(Trace trace, OutputStream out) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.setPrettyPrinter(new EventPerLine());
            new ChromeTraceWriter(trace, g).document();
        }
    }

    /**
     * Writes {@code trace} to {@code target} whole or not at all: to a temporary file beside it, then
     * moved into place, so a failure leaves no half file under the name.
     */
    public static void writeFile(Trace trace, Path target) throws IOException {
        OutputFiles.writeAtomically(target, out -> write(trace, out));
    }

    private void document() throws IOException {
        g.writeStartObject();
        g.writeArrayFieldStart("traceEvents");
        List<ProcessTrack> processes = trace.processes();
        for (int i = 0; i < processes.size(); i++) {
            process(processes.get(i), pids[i]);
        }
        instants(null, null, trace.globalInstants(), 'g');
        flows();
        g.writeEndArray();

        stackFrames();
        g.writeObjectFieldStart("otherData");
        g.writeArrayFieldStart("inputs");
        for (InputSummary in : trace.inputs()) {
            g.writeString(in.path());
        }
        g.writeEndArray();
        g.writeEndObject();

        g.writeObjectFieldStart("flarescope");
        g.writeArrayFieldStart("requests");
        for (RequestRecord r : trace.requests()) {
            JsonFields.request(g, r);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("bench");
        for (BenchResult b : trace.bench()) {
            JsonFields.bench(g, b);
        }
        g.writeEndArray();
        JsonFields.raw(g, "metadata", trace.metadata());
        g.writeEndObject();
        g.writeEndObject();
    }

    // ------------------------------------------------------------------ processes and threads

    private void process(ProcessTrack p, String pid) throws IOException {
        if (p.name() != null) {
            metadata(pid, null, "process_name", "name", p.name());
        }
        String labels = labels(p);
        if (!labels.isEmpty()) {
            metadata(pid, null, "process_labels", "labels", labels);
        }
        if (p.sortIndex() != Integer.MIN_VALUE) {
            metadataNumber(pid, null, "process_sort_index", p.sortIndex());
        }
        for (ThreadTrack t : p.threads()) {
            if (t.name() != null) {
                metadata(pid, t.tid(), "thread_name", "name", t.name());
            }
            if (t.sortIndex() != Integer.MIN_VALUE) {
                metadataNumber(pid, t.tid(), "thread_sort_index", t.sortIndex());
            }
            spans(pid, t.tid(), t.spans());
            instants(pid, t.tid(), t.instants(), 't');
            samples(pid, t.tid(), t.samples());
        }
        for (CounterTrack c : p.counters()) {
            counter(pid, c);
        }
        async(pid, p.async());
        instants(pid, null, p.instants(), 'p');
    }

    /** The process's labels with its host as the first one, so that reloading keeps hosts apart. */
    private static String labels(ProcessTrack p) {
        List<String> out = new ArrayList<>();
        if (!p.host().isEmpty()) {
            out.add("host=" + p.host());
        }
        for (String l : p.labels()) {
            if (!l.startsWith("host=") && !l.startsWith("host:")) {
                out.add(l);
            }
        }
        return String.join(",", out);
    }

    private void metadata(String pid, String tid, String what, String key, String value) throws IOException {
        start('M', what, null, pid, tid);
        g.writeObjectFieldStart("args");
        g.writeStringField(key, value);
        g.writeEndObject();
        g.writeEndObject();
    }

    private void metadataNumber(String pid, String tid, String what, int value) throws IOException {
        start('M', what, null, pid, tid);
        g.writeObjectFieldStart("args");
        g.writeNumberField("sort_index", value);
        g.writeEndObject();
        g.writeEndObject();
    }

    private void spans(String pid, String tid, SpanTable s) throws IOException {
        for (int i = 0; i < s.size(); i++) {
            start('X', name(s.name(i)), name(s.cat(i)), pid, tid);
            time("ts", s.start(i));
            time("dur", s.dur(i));
            if (s.cname(i) >= 0) {
                g.writeStringField("cname", trace.string(s.cname(i)));
            }
            args(s.args(i));
            g.writeEndObject();
        }
    }

    /**
     * Instants of a thread ({@code scope} 't'), a process ('p') or the whole trace ('g'). Instant
     * phases get their scope back; other point events (object events, async steps, ends that closed
     * nothing) keep their phase and land in the same table when read again.
     */
    private void instants(String pid, String tid, InstantTable t, char scope) throws IOException {
        for (int i = 0; i < t.size(); i++) {
            char ph = t.phase(i);
            start(ph, name(t.name(i)), name(t.cat(i)), pid, tid);
            time("ts", t.ts(i));
            if (ph == 'i' || ph == 'I' || ph == 'R') {
                g.writeStringField("s", String.valueOf(scope));
            }
            args(t.args(i));
            g.writeEndObject();
        }
    }

    private void samples(String pid, String tid, SampleTable s) throws IOException {
        for (int i = 0; i < s.size(); i++) {
            start('P', null, null, pid, tid);
            time("ts", s.ts(i));
            if (s.frame(i) >= 0) {
                g.writeStringField("sf", Integer.toString(s.frame(i)));
            }
            if (s.weight(i) != 1.0 && Double.isFinite(s.weight(i))) {
                g.writeObjectFieldStart("args");
                g.writeNumberField("weight", s.weight(i));
                g.writeEndObject();
            }
            g.writeEndObject();
        }
    }

    /** One C event per sample, the series name as the event name and the value under "value". */
    private void counter(String pid, CounterTrack c) throws IOException {
        for (int i = 0; i < c.size(); i++) {
            double v = c.value(i);
            if (!Double.isFinite(v)) {
                continue;
            }
            start('C', c.name(), null, pid, null);
            time("ts", c.ts(i));
            g.writeObjectFieldStart("args");
            g.writeNumberField("value", v);
            g.writeEndObject();
            g.writeEndObject();
        }
    }

    /** b/e pairs; a slice that never ended gets no e, so it is still drawn (and noted) as unfinished. */
    private void async(String pid, AsyncTable a) throws IOException {
        for (int i = 0; i < a.size(); i++) {
            String sliceName = name(a.name(i));
            String cat = name(a.cat(i));
            start('b', sliceName, cat, pid, null);
            time("ts", a.start(i));
            if (a.id(i) != null) {
                g.writeStringField("id", a.id(i));
            }
            args(a.args(i));
            g.writeEndObject();
            if ((a.flags(i) & SpanTable.UNFINISHED) == 0) {
                start('e', sliceName, cat, pid, null);
                time("ts", a.end(i));
                if (a.id(i) != null) {
                    g.writeStringField("id", a.id(i));
                }
                g.writeEndObject();
            }
        }
    }

    private void flows() throws IOException {
        FlowTable f = trace.flows();
        Map<String, Integer> uses = new HashMap<>();
        for (int i = 0; i < f.size(); i++) {
            uses.merge(f.id(i), 1, Integer::sum);
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < f.size(); i++) {
            if (f.fromProcess(i) < 0 || f.toProcess(i) < 0) {
                continue; // an end in no known process cannot be written back
            }
            String id = f.id(i);
            if (uses.get(id) > 1) {
                id = id + "#" + seen.merge(id, 1, Integer::sum);
            }
            flowEnd('s', f, i, id, f.fromProcess(i), f.fromThread(i), f.fromTs(i));
            flowEnd('f', f, i, id, f.toProcess(i), f.toThread(i), f.toTs(i));
        }
    }

    private void flowEnd(char ph, FlowTable f, int i, String id, int process, int thread, long ts) throws IOException {
        ProcessTrack p = trace.processes().get(process);
        String tid = thread >= 0 ? p.threads().get(thread).tid() : null;
        start(ph, name(f.name(i)), name(f.cat(i)), pids[process], tid);
        time("ts", ts);
        g.writeStringField("id", id);
        if (ph == 'f') {
            g.writeStringField("bp", "e");
        }
        g.writeEndObject();
    }

    private void stackFrames() throws IOException {
        StackFrameTable frames = trace.stackFrames();
        if (frames.size() == 0) {
            return;
        }
        g.writeObjectFieldStart("stackFrames");
        for (int i = 0; i < frames.size(); i++) {
            g.writeObjectFieldStart(Integer.toString(i));
            g.writeStringField("name", name(frames.name(i)));
            if (frames.parent(i) >= 0) {
                g.writeStringField("parent", Integer.toString(frames.parent(i)));
            }
            if (frames.category(i) >= 0) {
                g.writeStringField("category", trace.string(frames.category(i)));
            }
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    // ------------------------------------------------------------------ fields

    /** Opens an event with its phase, name, category (when known), pid and tid (when given). */
    private void start(char ph, String eventName, String cat, String pid, String tid) throws IOException {
        g.writeStartObject();
        g.writeStringField("ph", String.valueOf(ph));
        if (eventName != null) {
            g.writeStringField("name", eventName);
        }
        if (cat != null) {
            g.writeStringField("cat", cat);
        }
        if (pid != null) {
            id("pid", pid);
        }
        if (tid != null) {
            id("tid", tid);
        }
    }

    /** A pid or tid: a number when it was one, otherwise the string. */
    private void id(String field, String value) throws IOException {
        if (isCanonicalLong(value)) {
            g.writeFieldName(field);
            g.writeNumber(value);
        } else {
            g.writeStringField(field, value);
        }
    }

    private static boolean isCanonicalLong(String s) {
        try {
            return Long.toString(Long.parseLong(s)).equals(s);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private void time(String field, long ns) throws IOException {
        g.writeFieldName(field);
        g.writeNumber(JsonFields.micros(ns));
    }

    private void args(int ref) throws IOException {
        if (ref != ArgStore.NONE) {
            g.writeFieldName("args");
            g.writeRawValue(trace.args().getString(ref));
        }
    }

    private String name(int id) {
        return id < 0 ? null : trace.string(id);
    }

    /** Compact JSON with a line break before each element of the top-level {@code traceEvents} array. */
    private static final class EventPerLine extends MinimalPrettyPrinter {
        @Override
        public void beforeArrayValues(JsonGenerator g) throws IOException {
            if (topLevelArray(g)) {
                g.writeRaw('\n');
            }
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(topLevelArray(g) ? ",\n" : ",");
        }

        @Override
        public void writeEndArray(JsonGenerator g, int nrOfValues) throws IOException {
            if (topLevelArray(g) && nrOfValues > 0) {
                g.writeRaw('\n');
            }
            g.writeRaw(']');
        }

        @Override
        public void writeEndObject(JsonGenerator g, int nrOfEntries) throws IOException {
            g.writeRaw('}');
            if (g.getOutputContext().getParent() != null && g.getOutputContext().getParent().inRoot()) {
                g.writeRaw('\n');
            }
        }

        private static boolean topLevelArray(JsonGenerator g) {
            JsonStreamContext c = g.getOutputContext();
            return c.inArray() && c.getParent() != null && c.getParent().getParent() != null
                    && c.getParent().getParent().inRoot();
        }
    }
}
