package dev.flarescope.ui.view.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flarescope.ui.viewmodel.RulerTicks;
import dev.flarescope.ui.viewmodel.TimeFormat;
import dev.flarescope.ui.viewmodel.TimeFormat.TimeUnitName;
import dev.flarescope.ui.viewmodel.TimeRange;
import org.junit.jupiter.api.Test;

/** Tick steps, units and labels of the time ruler, and duration text, with figures worked by hand. */
class RulerAndFormatTest {

    @Test
    void niceStepsAreOneTwoFive() {
        assertEquals(1, RulerTicks.niceStep(0.3));
        assertEquals(5, RulerTicks.niceStep(3));
        assertEquals(5, RulerTicks.niceStep(5));
        assertEquals(10, RulerTicks.niceStep(5.1));
        assertEquals(200, RulerTicks.niceStep(120));
        assertEquals(2_000_000_000L, RulerTicks.niceStep(1.5086e9));
    }

    @Test
    void millisecondView() {
        // 1 ms on 1000 px with labels 80 px apart: 80 µs raw, so 100 µs steps labelled in ms with 1 decimal
        RulerTicks t = RulerTicks.of(new TimeRange(250_000, 1_250_000), 1000, 80, 0);
        assertEquals(100_000, t.step());
        assertEquals(300_000, t.first());
        assertEquals(TimeUnitName.MS, t.unit());
        assertEquals("0.3 ms", t.label(300_000));
        assertEquals("1.2 ms", t.label(1_200_000));
    }

    @Test
    void secondsView() {
        // 22 s on 1400 px, 96 px apart: 1.51 s raw, so 2 s steps; labels relative to the origin
        RulerTicks t = RulerTicks.of(new TimeRange(1_000_000_000L, 23_000_000_000L), 1400, 96, 1_000_000_000L);
        assertEquals(2_000_000_000L, t.step());
        assertEquals(1_000_000_000L, t.first());
        assertEquals("4 s", t.label(5_000_000_000L));
    }

    @Test
    void nanosecondView() {
        // 100 ns on 1000 px, 100 px apart: 10 ns steps in ns
        RulerTicks t = RulerTicks.of(new TimeRange(1_000, 1_100), 1000, 100, 1_000);
        assertEquals(10, t.step());
        assertEquals(TimeUnitName.NS, t.unit());
        assertEquals("30 ns", t.label(1_030));
    }

    @Test
    void durationsCarryTheirUnit() {
        assertEquals("850 ns", TimeFormat.duration(850));
        assertEquals("12.3 µs", TimeFormat.duration(12_345));
        assertEquals("20.0 µs", TimeFormat.duration(20_000));
        assertEquals("4.56 ms", TimeFormat.duration(4_560_000));
        assertEquals("1.00 ms", TimeFormat.duration(999_950));
        assertEquals("1.23 s", TimeFormat.duration(1_234_000_000));
        assertEquals("123 s", TimeFormat.duration(123_000_000_000L));
    }
}
