package dev.flarescope.format.chrome;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flarescope.model.BenchResult;
import dev.flarescope.model.JsonTrees;
import dev.flarescope.model.RawEvent;
import dev.flarescope.model.RequestRecord;
import dev.flarescope.model.TraceSink;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

/**
 * Reads the top-level {@code "flarescope"} member that {@code flarescope merge} writes beside
 * {@code traceEvents}: {@code {"requests": [...], "bench": [...], "metadata": {...}}}, every canonical
 * field of each request record and llama-bench result (the writer is {@code cli.JsonFields}). A
 * merged trace therefore loads back with the request records and baselines of its inputs. Chrome's
 * own viewers ignore the member.
 */
final class FlarescopeMember {
    static final String KEY = "flarescope";

    private FlarescopeMember() {
    }

    /** Hands the records in {@code json} to the sink; keeps the member as metadata when it is not of this shape. */
    static void read(String json, TraceSink sink) {
        JsonNode root;
        try {
            root = JsonTrees.read(json);
        } catch (IOException e) {
            sink.traceMetadata(KEY, json);
            return;
        }
        if (root == null || !root.isObject() || !root.path("requests").isArray() && !root.path("bench").isArray()) {
            sink.traceMetadata(KEY, json);
            return;
        }
        for (JsonNode r : root.path("requests")) {
            if (r.isObject()) {
                sink.request(request(r));
            }
        }
        for (JsonNode b : root.path("bench")) {
            if (b.isObject()) {
                sink.bench(bench(b));
            }
        }
        JsonNode md = root.path("metadata");
        for (Iterator<Map.Entry<String, JsonNode>> it = md.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            sink.traceMetadata(e.getKey(), e.getValue().toString());
        }
    }

    static RequestRecord request(JsonNode n) {
        RequestRecord r = new RequestRecord();
        r.id = text(n, "id");
        r.provider = text(n, "provider");
        r.model = text(n, "model");
        r.sourceFormat = text(n, "sourceFormat");
        r.source = text(n, "source");
        r.line = n.path("line").asLong(0);
        r.inputTokens = count(n, "inputTokens");
        r.outputTokens = count(n, "outputTokens");
        r.cachedTokens = count(n, "cachedTokens");
        r.ttftMs = number(n, "ttftMs");
        r.e2eMs = number(n, "e2eMs");
        r.queueMs = number(n, "queueMs");
        r.prefillTps = number(n, "prefillTps");
        r.decodeTps = number(n, "decodeTps");
        r.itlMs = doubles(n.get("itlMs"));
        r.arrivalNs = time(n, "arrivalNs");
        r.totalStartNs = time(n, "totalStartNs");
        r.prefillStartNs = time(n, "prefillStartNs");
        r.prefillEndNs = time(n, "prefillEndNs");
        r.genStartNs = time(n, "genStartNs");
        r.genEndNs = time(n, "genEndNs");
        r.totalEndNs = time(n, "totalEndNs");
        r.tokenTimesNs = longs(n.get("tokenTimesNs"));
        JsonNode t = n.get("serverTimings");
        if (t != null && t.isObject()) {
            RequestRecord.ServerTimings s = new RequestRecord.ServerTimings();
            s.promptN = count(t, "promptN");
            s.promptMs = number(t, "promptMs");
            s.promptPerSecond = number(t, "promptPerSecond");
            s.predictedN = count(t, "predictedN");
            s.predictedMs = number(t, "predictedMs");
            s.predictedPerSecond = number(t, "predictedPerSecond");
            s.cacheN = count(t, "cacheN");
            s.draftN = count(t, "draftN");
            s.draftNAccepted = count(t, "draftNAccepted");
            r.serverTimings = s;
        }
        r.finishReason = text(n, "finishReason");
        r.failed = n.path("failed").asBoolean(false);
        r.error = text(n, "error");
        extra(n.get("extra"), r.extra);
        return r;
    }

    static BenchResult bench(JsonNode n) {
        BenchResult b = new BenchResult();
        b.model = text(n, "model");
        b.modelType = text(n, "modelType");
        b.backend = text(n, "backend");
        b.nPrompt = n.path("nPrompt").asLong(0);
        b.nGen = n.path("nGen").asLong(0);
        b.nDepth = n.path("nDepth").asLong(0);
        b.test = text(n, "test");
        b.avgTps = number(n, "avgTps");
        b.stddevTps = number(n, "stddevTps");
        b.source = text(n, "source");
        b.line = n.path("line").asLong(0);
        extra(n.get("extra"), b.extra);
        return b;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static long count(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v != null && v.isNumber() ? v.asLong() : -1;
    }

    private static double number(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v != null && v.isNumber() ? v.asDouble() : Double.NaN;
    }

    private static long time(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v != null && v.isIntegralNumber() ? v.asLong() : RawEvent.NO_TIME;
    }

    private static double[] doubles(JsonNode a) {
        if (a == null || !a.isArray()) {
            return null;
        }
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).asDouble();
        }
        return out;
    }

    private static long[] longs(JsonNode a) {
        if (a == null || !a.isArray()) {
            return null;
        }
        long[] out = new long[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).asLong();
        }
        return out;
    }

    private static void extra(JsonNode n, Map<String, String> into) {
        if (n == null || !n.isObject()) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            into.put(e.getKey(), e.getValue().toString());
        }
    }
}
