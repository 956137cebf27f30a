package dev.flarescope.analysis.requests;

/**
 * A link to one event of the {@link dev.flarescope.model.Trace}, so a view can select and highlight
 * it: the table it lives in, process index, thread index (-1 for process-level tables) and the row
 * within that table.
 */
public record EventRef(EventKind kind, int process, int thread, int index) {
}
