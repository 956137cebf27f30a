package dev.flarescope.analysis.requests;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flarescope.model.ArgStore;
import dev.flarescope.model.AsyncTable;
import dev.flarescope.model.InstantTable;
import dev.flarescope.model.ProcessTrack;
import dev.flarescope.model.SpanTable;
import dev.flarescope.model.ThreadTrack;
import dev.flarescope.model.Trace;
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
 * is first checked for one of the quoted keys with a substring search, and only events that pass are
 * parsed with Jackson. Only top-level members of {@code args} are read. Numeric ids are used as their
 * JSON text ({@code 7} and {@code "7"} are the same request). The same parse also reads whether the
 * args say the request failed ({@link FailureSignals}).
 */
final class RequestEventScanner {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] ID_KEYS = {"request_id", "req_id", "rid"};
    private static final String LIST_KEY = "request_ids";

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

    private void scanAll() {
        List<ProcessTrack> processes = trace.processes();
        for (int p = 0; p < processes.size(); p++) {
            ProcessTrack process = processes.get(p);
            List<ThreadTrack> threads = process.threads();
            for (int t = 0; t < threads.size(); t++) {
                SpanTable spans = threads.get(t).spans();
                for (int i = 0; i < spans.size(); i++) {
                    Naming naming = naming(spans.args(i));
                    if (naming != null) {
                        add(naming, new EventRef(EventKind.SPAN, p, t, i), spans.name(i), spans.start(i), spans.dur(i), false);
                    }
                }
                instants(threads.get(t).instants(), EventKind.THREAD_INSTANT, p, t);
            }
            AsyncTable async = process.async();
            for (int i = 0; i < async.size(); i++) {
                Naming naming = naming(async.args(i));
                if (naming != null) {
                    add(naming, new EventRef(EventKind.ASYNC, p, -1, i), async.name(i), async.start(i), async.dur(i), false);
                }
            }
            instants(process.instants(), EventKind.PROCESS_INSTANT, p, -1);
        }
        instants(trace.globalInstants(), EventKind.GLOBAL_INSTANT, -1, -1);
    }

    private void instants(InstantTable table, EventKind kind, int process, int thread) {
        for (int i = 0; i < table.size(); i++) {
            Naming naming = naming(table.args(i));
            if (naming != null) {
                add(naming, new EventRef(kind, process, thread, i), table.name(i), table.ts(i), 0, true);
            }
        }
    }

    private void add(Naming naming, EventRef ref, int nameId, long start, long dur, boolean instant) {
        String name = nameId < 0 ? "" : trace.string(nameId);
        Role role = roles.computeIfAbsent(nameId, k -> mapping.roleOf(name));
        RequestEvent event = new RequestEvent(ref, name, role, start, dur, instant, naming.failureReason());
        for (String id : naming.ids()) {
            byRequest.computeIfAbsent(id, k -> new ArrayList<>()).add(event);
        }
    }

    /** What one event's args say about requests: the ids they name, and why those failed (null: they did not). */
    private record Naming(List<String> ids, String failureReason) {
    }

    /** What the args at {@code ref} say about requests; null (and cheap) for args that name none. */
    private Naming naming(int ref) {
        if (ref == ArgStore.NONE) {
            return null;
        }
        if (!trace.args().containsAny(ref, REQUEST_KEYS)) {
            return null;
        }
        String text = trace.args().getString(ref);
        JsonNode args;
        try {
            args = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return null; // the arena holds what readers wrote; text that does not parse names no request
        }
        if (args == null || !args.isObject()) {
            return null;
        }
        List<String> ids = new ArrayList<>(1);
        for (String key : ID_KEYS) {
            JsonNode v = args.get(key);
            if (v != null && v.isValueNode() && !v.isNull()) {
                addId(ids, v.asText());
            }
        }
        JsonNode list = args.get(LIST_KEY);
        if (list != null && list.isArray()) {
            for (JsonNode v : list) {
                if (v.isValueNode() && !v.isNull()) {
                    addId(ids, v.asText());
                }
            }
        }
        return ids.isEmpty() ? null : new Naming(ids, FailureSignals.reason(args));
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
