package dev.flarescope.format.chrome;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.flarescope.model.BenchResult;
import dev.flarescope.model.RawEvent;
import dev.flarescope.model.RequestRecord;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;

/**
 * Writes model values with the JSON outputs' conventions: unknown values (NaN numbers, negative
 * counts, {@link RawEvent#NO_TIME}) are {@code null}, and request records and bench results appear
 * with all their canonical fields, so a merged file keeps everything the inputs said.
 */
public final class JsonFields {
    private JsonFields() {
    }

    public static void number(JsonGenerator g, String field, double v) throws IOException {
        g.writeFieldName(field);
        if (Double.isFinite(v)) {
            g.writeNumber(v);
        } else {
            g.writeNull();
        }
    }

    public static void count(JsonGenerator g, String field, long n) throws IOException {
        g.writeFieldName(field);
        if (n < 0) {
            g.writeNull();
        } else {
            g.writeNumber(n);
        }
    }

    public static void string(JsonGenerator g, String field, String s) throws IOException {
        g.writeFieldName(field);
        if (s == null) {
            g.writeNull();
        } else {
            g.writeString(s);
        }
    }

    /** A time in ns, or null for {@link RawEvent#NO_TIME}. */
    public static void time(JsonGenerator g, String field, long ns) throws IOException {
        g.writeFieldName(field);
        if (ns == RawEvent.NO_TIME) {
            g.writeNull();
        } else {
            g.writeNumber(ns);
        }
    }

    /** The summary fields of a request, as the report lists them. */
    public static void requestSummary(JsonGenerator g, RequestRecord r) throws IOException {
        string(g, "id", r.id);
        string(g, "provider", r.provider);
        string(g, "model", r.model);
        count(g, "inputTokens", r.inputTokens);
        count(g, "outputTokens", r.outputTokens);
        number(g, "ttftMs", r.ttftMs);
        number(g, "e2eMs", r.e2eMs);
        number(g, "prefillTps", r.prefillTps);
        number(g, "decodeTps", r.decodeTps);
    }

    /** Every canonical field of a request. */
    public static void request(JsonGenerator g, RequestRecord r) throws IOException {
        g.writeStartObject();
        requestSummary(g, r);
        string(g, "sourceFormat", r.sourceFormat);
        string(g, "source", r.source);
        g.writeNumberField("line", r.line);
        count(g, "cachedTokens", r.cachedTokens);
        number(g, "queueMs", r.queueMs);
        g.writeFieldName("itlMs");
        if (r.itlMs == null) {
            g.writeNull();
        } else {
            g.writeArray(r.itlMs, 0, r.itlMs.length);
        }
        time(g, "arrivalNs", r.arrivalNs);
        time(g, "totalStartNs", r.totalStartNs);
        time(g, "prefillStartNs", r.prefillStartNs);
        time(g, "prefillEndNs", r.prefillEndNs);
        time(g, "genStartNs", r.genStartNs);
        time(g, "genEndNs", r.genEndNs);
        time(g, "totalEndNs", r.totalEndNs);
        g.writeFieldName("tokenTimesNs");
        if (r.tokenTimesNs == null) {
            g.writeNull();
        } else {
            g.writeArray(r.tokenTimesNs, 0, r.tokenTimesNs.length);
        }
        g.writeFieldName("serverTimings");
        if (r.serverTimings == null) {
            g.writeNull();
        } else {
            RequestRecord.ServerTimings t = r.serverTimings;
            g.writeStartObject();
            count(g, "promptN", t.promptN);
            number(g, "promptMs", t.promptMs);
            number(g, "promptPerSecond", t.promptPerSecond);
            count(g, "predictedN", t.predictedN);
            number(g, "predictedMs", t.predictedMs);
            number(g, "predictedPerSecond", t.predictedPerSecond);
            count(g, "cacheN", t.cacheN);
            count(g, "draftN", t.draftN);
            count(g, "draftNAccepted", t.draftNAccepted);
            g.writeEndObject();
        }
        string(g, "finishReason", r.finishReason);
        g.writeBooleanField("failed", r.failed);
        string(g, "error", r.error);
        raw(g, "extra", r.extra);
        g.writeEndObject();
    }

    /** Every field of a llama-bench result. */
    public static void bench(JsonGenerator g, BenchResult b) throws IOException {
        g.writeStartObject();
        string(g, "model", b.model);
        string(g, "modelType", b.modelType);
        string(g, "backend", b.backend);
        g.writeNumberField("nPrompt", b.nPrompt);
        g.writeNumberField("nGen", b.nGen);
        g.writeNumberField("nDepth", b.nDepth);
        string(g, "test", b.test);
        number(g, "avgTps", b.avgTps);
        number(g, "stddevTps", b.stddevTps);
        string(g, "source", b.source);
        g.writeNumberField("line", b.line);
        raw(g, "extra", b.extra);
        g.writeEndObject();
    }

    /** An object whose values are JSON texts, copied as they are. */
    public static void raw(JsonGenerator g, String field, Map<String, String> members) throws IOException {
        g.writeObjectFieldStart(field);
        for (Map.Entry<String, String> e : members.entrySet()) {
            g.writeFieldName(e.getKey());
            g.writeRawValue(e.getValue());
        }
        g.writeEndObject();
    }

    /** Nanoseconds as microseconds: exact decimal text with up to three fractional digits. */
    public static String micros(long ns) {
        long whole = ns / 1000;
        int frac = (int) Math.abs(ns % 1000);
        String sign = ns < 0 && whole == 0 ? "-" : "";
        if (frac == 0) {
            return sign + whole;
        }
        String f = String.format(Locale.ROOT, "%03d", frac);
        int end = f.length();
        while (f.charAt(end - 1) == '0') {
            end--;
        }
        return sign + whole + "." + f.substring(0, end);
    }
}
