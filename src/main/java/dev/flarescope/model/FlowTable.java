package dev.flarescope.model;

/**
 * Flow arrows between points of the trace: consecutive steps of a {@code s}/{@code t}/{@code f} flow,
 * or a {@code bind_id} pair ({@code flow_out} slice to {@code flow_in} slice). Each end names a process
 * and a thread index in the {@link Trace}, a time, and the span it is bound to (or -1 when no span was
 * found there).
 */
public final class FlowTable {
    public static final FlowTable EMPTY = new FlowTable(0, new String[0], new int[0], new int[0],
            new int[0], new int[0], new long[0], new int[0], new int[0], new int[0], new long[0], new int[0]);

    private final int size;
    private final String[] id;
    private final int[] name;
    private final int[] cat;
    private final int[] fromProcess;
    private final int[] fromThread;
    private final long[] fromTs;
    private final int[] fromSpan;
    private final int[] toProcess;
    private final int[] toThread;
    private final long[] toTs;
    private final int[] toSpan;

    public FlowTable(int size, String[] id, int[] name, int[] cat, int[] fromProcess, int[] fromThread,
                     long[] fromTs, int[] fromSpan, int[] toProcess, int[] toThread, long[] toTs, int[] toSpan) {
        this.size = size;
        this.id = id;
        this.name = name;
        this.cat = cat;
        this.fromProcess = fromProcess;
        this.fromThread = fromThread;
        this.fromTs = fromTs;
        this.fromSpan = fromSpan;
        this.toProcess = toProcess;
        this.toThread = toThread;
        this.toTs = toTs;
        this.toSpan = toSpan;
    }

    public int size() {
        return size;
    }

    public String id(int i) {
        return id[i];
    }

    public int name(int i) {
        return name[i];
    }

    public int cat(int i) {
        return cat[i];
    }

    public int fromProcess(int i) {
        return fromProcess[i];
    }

    public int fromThread(int i) {
        return fromThread[i];
    }

    public long fromTs(int i) {
        return fromTs[i];
    }

    public int fromSpan(int i) {
        return fromSpan[i];
    }

    public int toProcess(int i) {
        return toProcess[i];
    }

    public int toThread(int i) {
        return toThread[i];
    }

    public long toTs(int i) {
        return toTs[i];
    }

    public int toSpan(int i) {
        return toSpan[i];
    }
}
