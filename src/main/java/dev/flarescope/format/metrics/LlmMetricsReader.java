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
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * Reads an llm-metrics log: one JSON object per line and request, such as
 * <pre>{"timestamp":"2025-03-01T10:00:00.250Z","provider":"ollama","model":"qwen3:8b",
 *  "inputTokens":812,"outputTokens":240,"timeToFirstToken":412.5,"totalDuration":6120.0,
 *  "prefillTokensPerSec":1968.5,"generationTokensPerSec":42.1,
 *  "rawTimestamps":{"total_start":1740823200250.125,...}}</pre>
 * Every member goes through {@link MetricsAliases}: times in milliseconds, {@code timestamp} as
 * ISO-8601 or an epoch number, {@code rawTimestamps} as epoch milliseconds kept to the nanosecond, an
 * optional {@code serverTimings} holding a llama.cpp {@code timings} object, and {@code error},
 * {@code status} or {@code success: false} marking a failed request. A line without an id gets
 * {@code llm-metrics#<line>}.
 */
public final class LlmMetricsReader implements TraceReader {
    static final String EXPECTED = "an llm-metrics JSON object per line";

    @Override
    public void read(InputSource source, ReadContext ctx) throws IOException, InputException {
        TraceSink sink = ctx.newSink();
        JsonRecords lines = new JsonRecords(sink, source.name(), EXPECTED);
        boolean[] notedLocalTime = {false};
        try (InputStream in = new ProgressInputStream(source.open(), ctx)) {
            lines.readLines(in, (value, line, offset) -> {
                if (!value.isObject()) {
                    lines.malformed(line, offset, "expected " + EXPECTED + ", found " + Records.describe(value));
                    return false;
                }
                RequestRecord r = Records.start(Format.LLM_METRICS, source.name(), line);
                Records.applyAll(value, r);
                Records.ensureId(r);
                if (!notedLocalTime[0] && hasLocalTimestamp(value)) {
                    notedLocalTime[0] = true;
                    sink.note("timestamps without a time zone (line " + line + ") were read as UTC");
                }
                sink.request(r);
                return true;
            });
        }
    }

    /** True when the record's wall-clock time is an ISO-8601 text without a zone. */
    private static boolean hasLocalTimestamp(JsonNode object) {
        for (Map.Entry<String, JsonNode> e : object.properties()) {
            MetricsAliases.Alias alias = MetricsAliases.lookup(e.getKey());
            JsonNode t = e.getValue();
            if (alias != null && alias.unit() == MetricsAliases.Unit.EPOCH && t.isTextual() && t.asText().indexOf('-') > 0) {
                try {
                    return DecimalTime.isoToNanos(t.asText()).assumedUtc();
                } catch (DateTimeParseException | ArithmeticException notIsoOrOutOfRange) {
                    return false;
                }
            }
        }
        return false;
    }
}
