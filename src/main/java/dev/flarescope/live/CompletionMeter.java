package dev.flarescope.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flarescope.format.metrics.MetricsAliases;
import dev.flarescope.model.LongList;
import dev.flarescope.model.RawEvent;
import dev.flarescope.model.RequestRecord;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Measures one completion request as its response streams through the proxy, and turns what it saw
 * into a {@link RequestRecord} ({@code sourceFormat} "proxy").
 *
 * <p>It is fed the response bytes as they arrive, each piece with the time it arrived, and reads
 * the server-sent events in them: every {@code data:} chunk whose {@code choices[].delta.content}
 * (chat), {@code choices[].text} (completions) or {@code content} (llama.cpp's own endpoint) is
 * non-empty is one token arriving at that time (reasoning content counts too: it is generated).
 * {@code usage} gives the token counts, the last chunk's {@code timings} the server's own
 * measurement. A response that is not a stream (one JSON document) is read when it ends; it has no
 * token times.
 *
 * <p>Times are on the wall clock ({@link WallClock}), so proxy records line up with each other and
 * with the llama.cpp counters the proxy polls.
 */
final class CompletionMeter {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_DOCUMENT = 8 << 20;

    private final RequestRecord record = new RequestRecord();
    private final LongList tokens = new LongList();
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final ByteArrayOutputStream document = new ByteArrayOutputStream();
    private boolean stream;
    private long firstByteNs = RawEvent.NO_TIME;
    private long usageOutput = -1;
    private long usageInput = -1;

    /**
     * @param fallbackId id used when the response has none
     * @param arrivalNs  when the request arrived at the proxy
     */
    CompletionMeter(String fallbackId, String path, long arrivalNs) {
        record.id = fallbackId;
        record.sourceFormat = "proxy";
        record.source = path;
        record.arrivalNs = arrivalNs;
        record.totalStartNs = arrivalNs;
    }

    /** The upstream's answer started: its status and content type. */
    void responseStarted(int status, String contentType) {
        stream = contentType != null && contentType.toLowerCase().startsWith("text/event-stream");
        if (status >= 400) {
            record.failed = true;
            record.error = "HTTP " + status;
        }
    }

    /** Response bytes that arrived at {@code nowNs}. */
    void bytes(byte[] b, int off, int len, long nowNs) {
        if (len <= 0) {
            return;
        }
        if (firstByteNs == RawEvent.NO_TIME) {
            firstByteNs = nowNs;
        }
        if (!stream) {
            if (document.size() + len <= MAX_DOCUMENT) {
                document.write(b, off, len);
            }
            return;
        }
        for (int i = off; i < off + len; i++) {
            byte c = b[i];
            if (c == '\n') {
                line(line.toByteArray(), nowNs);
                line.reset();
            } else if (c != '\r') {
                line.write(c);
            }
        }
    }

    /** The response ended normally at {@code nowNs}. */
    RequestRecord finished(long nowNs) {
        if (stream && line.size() > 0) {
            line(line.toByteArray(), nowNs);
        }
        if (!stream && document.size() > 0) {
            try {
                chunk(JSON.readTree(document.toByteArray()), nowNs, false);
            } catch (java.io.IOException e) {
                record.extra.put("proxy.response", HttpServers.quote("not JSON: " + e.getMessage()));
            }
        }
        return complete(nowNs);
    }

    /** The response broke off at {@code nowNs}: the request failed, with what was measured until then. */
    RequestRecord failed(long nowNs, String why) {
        record.failed = true;
        record.error = why;
        record.finishReason = "error";
        return complete(nowNs);
    }

    private RequestRecord complete(long nowNs) {
        record.totalEndNs = nowNs;
        if (tokens.size() > 0) {
            record.tokenTimesNs = tokens.toArray();
        }
        record.outputTokens = usageOutput >= 0 ? usageOutput : tokens.size() > 0 ? tokens.size() : record.outputTokens;
        if (usageInput >= 0) {
            record.inputTokens = usageInput;
        }
        if (firstByteNs != RawEvent.NO_TIME) {
            record.extra.put("proxy.first_byte_ms", Double.toString((firstByteNs - record.arrivalNs) / 1e6));
        }
        if (record.serverTimings != null && record.provider == null) {
            record.provider = "llama.cpp";
        }
        return record;
    }

    private void line(byte[] l, long nowNs) {
        String s = new String(l, StandardCharsets.UTF_8);
        if (!s.startsWith("data:")) {
            return;
        }
        String data = s.substring(5).trim();
        if (data.isEmpty() || data.equals("[DONE]")) {
            return;
        }
        try {
            chunk(JSON.readTree(data), nowNs, true);
        } catch (java.io.IOException e) {
            // a data line that is not JSON carries no token; the client still got it unchanged
        }
    }

    private void chunk(JsonNode c, long nowNs, boolean streamed) {
        if (c == null || !c.isObject()) {
            return;
        }
        if (c.path("id").isTextual() && !c.path("id").asText().isEmpty()) {
            record.id = c.path("id").asText();
        }
        if (c.path("model").isTextual()) {
            record.model = c.path("model").asText();
        }
        boolean token = false;
        for (JsonNode choice : c.path("choices")) {
            JsonNode delta = choice.path("delta");
            token |= nonEmpty(delta.path("content")) || nonEmpty(delta.path("reasoning_content"))
                    || nonEmpty(choice.path("text"));
            JsonNode finish = choice.path("finish_reason");
            if (finish.isTextual()) {
                record.finishReason = finish.asText();
                if (MetricsAliases.isFailure(record.finishReason)) {
                    record.failed = true;
                }
            }
        }
        token |= nonEmpty(c.path("content"));
        if (token && streamed) {
            tokens.add(nowNs);
        }
        JsonNode usage = c.path("usage");
        if (usage.isObject()) {
            if (usage.path("completion_tokens").canConvertToLong()) {
                usageOutput = usage.path("completion_tokens").asLong();
            }
            if (usage.path("prompt_tokens").canConvertToLong()) {
                usageInput = usage.path("prompt_tokens").asLong();
            }
        }
        if (c.path("timings").isObject()) {
            MetricsAliases.serverTimings("timings", c.path("timings"), record);
            RequestRecord.ServerTimings t = record.serverTimings;
            if (usageInput < 0 && t.promptN >= 0) {
                record.inputTokens = t.promptN;
            }
        }
        if (c.has("error")) {
            record.failed = true;
            JsonNode e = c.path("error");
            record.error = e.isObject() ? e.path("message").asText(e.toString()) : e.asText();
        }
    }

    private static boolean nonEmpty(JsonNode n) {
        return n.isTextual() && !n.asText().isEmpty();
    }
}
