package dev.flarescope.format.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flarescope.format.Format;
import dev.flarescope.format.InputException;
import dev.flarescope.format.InputSource;
import dev.flarescope.format.ReadContext;
import dev.flarescope.format.TraceReader;
import dev.flarescope.model.RequestRecord;
import dev.flarescope.model.TraceSink;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the {@code timings} llama.cpp's server attaches to a finished response: saved responses (one
 * JSON document, or an array of them), responses or stream chunks one per line, or a server-sent-events
 * capture of a streamed response ({@code data: {...}} lines ending with {@code data: [DONE]}).
 *
 * <p>Each object carrying a {@code timings} object becomes one {@link RequestRecord}; stream chunks
 * without timings are the body of the response and are skipped without complaint. Besides
 * {@link RequestRecord#serverTimings}, the record's own fields are filled from the timings:
 * {@code inputTokens = prompt_n}, {@code outputTokens = predicted_n}, {@code cachedTokens = cache_n},
 * {@code prefillTps = prompt_per_second}, {@code decodeTps = predicted_per_second}. These are the
 * server's own figures, measured inside the server: they exclude network and queueing time, and
 * {@code prompt_n} counts only the prompt tokens evaluated, not those reused from the cache.
 *
 * <p>The id is the response's {@code id} ({@code chatcmpl-...} on the OpenAI-compatible endpoints);
 * native responses have none and get {@code llama.cpp-timings#<line>}, with {@code /slot<n>} appended
 * when {@code id_slot} is present. Generated text ({@link #BULKY}) is not kept.
 */
public final class LlamaTimingsReader implements TraceReader {
    static final String EXPECTED = "llama.cpp server responses or stream chunks (JSON, JSON lines or data: lines)";

    /** Members that hold the generated text or per-token data, not metrics. */
    static final Set<String> BULKY = Set.of("content", "prompt", "choices", "completion_probabilities", "tokens");

    @Override
    public void read(InputSource source, ReadContext ctx) throws IOException, InputException {
        TraceSink sink = ctx.newSink();
        JsonRecords records = new JsonRecords(sink, source.name(), EXPECTED);
        Set<String> dropped = new TreeSet<>();
        JsonRecords.Handler handler = (value, line, offset) -> {
            if (!value.isObject()) {
                records.malformed(line, offset, "expected a response or stream chunk object, found " + Records.describe(value));
                return false;
            }
            if (!value.path("timings").isObject()) {
                return false;
            }
            sink.request(toRecord(value, source.name(), line, sink, dropped));
            return true;
        };
        try (BufferedInputStream in = Head.buffered(new ProgressInputStream(source.open(), ctx))) {
            String first = Head.firstLine(Head.peek(in, Head.DEFAULT_SIZE));
            if (isSse(first)) {
                records.sse().readLines(in, handler);
            } else if (first.equals("{") || first.startsWith("[")) {
                records.readDocument(in, handler);
            } else {
                records.readLines(in, handler);
            }
        }
    }

    /** True when a line looks like the start of a server-sent-events stream. */
    static boolean isSse(String firstLine) {
        return firstLine.startsWith("data:") || firstLine.startsWith("event:") || firstLine.startsWith(":")
                || firstLine.startsWith("id:");
    }

    private static RequestRecord toRecord(JsonNode value, String source, long line, TraceSink sink, Set<String> dropped) {
        RequestRecord r = Records.start(Format.LLAMA_TIMINGS, source, line);
        for (Map.Entry<String, JsonNode> e : value.properties()) {
            String name = e.getKey();
            if (!BULKY.contains(name)) {
                MetricsAliases.apply(name, e.getValue(), r);
            } else if (dropped.add(name)) {
                sink.note("llama.cpp member '" + name + "' holds generated content, not metrics; it was not kept");
            }
        }
        JsonNode finish = value.path("choices").path(0).path("finish_reason");
        if (finish.isTextual()) {
            MetricsAliases.apply("finish_reason", finish, r);
        }
        RequestRecord.ServerTimings t = r.serverTimings;
        r.inputTokens = t.promptN;
        r.outputTokens = t.predictedN;
        r.cachedTokens = t.cacheN;
        r.prefillTps = t.promptPerSecond;
        r.decodeTps = t.predictedPerSecond;
        if (r.id == null) {
            JsonNode slot = value.path("id_slot");
            r.id = r.sourceFormat + "#" + line + (slot.isIntegralNumber() ? "/slot" + slot.asLong() : "");
        }
        return r;
    }
}
