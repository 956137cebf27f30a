package dev.flarescope.format.chrome;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Strict JSON tokens read straight from UTF-8 bytes, for {@link EventScanner}. It accepts a subset of
 * what Jackson (as configured in {@link ChromeJson}) accepts, and for that subset it yields exactly
 * what Jackson yields: the same string contents, number text and compact copies. Everything outside
 * the subset, valid or not, ends the scan with {@link Bail#FALLBACK} so that Jackson decides: escapes
 * that are not plain JSON, control characters and ill-formed UTF-8 in strings, lone surrogates,
 * {@code NaN}/{@code Infinity}, leading zeros, very long numbers, trailing commas, deep nesting.
 * Running out of bytes ends it with {@link Bail#INCOMPLETE}.
 *
 * <p>Compact copies match Jackson's generator byte for byte: whitespace outside strings is dropped,
 * number text is kept as written, and strings are kept as written unless they hold escapes or
 * characters outside the Basic Multilingual Plane, which are re-escaped the way the generator escapes
 * them (backslash before quotes and backslashes, short escapes for the control characters that have
 * one, six-character unicode escapes with upper-case hex digits for the other control characters and
 * for each surrogate).
 *
 * <p>Token methods take the index of the token's first byte and return the index after it; they
 * leave what they found in fields (the last string, the last number). One lexer per thread.
 */
final class ByteLexer {
    /** Long.MIN_VALUE / 10: an integer accumulated negated overflows past it with one more digit. */
    private static final long MIN_TENTH = Long.MIN_VALUE / 10;

    /** Why a scan stopped early. Preallocated and without stack trace: this is flow control. */
    static final class Bail extends RuntimeException {
        private static final long serialVersionUID = 1L;
        /** The bytes hold something the lexer leaves to Jackson. */
        static final Bail FALLBACK = new Bail("fallback");
        /** The bytes end before the value does. */
        static final Bail INCOMPLETE = new Bail("incomplete");

        private Bail(String why) {
            super(why, null, false, false);
        }
    }

    /** Deepest nesting of objects and arrays copied or skipped; deeper values go to Jackson. */
    static final int MAX_DEPTH = 64;
    /** Longest string handled here, far below Jackson's limit (see {@link ChromeJson}); longer ones go to it. */
    private static final int MAX_STRING_BYTES = 1 << 26;
    /** Longest member name handled here; Jackson limits names, so longer ones go to it. */
    private static final int MAX_NAME_LENGTH = 1000;
    /** Longest number token handled here; Jackson has its own limits for longer ones. */
    private static final int MAX_NUMBER_LENGTH = 64;
    /** Significant digits below which a decimal converts to double exactly with one rounding. */
    private static final int EXACT_DIGITS = 15;
    private static final double[] POWERS_OF_TEN = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    };
    private static final byte[] HEX = {'0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'A', 'B', 'C', 'D', 'E', 'F'};
    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
    private static final byte[] NULL = {'n', 'u', 'l', 'l'};

    private static final byte PLAIN = 0;
    private static final byte QUOTE = 1;
    private static final byte BACKSLASH = 2;
    private static final byte LEAD2 = 3;
    private static final byte LEAD3 = 4;
    private static final byte LEAD4 = 5;
    private static final byte REJECT = 6;
    /** What each byte means inside a string. */
    private static final byte[] STRING_BYTES = new byte[256];

    static {
        Arrays.fill(STRING_BYTES, 0, 0x20, REJECT);
        STRING_BYTES['"'] = QUOTE;
        STRING_BYTES['\\'] = BACKSLASH;
        Arrays.fill(STRING_BYTES, 0x80, 0xC2, REJECT);
        Arrays.fill(STRING_BYTES, 0xC2, 0xE0, LEAD2);
        Arrays.fill(STRING_BYTES, 0xE0, 0xF0, LEAD3);
        Arrays.fill(STRING_BYTES, 0xF0, 0xF5, LEAD4);
        Arrays.fill(STRING_BYTES, 0xF5, 0x100, REJECT);
    }

    byte[] b;
    int end;
    /** Line breaks skipped since {@link #reset}, counted as Jackson counts them ({@code \r\n} is one). */
    int lines;

    /** The last string: contents are {@code b[strStart, strEnd)}, {@link #strChars} UTF-16 units. */
    int strStart;
    int strEnd;
    int strChars;
    /** The last string holds escapes, so its bytes are not its contents. */
    boolean strEscaped;
    /** The last string must be re-escaped when copied (escapes, or characters beyond the BMP). */
    boolean strRewrite;

    /** The last number: text {@code b[numStart, numEnd)}; integers also as a long unless {@link #numBig}. */
    int numStart;
    int numEnd;
    boolean numIsInt;
    boolean numBig;
    long numLong;

    /** Decoded contents of the last string, after {@link #decodeString}. */
    char[] chars = new char[256];
    int charCount;

    /** Compact copies accumulate here. */
    byte[] out = new byte[1 << 12];
    int outLen;

    void reset(byte[] buf, int limit) {
        b = buf;
        end = limit;
        lines = 0;
    }

    /** Index of the first byte at or after {@code i} that is not JSON whitespace. */
    int blank(int i) {
        // compact JSON has no blanks between tokens: small enough for the C1 compiler to inline at each call
        if (i < end && b[i] > ' ') {
            return i;
        }
        return blanks(i);
    }

    private int blanks(int i) {
        boolean afterCr = false;
        for (;; i++) {
            if (i >= end) {
                throw Bail.INCOMPLETE;
            }
            byte c = b[i];
            if (c > ' ') {
                return i;
            }
            if (c == '\n') {
                if (!afterCr) {
                    lines++;
                }
                afterCr = false;
            } else if (c == '\r') {
                lines++;
                afterCr = true;
            } else if (c == ' ' || c == '\t') {
                afterCr = false;
            } else {
                return i;
            }
        }
    }

    /** The byte at {@code i}, which must exist. */
    byte at(int i) {
        if (i >= end) {
            throw Bail.INCOMPLETE;
        }
        return b[i];
    }

    /** Reads the string whose opening quote is at {@code i}. */
    int string(int i) {
        int start = ++i;
        int adjust = 0; // chars minus bytes
        boolean escaped = false;
        boolean rewrite = false;
        while (true) {
            while (i < end && STRING_BYTES[b[i] & 0xff] == PLAIN) {
                i++;
            }
            if (i >= end) {
                throw Bail.INCOMPLETE;
            }
            switch (STRING_BYTES[b[i] & 0xff]) {
                case QUOTE -> {
                    if (i - start > MAX_STRING_BYTES) {
                        throw Bail.FALLBACK;
                    }
                    strStart = start;
                    strEnd = i;
                    strChars = i - start + adjust;
                    strEscaped = escaped;
                    strRewrite = rewrite;
                    return i + 1;
                }
                case BACKSLASH -> {
                    int next = escape(i);
                    adjust -= next - i - 1;
                    if (next - i == 12) {
                        adjust++; // a surrogate pair: two chars
                    }
                    i = next;
                    escaped = true;
                    rewrite = true;
                }
                case LEAD2 -> {
                    continuation(i + 1, 0x80, 0xBF);
                    i += 2;
                    adjust -= 1;
                }
                case LEAD3 -> {
                    int lead = b[i] & 0xff;
                    continuation(i + 1, lead == 0xE0 ? 0xA0 : 0x80, lead == 0xED ? 0x9F : 0xBF);
                    continuation(i + 2, 0x80, 0xBF);
                    i += 3;
                    adjust -= 2;
                }
                case LEAD4 -> {
                    int lead = b[i] & 0xff;
                    continuation(i + 1, lead == 0xF0 ? 0x90 : 0x80, lead == 0xF4 ? 0x8F : 0xBF);
                    continuation(i + 2, 0x80, 0xBF);
                    continuation(i + 3, 0x80, 0xBF);
                    i += 4;
                    adjust -= 2;
                    rewrite = true;
                }
                default -> throw Bail.FALLBACK;
            }
        }
    }

    /** Reads a member name (a string of bounded length) whose opening quote is at {@code i}. */
    int key(int i) {
        int next = string(i);
        if (strEnd - strStart > MAX_NAME_LENGTH) {
            throw Bail.FALLBACK;
        }
        return next;
    }

    private void continuation(int i, int min, int max) {
        int c = at(i) & 0xff;
        if (c < min || c > max) {
            throw Bail.FALLBACK;
        }
    }

    /** Checks the escape at {@code i}; returns the index after it (a surrogate pair counts as one, 12 bytes). */
    private int escape(int i) {
        switch (at(i + 1)) {
            case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> {
                return i + 2;
            }
            case 'u' -> {
                int u = hex4(i + 2);
                if (u >= Character.MIN_LOW_SURROGATE && u <= Character.MAX_LOW_SURROGATE) {
                    throw Bail.FALLBACK;
                }
                if (u < Character.MIN_HIGH_SURROGATE || u > Character.MAX_HIGH_SURROGATE) {
                    return i + 6;
                }
                if (at(i + 6) != '\\' || at(i + 7) != 'u') {
                    throw Bail.FALLBACK;
                }
                int low = hex4(i + 8);
                if (low < Character.MIN_LOW_SURROGATE || low > Character.MAX_LOW_SURROGATE) {
                    throw Bail.FALLBACK;
                }
                return i + 12;
            }
            default -> throw Bail.FALLBACK;
        }
    }

    private int hex4(int i) {
        int v = 0;
        for (int k = 0; k < 4; k++) {
            int c = at(i + k);
            int d;
            if (c >= '0' && c <= '9') {
                d = c - '0';
            } else if (c >= 'a' && c <= 'f') {
                d = c - 'a' + 10;
            } else if (c >= 'A' && c <= 'F') {
                d = c - 'A' + 10;
            } else {
                throw Bail.FALLBACK;
            }
            v = v << 4 | d;
        }
        return v;
    }

    /** Decodes the last string into {@link #chars}[0, {@link #charCount}). */
    void decodeString() {
        if (chars.length < strChars) {
            chars = new char[Math.max(strChars, chars.length * 2)];
        }
        char[] c = chars;
        int n = 0;
        int i = strStart;
        while (i < strEnd) {
            int x = b[i];
            if (x >= 0 && x != '\\') {
                c[n++] = (char) x;
                i++;
            } else if (x == '\\') {
                byte kind = b[i + 1];
                switch (kind) {
                    case 'b' -> c[n++] = '\b';
                    case 'f' -> c[n++] = '\f';
                    case 'n' -> c[n++] = '\n';
                    case 'r' -> c[n++] = '\r';
                    case 't' -> c[n++] = '\t';
                    case 'u' -> c[n++] = (char) hex4(i + 2);
                    default -> c[n++] = (char) kind;
                }
                i += kind == 'u' ? 6 : 2;
            } else {
                int lead = x & 0xff;
                if (lead < 0xE0) {
                    c[n++] = (char) ((lead & 0x1F) << 6 | (b[i + 1] & 0x3F));
                    i += 2;
                } else if (lead < 0xF0) {
                    c[n++] = (char) ((lead & 0x0F) << 12 | (b[i + 1] & 0x3F) << 6 | (b[i + 2] & 0x3F));
                    i += 3;
                } else {
                    int cp = (lead & 0x07) << 18 | (b[i + 1] & 0x3F) << 12 | (b[i + 2] & 0x3F) << 6 | (b[i + 3] & 0x3F);
                    c[n++] = Character.highSurrogate(cp);
                    c[n++] = Character.lowSurrogate(cp);
                    i += 4;
                }
            }
        }
        charCount = n;
    }

    /** The last string's contents as a new String. */
    String stringValue() {
        decodeString();
        return new String(chars, 0, charCount);
    }

    /**
     * Reads the number starting at {@code i} (a minus or a digit). Integers that fit a long are
     * converted; others are {@link #numBig} and keep only their text, as in Jackson.
     */
    /**
     * True when {@code negated * 10 - digit}, the next step of an integer accumulated negated, passes
     * the limit whose last digit is {@code lastDigit}: 8 for Long.MIN_VALUE, 7 for -Long.MAX_VALUE.
     * Compares instead of dividing the limit on every digit, which C1 compiles into a runtime call.
     */
    static boolean overflows(long negated, int digit, int lastDigit) {
        return negated <= MIN_TENTH && (negated < MIN_TENTH || digit > lastDigit);
    }

    int number(int i) {
        int start = i;
        boolean negative = at(i) == '-';
        if (negative) {
            i++;
        }
        byte c = at(i);
        if (c < '0' || c > '9') {
            throw Bail.FALLBACK;
        }
        long v = 0; // accumulated negated, so that Long.MIN_VALUE fits
        boolean big = false;
        if (c == '0') {
            i++;
        } else {
            while ((c = at(i)) >= '0' && c <= '9') {
                int d = c - '0';
                if (overflows(v, d, 8)) {
                    big = true;
                } else {
                    v = v * 10 - d;
                }
                i++;
            }
        }
        boolean isInt = true;
        c = at(i);
        if (c == '.') {
            i = digits(i + 1);
            isInt = false;
            c = at(i);
        }
        if (c == 'e' || c == 'E') {
            i++;
            c = at(i);
            if (c == '+' || c == '-') {
                i++;
            }
            i = digits(i);
            isInt = false;
        }
        if (i - start > MAX_NUMBER_LENGTH) {
            throw Bail.FALLBACK;
        }
        if (isInt && !negative && v == Long.MIN_VALUE) {
            big = true;
        }
        numStart = start;
        numEnd = i;
        numIsInt = isInt;
        numBig = big;
        numLong = negative ? v : -v;
        return i;
    }

    /** One or more digits from {@code i}; returns the index after them. */
    private int digits(int i) {
        byte c = at(i);
        if (c < '0' || c > '9') {
            throw Bail.FALLBACK;
        }
        do {
            i++;
        } while ((c = at(i)) >= '0' && c <= '9');
        return i;
    }

    /**
     * The last number as the nearest double, as {@link Double#parseDouble} gives it. Short decimals take
     * the exact fast path (an integer of at most 15 digits and one multiplication or division by an
     * exact power of ten rounds once); the rest go through {@code parseDouble}.
     */
    double numberValue() {
        if (numIsInt && !numBig) {
            return numLong;
        }
        long mantissa = 0;
        int significant = 0;
        int scale = 0;
        int i = numStart;
        boolean negative = b[i] == '-';
        if (negative) {
            i++;
        }
        boolean fraction = false;
        for (; i < numEnd; i++) {
            byte c = b[i];
            if (c == '.') {
                fraction = true;
            } else if (c == 'e' || c == 'E') {
                break;
            } else {
                if (significant > 0 || c != '0') {
                    significant++;
                }
                mantissa = mantissa * 10 + (c - '0');
                if (fraction) {
                    scale--;
                }
                if (significant > EXACT_DIGITS) {
                    return slowDouble();
                }
            }
        }
        if (i < numEnd) {
            i++;
            boolean negativeExponent = b[i] == '-';
            if (b[i] == '-' || b[i] == '+') {
                i++;
            }
            int exponent = 0;
            for (; i < numEnd; i++) {
                if (exponent > 1000) {
                    return slowDouble();
                }
                exponent = exponent * 10 + (b[i] - '0');
            }
            scale += negativeExponent ? -exponent : exponent;
        }
        if (scale < -22 || scale > 22) {
            return slowDouble();
        }
        double d = mantissa;
        d = scale < 0 ? d / POWERS_OF_TEN[-scale] : d * POWERS_OF_TEN[scale];
        return negative ? -d : d;
    }

    private double slowDouble() {
        return Double.parseDouble(new String(b, numStart, numEnd - numStart, StandardCharsets.ISO_8859_1));
    }

    /** Checks that the literal {@code word} is at {@code i}; returns the index after it. */
    int literal(int i, byte[] word) {
        for (int k = 0; k < word.length; k++) {
            if (at(i + k) != word[k]) {
                throw Bail.FALLBACK;
            }
        }
        return i + word.length;
    }

    /** Reads {@code true} or {@code false} at {@code i} (which holds 't' or 'f'). */
    int bool(int i) {
        return literal(i, b[i] == 't' ? TRUE : FALSE);
    }

    int nullLiteral(int i) {
        return literal(i, NULL);
    }

    /** Reads any value at {@code i} without keeping it. */
    int skip(int i, int depth) {
        return value(i, depth, false);
    }

    /** Appends the compact text of the value at {@code i} to {@link #out}. */
    int copy(int i, int depth) {
        return value(i, depth, true);
    }

    private int value(int i, int depth, boolean copy) {
        byte c = b[i];
        switch (c) {
            case '"' -> {
                int next = string(i);
                if (copy) {
                    copyString();
                }
                return next;
            }
            case '{' -> {
                return object(i, depth + 1, copy);
            }
            case '[' -> {
                return array(i, depth + 1, copy);
            }
            case 't', 'f', 'n' -> {
                int next = c == 'n' ? nullLiteral(i) : bool(i);
                if (copy) {
                    append(i, next);
                }
                return next;
            }
            default -> {
                if (c != '-' && (c < '0' || c > '9')) {
                    throw Bail.FALLBACK;
                }
                int next = number(i);
                if (copy) {
                    append(i, next);
                }
                return next;
            }
        }
    }

    private int object(int i, int depth, boolean copy) {
        if (depth > MAX_DEPTH) {
            throw Bail.FALLBACK;
        }
        if (copy) {
            append((byte) '{');
        }
        i = blank(i + 1);
        if (b[i] == '}') {
            if (copy) {
                append((byte) '}');
            }
            return i + 1;
        }
        while (true) {
            if (b[i] != '"') {
                throw Bail.FALLBACK;
            }
            i = key(i);
            if (copy) {
                copyString();
                append((byte) ':');
            }
            i = blank(i);
            if (b[i] != ':') {
                throw Bail.FALLBACK;
            }
            i = value(blank(i + 1), depth, copy);
            i = blank(i);
            if (b[i] == '}') {
                if (copy) {
                    append((byte) '}');
                }
                return i + 1;
            }
            if (b[i] != ',') {
                throw Bail.FALLBACK;
            }
            if (copy) {
                append((byte) ',');
            }
            i = blank(i + 1);
        }
    }

    private int array(int i, int depth, boolean copy) {
        if (depth > MAX_DEPTH) {
            throw Bail.FALLBACK;
        }
        if (copy) {
            append((byte) '[');
        }
        i = blank(i + 1);
        if (b[i] == ']') {
            if (copy) {
                append((byte) ']');
            }
            return i + 1;
        }
        while (true) {
            i = blank(value(i, depth, copy));
            if (b[i] == ']') {
                if (copy) {
                    append((byte) ']');
                }
                return i + 1;
            }
            if (b[i] != ',') {
                throw Bail.FALLBACK;
            }
            if (copy) {
                append((byte) ',');
            }
            i = blank(i + 1);
            if (b[i] == ']') {
                throw Bail.FALLBACK; // a trailing comma: Jackson accepts it, let it decide
            }
        }
    }

    /** Appends the last string, quoted, as Jackson's generator writes it. */
    void copyString() {
        if (!strRewrite) {
            append(strStart - 1, strEnd + 1);
            return;
        }
        decodeString();
        ensure(charCount * 6 + 2);
        byte[] o = out;
        int n = outLen;
        o[n++] = '"';
        for (int k = 0; k < charCount; k++) {
            char ch = chars[k];
            if (ch < 0x80) {
                if (ch >= 0x20 && ch != '"' && ch != '\\') {
                    o[n++] = (byte) ch;
                } else {
                    n = writeEscape(o, n, ch);
                }
            } else if (ch < 0x800) {
                o[n++] = (byte) (0xC0 | ch >> 6);
                o[n++] = (byte) (0x80 | (ch & 0x3F));
            } else if (Character.isSurrogate(ch)) {
                n = writeUnicodeEscape(o, n, ch);
            } else {
                o[n++] = (byte) (0xE0 | ch >> 12);
                o[n++] = (byte) (0x80 | (ch >> 6 & 0x3F));
                o[n++] = (byte) (0x80 | (ch & 0x3F));
            }
        }
        o[n++] = '"';
        outLen = n;
    }

    private static int writeEscape(byte[] o, int n, char ch) {
        byte shortForm = switch (ch) {
            case '"' -> '"';
            case '\\' -> '\\';
            case '\b' -> 'b';
            case '\f' -> 'f';
            case '\n' -> 'n';
            case '\r' -> 'r';
            case '\t' -> 't';
            default -> 0;
        };
        if (shortForm == 0) {
            return writeUnicodeEscape(o, n, ch);
        }
        o[n++] = '\\';
        o[n++] = shortForm;
        return n;
    }

    private static int writeUnicodeEscape(byte[] o, int n, char ch) {
        o[n++] = '\\';
        o[n++] = 'u';
        o[n++] = HEX[ch >> 12 & 0xF];
        o[n++] = HEX[ch >> 8 & 0xF];
        o[n++] = HEX[ch >> 4 & 0xF];
        o[n++] = HEX[ch & 0xF];
        return n;
    }

    /** Appends {@code b[from, to)}. */
    void append(int from, int to) {
        int len = to - from;
        ensure(len);
        System.arraycopy(b, from, out, outLen, len);
        outLen += len;
    }

    void append(byte c) {
        ensure(1);
        out[outLen++] = c;
    }

    private void ensure(int n) {
        if (outLen + n > out.length) {
            grow(n);
        }
    }

    private void grow(int n) {
        out = Arrays.copyOf(out, Math.max(out.length * 2, outLen + n));
    }
}
