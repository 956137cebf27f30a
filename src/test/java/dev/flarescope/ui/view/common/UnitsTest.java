package dev.flarescope.ui.view.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UnitsTest {
    @Test
    void durationsUseTheLargestUnitAndThreeDigits() {
        assertEquals("850 ns", Units.duration(850));
        assertEquals("12.4 \u00b5s", Units.duration(12_400));
        assertEquals("3.25 ms", Units.duration(3_250_000));
        assertEquals("126 ms", Units.duration(126_000_000));
        assertEquals("1.50 s", Units.duration(1_500_000_000L));
        assertEquals("12 min 05 s", Units.duration(725e9));
    }

    @Test
    void bytesAndCounts() {
        assertEquals("812 B", Units.bytes(812));
        assertEquals("4.00 KB", Units.bytes(4096));
        assertEquals("210 MB", Units.bytes(220_681_145));
        assertEquals("1,234,567", Units.count(1_234_567));
        assertEquals("1 process", Units.count(1, "process", "processes"));
        assertEquals("12.5%", Units.percent(0.125));
    }
}
