package dev.flarescope.model;

import java.util.Arrays;
import java.util.BitSet;

/**
 * Packs blocks of rows onto a track from the top: each block of {@code h} rows, given in order of
 * start time, goes to the lowest rows {@code r..r+h-1} that are all free at its start (a row is free
 * when everything on it ended at or before that start), and keeps them until its end.
 *
 * <p>An async track of a busy server holds thousands of overlapping requests; looking for free rows
 * from the top for each would cost the number of rows per slice. Here rows are released from a heap
 * ordered by end time as starts pass them, and the lowest free row is the lowest set bit of a bit set:
 * a placement costs a heap operation per row of its block and a scan of the set's words (64 rows each).
 */
final class RowPacker {
    /** Rows used so far. */
    private int rows;
    /** Rows below {@link #rows} that are free at the last start seen. */
    private final BitSet free = new BitSet();
    /** Busy rows as a binary min-heap by end time. */
    private long[] heapEnd = new long[8];
    private int[] heapRow = new int[8];
    private int heapSize;

    /**
     * Places a block of {@code height} rows that starts at {@code start} and ends at {@code end}; starts
     * must not decrease from call to call. Returns the block's first row.
     */
    int place(long start, long end, int height) {
        while (heapSize > 0 && heapEnd[0] <= start) {
            free.set(heapRow[0]);
            pop();
        }
        int r = lowestFree(height);
        for (int j = r; j < r + height; j++) {
            free.clear(j);
            push(end, j); // a row placed on was free (ended by start) or new, so its end is now this one
        }
        rows = Math.max(rows, r + height);
        return r;
    }

    /** Rows used so far. */
    int rows() {
        return rows;
    }

    /** The lowest {@code r} with rows {@code r..r+height-1} all free or not yet used. */
    private int lowestFree(int height) {
        int r = free.nextSetBit(0);
        while (r >= 0 && r < rows) {
            int busy = free.nextClearBit(r); // the first busy row at or after r, or the first unused
            if (busy >= Math.min(r + height, rows)) {
                return r;
            }
            r = free.nextSetBit(busy);
        }
        return rows;
    }

    private void push(long end, int row) {
        if (heapSize == heapEnd.length) {
            heapEnd = Arrays.copyOf(heapEnd, heapSize * 2);
            heapRow = Arrays.copyOf(heapRow, heapSize * 2);
        }
        int i = heapSize++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (heapEnd[parent] <= end) {
                break;
            }
            heapEnd[i] = heapEnd[parent];
            heapRow[i] = heapRow[parent];
            i = parent;
        }
        heapEnd[i] = end;
        heapRow[i] = row;
    }

    private void pop() {
        long end = heapEnd[--heapSize];
        int row = heapRow[heapSize];
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= heapSize) {
                break;
            }
            if (child + 1 < heapSize && heapEnd[child + 1] < heapEnd[child]) {
                child++;
            }
            if (heapEnd[child] >= end) {
                break;
            }
            heapEnd[i] = heapEnd[child];
            heapRow[i] = heapRow[child];
            i = child;
        }
        heapEnd[i] = end;
        heapRow[i] = row;
    }
}
