package dev.flarescope.format;

import dev.flarescope.model.TraceSink;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;

/**
 * What a reader gets besides its input: sinks, threads, progress and cancellation.
 *
 * <p>A reader that reads sequentially calls {@link #newSink()} once. A reader that splits its input
 * calls it once per chunk, in input order: the model joins chunk sinks in the order they were made,
 * so a B in chunk 1 still meets its E in chunk 2. A chunk whose result must be thrown away (its split
 * point turned out not to be an event boundary) is passed to {@link #discard}.
 */
public interface ReadContext {
    TraceSink newSink();

    void discard(TraceSink sink);

    /** Threads for readers that split their input; never blocks the caller's thread. */
    ExecutorService executor();

    /** How many chunks are worth making (usually the number of cores). */
    int parallelism();

    /** Reports that {@code n} more input bytes (as stored, before decompression where possible) were consumed. */
    void progressBytes(long n);

    /** True when the user cancelled; readers check it every few thousand events. */
    boolean isCancelled();

    default void checkCancelled() {
        if (isCancelled()) {
            throw new CancellationException("cancelled");
        }
    }
}
