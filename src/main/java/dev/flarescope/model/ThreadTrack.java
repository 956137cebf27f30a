package dev.flarescope.model;

/** One thread of a process: its spans, thread-scoped instants and samples. */
public final class ThreadTrack {
    private final String tid;
    private final String name;
    private final int sortIndex;
    private final SpanTable spans;
    private final InstantTable instants;
    private final SampleTable samples;

    public ThreadTrack(String tid, String name, int sortIndex, SpanTable spans, InstantTable instants, SampleTable samples) {
        this.tid = tid;
        this.name = name;
        this.sortIndex = sortIndex;
        this.spans = spans;
        this.instants = instants;
        this.samples = samples;
    }

    /** Thread id as text: decimal for numeric ids, the string itself otherwise. */
    public String tid() {
        return tid;
    }

    /** {@code thread_name} metadata, or null. */
    public String name() {
        return name;
    }

    /** Name for display: the thread name, or "Thread <tid>". */
    public String label() {
        return name != null ? name + " " + tid : "Thread " + tid;
    }

    public int sortIndex() {
        return sortIndex;
    }

    public SpanTable spans() {
        return spans;
    }

    public InstantTable instants() {
        return instants;
    }

    public SampleTable samples() {
        return samples;
    }

    /** Events held: spans, instants and samples. */
    public long size() {
        return spans.size() + (long) instants.size() + samples.size();
    }
}
