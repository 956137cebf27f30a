package dev.flarescope.format.dnet;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.flarescope.format.InputException;
import dev.flarescope.format.InputSource;
import dev.flarescope.format.ReadContext;
import dev.flarescope.format.TraceReader;
import dev.flarescope.format.metrics.JsonRecords;
import dev.flarescope.format.metrics.LineSplitter;
import dev.flarescope.format.metrics.Problems;
import dev.flarescope.format.metrics.ProgressInputStream;
import dev.flarescope.model.TraceSink;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads dnet trace frames: JSON lines, each either one frame
 * <pre>{"type":"B","name":"compute_layer","ts":1234.567891234,"req_id":"r-1","pid":4242,"tid":"MainThread",
 *  "args":{"ms":3.25,"t0":1234.567891}}</pre>
 * or one ingest batch as a node posts it, {@code {"run_id":..,"node_id":..,"events":[frame, ...]}}.
 *
 * <p>A frame is recognised by its key signature: {@code type} (one of {@code B}, {@code E}, {@code I}),
 * {@code name} and {@code ts} (see {@link #looksLikeFrame}); Chrome events say {@code ph} instead of
 * {@code type}. {@code ts} is {@code time.perf_counter()} seconds and is converted to nanoseconds from
 * its decimal text, without rounding through a double. {@code req_id} is added to the event's args and
 * to its scalars under {@code req_id}, where request joining looks for it; the {@code args} object is
 * kept as compact JSON. A batch's {@code node_id} is the host: it is reported once per node as
 * {@code host_name} trace metadata (and {@code run_id} as {@code run_id}), and added to the args of
 * the batch's frames as {@code node_id} so frames of several nodes in one file stay apart.
 *
 * <p>Lines are parsed with a streaming parser, and the event object is reused from frame to frame. Members of a frame other than those above are ignored.
 */
public final class DnetFrameReader implements TraceReader {
    static final String EXPECTED = "a dnet frame ({\"type\":\"B|E|I\",\"name\":..,\"ts\":..}) or batch ({\"events\":[..]}) per line";

    private static final JsonFactory JSON = JsonRecords.MAPPER.getFactory();

    /**
     * True when {@code value} is a dnet frame: an object with a {@code type} of {@code B}, {@code E} or
     * {@code I}, a string {@code name} and a numeric {@code ts}.
     */
    public static boolean looksLikeFrame(JsonNode value) {
        if (value == null || !value.isObject()) {
            return false;
        }
        String type = value.path("type").asText("");
        return (type.equals("B") || type.equals("E") || type.equals("I"))
                && value.path("name").isTextual() && value.path("ts").isNumber();
    }

    /** True when {@code value} is an ingest batch: an object whose {@code events} array starts with a frame. */
    public static boolean looksLikeBatch(JsonNode value) {
        return value != null && value.isObject() && value.path("events").isArray()
                && (looksLikeFrame(value.path("events").path(0))
                    || value.path("events").isEmpty() && value.has("node_id"));
    }

    @Override
    public void read(InputSource source, ReadContext ctx) throws IOException, InputException {
        TraceSink sink = ctx.newSink();
        Lines lines = new Lines(sink, new Problems(sink, source.name(), EXPECTED));
        try (InputStream in = new ProgressInputStream(source.open(), ctx)) {
            LineSplitter.split(in, lines::line);
        }
        lines.problems.requireRecords(lines.frames + lines.nodes.size(), lines.contentLines);
    }

    /** State of one read: the decoder, metadata already reported, and what went wrong first. */
    private static final class Lines {
        private final TraceSink sink;
        private final Problems problems;
        private final FrameDecoder lineFrame;
        private final FrameDecoder batchFrame;
        private final Set<String> nodes = new HashSet<>();
        private final Set<String> runs = new HashSet<>();
        private long frames;
        private long contentLines;

        Lines(TraceSink sink, Problems problems) {
            this.sink = sink;
            this.problems = problems;
            this.lineFrame = new FrameDecoder(sink, JSON);
            this.batchFrame = new FrameDecoder(sink, JSON);
        }

        void line(byte[] buf, int start, int len, long line, long offset, boolean terminated) throws IOException {
            if (LineSplitter.isBlank(buf, start, len)) {
                return;
            }
            contentLines++;
            try (JsonParser p = JSON.createParser(buf, start, len)) {
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    problems.line(line, offset, terminated, "expected " + EXPECTED);
                    return;
                }
                lineFrame.begin(line, offset);
                String nodeId = null;
                String runId = null;
                boolean batch = false;
                JsonToken t;
                while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    JsonToken value = p.nextToken();
                    if (key.equals("events") && value == JsonToken.START_ARRAY) {
                        batch = true;
                        if (nodeId == null) {
                            nodeId = topLevelText(buf, start, len, "node_id");
                        }
                        batchFrames(p, line, offset, nodeId);
                    } else if (key.equals("node_id") && value.isScalarValue()) {
                        nodeId = p.getText();
                    } else if (key.equals("run_id") && value.isScalarValue()) {
                        runId = p.getText();
                    } else {
                        lineFrame.member(p, key, value);
                    }
                }
                if (t != JsonToken.END_OBJECT || p.nextToken() != null) {
                    problems.line(line, offset, terminated, "expected one JSON object per line");
                    return;
                }
                if (batch) {
                    hostMetadata(nodeId, runId);
                } else {
                    String error = lineFrame.finish(null);
                    if (error != null) {
                        problems.line(line, offset, true, error);
                    } else {
                        frames++;
                    }
                }
            } catch (JsonProcessingException e) {
                problems.line(line, offset, terminated, "expected " + EXPECTED + " (" + e.getOriginalMessage() + ")");
            }
        }

        private void batchFrames(JsonParser p, long line, long lineOffset, String nodeId) throws IOException {
            int index = 0;
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                long at = lineOffset + p.currentTokenLocation().getByteOffset();
                if (t != JsonToken.START_OBJECT) {
                    p.skipChildren();
                    problems.line(line, at, true, "events[" + index++ + "]: expected a frame object");
                    continue;
                }
                batchFrame.begin(line, at);
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    batchFrame.member(p, key, p.nextToken());
                }
                String error = batchFrame.finish(nodeId);
                if (error != null) {
                    problems.line(line, at, true, "events[" + index + "]: " + error);
                } else {
                    frames++;
                }
                index++;
            }
        }

        private void hostMetadata(String nodeId, String runId) throws IOException {
            if (nodeId != null && nodes.add(nodeId)) {
                sink.traceMetadata("host_name", JsonRecords.MAPPER.writeValueAsString(nodeId));
            }
            if (runId != null && runs.add(runId)) {
                sink.traceMetadata("run_id", JsonRecords.MAPPER.writeValueAsString(runId));
            }
        }
    }

    /**
     * The {@code node_id} of a batch whose {@code events} come before it: a second, shallow pass over
     * the line that skips every nested value.
     */
    private static String topLevelText(byte[] buf, int start, int len, String key) throws IOException {
        try (JsonParser p = JSON.createParser(buf, start, len)) {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                if (name.equals(key) && v.isScalarValue()) {
                    return p.getText();
                }
                p.skipChildren();
            }
        } catch (JsonProcessingException e) {
            // the main pass reports the syntax error
        }
        return null;
    }
}
