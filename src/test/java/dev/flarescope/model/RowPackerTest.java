package dev.flarescope.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RowPackerTest {

    @Test
    void blocksTakeTheLowestRowsFreeAtTheirStart() {
        RowPacker p = new RowPacker();
        assertEquals(0, p.place(0, 10, 1));  // row 0 busy until 10
        assertEquals(1, p.place(2, 5, 1));   // row 1 until 5
        assertEquals(2, p.place(3, 20, 1));  // rows 0 and 1 busy: row 2
        assertEquals(1, p.place(5, 8, 1));   // row 1 ended at 5: free again (end == start is free)
        assertEquals(3, p.place(6, 9, 2));   // rows 0..2 busy: a block of two goes to rows 3-4
        assertEquals(0, p.place(10, 12, 1)); // rows 0, 1, 3 and 4 are free at 10: the lowest
        assertEquals(3, p.place(10, 11, 2)); // rows 1-2: row 2 is busy until 20; rows 3-4 are free
        assertEquals(5, p.rows());
    }

    /** The same placement by the obvious method: look from the top for the first run of free rows. */
    private static int[] naive(long[] start, long[] end, int[] height) {
        List<Long> ends = new ArrayList<>();
        int[] out = new int[start.length];
        for (int i = 0; i < start.length; i++) {
            int r = 0;
            while (true) {
                boolean free = true;
                for (int j = r; j < r + height[i] && j < ends.size(); j++) {
                    if (ends.get(j) > start[i]) {
                        free = false;
                        break;
                    }
                }
                if (free) {
                    break;
                }
                r++;
            }
            for (int j = r; j < r + height[i]; j++) {
                while (ends.size() <= j) {
                    ends.add(Long.MIN_VALUE);
                }
                ends.set(j, Math.max(ends.get(j), end[i]));
            }
            out[i] = r;
        }
        return out;
    }

    @Test
    void placesEveryBlockWhereTheSearchFromTheTopDoes() {
        Random rnd = new Random(7);
        for (int round = 0; round < 200; round++) {
            int n = 1 + rnd.nextInt(400);
            long[] start = new long[n];
            long[] end = new long[n];
            int[] height = new int[n];
            long t = 0;
            for (int i = 0; i < n; i++) {
                t += rnd.nextInt(4); // equal starts too
                start[i] = t;
                end[i] = t + 1 + rnd.nextInt(round % 2 == 0 ? 30 : 300);
                height[i] = rnd.nextInt(5) == 0 ? 2 + rnd.nextInt(3) : 1;
            }
            RowPacker p = new RowPacker();
            int[] placed = new int[n];
            for (int i = 0; i < n; i++) {
                placed[i] = p.place(start[i], end[i], height[i]);
            }
            int[] expected = naive(start, end, height);
            assertArrayEquals(expected, placed, "round " + round);
            int rows = 0;
            for (int i = 0; i < n; i++) {
                rows = Math.max(rows, expected[i] + height[i]);
            }
            assertEquals(rows, p.rows(), "round " + round + " " + Arrays.toString(height));
        }
    }
}
