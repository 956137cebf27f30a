package dev.flarescope.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;

/**
 * Streams Chrome trace events, one event per line, through a single {@link JsonGenerator}: either as
 * the array of a {@code {"traceEvents":[...]}} document or as JSON Lines. Nothing is kept per event,
 * so a generated trace can be far larger than the heap.
 *
 * <p>Times are given in nanoseconds and written in the format's microseconds: a whole number when
 * the time falls on a microsecond, otherwise with three decimals. Writing the decimal text directly
 * keeps epoch-sized timestamps exact, which a {@code double} could not.
 *
 * <p>Usage: {@link #begin} writes the fields every event has and returns the generator, the caller
 * adds any further fields ({@code dur}, {@code id}, {@code args}), then calls {@link #end}.
 */
final class ChromeEventWriter implements Closeable {

    private static final JsonFactory FACTORY = new JsonFactoryBuilder().rootValueSeparator((String) null).build();

    private final JsonGenerator json;
    private final TraceLayout layout;
    private long count;
    private boolean cut;

    ChromeEventWriter(Writer out, TraceLayout layout) throws IOException {
        this.json = FACTORY.createGenerator(out);
        this.layout = layout;
        if (layout == TraceLayout.JSON) {
            json.writeRaw("{\"traceEvents\":[\n");
        }
    }

    /** Number of events written so far. */
    long count() {
        return count;
    }

    /**
     * Starts an event with its phase, name, category, process, thread and start time.
     * A null {@code cat} is left out.
     */
    JsonGenerator begin(char ph, String name, String cat, long pid, long tid, long tsNs) throws IOException {
        if (cut) {
            throw new IllegalStateException("no event can follow a cut line");
        }
        if (count > 0) {
            json.writeRaw(layout == TraceLayout.JSON ? ",\n" : "\n");
        }
        json.writeStartObject();
        json.writeStringField("ph", String.valueOf(ph));
        json.writeStringField("name", name);
        if (cat != null) {
            json.writeStringField("cat", cat);
        }
        json.writeNumberField("pid", pid);
        json.writeNumberField("tid", tid);
        writeMicros("ts", tsNs);
        return json;
    }

    /** Ends the event started by {@link #begin}. */
    void end() throws IOException {
        json.writeEndObject();
        count++;
    }

    /** Writes a time or duration field given in nanoseconds as microseconds. */
    void writeMicros(String field, long ns) throws IOException {
        json.writeFieldName(field);
        json.writeNumber(micros(ns));
    }

    /**
     * Ends JSON Lines output with the given text as an unfinished last line, the way a file looks when
     * its writer died mid-event. Nothing may be written afterwards.
     */
    void writeCutLine(String partialEvent) throws IOException {
        if (layout != TraceLayout.JSONL) {
            throw new IllegalStateException("a cut line only makes sense in JSON Lines output");
        }
        json.writeRaw(count > 0 ? "\n" + partialEvent : partialEvent);
        cut = true;
    }

    /** Closes the framing (unless the output was cut) and the underlying writer. */
    @Override
    public void close() throws IOException {
        if (layout == TraceLayout.JSON) {
            json.writeRaw("\n]}\n");
        } else if (count > 0 && !cut) {
            json.writeRaw("\n");
        }
        json.close();
    }

    /** Nanoseconds as microsecond text: {@code 1500} is "1.500", {@code 2000} is "2". */
    static String micros(long ns) {
        if (ns < 0) {
            return "-" + micros(-ns);
        }
        long whole = ns / 1000L;
        int fraction = (int) (ns % 1000L);
        if (fraction == 0) {
            return Long.toString(whole);
        }
        String digits = Integer.toString(fraction + 1000).substring(1);
        return whole + "." + digits;
    }
}
