package dev.flarescope.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SortingTest {
    /** The reference: a boxed stable sort with the same comparator. */
    private static int[] reference(long[] start, long[] dur, int n) {
        return IntStream.range(0, n).boxed()
                .sorted(Comparator.<Integer>comparingLong(i -> start[i]).thenComparing((a, b) -> Long.compare(dur[b], dur[a])))
                .mapToInt(Integer::intValue).toArray();
    }

    @Test
    void packedSortMatchesAStableComparatorSort() {
        SplittableRandom r = new SplittableRandom(3);
        for (int round = 0; round < 50; round++) {
            int n = 1 + r.nextInt(2000);
            long[] start = new long[n];
            long[] dur = new long[n];
            for (int i = 0; i < n; i++) {
                start[i] = 1_700_000_000_000_000_000L + r.nextInt(50) * 1000L; // many ties
                dur[i] = r.nextInt(5) * 10L;
            }
            assertArrayEquals(reference(start, dur, n), Sorting.spanOrder(start, dur, n));
        }
    }

    @Test
    void fallsBackWhenTheRangeIsTooWideToPack() {
        long[] start = {Long.MAX_VALUE - 5, Long.MIN_VALUE + 5, 0, 0};
        long[] dur = {1, 2, 3, 7};
        assertArrayEquals(new int[] {1, 3, 2, 0}, Sorting.spanOrder(start, dur, 4));
    }

    @Test
    void timeOrderIsStable() {
        long[] ts = {5, 3, 5, 1, 3};
        int[] order = Sorting.stableOrder(ts, 5);
        assertArrayEquals(new int[] {3, 1, 4, 0, 2}, order);
        assertArrayEquals(new long[] {1, 3, 3, 5, 5}, Arrays.stream(order).mapToLong(i -> ts[i]).toArray());
    }

    @Test
    void spanOrderOfARangeIsTheOrderOfThoseRowsAlone() {
        long[] start = {9, 4, 4, 1, 7, 0};
        long[] dur = {1, 1, 5, 2, 0, 3};
        // rows 1..4: (4,1) (4,5) (1,2) (7,0) -> row 3, row 2, row 1, row 4 -> offsets 2, 1, 0, 3
        assertArrayEquals(new int[] {2, 1, 0, 3}, Sorting.spanOrder(start, dur, 1, 4));
    }

    @Test
    void mergingSortedRunsGivesTheOrderOfSortingEverything() {
        SplittableRandom r = new SplittableRandom(11);
        for (int round = 0; round < 200; round++) {
            int n = r.nextInt(3000);
            long[] start = new long[n];
            long[] dur = new long[n];
            boolean timeOrdered = round % 3 == 0; // runs that follow each other, as a live store's chunks do
            for (int i = 0; i < n; i++) {
                start[i] = timeOrdered ? i / 3 : r.nextInt(40) * 10L;
                dur[i] = r.nextInt(4) * 5L;
            }
            int runs = 1 + r.nextInt(12);
            int[] bounds = new int[runs + 1];
            for (int k = 1; k < runs; k++) {
                bounds[k] = r.nextInt(n + 1);
            }
            bounds[runs] = n;
            Arrays.sort(bounds, 1, runs);
            int[] order = new int[n];
            for (int k = 0; k < runs; k++) {
                int[] local = Sorting.spanOrder(start, dur, bounds[k], bounds[k + 1] - bounds[k]);
                for (int i = 0; i < local.length; i++) {
                    order[bounds[k] + i] = bounds[k] + local[i];
                }
            }
            assertArrayEquals(reference(start, dur, n), Sorting.mergeRuns(order, bounds, runs, start, dur),
                    "round " + round + ", " + runs + " runs over " + n + " rows");
        }
    }

    @Test
    void runsAlreadyInOrderAreReturnedAsTheyAre() {
        long[] start = {1, 2, 3, 3, 4};
        long[] dur = {0, 0, 9, 1, 0};
        int[] order = {0, 1, 2, 3, 4};
        assertSame(order, Sorting.mergeRuns(order, new int[] {0, 2, 2, 5}, 3, start, dur));
    }
}
