package dev.flarescope.analysis.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SelectionTest {
    @Test
    void selectsWhatASortPutsAtTheIndexAndPartitionsAroundIt() {
        SplittableRandom r = new SplittableRandom(5);
        for (int round = 0; round < 400; round++) {
            int n = 1 + r.nextInt(round < 200 ? 100 : 5000);
            long[] a = new long[n];
            int shape = round % 4;
            for (int i = 0; i < n; i++) {
                a[i] = switch (shape) {
                    case 0 -> r.nextLong(1_000_000); // distinct-ish
                    case 1 -> r.nextInt(3); // mostly ties
                    case 2 -> i; // already sorted
                    default -> n - i; // reversed
                };
            }
            int from = r.nextInt(n);
            int to = from + 1 + r.nextInt(n - from);
            int k = from + r.nextInt(to - from);
            long[] sorted = Arrays.copyOfRange(a, from, to);
            Arrays.sort(sorted);
            long[] before = a.clone();
            Selection.select(a, from, to, k);
            assertEquals(sorted[k - from], a[k], "round " + round);
            for (int i = from; i < to; i++) {
                assertTrue(i < k ? a[i] <= a[k] : i == k || a[i] >= a[k], "round " + round + " index " + i);
            }
            long[] rest = Arrays.copyOfRange(a, from, to);
            Arrays.sort(rest);
            assertEquals(Arrays.toString(sorted), Arrays.toString(rest), "the same values, rearranged");
            for (int i = 0; i < n; i++) {
                if (i < from || i >= to) {
                    assertEquals(before[i], a[i], "outside the range nothing moves");
                }
            }
        }
    }

    @Test
    void percentilesBySuccessiveSelectionMatchTheSortedValues() {
        SplittableRandom r = new SplittableRandom(9);
        long[] d = new long[100_003];
        for (int i = 0; i < d.length; i++) {
            d[i] = (long) (Math.exp(r.nextDouble() * 12) * 1000); // long-tailed, like span durations
        }
        long[] sorted = d.clone();
        Arrays.sort(sorted);
        int n = d.length;
        int p50 = SpanStatistics.rankIndex(50, n);
        int p90 = SpanStatistics.rankIndex(90, n);
        int p99 = SpanStatistics.rankIndex(99, n);
        Selection.select(d, 0, n, p50);
        Selection.select(d, p50, n, p90);
        Selection.select(d, p90, n, p99);
        assertEquals(sorted[p50], d[p50]);
        assertEquals(sorted[p90], d[p90]);
        assertEquals(sorted[p99], d[p99]);
    }
}
