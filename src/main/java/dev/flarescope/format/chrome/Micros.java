package dev.flarescope.format.chrome;

import java.nio.charset.StandardCharsets;

/**
 * Converts Chrome's microsecond times to nanoseconds exactly from their decimal text, so that
 * {@code 1.001} becomes 1001 ns and not 1000.9999999999999 truncated to 1000.
 *
 * <p>The integer part and the first three fraction digits are exact. Further digits round half away
 * from zero on the fourth digit: {@code 1.0005} is 1000.5 ns and becomes 1001, {@code 1.00049} becomes
 * 1000, {@code -1.0005} becomes -1001. Exponent forms ({@code 1.5e3}) go through {@code double}.
 */
final class Micros {
    /** Returned for text that is not a finite number, or whose nanoseconds do not fit in a long. */
    static final long INVALID = Long.MIN_VALUE;

    private static final long MAX_WHOLE_MICROS = (Long.MAX_VALUE - 1000) / 1000;

    private Micros() {
    }

    /** Microseconds as a long integer to nanoseconds, or {@link #INVALID} on overflow. */
    static long toNanos(long micros) {
        return micros > MAX_WHOLE_MICROS || micros < -MAX_WHOLE_MICROS ? INVALID : micros * 1000;
    }

    /** Decimal microseconds text (surrounding blanks allowed) to nanoseconds, or {@link #INVALID}. */
    static long toNanos(char[] c, int off, int len) {
        int i = off;
        int end = off + len;
        while (i < end && c[i] <= ' ') {
            i++;
        }
        while (end > i && c[end - 1] <= ' ') {
            end--;
        }
        int numberStart = i;
        boolean negative = false;
        if (i < end && (c[i] == '-' || c[i] == '+')) {
            negative = c[i] == '-';
            i++;
        }
        long whole = 0;
        int wholeDigits = 0;
        while (i < end && isDigit(c[i])) {
            if (whole > MAX_WHOLE_MICROS) {
                return INVALID;
            }
            whole = whole * 10 + (c[i++] - '0');
            wholeDigits++;
        }
        long fraction = 0;
        int fractionDigits = 0;
        boolean roundAway = false;
        if (i < end && c[i] == '.') {
            i++;
            while (i < end && isDigit(c[i])) {
                int d = c[i++] - '0';
                if (fractionDigits < 3) {
                    fraction = fraction * 10 + d;
                } else if (fractionDigits == 3) {
                    roundAway = d >= 5;
                }
                fractionDigits++;
            }
        }
        if (wholeDigits + fractionDigits == 0) {
            return INVALID;
        }
        if (i < end) {
            return c[i] == 'e' || c[i] == 'E' ? viaDouble(new String(c, numberStart, end - numberStart)) : INVALID;
        }
        if (whole > MAX_WHOLE_MICROS) {
            return INVALID;
        }
        for (int k = fractionDigits; k < 3; k++) {
            fraction *= 10;
        }
        long ns = whole * 1000 + fraction + (roundAway ? 1 : 0);
        return negative ? -ns : ns;
    }

    /**
     * The same conversion for UTF-8 text: {@code b[off, off + len)} gives the result that its decoded
     * characters give to {@link #toNanos(char[], int, int)} (bytes of multi-byte characters are never
     * blanks, signs, digits or exponent letters, just as their characters are not).
     */
    static long toNanos(byte[] b, int off, int len) {
        int i = off;
        int end = off + len;
        while (i < end && (b[i] & 0xff) <= ' ') {
            i++;
        }
        while (end > i && (b[end - 1] & 0xff) <= ' ') {
            end--;
        }
        int numberStart = i;
        boolean negative = false;
        if (i < end && (b[i] == '-' || b[i] == '+')) {
            negative = b[i] == '-';
            i++;
        }
        long whole = 0;
        int wholeDigits = 0;
        while (i < end && isDigit(b[i])) {
            if (whole > MAX_WHOLE_MICROS) {
                return INVALID;
            }
            whole = whole * 10 + (b[i++] - '0');
            wholeDigits++;
        }
        long fraction = 0;
        int fractionDigits = 0;
        boolean roundAway = false;
        if (i < end && b[i] == '.') {
            i++;
            while (i < end && isDigit(b[i])) {
                int d = b[i++] - '0';
                if (fractionDigits < 3) {
                    fraction = fraction * 10 + d;
                } else if (fractionDigits == 3) {
                    roundAway = d >= 5;
                }
                fractionDigits++;
            }
        }
        if (wholeDigits + fractionDigits == 0) {
            return INVALID;
        }
        if (i < end) {
            return b[i] == 'e' || b[i] == 'E'
                    ? viaDouble(new String(b, numberStart, end - numberStart, StandardCharsets.UTF_8)) : INVALID;
        }
        if (whole > MAX_WHOLE_MICROS) {
            return INVALID;
        }
        for (int k = fractionDigits; k < 3; k++) {
            fraction *= 10;
        }
        long ns = whole * 1000 + fraction + (roundAway ? 1 : 0);
        return negative ? -ns : ns;
    }

    private static long viaDouble(String text) {
        double micros;
        try {
            micros = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return INVALID;
        }
        double ns = micros * 1000;
        if (!Double.isFinite(ns) || Math.abs(ns) >= 9.2e18) {
            return INVALID;
        }
        double rounded = Math.floor(Math.abs(ns) + 0.5);
        return (long) (ns < 0 ? -rounded : rounded);
    }

    private static boolean isDigit(char ch) {
        return ch >= '0' && ch <= '9';
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }
}
