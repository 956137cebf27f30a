package dev.flarescope.format.v8;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.flarescope.format.InputException;
import dev.flarescope.format.InputSource;
import dev.flarescope.format.ReadContext;
import dev.flarescope.format.TraceReader;
import dev.flarescope.format.Utf8JsonFactory;
import dev.flarescope.model.LongList;
import dev.flarescope.model.RawEvent;
import dev.flarescope.model.TraceSink;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a V8 CPU profile ({@code .cpuprofile}, written by Chrome DevTools and {@code node --cpu-prof}):
 * {@code nodes} (a call tree: {@code id}, {@code callFrame}, {@code children} or {@code parent}),
 * {@code startTime} in microseconds, {@code samples} (leaf node id per sample) and {@code timeDeltas}
 * (microseconds since the previous sample). Nodes become stack frames; each sample becomes a {@code P}
 * event on pid 0, tid 0 (a process named "CPU profile") weighted by the time until the next sample, so sampled flame graphs show time
 * rather than counts. The last sample's weight is the gap to {@code endTime}.
 */
public final class CpuProfileReader implements TraceReader {
    private static final JsonFactory FACTORY = new Utf8JsonFactory(new JsonFactoryBuilder());

    private record Node(String id, String name, String url, List<String> children, String parent) {
    }

    @Override
    public void read(InputSource source, ReadContext ctx) throws IOException, InputException {
        TraceSink sink = ctx.newSink();
        List<Node> nodes = new ArrayList<>();
        LongList samples = new LongList();
        LongList deltas = new LongList();
        long startTime = RawEvent.NO_TIME;
        long endTime = RawEvent.NO_TIME;
        try (InputStream in = source.open(); JsonParser p = FACTORY.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new InputException(source.name(), p.currentTokenLocation().getByteOffset(),
                        "expected a CPU profile object ({\"nodes\": [...], \"samples\": [...]})");
            }
            String field;
            while ((field = p.nextFieldName()) != null) {
                JsonToken t = p.nextToken();
                switch (field) {
                    case "nodes" -> readNodes(p, t, nodes);
                    case "samples" -> readLongs(p, t, samples);
                    case "timeDeltas" -> readLongs(p, t, deltas);
                    case "startTime" -> startTime = t.isNumeric() ? p.getLongValue() : RawEvent.NO_TIME;
                    case "endTime" -> endTime = t.isNumeric() ? p.getLongValue() : RawEvent.NO_TIME;
                    default -> {
                        p.skipChildren();
                        sink.note("ignored top-level member \"" + field + "\"");
                    }
                }
                ctx.checkCancelled();
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            if (nodes.isEmpty()) {
                long at = e.getLocation() == null ? -1 : e.getLocation().getByteOffset();
                throw new InputException(source.name(), at, "not a readable CPU profile: " + e.getOriginalMessage());
            }
            long at = e.getLocation() == null ? -1 : e.getLocation().getByteOffset();
            sink.truncated(at, "the profile ends early: " + e.getOriginalMessage());
        }
        ctx.progressBytes(source.size());
        if (nodes.isEmpty()) {
            throw new InputException(source.name(), -1, "the CPU profile has no \"nodes\"");
        }
        Map<String, String> parentOf = new HashMap<>();
        for (Node n : nodes) {
            if (n.parent != null) {
                parentOf.put(n.id, n.parent);
            }
            for (String c : n.children) {
                parentOf.put(c, n.id);
            }
        }
        for (Node n : nodes) {
            String category = n.url.isEmpty() ? null : n.url;
            sink.stackFrame(n.id, n.name, parentOf.get(n.id), category);
        }
        emitSamples(sink, samples, deltas, startTime == RawEvent.NO_TIME ? 0 : startTime, endTime);
    }

    private static void emitSamples(TraceSink sink, LongList samples, LongList deltas, long startUs, long endUs) {
        int n = samples.size();
        if (deltas.size() != n) {
            sink.note(n + " samples but " + deltas.size() + " time deltas; samples without a delta are dropped");
            n = Math.min(n, deltas.size());
        }
        long[] tsUs = new long[n];
        long t = startUs;
        for (int i = 0; i < n; i++) {
            t += deltas.get(i);
            tsUs[i] = t;
        }
        RawEvent e = new RawEvent();
        e.ph = 'M';
        e.name = sink.strings().intern("process_name");
        e.hasPid = true;
        e.scalars.addString(sink.strings().intern("name"), sink.strings().intern("CPU profile"));
        sink.event(e);
        int weightKey = sink.strings().intern("weight");
        int name = sink.strings().intern("sample");
        for (int i = 0; i < n; i++) {
            long next = i + 1 < n ? tsUs[i + 1] : (endUs != RawEvent.NO_TIME ? endUs : tsUs[i]);
            e.reset();
            e.ph = 'P';
            e.name = name;
            e.ts = tsUs[i] * 1000;
            e.hasPid = true;
            e.hasTid = true;
            e.sf = Long.toString(samples.get(i));
            e.scalars.addNumber(weightKey, Math.max(0, next - tsUs[i]) * 1000.0, RawEvent.NONE);
            sink.event(e);
        }
    }

    private static void readLongs(JsonParser p, JsonToken t, LongList out) throws IOException {
        if (t != JsonToken.START_ARRAY) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken().isNumeric()) {
                out.add(p.getLongValue());
            } else {
                p.skipChildren();
            }
        }
    }

    private static void readNodes(JsonParser p, JsonToken t, List<Node> nodes) throws IOException {
        if (t != JsonToken.START_ARRAY) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.START_OBJECT) {
            String id = null;
            String parent = null;
            String fn = "";
            String url = "";
            List<String> children = new ArrayList<>();
            String field;
            while ((field = p.nextFieldName()) != null) {
                JsonToken v = p.nextToken();
                switch (field) {
                    case "id" -> id = p.getValueAsString();
                    case "parent" -> parent = p.getValueAsString();
                    case "children" -> {
                        if (v == JsonToken.START_ARRAY) {
                            while (p.nextToken() != JsonToken.END_ARRAY) {
                                children.add(p.getValueAsString());
                            }
                        } else {
                            p.skipChildren();
                        }
                    }
                    case "callFrame" -> {
                        if (v != JsonToken.START_OBJECT) {
                            p.skipChildren();
                            break;
                        }
                        String f;
                        while ((f = p.nextFieldName()) != null) {
                            p.nextToken();
                            switch (f) {
                                case "functionName" -> fn = p.getValueAsString("");
                                case "url" -> url = p.getValueAsString("");
                                default -> p.skipChildren();
                            }
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            if (id != null) {
                String name = fn.isEmpty() ? "(anonymous)" : fn;
                nodes.add(new Node(id, name, url, children, parent));
            }
        }
    }
}
