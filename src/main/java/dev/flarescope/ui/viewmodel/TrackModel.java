package dev.flarescope.ui.viewmodel;

/**
 * One horizontal track of the timeline and where it sits: {@code top} and {@code height} are in content
 * pixels (before vertical scrolling). {@code process} indexes {@code trace.processes()} (-1 for the global
 * track); {@code index} is the thread index, async track index or counter index within that process.
 * {@code rows} is the number of slice rows the track draws (0 for headers and counters).
 */
public record TrackModel(Kind kind, int process, int index, double top, double height, int rows,
                         String label, String detail) {

    /** What a track shows. */
    public enum Kind {
        /** Instants with global scope. */
        GLOBAL,
        /** The header of a process: its name, host, and process-scoped instants; clicking it collapses. */
        PROCESS,
        /** An async track of a process (slices grouped by name). */
        ASYNC,
        /** A counter series drawn as a step-wise area chart. */
        COUNTER,
        /** The spans of one thread, one row per depth. */
        THREAD
    }

    public double bottom() {
        return top + height;
    }

    /** Top of slice row {@code depth}. */
    public double rowTop(int depth) {
        return top + TimelineLayout.TRACK_PAD + depth * TimelineLayout.ROW;
    }

    /** The slice row under content y, or -1 when y is outside every row. */
    public int rowAt(double y) {
        double off = y - top - TimelineLayout.TRACK_PAD;
        if (off < 0) {
            return -1;
        }
        int d = (int) (off / TimelineLayout.ROW);
        return d < rows ? d : -1;
    }
}
