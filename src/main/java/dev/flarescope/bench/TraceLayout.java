package dev.flarescope.bench;

/** How generated Chrome trace events are framed in a file. */
public enum TraceLayout {
    /** A {@code {"traceEvents":[...]}} document with one event per line: what most tracers write. */
    JSON,
    /** One event object per line and nothing around them, as trace fragments per process are written. */
    JSONL
}
