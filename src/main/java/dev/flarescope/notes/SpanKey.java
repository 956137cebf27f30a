package dev.flarescope.notes;

import java.util.Objects;

/**
 * A span named by what stays true when the trace is loaded again: its process (host and pid as the
 * trace writes them), its thread id, its name and its start. Index positions would not survive a reload
 * that adds a fragment; these do. The end is kept so a note still shows its extent when the span is no
 * longer found (for instance after a fragment was removed).
 *
 * @param host    the process's host label, empty when the trace names none
 * @param pid     the process id as written in the trace
 * @param tid     the thread id as written in the trace
 * @param name    the span's name
 * @param startNs start on the trace clock, in nanoseconds
 * @param endNs   end on the trace clock, in nanoseconds ({@code >= startNs})
 */
public record SpanKey(String host, String pid, String tid, String name, long startNs, long endNs) {
    public SpanKey {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(pid, "pid");
        Objects.requireNonNull(tid, "tid");
        Objects.requireNonNull(name, "name");
        if (endNs < startNs) {
            throw new IllegalArgumentException("span ends (" + endNs + " ns) before it starts (" + startNs + " ns)");
        }
    }

    /** The same span {@code deltaNs} later (a clock offset applied to its input). */
    public SpanKey shift(long deltaNs) {
        return new SpanKey(host, pid, tid, name, startNs + deltaNs, endNs + deltaNs);
    }
}
