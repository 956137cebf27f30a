package dev.flarescope.ui.viewmodel;

import dev.flarescope.model.SpanTable;

/**
 * One drawable row of slices, in start order, addressed by position: a depth row of a thread's
 * {@link SpanTable} or a row of an async track. {@link #endMax} is non-decreasing, so the first slice that
 * can reach past a time is found by binary search even where slices of a row overlap; this is what lets
 * the timeline touch only the visible part of a row.
 */
public interface SpanRow {
    int size();

    /** Index of the slice at {@code pos} in its table. */
    int index(int pos);

    long start(int pos);

    long end(int pos);

    /** The latest end among positions {@code 0..pos}. */
    long endMax(int pos);

    /** The first position at or after {@code from} whose {@link #endMax} is after {@code t}, or {@link #size()}. */
    default int firstEndingAfter(long t, int from) {
        int lo = from;
        int hi = size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (endMax(mid) <= t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** A depth row of a thread: {@code row} as returned by {@link SpanTable#rows()}. */
    static SpanRow of(SpanTable table, int[] row) {
        return new ThreadSpanRow(table, row);
    }
}
