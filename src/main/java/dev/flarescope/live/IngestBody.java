package dev.flarescope.live;

import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.flarescope.format.Format;
import dev.flarescope.format.Utf8JsonFactory;
import dev.flarescope.format.metrics.DecimalTime;
import dev.flarescope.io.FormatDetector;
import java.io.IOException;
import java.util.Set;

/**
 * Checks a pushed body before it is acknowledged, so that a 202 is a promise: the body is one of the
 * forms the ingest endpoint takes, it is well-formed JSON to the last byte, and the count returned
 * is the number of events (or request records) it will add.
 *
 * <p>Accepted forms: a JSON array of Chrome events; Chrome's object form ({@code traceEvents});
 * newline-delimited JSON whose lines are Chrome events, arrays of them, dnet frames, dnet batches
 * ({@code {"run_id","node_id","events":[...]}}) or request-metrics records (llm-metrics, SGLang,
 * llama.cpp responses). The format is decided by {@link FormatDetector}, as for a file; this pass
 * only validates and counts, with one streaming parse that keeps nothing.
 */
final class IngestBody {
    /** The members of a dnet frame the reader reads as single values. */
    private static final Set<String> FRAME_FIELDS = Set.of("type", "name", "cat", "ts", "req_id", "pid", "tid");
    private static final String FIELD_RULE = "must be a string or a number (an integer pid or tid within 64 bits)";
    private static final Set<Format> LIVE_FORMATS = Set.of(Format.CHROME_JSON, Format.CHROME_JSONL,
            Format.DNET_FRAMES, Format.LLM_METRICS, Format.SGLANG_METRICS, Format.LLAMA_TIMINGS);

    /**
     * What a valid body holds. {@code body} is what the reader gets: the body itself, or for a
     * line-oriented format a copy with the line breaks inside each value turned into spaces, so a
     * pretty-printed batch reads as the one line it is.
     */
    record Inspection(Format format, long events, byte[] body, String node) {
    }

    /** Why a body was refused, with where. */
    static final class BodyException extends Exception {
        BodyException(String message) {
            super(message);
        }
    }

    private IngestBody() {
    }

    static Inspection inspect(byte[] body) throws BodyException {
        FormatDetector.Detection d = FormatDetector.detect(body);
        if (d.format() == Format.UNKNOWN) {
            throw new BodyException(d.reason());
        }
        if (!LIVE_FORMATS.contains(d.format())) {
            throw new BodyException("a " + d.format().description() + " is not taken here; push Chrome events "
                    + "(array, object form or one per line), dnet batches or request-metrics lines");
        }
        // UTF-8 always, as the readers read, and a factory of its own: a factory's table of field names
        // outlives its parsers, and a name found there is not decoded (so not checked) again, which
        // made the verdict on a body depend on the bodies before it
        try (JsonParser p = new Utf8JsonFactory(new JsonFactoryBuilder()).createParser(body)) {
            Counts c = new Counts();
            JsonToken t;
            long lastEnd = -1;
            while ((t = p.nextToken()) != null) {
                long start = p.currentTokenLocation().getByteOffset();
                if (c.roots > 0 && !newlineBetween(body, lastEnd, start)) {
                    throw new BodyException("at byte " + start + ": a second JSON value on the same line; "
                            + "put one value per line");
                }
                c.roots++;
                root(p, t, c, d.format());
                lastEnd = p.currentLocation().getByteOffset();
            }
            Format format = d.format() == Format.CHROME_JSON && c.roots > 1 ? Format.CHROME_JSONL : d.format();
            if (format == Format.CHROME_JSON && c.objectForm && c.roots > 1) {
                throw new BodyException("a trace in object form must be the only value of the body");
            }
            return new Inspection(format, c.events, format == Format.CHROME_JSON ? body : oneLinePerValue(body), c.node);
        } catch (JsonProcessingException e) {
            throw new BodyException("at byte " + e.getLocation().getByteOffset() + ": not valid JSON: "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw new BodyException("cannot read the body: " + e.getMessage());
        }
    }

    private static final class Counts {
        long roots;
        long events;
        boolean objectForm;
        /** The first dnet {@code node_id} of a batch, which names the sender. */
        String node;
    }

    private static void root(JsonParser p, JsonToken t, Counts c, Format format) throws IOException, BodyException {
        long at = p.currentTokenLocation().getByteOffset();
        if (t == JsonToken.START_ARRAY) {
            c.events += objects(p, "element", at);
        } else if (t == JsonToken.START_OBJECT) {
            c.events += object(p, c, format, at);
        } else {
            throw new BodyException("at byte " + at + ": expected a JSON object or array, found " + p.getText());
        }
    }

    /** Counts the elements of the array the parser is on; each must be an object. */
    private static long objects(JsonParser p, String what, long arrayAt) throws IOException, BodyException {
        long n = 0;
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t != JsonToken.START_OBJECT) {
                throw new BodyException("at byte " + p.currentTokenLocation().getByteOffset() + ": " + what + " " + n
                        + " of the array at byte " + arrayAt + " is not an event object");
            }
            skip(p);
            n++;
        }
        return n;
    }

    /** One root object: an event or record (1), a trace in object form or a dnet batch (its events). */
    private static long object(JsonParser p, Counts c, Format format, long at) throws IOException, BodyException {
        long n = 1;
        boolean container = false;
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken v = p.nextToken();
            // Chrome's object form carries events in traceEvents and, as sample events, in samples
            boolean events = (key.equals("traceEvents") || key.equals("samples")) && format == Format.CHROME_JSON
                    || key.equals("events") && format == Format.DNET_FRAMES;
            if (events && v == JsonToken.START_ARRAY) {
                long k = format == Format.DNET_FRAMES ? frames(p) : objects(p, key + "[]", at);
                n = container ? n + k : k;
                container = true;
                c.objectForm |= key.equals("traceEvents");
            } else if (key.equals("node_id") && format == Format.DNET_FRAMES && v.isScalarValue() && c.node == null) {
                c.node = p.getText();
            } else if (format == Format.DNET_FRAMES && !frameField(p, key, v)) {
                // the reader reads a batch's other members as a frame's
                throw new BodyException("at byte " + p.currentTokenLocation().getByteOffset() + ": " + key + " "
                        + FIELD_RULE);
            } else {
                skip(p);
            }
        }
        if (t != JsonToken.END_OBJECT) {
            throw new BodyException("at byte " + p.currentTokenLocation().getByteOffset() + ": the object that starts at byte "
                    + at + " is not closed");
        }
        return n;
    }

    /**
     * Counts dnet frames, each of which must carry the type, name and ts the reader needs. A key given
     * twice must be valid both times: the reader refuses a frame on the first bad value it meets.
     */
    private static long frames(JsonParser p) throws IOException, BodyException {
        long n = 0;
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            long at = p.currentTokenLocation().getByteOffset();
            if (t != JsonToken.START_OBJECT) {
                throw new BodyException("at byte " + at + ": events[" + n + "] is not a frame object");
            }
            boolean type = false;
            boolean name = false;
            boolean ts = false;
            boolean bad = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonToken v = p.nextToken();
                switch (key) {
                    case "type" -> {
                        type = v == JsonToken.VALUE_STRING && Set.of("B", "E", "I").contains(p.getText());
                        bad |= !type;
                    }
                    case "name" -> {
                        name = v == JsonToken.VALUE_STRING && p.getTextLength() >= 0; // decoded, as UTF-8 is checked
                        bad |= !name;
                    }
                    case "ts" -> {
                        ts = v.isNumeric() && inRange(p.getText());
                        bad |= !ts;
                    }
                    default -> {
                        if (!frameField(p, key, v)) {
                            throw new BodyException("at byte " + p.currentTokenLocation().getByteOffset() + ": events["
                                    + n + "]." + key + " " + FIELD_RULE);
                        }
                        skip(p);
                    }
                }
            }
            if (bad || !type || !name || !ts) {
                throw new BodyException("at byte " + at + ": events[" + n + "] needs \"type\" (B, E or I), a string "
                        + "\"name\" and a numeric \"ts\" (seconds), each given once");
            }
            n++;
        }
        return n;
    }

    /**
     * Whether the dnet reader can take this member of a frame: the frame's own fields must be single
     * values (the reader does not step over an object or array there, and loses the line), and a pid
     * or tid that is an integer must fit 64 bits.
     */
    private static boolean frameField(JsonParser p, String key, JsonToken v) throws IOException {
        if (!FRAME_FIELDS.contains(key)) {
            return true;
        }
        if (!v.isScalarValue()) {
            return false;
        }
        return !(key.equals("pid") || key.equals("tid")) || v != JsonToken.VALUE_NUMBER_INT
                || p.getNumberType() != JsonParser.NumberType.BIG_INTEGER;
    }

    /** Whether a ts in seconds fits the model's nanosecond times, as the dnet reader requires. */
    private static boolean inRange(String seconds) {
        try {
            DecimalTime.toNanos(seconds, DecimalTime.SECONDS);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * Skips the value the parser is on, decoding every string in it: Jackson's own skipping does not
     * look inside strings, and the reader that decodes the body later refuses invalid UTF-8 there.
     */
    private static void skip(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_STRING) {
            p.getTextLength();
        }
        if (t != JsonToken.START_OBJECT && t != JsonToken.START_ARRAY) {
            return;
        }
        int depth = 1;
        while (depth > 0 && (t = p.nextToken()) != null) {
            if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                depth++;
            } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                depth--;
            } else if (t == JsonToken.VALUE_STRING) {
                p.getTextLength();
            }
        }
    }

    /** The body with every line break inside a JSON value (outside strings, where none can be) made a space. */
    static byte[] oneLinePerValue(byte[] body) {
        byte[] out = null;
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < body.length; i++) {
            byte b = body[i];
            if (inString) {
                if (b == '\\') {
                    i++;
                } else if (b == '"') {
                    inString = false;
                }
            } else if (b == '"') {
                inString = true;
            } else if (b == '{' || b == '[') {
                depth++;
            } else if (b == '}' || b == ']') {
                depth--;
            } else if ((b == '\n' || b == '\r') && depth > 0) {
                if (out == null) {
                    out = body.clone();
                }
                out[i] = ' ';
            }
        }
        return out == null ? body : out;
    }

    private static boolean newlineBetween(byte[] body, long from, long to) {
        for (long i = Math.max(0, from); i < to && i < body.length; i++) {
            if (body[(int) i] == '\n') {
                return true;
            }
        }
        return false;
    }
}
