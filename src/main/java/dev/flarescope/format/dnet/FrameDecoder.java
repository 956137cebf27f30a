package dev.flarescope.format.dnet;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.flarescope.format.metrics.DecimalTime;
import dev.flarescope.model.RawEvent;
import dev.flarescope.model.StringPool;
import dev.flarescope.model.TraceSink;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * Decodes the members of one dnet frame, as a streaming parser meets them, into a reused
 * {@link RawEvent}, and hands the event to the sink when the frame is complete.
 *
 * <p>{@code args} is re-serialised while it is read (compact, members in input order, numbers with the
 * digits given) and its top-level numbers and strings are listed as scalars. {@code req_id}, which may come before or after
 * {@code args}, is appended to the args text and the scalars at the end unless args already had one.
 */
final class FrameDecoder {
    private static final int NONE = RawEvent.NONE;

    private final TraceSink sink;
    private final StringPool strings;
    private final JsonFactory json;
    private final RawEvent ev = new RawEvent();
    private final Buffer args = new Buffer();
    private final int reqIdKey;
    private final int nodeIdKey;

    private JsonGenerator gen;
    private boolean hasArgs;
    private boolean argsHasReqId;
    private boolean argsHasNodeId;
    private JsonToken reqIdToken;
    private String reqIdText;
    private String error;

    FrameDecoder(TraceSink sink, JsonFactory json) {
        this.sink = sink;
        this.strings = sink.strings();
        this.json = json;
        this.reqIdKey = strings.intern("req_id");
        this.nodeIdKey = strings.intern("node_id");
    }

    /** Starts a frame found at {@code offset} of input line {@code line}. */
    void begin(long line, long offset) throws IOException {
        if (gen != null) {
            gen.close(); // left open by a frame that was never finished
        }
        ev.reset();
        ev.line = line;
        ev.offset = offset;
        args.reset();
        gen = null;
        hasArgs = false;
        argsHasReqId = false;
        argsHasNodeId = false;
        reqIdToken = null;
        reqIdText = null;
        error = null;
    }

    /** Reads the value of member {@code key}; the parser is on the value's first token and ends on its last. */
    void member(JsonParser p, String key, JsonToken value) throws IOException {
        switch (key) {
            case "type" -> {
                String type = value == JsonToken.VALUE_STRING ? p.getText() : "";
                if (type.equals("B") || type.equals("E") || type.equals("I")) {
                    ev.ph = type.charAt(0);
                } else {
                    fail("type must be \"B\", \"E\" or \"I\", found " + p.getText());
                }
            }
            case "name" -> {
                if (value == JsonToken.VALUE_STRING) {
                    ev.name = strings.intern(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
                } else {
                    fail("name must be a string");
                }
            }
            case "cat" -> {
                if (value == JsonToken.VALUE_STRING) {
                    ev.cat = strings.intern(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
                }
            }
            case "ts" -> timestamp(p, value);
            case "req_id" -> {
                if (value == JsonToken.VALUE_STRING || value.isNumeric()) {
                    reqIdToken = value;
                    reqIdText = p.getText();
                }
            }
            case "pid" -> pid(p, value);
            case "tid" -> tid(p, value);
            case "args" -> {
                if (value == JsonToken.START_OBJECT) {
                    copyArgs(p);
                } else {
                    p.skipChildren();
                }
            }
            default -> p.skipChildren();
        }
    }

    /**
     * Completes the frame and emits it, adding {@code nodeId} (a batch's node, or null) to its args.
     *
     * @return null when the event was emitted, else why the frame was skipped
     */
    String finish(String nodeId) throws IOException {
        if (error == null && (ev.ph == 0 || ev.name == NONE || ev.ts == RawEvent.NO_TIME)) {
            error = "expected a frame with type, name and ts";
        }
        if (error != null) {
            return error;
        }
        boolean addReqId = reqIdText != null && !argsHasReqId;
        boolean addNodeId = nodeId != null && !argsHasNodeId;
        if (hasArgs || addReqId || addNodeId) {
            if (!hasArgs) {
                startArgs();
            }
            if (addReqId) {
                int valueId = strings.intern(reqIdText);
                if (reqIdToken == JsonToken.VALUE_STRING) {
                    gen.writeStringField("req_id", reqIdText);
                    ev.scalars.addString(reqIdKey, valueId);
                } else {
                    gen.writeFieldName("req_id");
                    gen.writeNumber(reqIdText);
                    ev.scalars.addNumber(reqIdKey, Double.parseDouble(reqIdText), valueId);
                }
            }
            if (addNodeId) {
                gen.writeStringField("node_id", nodeId);
                ev.scalars.addString(nodeIdKey, strings.intern(nodeId));
            }
            gen.writeEndObject();
            gen.close();
            gen = null;
            ev.args = sink.args().add(args.bytes(), 0, args.size());
        }
        sink.event(ev);
        return null;
    }

    private void fail(String message) {
        if (error == null) {
            error = message;
        }
    }

    private void timestamp(JsonParser p, JsonToken value) throws IOException {
        if (!value.isNumeric()) {
            fail("ts must be a number of seconds");
            return;
        }
        try {
            ev.ts = DecimalTime.toNanos(p.getTextCharacters(), p.getTextOffset(), p.getTextLength(), DecimalTime.SECONDS);
        } catch (NumberFormatException e) {
            fail("ts " + p.getText() + " is out of range");
        }
    }

    private void pid(JsonParser p, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NUMBER_INT) {
            ev.pid = p.getLongValue();
            ev.hasPid = true;
        } else if (value == JsonToken.VALUE_STRING) {
            String s = p.getText();
            ev.hasPid = true;
            if (isInteger(s)) {
                ev.pid = Long.parseLong(s);
            } else {
                ev.pidStr = s;
            }
        }
    }

    private void tid(JsonParser p, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NUMBER_INT) {
            ev.tid = p.getLongValue();
            ev.hasTid = true;
        } else if (value == JsonToken.VALUE_STRING) {
            String s = p.getText();
            ev.hasTid = true;
            if (isInteger(s)) {
                ev.tid = Long.parseLong(s);
            } else {
                ev.tidStr = s;
            }
        }
    }

    private void copyArgs(JsonParser p) throws IOException {
        hasArgs = true;
        startArgs();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken value = p.nextToken();
            argsHasReqId |= key.equals("req_id");
            argsHasNodeId |= key.equals("node_id");
            gen.writeFieldName(key);
            if (value == JsonToken.VALUE_STRING) {
                ev.scalars.addString(strings.intern(key),
                        strings.intern(p.getTextCharacters(), p.getTextOffset(), p.getTextLength()));
            } else if (value.isNumeric()) {
                ev.scalars.addNumber(strings.intern(key), p.getDoubleValue(), NONE);
            }
            gen.copyCurrentStructureExact(p);
        }
    }

    private void startArgs() throws IOException {
        gen = json.createGenerator(args);
        gen.writeStartObject();
    }

    private static boolean isInteger(String s) {
        int i = s.startsWith("-") ? 1 : 0;
        if (i == s.length() || s.length() - i > 18) {
            return false;
        }
        for (; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** A byte buffer whose content is read in place. */
    private static final class Buffer extends ByteArrayOutputStream {
        Buffer() {
            super(256);
        }

        byte[] bytes() {
            return buf;
        }
    }
}
