package dev.flarescope.format.cloudtrace;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.flarescope.format.InputException;
import dev.flarescope.format.InputSource;
import dev.flarescope.format.ReadContext;
import dev.flarescope.format.TraceReader;
import dev.flarescope.format.Utf8JsonFactory;
import dev.flarescope.model.RawEvent;
import dev.flarescope.model.TraceSink;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Reads a Google Cloud Trace document: {@code {"projectId", "traceId", "spans": [{"spanId", "kind",
 * "name", "startTime", "endTime", "parentSpanId", "labels"}]}} with RFC 3339 times (nanosecond
 * precision kept). Every span becomes an X event on one thread of one process named after the trace;
 * {@code spanId}, {@code parentSpanId}, {@code kind} and the labels become its args.
 */
public final class CloudTraceReader implements TraceReader {
    private static final JsonFactory FACTORY = new Utf8JsonFactory(new JsonFactoryBuilder());
    private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER =
            new com.fasterxml.jackson.databind.ObjectMapper(FACTORY);

    @Override
    public void read(InputSource source, ReadContext ctx) throws IOException, InputException {
        TraceSink sink = ctx.newSink();
        String traceId = null;
        String project = null;
        long spans = 0;
        try (InputStream in = source.open(); JsonParser p = FACTORY.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new InputException(source.name(), 0, "expected a Cloud Trace object with \"spans\"");
            }
            String field;
            while ((field = p.nextFieldName()) != null) {
                JsonToken t = p.nextToken();
                switch (field) {
                    case "traceId" -> {
                        traceId = p.getValueAsString();
                        sink.traceMetadata(field, MAPPER.writeValueAsString(traceId));
                    }
                    case "projectId" -> {
                        project = p.getValueAsString();
                        sink.traceMetadata(field, MAPPER.writeValueAsString(project));
                    }
                    case "spans" -> spans += readSpans(p, t, sink, source.name(), ctx);
                    default -> sink.traceMetadata(field, MAPPER.readTree(p).toString());
                }
            }
        } catch (JsonProcessingException e) {
            long at = e.getLocation() == null ? -1 : e.getLocation().getByteOffset();
            if (spans == 0) {
                throw new InputException(source.name(), at, "not a readable Cloud Trace document: " + e.getOriginalMessage());
            }
            sink.truncated(at, "the document ends early: " + e.getOriginalMessage());
        }
        ctx.progressBytes(source.size());
        RawEvent m = new RawEvent();
        m.ph = 'M';
        m.name = sink.strings().intern("process_name");
        m.hasPid = true;
        String label = (project != null ? project + " " : "") + "trace " + (traceId != null ? traceId : "");
        m.scalars.addString(sink.strings().intern("name"), sink.strings().intern(label.trim()));
        sink.event(m);
    }

    private static long readSpans(JsonParser p, JsonToken t, TraceSink sink, String name, ReadContext ctx) throws IOException {
        if (t != JsonToken.START_ARRAY) {
            p.skipChildren();
            return 0;
        }
        RawEvent e = new RawEvent();
        ByteArrayOutputStream args = new ByteArrayOutputStream(256);
        long count = 0;
        while (p.nextToken() == JsonToken.START_OBJECT) {
            long offset = p.currentTokenLocation().getByteOffset();
            long line = p.currentTokenLocation().getLineNr();
            e.reset();
            e.ph = 'X';
            e.hasPid = true;
            e.hasTid = true;
            e.offset = offset;
            e.line = line;
            long start = RawEvent.NO_TIME;
            long end = RawEvent.NO_TIME;
            String bad = null;
            args.reset();
            try (JsonGenerator g = FACTORY.createGenerator(args)) {
                g.writeStartObject();
                String field;
                while ((field = p.nextFieldName()) != null) {
                    JsonToken v = p.nextToken();
                    switch (field) {
                        case "name" -> e.name = sink.strings().intern(p.getValueAsString(""));
                        case "startTime", "endTime" -> {
                            long ns = parseTime(p.getValueAsString());
                            if (ns == RawEvent.NO_TIME) {
                                bad = field + " is not an RFC 3339 time: " + p.getText();
                            } else if (field.equals("startTime")) {
                                start = ns;
                            } else {
                                end = ns;
                            }
                        }
                        case "labels" -> {
                            if (v == JsonToken.START_OBJECT) {
                                while (p.nextFieldName() != null) {
                                    g.writeFieldName(p.currentName());
                                    p.nextToken();
                                    g.copyCurrentStructure(p);
                                }
                            } else {
                                p.skipChildren();
                            }
                        }
                        default -> {
                            g.writeFieldName(field);
                            g.copyCurrentStructure(p);
                        }
                    }
                }
                g.writeEndObject();
            }
            count++;
            if (bad != null || start == RawEvent.NO_TIME || end == RawEvent.NO_TIME) {
                sink.malformed(line, offset, bad != null ? bad : "span has no startTime or endTime");
                continue;
            }
            e.ts = start;
            e.dur = end - start;
            byte[] b = args.toByteArray();
            e.args = sink.args().add(b, 0, b.length);
            sink.event(e);
            if ((count & 1023) == 0) {
                ctx.checkCancelled();
            }
        }
        return count;
    }

    /** Epoch nanoseconds of an RFC 3339 time, or {@link RawEvent#NO_TIME}. */
    static long parseTime(String s) {
        if (s == null) {
            return RawEvent.NO_TIME;
        }
        try {
            Instant i = Instant.parse(s);
            return Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000_000L), i.getNano());
        } catch (DateTimeParseException | ArithmeticException e) {
            return RawEvent.NO_TIME;
        }
    }
}
