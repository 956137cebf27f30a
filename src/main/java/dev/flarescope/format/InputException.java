package dev.flarescope.format;

/**
 * An input that cannot be read at all. The message is for the user: it names the file, where the
 * problem is (line or byte offset) and what was expected, and is printed without a stack trace.
 */
public final class InputException extends Exception {
    private final String path;
    private final long offset;

    public InputException(String path, long offset, String message) {
        super(message);
        this.path = path;
        this.offset = offset;
    }

    public String path() {
        return path;
    }

    /** Byte offset of the problem, or -1 when it is about the whole input. */
    public long offset() {
        return offset;
    }

    /** One line for stderr or a dialog: {@code path: at byte N: message}. */
    public String userMessage() {
        return offset >= 0 ? path + ": at byte " + offset + ": " + getMessage() : path + ": " + getMessage();
    }
}
