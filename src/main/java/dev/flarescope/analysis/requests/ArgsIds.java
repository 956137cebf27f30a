package dev.flarescope.analysis.requests;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the request ids of one event's args straight from their UTF-8 bytes: the top-level
 * {@code request_id}, {@code req_id}, {@code rid} and {@code request_ids} members, other members
 * stepped over. It serves the common shape only (plain keys and ids, no failure members); anything
 * else (an escape in a key or an id, non-ASCII text, a member that can say a request failed, anything
 * unexpected) it declines ({@link #readInto} returns false, {@link #read} gives {@link #UNSURE}), and
 * the caller parses that text with Jackson. On valid
 * JSON, which is what the args arena holds (readers store args they have parsed), it gives exactly what
 * the Jackson parse gives, or declines; it does not validate what it steps over.
 */
final class ArgsIds {
    /** What {@link #read} returns when it declines: parse the text with Jackson instead. */
    static final List<String> UNSURE = List.of("\u0000unsure");

    private static final byte[][] ID_KEYS = {bytes("request_id"), bytes("req_id"), bytes("rid")};
    private static final byte[] LIST_KEY = bytes("request_ids");
    private static final byte[] TRUE = bytes("true");
    private static final byte[] FALSE = bytes("false");
    private static final byte[] NULL = bytes("null");

    private byte[] b;
    private int end;
    private int i;
    /** Where the ids of the text being read begin in the caller's list. */
    private int first;

    /** A reader for one thread, reused from text to text. */
    ArgsIds() {
    }

    /**
     * The ids in {@code b[off, off + len)} in order without repeats (empty for none), or {@link #UNSURE}:
     * {@link #readInto} for one text, with a reader and a list of its own.
     */
    static List<String> read(byte[] b, int off, int len) {
        List<String> ids = new ArrayList<>(1);
        return new ArgsIds().readInto(b, off, len, ids) ? ids : UNSURE;
    }

    /**
     * Appends the ids in {@code b[off, off + len)} to {@code ids}, in order without repeats, and returns
     * true; or leaves {@code ids} as it was and returns false when it declines the text.
     */
    boolean readInto(byte[] b, int off, int len, List<String> ids) {
        this.b = b;
        this.i = off;
        this.end = off + len;
        this.first = ids.size();
        try {
            object(ids);
            return true;
        } catch (Unsure e) {
            while (ids.size() > first) {
                ids.remove(ids.size() - 1);
            }
            return false;
        } finally {
            this.b = null;
        }
    }

    private void object(List<String> ids) {
        expect('{');
        if (peek() == '}') {
            i++;
            trailing();
            return;
        }
        while (true) {
            expect('"');
            int keyStart = i;
            int keyEnd = plainString();
            expect(':');
            skipBlank();
            if (isIdKey(keyStart, keyEnd)) {
                idValue(ids);
            } else if (same(keyStart, keyEnd, LIST_KEY) && peek() == '[') {
                i++;
                if (peek() == ']') {
                    i++;
                } else {
                    while (true) {
                        skipBlank();
                        idValue(ids);
                        int c = next();
                        if (c == ']') {
                            break;
                        }
                        if (c != ',') {
                            throw Unsure.INSTANCE;
                        }
                    }
                }
            } else if (FailureSignals.isSignal(b, keyStart, keyEnd)) {
                throw Unsure.INSTANCE; // Jackson reads these as trees for FailureSignals
            } else {
                skipValue();
            }
            int c = next();
            if (c == '}') {
                trailing();
                return;
            }
            if (c != ',') {
                throw Unsure.INSTANCE;
            }
        }
    }

    private void trailing() {
        skipBlank();
        if (i != end) {
            throw Unsure.INSTANCE; // more after the object: leave the verdict to the parser
        }
    }

    /** An id value: a string without escapes, a number or true/false as their text; null and containers are skipped. */
    private void idValue(List<String> ids) {
        int c = peek();
        String id;
        if (c == '"') {
            i++;
            int from = i;
            int to = plainString();
            id = new String(b, from, to - from, StandardCharsets.UTF_8);
        } else if (c == '{' || c == '[') {
            skipValue();
            return;
        } else {
            int from = i;
            int to = scalarToken();
            if (same(from, to, NULL)) {
                return;
            }
            id = new String(b, from, to - from, StandardCharsets.ISO_8859_1);
        }
        if (id.isEmpty()) {
            return;
        }
        for (int k = first; k < ids.size(); k++) {
            if (ids.get(k).equals(id)) {
                return;
            }
        }
        ids.add(id);
    }

    /** Reads a string's content up to its closing quote (which is consumed); returns the content's end. */
    private int plainString() {
        while (i < end) {
            byte c = b[i];
            if (c == '"') {
                return i++;
            }
            if (c == '\\' || (c & 0xFF) < 0x20 || c < 0) {
                throw Unsure.INSTANCE; // escapes and non-ASCII: Jackson decodes and checks them
            }
            i++;
        }
        throw Unsure.INSTANCE;
    }

    private void skipValue() {
        int c = peek();
        if (c == '"') {
            i++;
            skipString();
        } else if (c == '{' || c == '[') {
            int depth = 0;
            while (i < end) {
                byte x = b[i++];
                if (x == '"') {
                    skipString();
                } else if (x == '{' || x == '[') {
                    depth++;
                } else if (x == '}' || x == ']') {
                    if (--depth == 0) {
                        return;
                    }
                }
            }
            throw Unsure.INSTANCE;
        } else {
            scalarToken();
        }
    }

    private void skipString() {
        while (i < end) {
            byte c = b[i++];
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return;
            }
        }
        throw Unsure.INSTANCE;
    }

    /** A number, true, false or null, checked to be one; returns its end ({@code i} moves past blanks after it). */
    private int scalarToken() {
        int from = i;
        while (i < end) {
            byte c = b[i];
            if (c == ',' || c == '}' || c == ']' || c == ' ' || c == '\n' || c == '\r' || c == '\t') {
                break;
            }
            i++;
        }
        int to = i;
        if (!(same(from, to, TRUE) || same(from, to, FALSE) || same(from, to, NULL) || isNumber(from, to))) {
            throw Unsure.INSTANCE;
        }
        skipBlank();
        return to;
    }

    /** JSON's number grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? */
    private boolean isNumber(int from, int to) {
        int k = from;
        if (k < to && b[k] == '-') {
            k++;
        }
        if (k >= to) {
            return false;
        }
        if (b[k] == '0') {
            k++;
        } else if (b[k] >= '1' && b[k] <= '9') {
            k = digits(k, to);
        } else {
            return false;
        }
        if (k < to && b[k] == '.') {
            int d = digits(k + 1, to);
            if (d == k + 1) {
                return false;
            }
            k = d;
        }
        if (k < to && (b[k] == 'e' || b[k] == 'E')) {
            k++;
            if (k < to && (b[k] == '+' || b[k] == '-')) {
                k++;
            }
            int d = digits(k, to);
            if (d == k) {
                return false;
            }
            k = d;
        }
        return k == to;
    }

    /** Where the run of digits starting at {@code k} ends. */
    private int digits(int k, int to) {
        while (k < to && isDigit(b[k])) {
            k++;
        }
        return k;
    }

    private boolean isIdKey(int from, int to) {
        for (byte[] key : ID_KEYS) {
            if (same(from, to, key)) {
                return true;
            }
        }
        return false;
    }

    private boolean same(int from, int to, byte[] text) {
        if (to - from != text.length) {
            return false;
        }
        for (int k = 0; k < text.length; k++) {
            if (b[from + k] != text[k]) {
                return false;
            }
        }
        return true;
    }

    /** Steps over blanks and then {@code c}, which must come next. */
    private void expect(char c) {
        skipBlank();
        if (i >= end || b[i] != c) {
            throw Unsure.INSTANCE;
        }
        i++;
    }

    private int peek() {
        skipBlank();
        if (i >= end) {
            throw Unsure.INSTANCE;
        }
        return b[i];
    }

    private int next() {
        int c = peek();
        i++;
        return c;
    }

    private void skipBlank() {
        if (i >= end || b[i] <= ' ') {
            skipBlanks(); // the arena's args are compact: the check alone is small enough to be inlined
        }
    }

    private void skipBlanks() {
        while (i < end && (b[i] == ' ' || b[i] == '\n' || b[i] == '\r' || b[i] == '\t')) {
            i++;
        }
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** Declines the text; thrown without a stack trace, as it is an expected outcome. */
    private static final class Unsure extends RuntimeException {
        static final Unsure INSTANCE = new Unsure();

        private Unsure() {
            super(null, null, false, false);
        }
    }
}
