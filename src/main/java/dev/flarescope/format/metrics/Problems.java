package dev.flarescope.format.metrics;

import dev.flarescope.format.InputException;
import dev.flarescope.model.TraceSink;

/**
 * How line-oriented readers report what they skip, in one place: a bad line goes to
 * {@link TraceSink#malformed} with its line number and offset, a bad last line that has no newline to
 * {@link TraceSink#truncated} (it was most likely cut while being written), and when the input gave
 * nothing at all, {@link #requireRecords} turns the first problem into an {@link InputException}.
 */
public final class Problems {
    private final TraceSink sink;
    private final String path;
    private final String expected;
    private long firstOffset = -1;
    private String first;

    /**
     * @param path     input name for messages
     * @param expected what the input should hold, for messages
     */
    public Problems(TraceSink sink, String path, String expected) {
        this.sink = sink;
        this.path = path;
        this.expected = expected;
    }

    public String expected() {
        return expected;
    }

    /** A line that could not be used; it is skipped. */
    public void malformed(long line, long offset, String message) {
        sink.malformed(line, offset, message);
        remember(offset, "line " + line + ": " + message);
    }

    /**
     * A line that could not be used: malformed, or truncated when it is the unterminated last line.
     */
    public void line(long line, long offset, boolean terminated, String message) {
        if (terminated) {
            malformed(line, offset, message);
        } else {
            sink.truncated(offset, "the last line (" + line + ") ends without a newline and is incomplete: " + message);
            remember(offset, "line " + line + " is cut short: " + message);
        }
    }

    /** The input ended inside a document. */
    public void truncated(long line, long offset, String message) {
        sink.truncated(offset, message);
        remember(offset, "line " + line + ": " + message);
    }

    /**
     * Throws unless something was read.
     *
     * @param records  records produced
     * @param nonBlank lines or values that held anything at all
     */
    public void requireRecords(long records, long nonBlank) throws InputException {
        if (records > 0) {
            return;
        }
        if (nonBlank == 0 && first == null) {
            throw new InputException(path, 0, "the input is empty; expected " + expected);
        }
        if (first != null) {
            throw new InputException(path, firstOffset, "nothing readable: " + first);
        }
        throw new InputException(path, -1, "no record found; expected " + expected);
    }

    private void remember(long offset, String message) {
        if (first == null) {
            first = message;
            firstOffset = offset;
        }
    }
}
