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
import dev.flarescope.model.IntList;
import dev.flarescope.model.LongList;
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
    /** What {@link #find} found, in table order, until {@link #events} groups it. */
    private List<Finds> found;

    private RequestEventScanner(Trace trace, PhaseMapping mapping) {
        this.trace = trace;
        this.mapping = mapping;
    }

    /**
     * Finds the events whose args name requests, table by table in parallel. {@link #events} then
     * groups them by request, on the calling thread.
     */
    static RequestEventScanner find(Trace trace, PhaseMapping mapping) {
        RequestEventScanner s = new RequestEventScanner(trace, mapping);
        s.found = s.findAll();
        return s;
    }

    /** Events of every request named in the trace (what {@link #find} found), by id in order of first appearance. */
    Map<String, List<RequestEvent>> events() {
        if (found != null) {
            for (Finds f : found) {
                add(f);
            }
            found = null;
        }
        return byRequest;
    }

    /**
     * The events of one table, or of a piece of one, whose args name requests: their rows and what the
     * args say, kept in columns so that a scan makes no object per event beyond its id strings.
     */
    private final class Finds implements ArgStore.TextReader<Boolean> {
        final EventKind kind;
        final int process;
        final int thread;
        final boolean instant;
        final IntList row = new IntList(8);
        final IntList name = new IntList(8);
        final LongList start = new LongList(8);
        final LongList dur = new LongList(8);
        /** The ids of all finds in order; find k's are those from {@code idsEnd[k - 1]} to {@code idsEnd[k]}. */
        final List<String> ids = new ArrayList<>();
        final IntList idsEnd = new IntList(8);
        /** Why the args of a find say its requests failed, by find; null until one does. */
        String[] failures;
        private final ArgsIds reader = new ArgsIds();
        private String failure;

        Finds(EventKind kind, int process, int thread, boolean instant) {
            this.kind = kind;
            this.process = process;
            this.thread = thread;
            this.instant = instant;
        }

        /** Notes the event at {@code row} when its args at {@code ref} name a request. */
        void check(int row, int ref, int name, long start, long dur) {
            if (ref == ArgStore.NONE || !trace.args().containsAny(ref, REQUEST_KEYS)) {
                return;
            }
            failure = null;
            int before = ids.size();
            trace.args().read(ref, this);
            if (ids.size() == before) {
                return;
            }
            int k = this.row.size();
            this.row.add(row);
            this.name.add(name);
            this.start.add(start);
            this.dur.add(dur);
            idsEnd.add(ids.size());
            if (failure != null) {
                if (failures == null) {
                    failures = new String[Math.max(8, k + 1)];
                } else if (failures.length <= k) {
                    failures = java.util.Arrays.copyOf(failures, Math.max(k + 1, failures.length * 2));
                }
                failures[k] = failure;
            }
        }

        /** Reads one event's args text: directly by {@link ArgsIds} in the common case, else with Jackson. */
        @Override
        public Boolean read(byte[] buf, int off, int len) {
            if (!reader.readInto(buf, off, len, ids)) {
                Naming naming = parsed(buf, off, len);
                if (naming != null) {
                    ids.addAll(naming.ids());
                    failure = naming.failureReason();
                }
            }
            return Boolean.TRUE;
        }

        int size() {
            return row.size();
        }

        String failure(int k) {
            return failures == null || k >= failures.length ? null : failures[k];
        }
    }

    /**
     * Scans every table that can hold request events. Tables (and pieces of large span tables) are
     * scanned in parallel (each scan only reads the trace), and their finds are added in table order,
     * so requests keep their order of first appearance whatever the scheduling.
     */
    private List<Finds> findAll() {
        List<java.util.function.Supplier<Finds>> tables = new ArrayList<>();
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
                        Finds found = new Finds(EventKind.SPAN, pi, ti, false);
                        for (int i = lo; i < hi; i++) {
                            found.check(i, spans.args(i), spans.name(i), spans.start(i), spans.dur(i));
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
                Finds found = new Finds(EventKind.ASYNC, pi, -1, false);
                for (int i = 0; i < async.size(); i++) {
                    found.check(i, async.args(i), async.name(i), async.start(i), async.dur(i));
                }
                return found;
            });
            InstantTable instants = process.instants();
            tables.add(() -> instants(instants, EventKind.PROCESS_INSTANT, pi, -1));
        }
        tables.add(() -> instants(trace.globalInstants(), EventKind.GLOBAL_INSTANT, -1, -1));
        return tables.parallelStream().map(java.util.function.Supplier::get).toList();
    }

    private Finds instants(InstantTable table, EventKind kind, int process, int thread) {
        Finds found = new Finds(kind, process, thread, true);
        for (int i = 0; i < table.size(); i++) {
            found.check(i, table.args(i), table.name(i), table.ts(i), 0);
        }
        return found;
    }

    private void add(Finds f) {
        int idsFrom = 0;
        for (int k = 0; k < f.size(); k++) {
            int nameId = f.name.get(k);
            String name = nameId < 0 ? "" : trace.string(nameId);
            // most names have no role: a null is kept too (computeIfAbsent would not keep it and ask again)
            Role role = roles.get(nameId);
            if (role == null && !roles.containsKey(nameId)) {
                role = mapping.roleOf(name);
                roles.put(nameId, role);
            }
            RequestEvent event = new RequestEvent(new EventRef(f.kind, f.process, f.thread, f.row.get(k)), name, role,
                    f.start.get(k), f.dur.get(k), f.instant, f.failure(k));
            int idsTo = f.idsEnd.get(k);
            for (int i = idsFrom; i < idsTo; i++) {
                byRequest.computeIfAbsent(f.ids.get(i), id -> new ArrayList<>()).add(event);
            }
            idsFrom = idsTo;
        }
    }

    /** What one event's args say about requests: the ids they name, and why those failed (null: they did not). */
    record Naming(List<String> ids, String failureReason) {
    }

    /**
     * What args text given as UTF-8 bytes says about requests, by a streaming parse: only top-level
     * members are read, ids as their text, and the few members that can say a request failed kept as a
     * small tree for {@link FailureSignals}. Null when it names no request.
     */
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
