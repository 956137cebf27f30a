package dev.flarescope.analysis.requests;

/** Which table of the trace an {@link EventRef} points into. */
public enum EventKind {
    /** {@code process.threads().get(thread).spans()}. */
    SPAN,
    /** {@code process.threads().get(thread).instants()}. */
    THREAD_INSTANT,
    /** {@code process.async()}; thread is -1. */
    ASYNC,
    /** {@code process.instants()}; thread is -1. */
    PROCESS_INSTANT,
    /** {@code trace.globalInstants()}; process and thread are -1. */
    GLOBAL_INSTANT
}
