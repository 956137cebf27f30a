package dev.flarescope.model;

import java.util.List;

/**
 * Async slices of one process ({@code b}/{@code e} nestable and {@code S}/{@code F} legacy events),
 * grouped into named tracks and packed into rows: {@code track(i)} indexes {@link #trackNames()},
 * {@code row(i)} is the row within that track (nested async slices sit below their parent).
 */
public final class AsyncTable {
    public static final AsyncTable EMPTY = new AsyncTable(0, new long[0], new long[0], new int[0], new int[0],
            new String[0], new int[0], new int[0], new int[0], new byte[0], List.of(), new int[0]);

    private final int size;
    private final long[] start;
    private final long[] dur;
    private final int[] name;
    private final int[] cat;
    private final String[] id;
    private final int[] args;
    private final int[] track;
    private final int[] row;
    private final byte[] flags;
    private final List<String> trackNames;
    private final int[] trackRows;

    public AsyncTable(int size, long[] start, long[] dur, int[] name, int[] cat, String[] id, int[] args,
                      int[] track, int[] row, byte[] flags, List<String> trackNames, int[] trackRows) {
        this.size = size;
        this.start = start;
        this.dur = dur;
        this.name = name;
        this.cat = cat;
        this.id = id;
        this.args = args;
        this.track = track;
        this.row = row;
        this.flags = flags;
        this.trackNames = List.copyOf(trackNames);
        this.trackRows = trackRows;
    }

    public int size() {
        return size;
    }

    public long start(int i) {
        return start[i];
    }

    public long dur(int i) {
        return dur[i];
    }

    public long end(int i) {
        return start[i] + dur[i];
    }

    public int name(int i) {
        return name[i];
    }

    public int cat(int i) {
        return cat[i];
    }

    public String id(int i) {
        return id[i];
    }

    public int args(int i) {
        return args[i];
    }

    public int track(int i) {
        return track[i];
    }

    public int row(int i) {
        return row[i];
    }

    /** {@link SpanTable#UNFINISHED} when the slice never ended. */
    public byte flags(int i) {
        return flags[i];
    }

    public List<String> trackNames() {
        return trackNames;
    }

    /** Number of rows track {@code t} needs. */
    public int trackRows(int t) {
        return trackRows[t];
    }
}
