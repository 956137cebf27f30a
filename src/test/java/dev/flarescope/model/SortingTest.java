package dev.flarescope.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

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
}
