package dev.flarescope.ui.viewmodel;

import dev.flarescope.model.AsyncTable;
import java.util.Arrays;

/**
 * The slices of one process's {@link AsyncTable} split by track and row, each row in start order with
 * its running maximum end, so that async tracks are drawn and searched like thread rows. Built once per
 * trace (a sort per process).
 */
public final class AsyncRows {
    private final AsyncTable table;
    private final SpanRow[][] rows;

    private AsyncRows(AsyncTable table, SpanRow[][] rows) {
        this.table = table;
        this.rows = rows;
    }

    public static AsyncRows of(AsyncTable table) {
        int tracks = table.trackNames().size();
        int[][] counts = new int[tracks][];
        for (int t = 0; t < tracks; t++) {
            counts[t] = new int[table.trackRows(t)];
        }
        for (int i = 0; i < table.size(); i++) {
            counts[table.track(i)][table.row(i)]++;
        }
        int[][][] members = new int[tracks][][];
        for (int t = 0; t < tracks; t++) {
            members[t] = new int[counts[t].length][];
            for (int r = 0; r < counts[t].length; r++) {
                members[t][r] = new int[counts[t][r]];
                counts[t][r] = 0;
            }
        }
        for (int i = 0; i < table.size(); i++) {
            int t = table.track(i);
            int r = table.row(i);
            members[t][r][counts[t][r]++] = i;
        }
        SpanRow[][] rows = new SpanRow[tracks][];
        for (int t = 0; t < tracks; t++) {
            rows[t] = new SpanRow[members[t].length];
            for (int r = 0; r < members[t].length; r++) {
                rows[t][r] = new Row(table, sortedByStart(table, members[t][r]));
            }
        }
        return new AsyncRows(table, rows);
    }

    public AsyncTable table() {
        return table;
    }

    public int tracks() {
        return rows.length;
    }

    public int rows(int track) {
        return rows[track].length;
    }

    public SpanRow row(int track, int row) {
        return rows[track][row];
    }

    private static int[] sortedByStart(AsyncTable table, int[] idx) {
        boolean sorted = true;
        for (int k = 1; k < idx.length && sorted; k++) {
            sorted = table.start(idx[k - 1]) <= table.start(idx[k]);
        }
        if (sorted) {
            return idx;
        }
        return Arrays.stream(idx).boxed()
                .sorted((a, b) -> Long.compare(table.start(a), table.start(b)))
                .mapToInt(Integer::intValue).toArray();
    }

    private static final class Row implements SpanRow {
        private final AsyncTable table;
        private final int[] idx;
        private final long[] endMax;

        Row(AsyncTable table, int[] idx) {
            this.table = table;
            this.idx = idx;
            this.endMax = new long[idx.length];
            long m = Long.MIN_VALUE;
            for (int k = 0; k < idx.length; k++) {
                m = Math.max(m, table.end(idx[k]));
                endMax[k] = m;
            }
        }

        @Override
        public int size() {
            return idx.length;
        }

        @Override
        public int index(int pos) {
            return idx[pos];
        }

        @Override
        public long start(int pos) {
            return table.start(idx[pos]);
        }

        @Override
        public long end(int pos) {
            return table.end(idx[pos]);
        }

        @Override
        public long endMax(int pos) {
            return endMax[pos];
        }
    }
}
