package dev.flarescope.format.metrics;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
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

/**
 * Reads an inference-sim metrics document: an object whose {@code requests} array holds one entry
 * per simulated request ({@code requestID}, {@code arrived_at} in simulated seconds,
 * {@code num_prefill_tokens}, {@code num_decode_tokens}, {@code ttft_ms}, {@code itl_ms},
 * {@code e2e_ms}, {@code scheduling_delay_ms}). The other top-level members (configuration, totals)
 * go to {@link TraceSink#traceMetadata}.
 *
 * <p>The document is streamed: only one request entry is a tree at a time, so a simulation of millions
 * of requests does not need the whole file in memory. {@code arrived_at} is on the simulator's clock,
 * so {@link RequestRecord#arrivalNs} is too. An {@code itl_ms} given as one number (a mean rather than
 * the sequence) stays in {@code extra}.
 */
public final class InferenceSimReader implements TraceReader {
    static final String EXPECTED = "an inference-sim metrics object with a requests array";

    @Override
    public void read(InputSource source, ReadContext ctx) throws IOException, InputException {
        TraceSink sink = ctx.newSink();
        String path = source.name();
        long records = 0;
        long requestEntries = 0;
        boolean sawRequests = false;
        try (InputStream in = new ProgressInputStream(source.open(), ctx);
             JsonParser p = JsonRecords.MAPPER.createParser(in)) {
            try {
                JsonToken first = p.nextToken();
                if (first == null) {
                    throw new InputException(path, 0, "the input is empty; expected " + EXPECTED);
                }
                if (first != JsonToken.START_OBJECT) {
                    throw new InputException(path, p.currentTokenLocation().getByteOffset(),
                            "expected " + EXPECTED + ", found " + first.asString());
                }
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonToken value = p.nextToken();
                    if (name.equals("requests") && value == JsonToken.START_ARRAY) {
                        sawRequests = true;
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            requestEntries++;
                            if (request(p, path, sink)) {
                                records++;
                            }
                        }
                    } else {
                        JsonNode member = p.readValueAsTree();
                        sink.traceMetadata(name, member.toString());
                    }
                }
            } catch (JsonProcessingException e) {
                syntaxError(e, path, records, sink);
            } catch (NumberFormatException e) {
                JsonLocation at = p.currentLocation();
                if (records == 0) {
                    throw new InputException(path, at.getByteOffset(), "line " + at.getLineNr() + ": "
                            + JsonRecords.OUT_OF_RANGE + "; expected " + EXPECTED);
                }
                sink.malformed(at.getLineNr(), at.getByteOffset(), JsonRecords.OUT_OF_RANGE
                        + "; the rest of the document was skipped");
            }
        }
        if (!sawRequests) {
            throw new InputException(path, -1, "no requests array; expected " + EXPECTED);
        }
        if (records == 0 && requestEntries > 0) {
            throw new InputException(path, -1, "none of the " + requestEntries + " requests entries is an object");
        }
    }

    /**
     * A document cannot be resynchronised after a syntax error: what was read stays, the rest is
     * reported as cut (input ended) or malformed (a wrong character), or the whole input is refused
     * when no request came before it.
     */
    private static void syntaxError(JsonProcessingException e, String path, long records, TraceSink sink)
            throws InputException {
        JsonLocation at = e.getLocation();
        boolean cut = JsonRecords.endsEarly(e);
        if (records == 0) {
            throw new InputException(path, at.getByteOffset(), "line " + at.getLineNr() + ": "
                    + (cut ? "the document ends before any request" : e.getOriginalMessage()) + "; expected " + EXPECTED);
        }
        if (cut) {
            sink.truncated(at.getByteOffset(), "the document ends early at line " + at.getLineNr()
                    + "; " + records + " requests were read");
        } else {
            sink.malformed(at.getLineNr(), at.getByteOffset(), "invalid JSON (" + e.getOriginalMessage()
                    + "); the rest of the document was skipped");
        }
    }

    private static boolean request(JsonParser p, String path, TraceSink sink) throws IOException {
        JsonLocation at = p.currentTokenLocation();
        JsonNode entry = p.readValueAsTree();
        if (!entry.isObject()) {
            sink.malformed(at.getLineNr(), at.getByteOffset(),
                    "expected a request object in requests, found " + Records.describe(entry));
            return false;
        }
        RequestRecord r = Records.start(Format.INFERENCE_SIM, path, at.getLineNr());
        Records.applyAll(entry, r);
        Records.ensureId(r);
        sink.request(r);
        return true;
    }
}
