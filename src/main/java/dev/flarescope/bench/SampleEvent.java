package dev.flarescope.bench;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One trace event of a sample built in memory: samples are small, and holding their events lets a
 * process's fragment be written in the order its tracer would have written them (when each event
 * completed) rather than the order the simulation produced them.
 */
final class SampleEvent {
    static final long NO_DURATION = -1;

    final char ph;
    final String name;
    final String cat;
    final long pid;
    final long tid;
    final long tsNs;
    final long durNs;
    /** Async or flow id: a String or a Long, or null. */
    Object id;
    /** Instant scope {@code s} or flow binding point {@code bp}, by field name. */
    final Map<String, String> fields = new LinkedHashMap<>();
    final Map<String, Object> args = new LinkedHashMap<>();

    SampleEvent(char ph, String name, String cat, long pid, long tid, long tsNs, long durNs) {
        this.ph = ph;
        this.name = name;
        this.cat = cat;
        this.pid = pid;
        this.tid = tid;
        this.tsNs = tsNs;
        this.durNs = durNs;
    }

    /** Adds an {@code args} member (String, Number, Boolean, or a List of those); returns this. */
    SampleEvent arg(String key, Object value) {
        args.put(key, value);
        return this;
    }

    /** When a tracer that writes complete events would write this one: at its end. */
    long writtenAtNs() {
        return durNs == NO_DURATION ? tsNs : tsNs + durNs;
    }

    void writeTo(ChromeEventWriter out) throws IOException {
        JsonGenerator json = out.begin(ph, name, cat, pid, tid, tsNs);
        if (durNs != NO_DURATION) {
            out.writeMicros("dur", durNs);
        }
        if (id instanceof Long number) {
            json.writeNumberField("id", number);
        } else if (id != null) {
            json.writeStringField("id", id.toString());
        }
        for (Map.Entry<String, String> field : fields.entrySet()) {
            json.writeStringField(field.getKey(), field.getValue());
        }
        if (!args.isEmpty()) {
            json.writeObjectFieldStart("args");
            for (Map.Entry<String, Object> arg : args.entrySet()) {
                json.writeFieldName(arg.getKey());
                writeValue(json, arg.getValue());
            }
            json.writeEndObject();
        }
        out.end();
    }

    private static void writeValue(JsonGenerator json, Object value) throws IOException {
        if (value instanceof String text) {
            json.writeString(text);
        } else if (value instanceof Double number) {
            json.writeNumber(number);
        } else if (value instanceof Number number) {
            json.writeNumber(number.longValue());
        } else if (value instanceof Boolean flag) {
            json.writeBoolean(flag);
        } else if (value instanceof List<?> list) {
            json.writeStartArray();
            for (Object item : list) {
                writeValue(json, item);
            }
            json.writeEndArray();
        } else {
            throw new IllegalArgumentException("unsupported arg value: " + value);
        }
    }
}
