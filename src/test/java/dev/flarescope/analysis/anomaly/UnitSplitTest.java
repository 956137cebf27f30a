package dev.flarescope.analysis.anomaly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The one-pass check that lets the unit split skip sorting is never wrong about a gap that exists. */
class UnitSplitTest {

    @Test
    void theQuickCheckNeverMissesAGapThatSortingFinds() {
        Random random = new Random(7);
        int gapsSeen = 0;
        for (int round = 0; round < 20_000; round++) {
            double[] v = new double[1 + random.nextInt(40)];
            double base = Math.pow(10, random.nextInt(13) - 6);
            for (int i = 0; i < v.length; i++) {
                // clusters a few decades apart, some values exactly on band edges, some not positive
                v[i] = switch (random.nextInt(6)) {
                    case 0 -> base * Math.pow(10, random.nextInt(7));
                    case 1 -> base * (1 + random.nextDouble());
                    case 2 -> base * 1000 * (1 + random.nextDouble() * 5);
                    case 3 -> random.nextBoolean() ? 0 : -base;
                    default -> base * Math.exp(random.nextGaussian() * 3);
                };
            }
            double minGap = 1.5 + random.nextDouble() * 40;
            double widest = widestNeighbourRatio(v);
            if (widest >= minGap) {
                gapsSeen++;
                assertTrue(UnitSplit.mayHaveGap(v, minGap), () -> "missed a gap of " + widest + " >= " + minGap
                        + " in " + Arrays.toString(v));
            }
        }
        assertTrue(gapsSeen > 5_000, "the random cases hardly ever had a gap: " + gapsSeen);
    }

    @Test
    void handWorkedCases() {
        // 1, 2, 3 ms then 1000, 2000, 3000 ms: neighbours 3 -> 1000 are 333x apart
        double[] mixed = {1, 2, 3, 1000, 2000, 3000};
        assertTrue(UnitSplit.mayHaveGap(mixed, 20));
        UnitSplit s = UnitSplit.find(mixed, 3, 20);
        assertNotNull(s);
        assertEquals(3, s.lowCount());
        assertEquals(2, s.lowMedian());
        assertEquals(2000, s.highMedian());
        // a continuous spread from 1 to 1000 (ratio 1.5 between neighbours) has no gap of 20
        double[] spread = new double[18];
        for (int i = 0; i < spread.length; i++) {
            spread[i] = Math.pow(1.5, i);
        }
        assertFalse(UnitSplit.mayHaveGap(spread, 20));
        assertNull(UnitSplit.find(spread, 3, 20));
        // a range narrower than the gap, and values that are not positive
        assertFalse(UnitSplit.mayHaveGap(new double[] {5, 6, 50}, 20));
        assertFalse(UnitSplit.mayHaveGap(new double[] {0, -1, Double.NaN, 7}, 20));
    }

    private static double widestNeighbourRatio(double[] values) {
        double[] v = Arrays.stream(values).filter(x -> x > 0 && Double.isFinite(x)).sorted().toArray();
        double widest = 0;
        for (int i = 1; i < v.length; i++) {
            widest = Math.max(widest, v[i] / v[i - 1]);
        }
        return widest;
    }
}
