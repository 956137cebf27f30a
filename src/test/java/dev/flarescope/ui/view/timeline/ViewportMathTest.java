package dev.flarescope.ui.view.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flarescope.ui.viewmodel.TimeRange;
import dev.flarescope.ui.viewmodel.ViewportMath;
import org.junit.jupiter.api.Test;

class ViewportMathTest {
    private static final TimeRange BOUNDS = new TimeRange(0, 10_000);

    @Test
    void zoomKeepsTheAnchorInPlace() {
        // anchor 200 is 20% into [0, 1000); half the width keeps it 20% into [100, 600)
        assertEquals(new TimeRange(100, 600), ViewportMath.zoom(new TimeRange(0, 1000), 0.5, 200, BOUNDS));
    }

    @Test
    void zoomStopsAtTheBoundsAndTheMinimumWidth() {
        assertEquals(BOUNDS, ViewportMath.zoom(BOUNDS, 2, 5_000, BOUNDS));
        // 50 ns at least, anchor 50 in the middle of [0, 100)
        assertEquals(new TimeRange(25, 75), ViewportMath.zoom(new TimeRange(0, 100), 0.01, 50, BOUNDS));
    }

    @Test
    void panStopsAtTheEdges() {
        assertEquals(new TimeRange(9_000, 10_000), ViewportMath.pan(new TimeRange(9_000, 10_000), 500, BOUNDS));
        assertEquals(new TimeRange(0, 1_000), ViewportMath.pan(new TimeRange(100, 1_100), -500, BOUNDS));
        assertEquals(new TimeRange(600, 1_600), ViewportMath.pan(new TimeRange(100, 1_100), 500, BOUNDS));
    }

    @Test
    void fitAddsAMarginAroundASpan() {
        // [1000, 2000) with 10% either side
        assertEquals(new TimeRange(900, 2_100), ViewportMath.fit(1_000, 2_000, 0.1, BOUNDS));
    }
}
