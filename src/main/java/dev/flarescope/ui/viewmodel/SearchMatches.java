package dev.flarescope.ui.viewmodel;

import dev.flarescope.model.Sorting;
import java.util.Arrays;

/**
 * The spans that match a search, held two ways: per thread row (sorted positions, so the renderer can
 * ask "does any span in this run of a row match?" with a binary search while it merges sub-pixel spans)
 * and as one list in time order for next/previous.
 */
public final class SearchMatches {
    private static final int[] NONE = new int[0];

    private final String query;
    private final int[][][][] rowPositions;
    private final int[] process;
    private final int[] thread;
    private final int[] span;
    private final long[] start;

    SearchMatches(String query, int[][][][] rowPositions, int[] process, int[] thread, int[] span, long[] start) {
        this.query = query;
        this.rowPositions = rowPositions;
        this.process = process;
        this.thread = thread;
        this.span = span;
        this.start = start;
    }

    public String query() {
        return query;
    }

    public int count() {
        return span.length;
    }

    /** The {@code k}-th match in time order. */
    public SpanRef get(int k) {
        return new SpanRef(process[k], thread[k], span[k]);
    }

    public long start(int k) {
        return start[k];
    }

    /** Whether any span at positions [fromPos, toPos) of row {@code depth} of the thread matches. */
    public boolean anyInRow(int p, int t, int depth, int fromPos, int toPos) {
        int[][] rows = rowPositions[p][t];
        int[] pos = depth < rows.length ? rows[depth] : NONE;
        int k = Arrays.binarySearch(pos, fromPos);
        int i = k >= 0 ? k : -k - 1;
        return i < pos.length && pos[i] < toPos;
    }

    /** Position in time order of {@code ref} (which starts at {@code refStart}), or -1 when it does not match. */
    public int indexOf(SpanRef ref, long refStart) {
        for (int k = firstAtOrAfter(refStart); k < start.length && start[k] == refStart; k++) {
            if (process[k] == ref.process() && thread[k] == ref.thread() && span[k] == ref.span()) {
                return k;
            }
        }
        return -1;
    }

    /** Index of the first match starting at or after {@code t} (count() when none). */
    public int firstAtOrAfter(long t) {
        return Sorting.firstAtOrAfter(start, start.length, t);
    }
}
