package dev.flarescope.format.metrics;

import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.flarescope.format.InputException;
import dev.flarescope.format.Utf8JsonFactory;
import dev.flarescope.model.TraceSink;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The loop shared by readers whose records are small JSON objects. Each record is parsed on its own
 * into a tree (one request or result at a time, never the whole file), handed to a {@link Handler},
 * and problems are reported the same way everywhere: a bad line is counted with its line number and
 * skipped, a cut end is reported as truncated, and an input that yields no record at all becomes an
 * {@link InputException}.
 *
 * <p>Three layouts: JSON lines ({@link #readLines}); a server-sent-events capture ({@link #sse}), where
 * the JSON follows {@code data:} and other lines ({@code event:}, {@code id:}, comments, blank lines,
 * {@code data: [DONE]}) carry none; and a document ({@link #readDocument}) of one or more root values
 * where a root array stands for its elements.
 */
public final class JsonRecords {
    /**
     * The tree mapper every metrics reader uses. Floats are kept as {@link java.math.BigDecimal} with
     * their digits intact, so epoch times convert to nanoseconds exactly and extras keep the text given.
     * Bytes are always UTF-8 ({@link Utf8JsonFactory}).
     */
    /**
     * Why a number failed: Jackson reads floats as {@code BigDecimal} and refuses exponents beyond an
     * int's range (such as {@code 1e99999999999}) with a {@link NumberFormatException}, not a parse error.
     */
    static final String OUT_OF_RANGE = "a number whose exponent is out of range";

    public static final ObjectMapper MAPPER = JsonMapper.builder(
                    new Utf8JsonFactory(new JsonFactoryBuilder().disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)))
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    /** Reads one line as one value: anything after it on the line makes the line malformed. */
    private static final ObjectReader LINE = MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private static final byte[] DATA = "data:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DONE = "[DONE]".getBytes(StandardCharsets.US_ASCII);
    private static final byte[][] OTHER_SSE_FIELDS = {
        "event:".getBytes(StandardCharsets.US_ASCII),
        "id:".getBytes(StandardCharsets.US_ASCII),
        "retry:".getBytes(StandardCharsets.US_ASCII),
    };

    /** Receives each JSON value; returns true when it produced a record. */
    @FunctionalInterface
    public interface Handler {
        boolean value(JsonNode value, long line, long offset) throws IOException;
    }

    private final Problems problems;
    private final String expected;
    private boolean sse;
    private long records;
    /** Lines or root values that held anything, to tell an empty input from an unreadable one. */
    private long nonBlank;

    /**
     * @param path     input name for messages
     * @param expected what a line should hold, for messages ("an llm-metrics JSON object per line")
     */
    public JsonRecords(TraceSink sink, String path, String expected) {
        this.problems = new Problems(sink, path, expected);
        this.expected = expected;
    }

    /** Reads a server-sent-events capture: JSON only after {@code data:}. */
    public JsonRecords sse() {
        this.sse = true;
        return this;
    }

    /**
     * Reads every line and throws when none produced a record.
     *
     * @throws InputException when the input is empty or holds no record at all
     */
    public void readLines(InputStream in, Handler handler) throws IOException, InputException {
        LineSplitter.split(in, (buf, start, len, line, offset, terminated) ->
                line(buf, start, len, line, offset, terminated, handler));
        problems.requireRecords(records, nonBlank);
    }

    /**
     * Reads one JSON document (or several concatenated): each root object is a record, each element of
     * a root array too. A syntax error ends the reading: at the end of the input it is reported as
     * truncated, elsewhere as malformed with the rest skipped, since a document cannot be resynchronised.
     *
     * @throws InputException when the input is empty or holds no record at all
     */
    public void readDocument(InputStream in, Handler handler) throws IOException, InputException {
        try (JsonParser p = MAPPER.createParser(in)) {
            try {
                JsonToken t;
                while ((t = p.nextToken()) != null) {
                    nonBlank++;
                    if (t == JsonToken.START_ARRAY) {
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            documentValue(p, handler);
                        }
                    } else {
                        documentValue(p, handler);
                    }
                }
            } catch (JsonProcessingException e) {
                JsonLocation at = e.getLocation();
                if (endsEarly(e)) {
                    problems.truncated(at.getLineNr(), at.getByteOffset(), "the document ends early: " + e.getOriginalMessage());
                } else {
                    problems.malformed(at.getLineNr(), at.getByteOffset(), "expected " + expected + " ("
                            + e.getOriginalMessage() + "); the rest of the document was skipped");
                }
            } catch (NumberFormatException e) {
                JsonLocation at = p.currentLocation();
                problems.malformed(at.getLineNr(), at.getByteOffset(), "expected " + expected + " (" + OUT_OF_RANGE
                        + "); the rest of the document was skipped");
            }
        }
        problems.requireRecords(records, nonBlank);
    }

    /**
     * True when a parse error is the input ending inside a value rather than a wrong character. Jackson
     * reports some of these as {@link JsonEOFException} and some (between array entries, for one) as a
     * plain parse error with its "Unexpected end-of-input" message.
     */
    public static boolean endsEarly(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        return e instanceof JsonEOFException || message != null && message.startsWith("Unexpected end-of-input");
    }

    private void documentValue(JsonParser p, Handler handler) throws IOException {
        JsonLocation at = p.currentTokenLocation();
        JsonNode value = p.readValueAsTree();
        if (handler.value(value, at.getLineNr(), at.getByteOffset())) {
            records++;
        }
    }

    /** Reports a value the handler could not use; keeps the first problem for the final message. */
    public void malformed(long line, long offset, String message) {
        problems.malformed(line, offset, message);
    }

    private void line(byte[] buf, int start, int len, long line, long offset, boolean terminated,
                      Handler handler) throws IOException {
        if (LineSplitter.isBlank(buf, start, len)) {
            return;
        }
        int jsonStart = start;
        int jsonLen = len;
        if (sse) {
            if (!startsWith(buf, start, len, DATA)) {
                if (!isSseField(buf, start, len)) {
                    nonBlank++;
                    problems.line(line, offset, terminated, "expected a server-sent-events line (data: {...})");
                }
                return;
            }
            jsonStart = start + DATA.length;
            jsonLen = len - DATA.length;
            while (jsonLen > 0 && buf[jsonStart] == ' ') {
                jsonStart++;
                jsonLen--;
            }
            if (jsonLen == DONE.length && startsWith(buf, jsonStart, jsonLen, DONE)) {
                return;
            }
        }
        nonBlank++;
        JsonNode value;
        try {
            value = LINE.readTree(buf, jsonStart, jsonLen);
        } catch (JsonProcessingException e) {
            problems.line(line, offset, terminated, "expected " + expected + " (" + e.getOriginalMessage() + ")");
            return;
        } catch (NumberFormatException e) {
            problems.line(line, offset, terminated, "expected " + expected + " (" + OUT_OF_RANGE + ")");
            return;
        }
        if (handler.value(value, line, offset)) {
            records++;
        }
    }

    /** A comment ({@code :...}) or one of the other fields of an event ({@code event:}, {@code id:}, {@code retry:}). */
    private static boolean isSseField(byte[] buf, int start, int len) {
        if (buf[start] == ':') {
            return true;
        }
        for (byte[] field : OTHER_SSE_FIELDS) {
            if (startsWith(buf, start, len, field)) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWith(byte[] buf, int start, int len, byte[] prefix) {
        if (len < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (buf[start + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
