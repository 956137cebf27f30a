package dev.flarescope.analysis.stats;

import java.util.Collection;
import java.util.Set;

/**
 * Which spans a statistic looks at: a selection of processes and threads (indices into the
 * {@link dev.flarescope.model.Trace}) and a time range. A span is in scope when its thread is selected
 * and it <em>starts</em> in {@code [fromNs, toNs)}; counting by start keeps every span in exactly one of
 * two adjacent ranges, so the statistics of a split range add up to those of the whole.
 *
 * <p>An empty selection means every thread of every process. Otherwise the selection is the union of
 * all threads of the listed processes and the listed threads.
 */
public record SpanScope(Set<Integer> processes, Set<ThreadRef> threads, long fromNs, long toNs) {

    /** A thread of the trace: process index and thread index within it. */
    public record ThreadRef(int process, int thread) {
    }

    public SpanScope {
        processes = Set.copyOf(processes);
        threads = Set.copyOf(threads);
        if (fromNs > toNs) {
            throw new IllegalArgumentException("empty time range: " + fromNs + " > " + toNs);
        }
    }

    /** Every span of the trace. */
    public static SpanScope all() {
        return new SpanScope(Set.of(), Set.of(), Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /** Every thread of the given processes, whole time range. */
    public static SpanScope ofProcesses(Collection<Integer> processIndices) {
        return new SpanScope(Set.copyOf(processIndices), Set.of(), Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /** The given threads, whole time range. */
    public static SpanScope ofThreads(Collection<ThreadRef> threadRefs) {
        return new SpanScope(Set.of(), Set.copyOf(threadRefs), Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /** The same selection, restricted to spans starting in {@code [fromNs, toNs)}. */
    public SpanScope within(long from, long to) {
        return new SpanScope(processes, threads, from, to);
    }

    /** True when every thread is selected. */
    public boolean allThreads() {
        return processes.isEmpty() && threads.isEmpty();
    }

    /** True when thread {@code thread} of process {@code process} is selected. */
    public boolean includes(int process, int thread) {
        return allThreads() || processes.contains(process) || threads.contains(new ThreadRef(process, thread));
    }
}
