package dev.flarescope.format.chrome;

import dev.flarescope.format.chrome.ByteLexer.Bail;
import dev.flarescope.model.RawEvent;
import dev.flarescope.model.StringPool;
import dev.flarescope.model.TraceSink;
import java.nio.charset.StandardCharsets;

/**
 * Decodes one Chrome trace event object straight from UTF-8 bytes into a {@link RawEvent}: the fast
 * path of the readers, for the events that make up nearly every real trace.
 *
 * <p>It has the contract of {@link ChromeEventDecoder#decode} (same fields, times, pid/tid rules,
 * scalar listing and compact {@code args} text) but pays for none of a general parser's work: field
 * names are recognised by length and bytes without becoming Strings, strings are interned from their
 * bytes, numbers are converted in place, and {@code args} are copied as bytes with whitespace dropped.
 *
 * <p>It only handles what it can decode with certainty. Anything else (an escaped field name, a
 * value in an unusual form, a value the decoder would reject, a syntax error) makes {@link #decode}
 * return {@link #FALLBACK} and leave no trace in the sink, so that the caller decodes that event with
 * {@link ChromeEventDecoder} and gets its exact behaviour, including its error messages. One scanner
 * serves one sink on one thread.
 */
final class EventScanner {
    /** {@link #decode} result: decode this event with {@link ChromeEventDecoder} instead. */
    static final int FALLBACK = -1;
    /** {@link #decode} result: the bytes end before the event does. */
    static final int INCOMPLETE = -2;

    // Field names packed big-endian into an int (names of up to 4 bytes) or a long (up to 8).
    private static final int S = 's';
    private static final int PH = 'p' << 8 | 'h';
    private static final int TS = 't' << 8 | 's';
    private static final int ID = 'i' << 8 | 'd';
    private static final int BP = 'b' << 8 | 'p';
    private static final int SF = 's' << 8 | 'f';
    private static final int CAT = 'c' << 16 | 'a' << 8 | 't';
    private static final int DUR = 'd' << 16 | 'u' << 8 | 'r';
    private static final int PID = 'p' << 16 | 'i' << 8 | 'd';
    private static final int TID = 't' << 16 | 'i' << 8 | 'd';
    private static final int ID2 = 'i' << 16 | 'd' << 8 | '2';
    private static final int NAME = 'n' << 24 | 'a' << 16 | 'm' << 8 | 'e';
    private static final int ARGS = 'a' << 24 | 'r' << 16 | 'g' << 8 | 's';
    private static final long SCOPE = pack("scope");
    private static final long CNAME = pack("cname");
    private static final long BIND_ID = pack("bind_id");
    private static final long FLOW_IN = pack("flow_in");
    private static final long FLOW_OUT = pack("flow_out");
    private static final long LOCAL = pack("local");
    private static final long GLOBAL = pack("global");
    /** Largest magnitude a double holds exactly as an integer; larger integer args keep their text. */
    private static final long EXACT_DOUBLE_LIMIT = 1L << 53;
    /** Bound of {@code |d|} for an integral double pid or tid, as in {@link ChromeEventDecoder}. */
    private static final double LONG_DOUBLE_LIMIT = 9.2e18;

    private final TraceSink sink;
    private final StringPool strings;
    private final ByteLexer lex = new ByteLexer();
    private boolean argsSeen;
    private boolean argsKept;
    // Value readers leave their result in one of these and return the index after the value.
    private char letter;
    private int internedValue;
    private long time;
    private String text;
    private boolean truthy;
    private long integer;

    EventScanner(TraceSink sink) {
        this.sink = sink;
        this.strings = sink.strings();
    }

    /**
     * Decodes the event whose opening brace is at {@code buf[from]}, reading no further than {@code to}.
     * Returns the index after its closing brace, {@link #FALLBACK} or {@link #INCOMPLETE}. On success
     * {@code e} holds the event (its {@code offset} and {@code line} are the caller's to set) and
     * {@link #lines()} the line breaks inside it; otherwise {@code e} is undefined.
     */
    int decode(byte[] buf, int from, int to, RawEvent e) {
        e.reset();
        lex.reset(buf, to);
        lex.outLen = 0;
        argsSeen = false;
        argsKept = false;
        try {
            int next = members(from + 1, e);
            if (argsKept) {
                e.args = sink.args().add(lex.out, 0, lex.outLen);
            }
            return next;
        } catch (Bail bail) {
            return bail == Bail.INCOMPLETE ? INCOMPLETE : FALLBACK;
        }
    }

    /** Line breaks inside the event last decoded. */
    int lines() {
        return lex.lines;
    }

    private int members(int i, RawEvent e) {
        byte[] b = lex.b;
        i = lex.blank(i);
        if (b[i] == '}') {
            return i + 1;
        }
        while (true) {
            if (b[i] != '"') {
                throw Bail.FALLBACK;
            }
            i = lex.key(i);
            if (lex.strEscaped) {
                throw Bail.FALLBACK;
            }
            int keyStart = lex.strStart;
            int keyLength = lex.strEnd - keyStart;
            i = lex.blank(i);
            if (b[i] != ':') {
                throw Bail.FALLBACK;
            }
            i = member(keyStart, keyLength, lex.blank(i + 1), e);
            i = lex.blank(i);
            if (b[i] == '}') {
                return i + 1;
            }
            if (b[i] != ',') {
                throw Bail.FALLBACK;
            }
            i = lex.blank(i + 1);
        }
    }

    /** Reads the value at {@code i} of the member whose name is {@code b[key, key + length)}. */
    private int member(int key, int length, int i, RawEvent e) {
        if (length <= 4) {
            switch (packInt(key, length)) {
                case PH:
                    i = firstChar(i);
                    e.ph = letter;
                    return i;
                case NAME:
                    i = internValue(i);
                    e.name = internedValue;
                    return i;
                case CAT:
                    i = internValue(i);
                    e.cat = internedValue;
                    return i;
                case TS:
                    i = time(i);
                    e.ts = time;
                    return i;
                case DUR:
                    i = time(i);
                    e.dur = time;
                    return i;
                case PID:
                    return pid(i, e);
                case TID:
                    return tid(i, e);
                case ID:
                    i = text(i);
                    e.id = text;
                    return i;
                case ID2:
                    return id2(i, e);
                case S:
                    i = firstChar(i);
                    e.instantScope = letter;
                    return i;
                case BP:
                    i = firstChar(i);
                    e.bindPoint = letter;
                    return i;
                case SF:
                    i = text(i);
                    e.sf = text;
                    return i;
                case ARGS:
                    return args(i, e);
                default:
                    return lex.skip(i, 0);
            }
        }
        long name = length <= 8 ? packLong(key, length) : -1;
        if (name == SCOPE) {
            i = internValue(i);
            e.scope = internedValue;
        } else if (name == CNAME) {
            i = internValue(i);
            e.cname = internedValue;
        } else if (name == BIND_ID) {
            i = text(i);
            e.bindId = text;
        } else if (name == FLOW_IN) {
            i = truthy(i);
            e.flowIn = truthy;
        } else if (name == FLOW_OUT) {
            i = truthy(i);
            e.flowOut = truthy;
        } else {
            i = lex.skip(i, 0);
        }
        return i;
    }

    /** A string's first char (0 when empty); any other value gives 0. */
    private int firstChar(int i) {
        if (lex.b[i] != '"') {
            letter = 0;
            return lex.skip(i, 0);
        }
        int next = lex.string(i);
        if (lex.strChars == 0) {
            letter = 0;
        } else if (!lex.strEscaped && lex.b[lex.strStart] >= 0) {
            letter = (char) lex.b[lex.strStart];
        } else {
            lex.decodeString();
            letter = lex.chars[0];
        }
        return next;
    }

    /** A string, number or boolean interned as text; null gives NONE. */
    private int internValue(int i) {
        byte c = lex.b[i];
        if (c == '"') {
            int next = lex.string(i);
            internedValue = internString();
            return next;
        }
        if (c == 'n') {
            internedValue = RawEvent.NONE;
            return lex.nullLiteral(i);
        }
        if (c == 't' || c == 'f') {
            int next = lex.bool(i);
            internedValue = strings.intern(c == 't' ? "true" : "false");
            return next;
        }
        if (c == '-' || (c >= '0' && c <= '9')) {
            int next = lex.number(i);
            internedValue = strings.intern(lex.b, lex.numStart, lex.numEnd - lex.numStart);
            return next;
        }
        throw Bail.FALLBACK; // objects and arrays are interned as JSON text: rare, left to the decoder
    }

    private int internString() {
        if (!lex.strEscaped) {
            return strings.intern(lex.b, lex.strStart, lex.strEnd - lex.strStart);
        }
        lex.decodeString();
        return strings.intern(lex.chars, 0, lex.charCount);
    }

    /** A string, number or boolean as text; null gives null. */
    private int text(int i) {
        byte c = lex.b[i];
        if (c == '"') {
            int next = lex.string(i);
            text = lex.strEscaped ? lex.stringValue()
                    : new String(lex.b, lex.strStart, lex.strEnd - lex.strStart, StandardCharsets.UTF_8);
            return next;
        }
        if (c == 'n') {
            text = null;
            return lex.nullLiteral(i);
        }
        if (c == 't' || c == 'f') {
            text = c == 't' ? "true" : "false";
            return lex.bool(i);
        }
        if (c == '-' || (c >= '0' && c <= '9')) {
            int next = lex.number(i);
            text = new String(lex.b, lex.numStart, lex.numEnd - lex.numStart, StandardCharsets.ISO_8859_1);
            return next;
        }
        throw Bail.FALLBACK;
    }

    /** A time in microseconds (number or numeric string) as nanoseconds; null gives NO_TIME. */
    private int time(int i) {
        byte c = lex.b[i];
        int next;
        long ns;
        if (c == '"') {
            next = lex.string(i);
            if (lex.strEscaped) {
                throw Bail.FALLBACK;
            }
            ns = Micros.toNanos(lex.b, lex.strStart, lex.strEnd - lex.strStart);
        } else if (c == 'n') {
            time = RawEvent.NO_TIME;
            return lex.nullLiteral(i);
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            next = lex.number(i);
            if (lex.numIsInt) {
                ns = lex.numBig ? Micros.INVALID : Micros.toNanos(lex.numLong);
            } else {
                ns = Micros.toNanos(lex.b, lex.numStart, lex.numEnd - lex.numStart);
            }
        } else {
            throw Bail.FALLBACK; // not a time: the decoder words the problem
        }
        if (ns == Micros.INVALID) {
            throw Bail.FALLBACK;
        }
        time = ns;
        return next;
    }

    private int pid(int i, RawEvent e) {
        e.hasPid = lex.b[i] != 'n';
        e.pidStr = null;
        e.pid = 0;
        if (!e.hasPid) {
            return lex.nullLiteral(i);
        }
        int next = integer(i);
        if (next >= 0) {
            e.pid = integer;
            return next;
        }
        next = text(i);
        e.pidStr = text;
        return next;
    }

    private int tid(int i, RawEvent e) {
        e.hasTid = lex.b[i] != 'n';
        e.tidStr = null;
        e.tid = 0;
        if (!e.hasTid) {
            return lex.nullLiteral(i);
        }
        int next = integer(i);
        if (next >= 0) {
            e.tid = integer;
            return next;
        }
        next = text(i);
        e.tidStr = text;
        return next;
    }

    /**
     * Reads the value at {@code i} as a 64-bit integer (an integer, an integral float, or a decimal
     * integer string) into {@link #integer}; returns the index after it, or -1 when it is not one.
     */
    private int integer(int i) {
        byte c = lex.b[i];
        if (c == '"') {
            int next = lex.string(i);
            if (lex.strEscaped) {
                throw Bail.FALLBACK; // the decoder parses the decoded text
            }
            return parseLong(lex.b, lex.strStart, lex.strEnd) ? next : -1;
        }
        if (c == '-' || (c >= '0' && c <= '9')) {
            int next = lex.number(i);
            if (lex.numIsInt) {
                if (lex.numBig) {
                    return -1;
                }
                integer = lex.numLong;
                return next;
            }
            double d = lex.numberValue();
            if (d == Math.rint(d) && Math.abs(d) < LONG_DOUBLE_LIMIT) {
                integer = (long) d;
                return next;
            }
        }
        return -1;
    }

    private boolean parseLong(byte[] b, int from, int to) {
        int i = from;
        boolean negative = i < to && b[i] == '-';
        if (negative) {
            i++;
        }
        if (i == to || to - i > 19) {
            return false;
        }
        int lastDigit = negative ? 8 : 7; // of Long.MIN_VALUE, or of -Long.MAX_VALUE for a positive number
        long v = 0; // accumulated negated, so that Long.MIN_VALUE fits
        for (; i < to; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9 || ByteLexer.overflows(v, d, lastDigit)) {
                return false;
            }
            v = v * 10 - d;
        }
        integer = negative ? v : -v;
        return true;
    }

    private int id2(int i, RawEvent e) {
        byte[] b = lex.b;
        if (b[i] != '{') {
            i = text(i);
            e.id = text;
            return i;
        }
        i = lex.blank(i + 1);
        if (b[i] == '}') {
            return i + 1;
        }
        while (true) {
            if (b[i] != '"') {
                throw Bail.FALLBACK;
            }
            i = lex.key(i);
            if (lex.strEscaped) {
                throw Bail.FALLBACK;
            }
            int length = lex.strEnd - lex.strStart;
            long name = length <= 8 ? packLong(lex.strStart, length) : -1;
            i = lex.blank(i);
            if (b[i] != ':') {
                throw Bail.FALLBACK;
            }
            i = lex.blank(i + 1);
            if (name == LOCAL || name == GLOBAL) {
                i = text(i);
                e.id = text;
                e.idLocal = name == LOCAL;
            } else {
                i = lex.skip(i, 1);
            }
            i = lex.blank(i);
            if (b[i] == '}') {
                return i + 1;
            }
            if (b[i] != ',') {
                throw Bail.FALLBACK;
            }
            i = lex.blank(i + 1);
        }
    }

    /** {@code true}, a non-zero number, or a string equal to "true" ignoring case. */
    private int truthy(int i) {
        byte c = lex.b[i];
        if (c == 't' || c == 'f') {
            truthy = c == 't';
            return lex.bool(i);
        }
        if (c == '-' || (c >= '0' && c <= '9')) {
            int next = lex.number(i);
            truthy = lex.numIsInt && !lex.numBig ? lex.numLong != 0 : lex.numberValue() != 0;
            return next;
        }
        if (c == '"') {
            int next = lex.string(i);
            truthy = lex.stringValue().equalsIgnoreCase("true");
            return next;
        }
        truthy = false;
        return lex.skip(i, 0);
    }

    /**
     * Copies {@code args} compactly into the lexer's output and lists its top-level scalars when the
     * phase read so far asks for them ({@link RawEvent#listsScalars}); the text is stored by
     * {@link #decode} once the whole event has been read.
     */
    private int args(int i, RawEvent e) {
        if (argsSeen) {
            throw Bail.FALLBACK; // a repeated args replaces the first one: rare, left to the decoder
        }
        argsSeen = true;
        byte[] b = lex.b;
        if (b[i] == 'n') {
            return lex.nullLiteral(i);
        }
        if (b[i] != '{') {
            argsKept = true;
            return lex.copy(i, 0);
        }
        if (!RawEvent.listsScalars(e.ph)) {
            int next = lex.copy(i, 0);
            argsKept = lex.outLen > 2; // the output holds args alone; "{}" is empty: nothing stored
            return next;
        }
        i = lex.blank(i + 1);
        if (b[i] == '}') {
            return i + 1; // empty: nothing stored
        }
        argsKept = true;
        lex.append((byte) '{');
        while (true) {
            if (b[i] != '"') {
                throw Bail.FALLBACK;
            }
            i = lex.key(i);
            if (lex.strRewrite) {
                throw Bail.FALLBACK;
            }
            int keyStart = lex.strStart;
            int keyEnd = lex.strEnd;
            lex.append(keyStart - 1, keyEnd + 1);
            lex.append((byte) ':');
            i = lex.blank(i);
            if (b[i] != ':') {
                throw Bail.FALLBACK;
            }
            i = lex.blank(i + 1);
            byte c = b[i];
            if (c == '{') {
                i = lex.copy(i, 0);
            } else if (c == '[') {
                i = listedArray(i, strings.intern(b, keyStart, keyEnd - keyStart), e.scalars);
            } else {
                i = listedScalar(i, keyStart, keyEnd - keyStart, e.scalars);
            }
            i = lex.blank(i);
            if (b[i] == '}') {
                lex.append((byte) '}');
                return i + 1;
            }
            if (b[i] != ',') {
                throw Bail.FALLBACK;
            }
            lex.append((byte) ',');
            i = lex.blank(i + 1);
            if (b[i] == '}') {
                throw Bail.FALLBACK; // a trailing comma
            }
        }
    }

    /** Copies a top-level array of {@code args}, listing its scalar elements under {@code key}. */
    private int listedArray(int i, int key, RawEvent.ArgScalars scalars) {
        byte[] b = lex.b;
        lex.append((byte) '[');
        i = lex.blank(i + 1);
        if (b[i] == ']') {
            lex.append((byte) ']');
            return i + 1;
        }
        while (true) {
            byte c = b[i];
            i = c == '{' || c == '[' ? lex.copy(i, 1) : listedScalar(i, key, scalars);
            i = lex.blank(i);
            if (b[i] == ']') {
                lex.append((byte) ']');
                return i + 1;
            }
            if (b[i] != ',') {
                throw Bail.FALLBACK;
            }
            lex.append((byte) ',');
            i = lex.blank(i + 1);
            if (b[i] == ']') {
                throw Bail.FALLBACK; // a trailing comma
            }
        }
    }

    /** {@link #listedScalar(int, int, RawEvent.ArgScalars)} for a key not interned yet. */
    private int listedScalar(int i, int keyStart, int keyLength, RawEvent.ArgScalars scalars) {
        byte c = lex.b[i];
        if (c == 'n') {
            int next = lex.nullLiteral(i);
            lex.append(i, next);
            return next;
        }
        return listedScalar(i, strings.intern(lex.b, keyStart, keyLength), scalars);
    }

    /** Copies the scalar at {@code i} and lists it under {@code key}, by the decoder's rules. */
    private int listedScalar(int i, int key, RawEvent.ArgScalars scalars) {
        byte c = lex.b[i];
        int next;
        if (c == '"') {
            next = lex.string(i);
            if (lex.strChars <= ChromeEventDecoder.MAX_SCALAR_STRING) {
                scalars.addString(key, internString());
            }
            lex.copyString();
            return next;
        }
        if (c == 't' || c == 'f') {
            next = lex.bool(i);
            scalars.addString(key, strings.intern(c == 't' ? "true" : "false"));
        } else if (c == 'n') {
            next = lex.nullLiteral(i);
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            next = lex.number(i);
            listNumber(key, scalars);
        } else {
            throw Bail.FALLBACK;
        }
        lex.append(i, next);
        return next;
    }

    private void listNumber(int key, RawEvent.ArgScalars scalars) {
        if (lex.numIsInt && !lex.numBig) {
            long n = lex.numLong;
            boolean exact = n > -EXACT_DOUBLE_LIMIT && n < EXACT_DOUBLE_LIMIT;
            scalars.addNumber(key, n, exact ? RawEvent.NONE : numberText());
            return;
        }
        double d = lex.numberValue();
        if (Double.isInfinite(d)) {
            throw Bail.FALLBACK; // the decoder writes an overflowing float as a string
        }
        scalars.addNumber(key, d, lex.numIsInt ? numberText() : RawEvent.NONE);
    }

    private int numberText() {
        return strings.intern(lex.b, lex.numStart, lex.numEnd - lex.numStart);
    }

    private int packInt(int from, int length) {
        byte[] b = lex.b;
        int v = 0;
        for (int k = 0; k < length; k++) {
            v = v << 8 | (b[from + k] & 0xff);
        }
        return v;
    }

    private long packLong(int from, int length) {
        byte[] b = lex.b;
        long v = 0;
        for (int k = 0; k < length; k++) {
            v = v << 8 | (b[from + k] & 0xff);
        }
        return v;
    }

    private static long pack(String name) {
        long v = 0;
        for (int k = 0; k < name.length(); k++) {
            v = v << 8 | name.charAt(k);
        }
        return v;
    }
}
