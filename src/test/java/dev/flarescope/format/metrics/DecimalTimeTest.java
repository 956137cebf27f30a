package dev.flarescope.format.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class DecimalTimeTest {
    @Test
    void secondsKeepEveryDigitADoubleWouldLose() {
        // 1700000000.123456789 s has 19 significant digits; as a double it is 1700000000.1234567165...
        assertEquals(1_700_000_000_123_456_789L, DecimalTime.toNanos("1700000000.123456789", DecimalTime.SECONDS));
        assertEquals(1_234_567_891_234L, DecimalTime.toNanos("1234.567891234", DecimalTime.SECONDS));
        assertEquals(500_000_000L, DecimalTime.toNanos("0.5", DecimalTime.SECONDS));
        assertEquals(12_000_000_000L, DecimalTime.toNanos("12", DecimalTime.SECONDS));
        assertEquals(-250_000_000L, DecimalTime.toNanos("-0.25", DecimalTime.SECONDS));
    }

    @Test
    void exponentsAndExtraDigitsTakeTheExactPath() {
        assertEquals(1_000_000L, DecimalTime.toNanos("1e-3", DecimalTime.SECONDS));
        assertEquals(1_500_000_000L, DecimalTime.toNanos("1.5E+3", DecimalTime.MILLIS));
        // 1.0000000005 s = 1000000000.5 ns: half-even rounds to the even neighbour 1000000000
        assertEquals(1_000_000_000L, DecimalTime.toNanos("1.0000000005", DecimalTime.SECONDS));
        assertEquals(1_000_000_002L, DecimalTime.toNanos("1.0000000015", DecimalTime.SECONDS));
    }

    @Test
    void millisecondsKeepSubMillisecondFractions() {
        assertEquals(1_718_000_000_123_456_000L, DecimalTime.toNanos("1718000000123.456", DecimalTime.MILLIS));
    }

    @Test
    void rejectsTextThatIsNoNumberOrTooLarge() {
        assertThrows(NumberFormatException.class, () -> DecimalTime.toNanos("abc", DecimalTime.SECONDS));
        assertThrows(NumberFormatException.class, () -> DecimalTime.toNanos("", DecimalTime.SECONDS));
        assertThrows(NumberFormatException.class, () -> DecimalTime.toNanos("99999999999999", DecimalTime.SECONDS));
    }

    @Test
    void epochUnitFollowsMagnitude() {
        long expected = 1_740_823_200_000_000_000L;
        assertEquals(expected, DecimalTime.epochToNanos(new BigDecimal("1740823200")));
        assertEquals(expected, DecimalTime.epochToNanos(new BigDecimal("1740823200000")));
        assertEquals(expected, DecimalTime.epochToNanos(new BigDecimal("1740823200000000")));
        assertEquals(expected, DecimalTime.epochToNanos(new BigDecimal("1740823200000000000")));
        assertEquals(expected + 250_000_000L, DecimalTime.epochToNanos(new BigDecimal("1740823200.25")));
    }

    @Test
    void isoTimesWithAndWithoutZone() {
        // 2025-03-01T10:00:00Z is epoch 1740823200 (calendar.timegm)
        DecimalTime.Parsed utc = DecimalTime.isoToNanos("2025-03-01T10:00:00.250Z");
        assertEquals(1_740_823_200_250_000_000L, utc.epochNanos());
        assertFalse(utc.assumedUtc());
        assertEquals(1_740_823_200_250_000_000L - 3_600_000_000_000L,
                DecimalTime.isoToNanos("2025-03-01T10:00:00.250+01:00").epochNanos());
        DecimalTime.Parsed local = DecimalTime.isoToNanos("2025-03-01 10:00:00.250");
        assertEquals(1_740_823_200_250_000_000L, local.epochNanos());
        assertTrue(local.assumedUtc());
    }
}
