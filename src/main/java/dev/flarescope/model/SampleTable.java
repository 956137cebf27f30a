package dev.flarescope.model;

/** CPU samples of one thread: time, leaf stack frame (index in {@link StackFrameTable}, or -1), weight. */
public final class SampleTable {
    public static final SampleTable EMPTY = new SampleTable(0, new long[0], new int[0], new double[0]);

    private final int size;
    private final long[] ts;
    private final int[] frame;
    private final double[] weight;

    public SampleTable(int size, long[] ts, int[] frame, double[] weight) {
        this.size = size;
        this.ts = ts;
        this.frame = frame;
        this.weight = weight;
    }

    public int size() {
        return size;
    }

    public long ts(int i) {
        return ts[i];
    }

    public int frame(int i) {
        return frame[i];
    }

    public double weight(int i) {
        return weight[i];
    }
}
