package dev.flarescope.model;

/**
 * Point events in time order: instants ({@code i}/{@code I}/{@code R}), async instants ({@code n}),
 * object events ({@code O}/{@code N}/{@code D}) and E events that closed nothing. {@code phase} keeps the
 * letter so views can tell them apart.
 */
public final class InstantTable {
    public static final InstantTable EMPTY = new InstantTable(0, new long[0], new int[0], new int[0], new int[0], new char[0]);

    private final int size;
    private final long[] ts;
    private final int[] name;
    private final int[] cat;
    private final int[] args;
    private final char[] phase;

    public InstantTable(int size, long[] ts, int[] name, int[] cat, int[] args, char[] phase) {
        this.size = size;
        this.ts = ts;
        this.name = name;
        this.cat = cat;
        this.args = args;
        this.phase = phase;
    }

    public int size() {
        return size;
    }

    public long ts(int i) {
        return ts[i];
    }

    public int name(int i) {
        return name[i];
    }

    public int cat(int i) {
        return cat[i];
    }

    public int args(int i) {
        return args[i];
    }

    public char phase(int i) {
        return phase[i];
    }

    /** Index of the first instant at or after {@code t}. */
    public int firstAtOrAfter(long t) {
        return Sorting.firstAtOrAfter(ts, size, t);
    }
}
