package dev.flarescope.format.chrome;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.flarescope.model.ArgStore;
import dev.flarescope.model.RawEvent;
import dev.flarescope.model.StringPool;
import dev.flarescope.model.TraceSink;
import java.io.IOException;

/**
 * Decodes one Chrome trace event object from a streaming parser into a {@link RawEvent}.
 *
 * <p>Real traces stretch the format: times come as integers, fractions or strings; pids as numbers,
 * numeric strings or names; ids as numbers or hex text. The decoder accepts all of these and turns
 * each into one canonical field, so the model never sees the variety. A value it cannot make sense of
 * (a time that is not a finite number) makes the event unusable: {@link #decode} returns false, names
 * the problem in {@link #problem()}, and still consumes the whole object so the caller can go on.
 *
 * <p>It allocates nothing per event beyond what the event keeps: names, categories and arg keys are
 * interned from the parser's character buffer, and {@code args} are copied as compact JSON into the
 * sink's {@link ArgStore} through a reused generator. For the phases that read them (counter values,
 * metadata names, sample weights; see {@link RawEvent#listsScalars}) the top-level scalar members of
 * {@code args} are also listed in {@link RawEvent#scalars}; strings longer than
 * {@value #MAX_SCALAR_STRING} characters are left out of that list, as they are payloads rather than
 * labels. Offsets come from the parser's byte offsets, so parsers must read bytes, not characters.
 * One decoder serves one sink on one thread.
 */
public final class ChromeEventDecoder {
    /** Longest arg string listed in {@link RawEvent#scalars}; longer ones stay only in the args text. */
    public static final int MAX_SCALAR_STRING = 256;
    /** Largest magnitude a double holds exactly as an integer; larger integer args keep their text. */
    private static final long EXACT_DOUBLE_LIMIT = 1L << 53;
    private static final int EXCERPT = 40;

    private final TraceSink sink;
    private final StringPool strings;
    private final JsonCopier copier = new JsonCopier();
    private final int weightKey;
    private final int cpuKey;
    private long offsetDelta;
    private long lineDelta;
    private String problem;
    /** Result of the last successful {@link #integer} call. */
    private long integer;

    public ChromeEventDecoder(TraceSink sink) {
        this.sink = sink;
        this.strings = sink.strings();
        this.weightKey = strings.intern("weight");
        this.cpuKey = strings.intern("cpu");
    }

    /**
     * Sets how parser locations map to the input: byte offset = parser offset + {@code offsetDelta},
     * line = parser line + {@code lineDelta}. Readers that parse a range of a file, or put virtual
     * bytes in front of it, set this so events carry offsets in the whole input.
     */
    public void setOrigin(long offsetDelta, long lineDelta) {
        this.offsetDelta = offsetDelta;
        this.lineDelta = lineDelta;
    }

    /** Byte offset in the input of a parser location. */
    public long offsetOf(JsonLocation location) {
        return location.getByteOffset() + offsetDelta;
    }

    /** 1-based line in the input of a parser location. */
    public long lineOf(JsonLocation location) {
        return location.getLineNr() + lineDelta;
    }

    /** Why the last {@link #decode} returned false. */
    public String problem() {
        return problem;
    }

    /**
     * Decodes the event whose {@code START_OBJECT} is the parser's current token and leaves the parser
     * on its {@code END_OBJECT}. Returns false when the event is unusable (see {@link #problem()}); it
     * then holds no args. Syntax errors are thrown as they come from the parser.
     */
    public boolean decode(JsonParser p, RawEvent e) throws IOException {
        return decode(p, e, p.currentTokenLocation(), false);
    }

    /** Same, for an element of an object-form trace's {@code samples} array: the event gets phase {@code P}. */
    public boolean decodeSample(JsonParser p, RawEvent e) throws IOException {
        return decode(p, e, p.currentTokenLocation(), true);
    }

    /** {@link #decode} for a caller that already asked the parser where the event starts. */
    boolean decode(JsonParser p, RawEvent e, JsonLocation start, boolean sample) throws IOException {
        e.reset();
        problem = null;
        e.offset = offsetOf(start);
        e.line = lineOf(start);
        if (sample) {
            e.ph = 'P';
        }
        try {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                fail("expected an event object, found " + describe(p, p.currentToken()));
                p.skipChildren();
            } else {
                readFields(p, e, sample);
            }
        } catch (IOException ex) {
            copier.abandon();
            discardArgs(e);
            throw ex;
        }
        if (problem != null) {
            discardArgs(e);
            return false;
        }
        return true;
    }

    private void readFields(JsonParser p, RawEvent e, boolean sample) throws IOException {
        String field;
        while ((field = p.nextFieldName()) != null) {
            JsonToken t = p.nextToken();
            switch (field) {
                case "ph" -> e.ph = firstChar(p, t);
                case "name" -> e.name = internValue(p, t);
                case "cat" -> e.cat = internValue(p, t);
                case "ts" -> e.ts = readTime(p, t, "ts");
                case "dur" -> e.dur = readTime(p, t, "dur");
                case "pid" -> readPid(p, t, e);
                case "tid" -> readTid(p, t, e);
                case "id" -> e.id = text(p, t);
                case "id2" -> readId2(p, t, e);
                case "scope" -> e.scope = internValue(p, t);
                case "s" -> e.instantScope = firstChar(p, t);
                case "bp" -> e.bindPoint = firstChar(p, t);
                case "bind_id" -> e.bindId = text(p, t);
                case "flow_in" -> e.flowIn = truthy(p, t);
                case "flow_out" -> e.flowOut = truthy(p, t);
                case "cname" -> e.cname = internValue(p, t);
                case "sf" -> e.sf = text(p, t);
                case "args" -> readArgs(p, t, e);
                default -> {
                    if (sample && (field.equals("weight") || field.equals("cpu")) && t.isNumeric()) {
                        e.scalars.addNumber(field.equals("weight") ? weightKey : cpuKey, p.getDoubleValue(), RawEvent.NONE);
                    }
                    p.skipChildren();
                }
            }
        }
    }

    private long readTime(JsonParser p, JsonToken t, String field) throws IOException {
        long ns;
        switch (t) {
            case VALUE_NUMBER_INT -> ns = p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                    ? Micros.INVALID : Micros.toNanos(p.getLongValue());
            case VALUE_NUMBER_FLOAT, VALUE_STRING -> ns = Micros.toNanos(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
            case VALUE_NULL -> {
                return RawEvent.NO_TIME;
            }
            default -> ns = Micros.INVALID;
        }
        if (ns == Micros.INVALID) {
            fail(field + " is not a finite number of microseconds within range: " + describe(p, t));
            p.skipChildren();
            return RawEvent.NO_TIME;
        }
        return ns;
    }

    private void readPid(JsonParser p, JsonToken t, RawEvent e) throws IOException {
        e.hasPid = t != JsonToken.VALUE_NULL;
        e.pidStr = null;
        e.pid = 0;
        if (e.hasPid && !integer(p, t)) {
            e.pidStr = text(p, t);
        } else if (e.hasPid) {
            e.pid = integer;
        }
    }

    private void readTid(JsonParser p, JsonToken t, RawEvent e) throws IOException {
        e.hasTid = t != JsonToken.VALUE_NULL;
        e.tidStr = null;
        e.tid = 0;
        if (e.hasTid && !integer(p, t)) {
            e.tidStr = text(p, t);
        } else if (e.hasTid) {
            e.tid = integer;
        }
    }

    /** True when the value is a 64-bit integer: an integer, an integral float, or a decimal integer string. */
    private boolean integer(JsonParser p, JsonToken t) throws IOException {
        switch (t) {
            case VALUE_NUMBER_INT -> {
                if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                    return false;
                }
                integer = p.getLongValue();
                return true;
            }
            case VALUE_NUMBER_FLOAT -> {
                double d = p.getDoubleValue();
                if (d == Math.rint(d) && Math.abs(d) < 9.2e18) {
                    integer = (long) d;
                    return true;
                }
                return false;
            }
            case VALUE_STRING -> {
                return parseLong(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
            }
            default -> {
                return false;
            }
        }
    }

    private boolean parseLong(char[] c, int off, int len) {
        int i = off;
        int end = off + len;
        boolean negative = i < end && c[i] == '-';
        if (negative) {
            i++;
        }
        if (i == end || end - i > 19) {
            return false;
        }
        long limit = negative ? Long.MIN_VALUE : -Long.MAX_VALUE;
        long v = 0; // accumulated negated, so that Long.MIN_VALUE fits
        for (; i < end; i++) {
            int d = c[i] - '0';
            if (d < 0 || d > 9 || v < (limit + d) / 10) {
                return false;
            }
            v = v * 10 - d;
        }
        integer = negative ? v : -v;
        return true;
    }

    private void readId2(JsonParser p, JsonToken t, RawEvent e) throws IOException {
        if (t != JsonToken.START_OBJECT) {
            e.id = text(p, t);
            return;
        }
        String field;
        while ((field = p.nextFieldName()) != null) {
            JsonToken v = p.nextToken();
            if (field.equals("local") || field.equals("global")) {
                e.id = text(p, v);
                e.idLocal = field.equals("local");
            } else {
                p.skipChildren();
            }
        }
    }

    private void readArgs(JsonParser p, JsonToken t, RawEvent e) throws IOException {
        discardArgs(e); // a repeated "args" replaces the earlier one
        e.scalars.clear();
        if (t == JsonToken.VALUE_NULL) {
            return;
        }
        copier.clear();
        if (t != JsonToken.START_OBJECT) {
            copier.copy(p); // not an object: keep it as written, list nothing
        } else {
            JsonGenerator g = copier.generator();
            g.writeStartObject();
            boolean list = RawEvent.listsScalars(e.ph);
            boolean empty = true;
            String key;
            while ((key = p.nextFieldName()) != null) {
                empty = false;
                g.writeFieldName(key);
                JsonToken v = p.nextToken();
                if (v == JsonToken.START_ARRAY && list) {
                    int keyId = strings.intern(key);
                    g.writeStartArray();
                    while ((v = p.nextToken()) != JsonToken.END_ARRAY) {
                        listScalar(p, v, keyId, e.scalars);
                        copier.copy(p);
                    }
                    g.writeEndArray();
                } else {
                    if (list && v.isScalarValue()) {
                        listScalar(p, v, strings.intern(key), e.scalars);
                    }
                    copier.copy(p);
                }
            }
            g.writeEndObject();
            if (empty) {
                copier.finish();
                copier.clear();
                return;
            }
        }
        copier.finish();
        e.args = sink.args().add(copier.bytes(), 0, copier.length());
        copier.clear();
    }

    private void listScalar(JsonParser p, JsonToken v, int keyId, RawEvent.ArgScalars scalars) throws IOException {
        switch (v) {
            case VALUE_STRING -> {
                if (p.getTextLength() <= MAX_SCALAR_STRING) {
                    scalars.addString(keyId, internText(p));
                }
            }
            case VALUE_NUMBER_INT -> {
                if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                    scalars.addNumber(keyId, p.getDoubleValue(), internText(p));
                } else {
                    long n = p.getLongValue();
                    boolean exact = n > -EXACT_DOUBLE_LIMIT && n < EXACT_DOUBLE_LIMIT;
                    scalars.addNumber(keyId, n, exact ? RawEvent.NONE : internText(p));
                }
            }
            case VALUE_NUMBER_FLOAT -> {
                if (p.isNaN()) {
                    scalars.addString(keyId, internText(p)); // NaN marks a string in scalars; keep the text instead
                } else {
                    scalars.addNumber(keyId, p.getDoubleValue(), RawEvent.NONE);
                }
            }
            case VALUE_TRUE -> scalars.addString(keyId, strings.intern("true"));
            case VALUE_FALSE -> scalars.addString(keyId, strings.intern("false"));
            default -> {
                // null and nested structures are not listed
            }
        }
    }

    private int internText(JsonParser p) throws IOException {
        return strings.intern(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
    }

    private void discardArgs(RawEvent e) {
        if (e.args != ArgStore.NONE) {
            sink.args().removeLast(e.args);
            e.args = ArgStore.NONE;
        }
    }

    /** A scalar or structure as text: strings as they are, other values as JSON; null for JSON null. */
    String text(JsonParser p, JsonToken t) throws IOException {
        return switch (t) {
            case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> p.getText();
            case VALUE_TRUE -> "true";
            case VALUE_FALSE -> "false";
            case VALUE_NULL -> null;
            default -> copier.text(p);
        };
    }

    private int internValue(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_STRING) {
            return internText(p);
        }
        String s = text(p, t);
        return s == null ? RawEvent.NONE : strings.intern(s);
    }

    private static char firstChar(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_STRING) {
            return p.getTextLength() > 0 ? p.getTextCharacters()[p.getTextOffset()] : 0;
        }
        p.skipChildren();
        return 0;
    }

    private static boolean truthy(JsonParser p, JsonToken t) throws IOException {
        return switch (t) {
            case VALUE_TRUE -> true;
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> p.getDoubleValue() != 0;
            case VALUE_STRING -> p.getText().equalsIgnoreCase("true");
            default -> {
                p.skipChildren();
                yield false;
            }
        };
    }

    private void fail(String message) {
        if (problem == null) {
            problem = message;
        }
    }

    private static String describe(JsonParser p, JsonToken t) throws IOException {
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> '"' + excerpt(p.getText()) + '"';
            default -> excerpt(p.getText());
        };
    }

    private static String excerpt(String s) {
        return s.length() <= EXCERPT ? s : s.substring(0, EXCERPT) + "...";
    }

    /** The compact JSON text of the parser's current value (a top-level member that is not events). */
    String jsonText(JsonParser p) throws IOException {
        try {
            return copier.text(p);
        } catch (IOException ex) {
            copier.abandon();
            throw ex;
        }
    }
}
