package dev.flarescope.live;

import dev.flarescope.format.InputException;
import dev.flarescope.model.TraceSink;
import java.io.IOException;

/**
 * Data a source received, not decoded yet: it writes itself into the sink it is given (the store's
 * current chunk) on the store's own thread, so that receiving threads only validate and hand over.
 */
@FunctionalInterface
public interface Batch {
    /** Decodes into {@code sink}. Recoverable problems go to the sink; an exception loses only this batch's rest. */
    void writeTo(TraceSink sink) throws IOException, InputException;
}
