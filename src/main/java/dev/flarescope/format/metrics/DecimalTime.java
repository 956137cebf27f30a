package dev.flarescope.format.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Turns decimal times (seconds, milliseconds) into integer nanoseconds straight from their text.
 *
 * <p>Going through {@code double} loses precision exactly where it matters: an epoch in milliseconds
 * ({@code 1718000000123.456}) or a {@code perf_counter} reading with nine fraction digits has more
 * significant digits than a double keeps, so two adjacent events could swap order or collapse. The
 * digits are therefore shifted by the unit's power of ten on the text itself; only inputs with an
 * exponent or more fraction digits than a nanosecond take the (exact) {@link BigDecimal} path, rounded
 * half-even to the nanosecond.
 */
public final class DecimalTime {
    /** Power of ten from seconds to nanoseconds. */
    public static final int SECONDS = 9;
    /** Power of ten from milliseconds to nanoseconds. */
    public static final int MILLIS = 6;
    /** Power of ten from microseconds to nanoseconds. */
    public static final int MICROS = 3;
    /** Nanoseconds already. */
    public static final int NANOS = 0;

    private DecimalTime() {
    }

    /**
     * Nanoseconds for the decimal text {@code buf[off, off + len)}; {@code scale} is the power of ten from
     * the text's unit to nanoseconds ({@link #SECONDS}, {@link #MILLIS}, ...).
     *
     * @throws NumberFormatException when the text is not a decimal number or the result does not fit a long
     */
    public static long toNanos(char[] buf, int off, int len, int scale) {
        int end = off + len;
        int i = off;
        boolean negative = false;
        if (i < end && (buf[i] == '-' || buf[i] == '+')) {
            negative = buf[i] == '-';
            i++;
        }
        long whole = 0;
        int digits = 0;
        try {
            for (; i < end && buf[i] >= '0' && buf[i] <= '9'; i++, digits++) {
                whole = Math.addExact(Math.multiplyExact(whole, 10), buf[i] - '0');
            }
            long fraction = 0;
            int fractionDigits = 0;
            if (i < end && buf[i] == '.') {
                for (i++; i < end && buf[i] >= '0' && buf[i] <= '9'; i++, fractionDigits++) {
                    if (fractionDigits == scale) {
                        return viaBigDecimal(new String(buf, off, len), scale);
                    }
                    fraction = fraction * 10 + (buf[i] - '0');
                }
            }
            if (i < end) {
                // exponent or stray characters: BigDecimal decides which
                return viaBigDecimal(new String(buf, off, len), scale);
            }
            if (digits + fractionDigits == 0) {
                throw new NumberFormatException("not a number: " + new String(buf, off, len));
            }
            for (int k = fractionDigits; k < scale; k++) {
                fraction *= 10;
            }
            long nanos = Math.addExact(Math.multiplyExact(whole, pow10(scale)), fraction);
            return negative ? -nanos : nanos;
        } catch (ArithmeticException overflow) {
            throw new NumberFormatException("out of range: " + new String(buf, off, len));
        }
    }

    public static long toNanos(String text, int scale) {
        return toNanos(text.toCharArray(), 0, text.length(), scale);
    }

    /** {@code value * 10^scale}, rounded half-even to a whole nanosecond. */
    public static long toNanos(BigDecimal value, int scale) {
        try {
            return value.movePointRight(scale).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
        } catch (ArithmeticException overflow) {
            throw new NumberFormatException("out of range: " + value);
        }
    }

    /**
     * Epoch nanoseconds for an epoch number whose unit is not stated. The magnitude decides: below
     * 10^11 it is seconds (10^11 s is the year 5138), below 10^14 milliseconds, below 10^17
     * microseconds, otherwise nanoseconds. Every real clock reading after 1973 lands in its own band.
     */
    public static long epochToNanos(BigDecimal value) {
        BigDecimal abs = value.abs();
        int scale;
        if (abs.compareTo(BigDecimal.valueOf(100_000_000_000L)) < 0) {
            scale = SECONDS;
        } else if (abs.compareTo(BigDecimal.valueOf(100_000_000_000_000L)) < 0) {
            scale = MILLIS;
        } else if (abs.compareTo(BigDecimal.valueOf(100_000_000_000_000_000L)) < 0) {
            scale = MICROS;
        } else {
            scale = NANOS;
        }
        return toNanos(value, scale);
    }

    /**
     * Epoch nanoseconds for an ISO-8601 date-time. With an offset or {@code Z} it is exact; a local
     * date-time (also with a space instead of {@code T}) is taken as UTC, which the caller should tell the
     * user about.
     *
     * @return the time, and whether a zone had to be assumed
     * @throws DateTimeParseException when the text is not an ISO-8601 date-time
     */
    public static Parsed isoToNanos(String text) {
        String t = text.trim();
        if (t.length() > 10 && t.charAt(10) == ' ') {
            t = t.substring(0, 10) + 'T' + t.substring(11);
        }
        try {
            return new Parsed(epochNanos(OffsetDateTime.parse(t)), false);
        } catch (DateTimeParseException noOffset) {
            return new Parsed(epochNanos(LocalDateTime.parse(t).atOffset(ZoneOffset.UTC)), true);
        }
    }

    /** A parsed ISO-8601 time: epoch nanoseconds, and true when no zone was given and UTC was assumed. */
    public record Parsed(long epochNanos, boolean assumedUtc) {
    }

    private static long epochNanos(OffsetDateTime t) {
        return Math.addExact(Math.multiplyExact(t.toEpochSecond(), 1_000_000_000L), t.getNano());
    }

    private static long viaBigDecimal(String text, int scale) {
        return toNanos(new BigDecimal(text), scale);
    }

    private static long pow10(int n) {
        long p = 1;
        for (int i = 0; i < n; i++) {
            p *= 10;
        }
        return p;
    }
}
