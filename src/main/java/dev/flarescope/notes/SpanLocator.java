package dev.flarescope.notes;

import dev.flarescope.model.ProcessTrack;
import dev.flarescope.model.SpanTable;
import dev.flarescope.model.ThreadTrack;
import dev.flarescope.model.Trace;
import java.util.List;
import java.util.Optional;

/**
 * Turns a span's place in a loaded {@link Trace} into a {@link SpanKey} and back. Positions (process,
 * thread and span index) change whenever the trace is assembled again, with a fragment more or a
 * process sorted differently; the key does not, so notes store keys and views find the span again here.
 */
public final class SpanLocator {

    /** Where a span is in a trace: indices into its processes, that process's threads and their spans. */
    public record SpanPosition(int process, int thread, int span) {
    }

    private SpanLocator() {
    }

    /** The key of span {@code span} of thread {@code thread} of process {@code process}. */
    public static SpanKey keyOf(Trace t, int process, int thread, int span) {
        ProcessTrack p = t.processes().get(process);
        ThreadTrack th = p.threads().get(thread);
        SpanTable s = th.spans();
        return new SpanKey(p.host(), p.pid(), th.tid(), t.string(s.name(span)), s.start(span), s.end(span));
    }

    /**
     * Finds the span a key names: the process by host and pid, its thread by tid, then the span with the
     * key's start and name. When several share start and name, the one with the key's end is taken;
     * when none has it (a span still open in a live capture has grown since), the first of them.
     */
    public static Optional<SpanPosition> find(Trace t, SpanKey key) {
        int nameId = t.strings().find(key.name());
        if (nameId < 0) {
            return Optional.empty();
        }
        List<ProcessTrack> processes = t.processes();
        for (int pi = 0; pi < processes.size(); pi++) {
            ProcessTrack p = processes.get(pi);
            if (!p.host().equals(key.host()) || !p.pid().equals(key.pid())) {
                continue;
            }
            List<ThreadTrack> threads = p.threads();
            for (int ti = 0; ti < threads.size(); ti++) {
                if (threads.get(ti).tid().equals(key.tid())) {
                    int span = find(threads.get(ti).spans(), nameId, key.startNs(), key.endNs());
                    return span < 0 ? Optional.empty() : Optional.of(new SpanPosition(pi, ti, span));
                }
            }
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** Spans are sorted by start, so the ones starting at {@code start} are a run found by binary search. */
    private static int find(SpanTable spans, int nameId, long start, long end) {
        int first = -1;
        for (int i = spans.firstStartingAtOrAfter(start); i < spans.size() && spans.start(i) == start; i++) {
            if (spans.name(i) == nameId) {
                if (spans.end(i) == end) {
                    return i;
                }
                if (first < 0) {
                    first = i;
                }
            }
        }
        return first;
    }

}
