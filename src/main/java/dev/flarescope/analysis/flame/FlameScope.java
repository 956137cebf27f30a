package dev.flarescope.analysis.flame;

import dev.flarescope.model.ProcessTrack;
import dev.flarescope.model.Trace;

import java.util.ArrayList;
import java.util.List;

/**
 * What a flame graph aggregates: a list of threads (process index, thread index into the {@link Trace})
 * and a time range {@code [fromNs, toNs)}.
 *
 * <p>The range clips rather than filters: a span partly inside counts only the part that overlaps the
 * range, so the flame graph of a selection shows the time actually spent in it and the graphs of two
 * adjacent ranges add up to the graph of their union. A zero-length span counts (once, with no time)
 * when it starts inside the range; a sample counts when its timestamp is inside.
 */
public final class FlameScope {
    /** A thread of the trace: index of its process and its index within that process. */
    public record ThreadRef(int process, int thread) {
    }

    private final List<ThreadRef> threads;
    private final long fromNs;
    private final long toNs;

    private FlameScope(List<ThreadRef> threads, long fromNs, long toNs) {
        if (fromNs > toNs) {
            throw new IllegalArgumentException("empty time range: " + fromNs + " > " + toNs);
        }
        this.threads = List.copyOf(threads);
        this.fromNs = fromNs;
        this.toNs = toNs;
    }

    /** Every thread of every process, whole time range. */
    public static FlameScope all(Trace trace) {
        List<ThreadRef> refs = new ArrayList<>();
        for (int p = 0; p < trace.processes().size(); p++) {
            addProcess(trace, p, refs);
        }
        return new FlameScope(refs, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /** Every thread of process {@code p}. */
    public static FlameScope process(Trace trace, int p) {
        return processes(trace, p);
    }

    /** Every thread of the listed processes, in the order given. */
    public static FlameScope processes(Trace trace, int... ps) {
        List<ThreadRef> refs = new ArrayList<>();
        for (int p : ps) {
            addProcess(trace, p, refs);
        }
        return new FlameScope(refs, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /** Thread {@code t} of process {@code p}. */
    public static FlameScope thread(Trace trace, int p, int t) {
        ProcessTrack process = processAt(trace, p);
        if (t < 0 || t >= process.threads().size()) {
            throw new IllegalArgumentException("process " + p + " has no thread " + t + " (it has "
                    + process.threads().size() + ")");
        }
        return new FlameScope(List.of(new ThreadRef(p, t)), Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /** The same threads, clipped to {@code [t0, t1)} in ns. */
    public FlameScope withRange(long t0, long t1) {
        return new FlameScope(threads, t0, t1);
    }

    public List<ThreadRef> threads() {
        return threads;
    }

    /** Start of the range, ns; {@link Long#MIN_VALUE} when unbounded. */
    public long fromNs() {
        return fromNs;
    }

    /** End of the range (exclusive), ns; {@link Long#MAX_VALUE} when unbounded. */
    public long toNs() {
        return toNs;
    }

    /** True when a time range was set. */
    public boolean hasRange() {
        return fromNs != Long.MIN_VALUE || toNs != Long.MAX_VALUE;
    }

    private static void addProcess(Trace trace, int p, List<ThreadRef> refs) {
        int n = processAt(trace, p).threads().size();
        for (int t = 0; t < n; t++) {
            refs.add(new ThreadRef(p, t));
        }
    }

    private static ProcessTrack processAt(Trace trace, int p) {
        if (p < 0 || p >= trace.processes().size()) {
            throw new IllegalArgumentException("no process " + p + " (the trace has " + trace.processes().size() + ")");
        }
        return trace.processes().get(p);
    }
}
