package dev.flarescope.ui.viewmodel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HistogramTest {
    @Test
    void equalBinsOverTheRangeWithNearestRankPercentiles() {
        // [1, 4] in 4 bins of 0.75: 1 -> 0, 2 -> 1.33 -> 1, 3 -> 2.67 -> 2, 4 -> last
        Histogram h = Histogram.of(new double[] {4, 1, 3, 2, Double.NaN}, 4);
        assertArrayEquals(new int[] {1, 1, 1, 1}, h.counts());
        assertFalse(h.log());
        assertEquals(4, h.n());
        assertEquals(2, h.p50()); // rank ceil(0.5 * 4) = 2
        assertEquals(4, h.p90()); // rank ceil(3.6) = 4
        assertEquals(4, h.p99());
        assertEquals(0.5, h.fraction(2.5), 1e-12);
    }

    @Test
    void valuesSpanningTwoOrdersOfMagnitudeGetLogBins() {
        // 1, 10, 100: log10 positions 0, 0.5, 1 of the range; in 2 bins: 0, 1, 1
        Histogram h = Histogram.of(new double[] {1, 10, 100}, 2);
        assertTrue(h.log());
        assertArrayEquals(new int[] {1, 2}, h.counts());
        assertEquals(0.5, h.fraction(10), 1e-12);
        assertEquals(10, h.p50());
    }

    @Test
    void noValuesNoHistogram() {
        assertTrue(Histogram.of(new double[] {Double.NaN}, 10).isEmpty());
        assertEquals(0, Histogram.of(new double[0], 10).maxCount());
    }
}
