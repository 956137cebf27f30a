package dev.flarescope.analysis.requests;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flarescope.format.Utf8JsonFactory;
import dev.flarescope.model.ArgStore;
import dev.flarescope.model.AsyncTable;
import dev.flarescope.model.InstantTable;
import dev.flarescope.model.JsonTrees;
import dev.flarescope.model.ProcessTrack;
import dev.flarescope.model.SpanTable;
import dev.flarescope.model.ThreadTrack;
import dev.flarescope.model.Trace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds every span, async slice and instant whose args name a request ({@code request_id},
 * {@code req_id}, {@code rid}, or {@code request_ids: [..]}, in which case a batch event belongs to
 * every request listed) and groups them by request id.
 *
 * <p>Built for traces of millions of spans where few carry request ids: the args text of each event
 * is first checked for one of the quoted keys with a byte search, and only events that pass are read,
 * in parallel across tables, where they lie in the args arena: by {@link ArgsIds} when they have the
 * common shape, else with a streaming parser. Only top-level members of {@code args} are read. Numeric
 * ids are used as their JSON text ({@code 7} and {@code "7"} are the same request). The parse also
 * reads whether the args say the request failed ({@link FailureSignals}).
 */
final class RequestEventScanner {
    /** Args are UTF-8 (as the readers store them); a plain factory might guess UTF-16 from their bytes. */
    private static final JsonFactory FACTORY = new Utf8JsonFactory(new JsonFactoryBuilder());
    private static final String[] ID_KEYS = {"request_id", "req_id", "rid"};
    private static final String LIST_KEY = "request_ids";
    /** Spans one parallel task scans. */
    private static final int SPANS_PER_TASK = 16_384;

    private final Trace trace;
    private final PhaseMapping mapping;
    private final Map<Integer, Role> roles = new HashMap<>();
    private final Map<String, List<RequestEvent>> byRequest = new LinkedHashMap<>();

    private RequestEventScanner(Trace trace, PhaseMapping mapping) {
        this.trace = trace;
        this.mapping = mapping;
    }

    /** Events of every request named in the trace, by request id in order of first appearance. */
    static Map<String, List<RequestEvent>> scan(Trace trace, PhaseMapping mapping) {
        RequestEventScanner s = new RequestEventScanner(trace, mapping);
        s.scanAll();
        return s.byRequest;
    }

    /** An event whose args name requests, found by one table's scan. */
    private record Found(EventRef ref, int nameId, long start, long dur, boolean instant, Naming naming) {
    }

    /**
     * Scans every table that can hold request events. Tables (and pieces of large span tables) are
     * scanned in parallel (each scan only reads the trace), and their finds are added in table order,
     * so requests keep their order of first appearance whatever the scheduling.
     */
    private void scanAll() {
        List<java.util.function.Supplier<List<Found>>> tables = new ArrayList<>();
        List<ProcessTrack> processes = trace.processes();
        for (int p = 0; p < processes.size(); p++) {
            ProcessTrack process = processes.get(p);
            List<ThreadTrack> threads = process.threads();
            for (int t = 0; t < threads.size(); t++) {
                SpanTable spans = threads.get(t).spans();
                int pi = p;
                int ti = t;
                // a few threads hold most spans: pieces of equal size keep both cores busy to the end
                for (int from = 0; from < spans.size(); from += SPANS_PER_TASK) {
                    int lo = from;
                    int hi = Math.min(spans.size(), from + SPANS_PER_TASK);
                    tables.add(() -> {
                        List<Found> found = new ArrayList<>();
                        for (int i = lo; i < hi; i++) {
                            Naming naming = naming(spans.args(i));
                            if (naming != null) {
                                found.add(new Found(new EventRef(EventKind.SPAN, pi, ti, i), spans.name(i),
                                        spans.start(i), spans.dur(i), false, naming));
                            }
                        }
                        return found;
                    });
                }
                InstantTable instants = threads.get(t).instants();
                tables.add(() -> instants(instants, EventKind.THREAD_INSTANT, pi, ti));
            }
            AsyncTable async = process.async();
            int pi = p;
            tables.add(() -> {
                List<Found> found = new ArrayList<>();
                for (int i = 0; i < async.size(); i++) {
                    Naming naming = naming(async.args(i));
                    if (naming != null) {
                        found.add(new Found(new EventRef(EventKind.ASYNC, pi, -1, i), async.name(i), async.start(i),
                                async.dur(i), false, naming));
                    }
                }
                return found;
            });
            InstantTable instants = process.instants();
            tables.add(() -> instants(instants, EventKind.PROCESS_INSTANT, pi, -1));
        }
        tables.add(() -> instants(trace.globalInstants(), EventKind.GLOBAL_INSTANT, -1, -1));
        for (List<Found> found : tables.parallelStream().map(java.util.function.Supplier::get).toList()) {
            for (Found f : found) {
                add(f);
            }
        }
    }

    private List<Found> instants(InstantTable table, EventKind kind, int process, int thread) {
        List<Found> found = new ArrayList<>();
        for (int i = 0; i < table.size(); i++) {
            Naming naming = naming(table.args(i));
            if (naming != null) {
                found.add(new Found(new EventRef(kind, process, thread, i), table.name(i), table.ts(i), 0, true, naming));
            }
        }
        return found;
    }

    private void add(Found f) {
        String name = f.nameId < 0 ? "" : trace.string(f.nameId);
        // most names have no role: a null is kept too (computeIfAbsent would not keep it and ask again)
        Role role = roles.get(f.nameId);
        if (role == null && !roles.containsKey(f.nameId)) {
            role = mapping.roleOf(name);
            roles.put(f.nameId, role);
        }
        RequestEvent event = new RequestEvent(f.ref, name, role, f.start, f.dur, f.instant, f.naming.failureReason());
        for (String id : f.naming.ids()) {
            byRequest.computeIfAbsent(id, k -> new ArrayList<>()).add(event);
        }
    }

    /** What one event's args say about requests: the ids they name, and why those failed (null: they did not). */
    record Naming(List<String> ids, String failureReason) {
    }

    /**
     * What the args at {@code ref} say about requests; null (and cheap) for args that name none. Only
     * top-level members are read, with a streaming parser: ids as their text, and the few members that
     * can say a request failed kept as a small tree for {@link FailureSignals}.
     */
    private Naming naming(int ref) {
        if (ref == ArgStore.NONE || !trace.args().containsAny(ref, REQUEST_KEYS)) {
            return null;
        }
        return trace.args().read(ref, RequestEventScanner::naming);
    }

    /**
     * {@link #naming(int)} of args text given as UTF-8 bytes: read directly by {@link ArgsIds} in the
     * common case, parsed with Jackson where it declines.
     */
    static Naming naming(byte[] buf, int off, int len) {
        List<String> ids = ArgsIds.read(buf, off, len);
        if (ids != ArgsIds.UNSURE) {
            return ids.isEmpty() ? null : new Naming(ids, null);
        }
        return parsed(buf, off, len);
    }

    /** {@link #naming(int)} by a streaming parse of the args text. */
    static Naming parsed(byte[] buf, int off, int len) {
        List<String> ids = new ArrayList<>(1);
        ObjectNode signals = null;
        try (JsonParser p = FACTORY.createParser(buf, off, len)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            String member;
            while ((member = p.nextFieldName()) != null) {
                JsonToken v = p.nextToken();
                if (isIdKey(member)) {
                    if (v.isScalarValue() && v != JsonToken.VALUE_NULL) {
                        addId(ids, p.getText());
                    } else {
                        p.skipChildren();
                    }
                } else if (member.equals(LIST_KEY) && v == JsonToken.START_ARRAY) {
                    while ((v = p.nextToken()) != JsonToken.END_ARRAY) {
                        if (v.isScalarValue() && v != JsonToken.VALUE_NULL) {
                            addId(ids, p.getText());
                        } else {
                            p.skipChildren();
                        }
                    }
                } else if (FailureSignals.isSignal(member)) {
                    if (signals == null) {
                        signals = JsonNodeFactory.instance.objectNode();
                    }
                    signals.set(member, JsonTrees.read(p));
                } else {
                    p.skipChildren();
                }
            }
        } catch (IOException e) {
            return null; // the arena holds what readers wrote; text that does not parse names no request
        }
        if (ids.isEmpty()) {
            return null;
        }
        return new Naming(ids, signals == null ? null : FailureSignals.reason(signals));
    }

    private static boolean isIdKey(String member) {
        for (String key : ID_KEYS) {
            if (key.equals(member)) {
                return true;
            }
        }
        return false;
    }

    private static void addId(List<String> ids, String id) {
        if (!id.isEmpty() && !ids.contains(id)) {
            ids.add(id);
        }
    }

    /**
     * The cheap pre-check on the args bytes: one of the keys, quoted as a JSON member name
     * ({@code "request_id} also matches {@code "request_ids}).
     */
    static final byte[][] REQUEST_KEYS = {
        "\"request_id".getBytes(StandardCharsets.UTF_8),
        "\"req_id\"".getBytes(StandardCharsets.UTF_8),
        "\"rid\"".getBytes(StandardCharsets.UTF_8),
    };
}
