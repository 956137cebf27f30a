package dev.flarescope.ui.viewmodel;

import dev.flarescope.model.SpanTable;
import dev.flarescope.model.ThreadTrack;
import dev.flarescope.model.Trace;

/** A span in a {@link Trace}: process index, thread index within it, span index in its table. */
public record SpanRef(int process, int thread, int span) {
    public ThreadTrack thread(Trace trace) {
        return trace.processes().get(process).threads().get(thread);
    }

    public SpanTable table(Trace trace) {
        return thread(trace).spans();
    }

    public long start(Trace trace) {
        return table(trace).start(span);
    }

    public long end(Trace trace) {
        return table(trace).end(span);
    }

    public String name(Trace trace) {
        return trace.string(table(trace).name(span));
    }
}
