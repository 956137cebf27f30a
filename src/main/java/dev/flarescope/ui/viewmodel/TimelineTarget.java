package dev.flarescope.ui.viewmodel;

/**
 * Where to take the trace timeline: a time range on the trace's clock and, when known, the thread to
 * scroll to ({@code process} and {@code thread} index the trace; -1 when unknown).
 */
public record TimelineTarget(TimeRange range, int process, int thread) {
    public boolean hasThread() {
        return process >= 0 && thread >= 0;
    }
}
