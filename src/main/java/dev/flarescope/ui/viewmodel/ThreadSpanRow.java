package dev.flarescope.ui.viewmodel;

import dev.flarescope.model.SpanTable;

/** A depth row of a {@link SpanTable}; rows never overlap, so the end of each slice is its running maximum. */
final class ThreadSpanRow implements SpanRow {
    private final SpanTable table;
    private final int[] row;

    ThreadSpanRow(SpanTable table, int[] row) {
        this.table = table;
        this.row = row;
    }

    @Override
    public int size() {
        return row.length;
    }

    @Override
    public int index(int pos) {
        return row[pos];
    }

    @Override
    public long start(int pos) {
        return table.start(row[pos]);
    }

    @Override
    public long end(int pos) {
        return table.end(row[pos]);
    }

    @Override
    public long endMax(int pos) {
        return table.end(row[pos]);
    }
}
