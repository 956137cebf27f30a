package dev.flarescope.format.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flarescope.format.Format;
import dev.flarescope.format.InputException;
import dev.flarescope.format.InputSource;
import dev.flarescope.format.ReadContext;
import dev.flarescope.format.TraceReader;
import dev.flarescope.model.RequestRecord;
import dev.flarescope.model.TraceSink;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads SGLang generate responses saved one per line: {@code {"text": "...", "meta_info": {"id": ...,
 * "prompt_tokens": 512, "completion_tokens": 128, "cached_tokens": 256, "e2e_latency": 1.84,
 * "finish_reason": {"type": "stop", ...}}}}. The request's numbers live in {@code meta_info};
 * {@code e2e_latency} and {@code ttft}/{@code first_token_latency} are seconds. A {@code finish_reason}
 * of type {@code abort} or {@code error} marks the request failed and its {@code message} becomes the
 * error.
 *
 * <p>Top-level members other than {@code meta_info} go through the same aliases (unknown ones into
 * {@code extra}), except the generated text and token arrays ({@link #BULKY}), which would make every
 * record as large as the response; they are dropped and a note says so once.
 */
public final class SglangMetricsReader implements TraceReader {
    static final String EXPECTED = "an SGLang response object with meta_info per line";

    /** Members holding the response body or per-token arrays, not metrics. */
    static final Set<String> BULKY = Set.of("text", "output_ids", "input_ids", "output_token_logprobs",
            "input_token_logprobs", "output_top_logprobs", "input_top_logprobs", "hidden_states");

    @Override
    public void read(InputSource source, ReadContext ctx) throws IOException, InputException {
        TraceSink sink = ctx.newSink();
        JsonRecords lines = new JsonRecords(sink, source.name(), EXPECTED);
        Set<String> dropped = new TreeSet<>();
        try (InputStream in = new ProgressInputStream(source.open(), ctx)) {
            lines.readLines(in, (value, line, offset) -> {
                JsonNode meta = value.path("meta_info");
                if (!meta.isObject()) {
                    lines.malformed(line, offset, "expected " + EXPECTED + ", found "
                            + (value.isObject() ? "an object without meta_info" : Records.describe(value)));
                    return false;
                }
                RequestRecord r = Records.start(Format.SGLANG_METRICS, source.name(), line);
                for (Map.Entry<String, JsonNode> e : value.properties()) {
                    String name = e.getKey();
                    if (name.equals("meta_info")) {
                        continue;
                    }
                    if (BULKY.contains(name)) {
                        noteDropped(sink, dropped, name);
                    } else {
                        MetricsAliases.apply(name, e.getValue(), r);
                    }
                }
                for (Map.Entry<String, JsonNode> e : meta.properties()) {
                    if (BULKY.contains(e.getKey())) {
                        noteDropped(sink, dropped, e.getKey());
                    } else {
                        MetricsAliases.apply(e.getKey(), e.getValue(), r);
                    }
                }
                Records.ensureId(r);
                sink.request(r);
                return true;
            });
        }
    }

    private static void noteDropped(TraceSink sink, Set<String> dropped, String name) {
        if (dropped.add(name)) {
            sink.note("SGLang member '" + name + "' holds response content, not metrics; it was not kept");
        }
    }
}
