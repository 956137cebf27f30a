package dev.flarescope.format;

import java.io.IOException;

/** Reads one input of one format into sinks obtained from the context. */
public interface TraceReader {
    /**
     * Reads the whole input. Recoverable problems (a malformed line, a cut document) are reported to
     * the sink and reading goes on; an {@link InputException} means nothing usable could be read.
     */
    void read(InputSource source, ReadContext ctx) throws IOException, InputException;
}
