package dev.flarescope.model;

import java.util.Map;

/**
 * Where a reader pushes what it decodes. Readers never build the model themselves; they tokenize,
 * fill a {@link RawEvent} (or a {@link RequestRecord}, a {@link BenchResult}) and hand it over.
 * One sink is used by one thread.
 */
public interface TraceSink {
    /** The pool readers intern names, categories and arg keys into. */
    StringPool strings();

    /** The arena readers copy {@code args} objects into. */
    ArgStore args();

    /** One trace event. The sink copies what it keeps; the reader may reuse {@code e} afterwards. */
    void event(RawEvent e);

    /** One request's metrics, from any metrics format. */
    void request(RequestRecord r);

    /** One llama-bench measurement. */
    void bench(BenchResult b);

    /** A top-level document member that is not events ({@code otherData}, {@code metadata}, unknown keys), as JSON text. */
    void traceMetadata(String key, String json);

    /** {@code stackFrames} entry: id, name, parent id (or null), category (or null). */
    void stackFrame(String id, String name, String parent, String category);

    /**
     * Something the reader had to skip: a line or event it could not read. {@code line} is 1-based or 0
     * when unknown, {@code offset} is the byte offset in the decompressed input.
     */
    void malformed(long line, long offset, String message);

    /** The input ended in the middle of the document (no closing bracket, a cut last line). */
    void truncated(long offset, String message);

    /** Free-form facts about the input worth showing the user (units chosen, fields ignored). */
    void note(String message);

    /**
     * Adds {@code lines} to the line numbers of the events and of the skipped input received so far
     * (request records keep theirs: they name a line of the file the record was first read from). A
     * reader that reads a later part of its input in parallel numbers that part's lines from 1, and
     * moves them once the parts before it have been read and their lines are known, instead of
     * counting those lines before it starts; such a reader keeps line numbers out of its messages.
     */
    void shiftLines(long lines);

    /** Convenience for formats that read small documents with databind. */
    default void traceMetadata(Map<String, String> members) {
        members.forEach(this::traceMetadata);
    }
}
