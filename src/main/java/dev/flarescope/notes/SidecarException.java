package dev.flarescope.notes;

/**
 * A notes sidecar that cannot be used at all: not JSON, not a notes document, a newer format version,
 * too large, or unreadable. The message is for the user as it stands: it names the file, the line and
 * column when there is one, and what was expected, and is shown without a stack trace.
 */
public final class SidecarException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final int column;
    private final String reason;

    /**
     * @param file   the sidecar as the user knows it (its path)
     * @param line   1-based line of the problem, or -1 when it is about the whole file
     * @param column 1-based column of the problem, or -1
     * @param reason what was wrong or expected, without the file and position
     */
    public SidecarException(String file, int line, int column, String reason) {
        super(Sidecar.Problem.describe(file, line, column, reason));
        this.file = file;
        this.line = line;
        this.column = column;
        this.reason = reason;
    }

    public String file() {
        return file;
    }

    /** 1-based line, or -1 when the problem is about the whole file. */
    public int line() {
        return line;
    }

    /** 1-based column, or -1. */
    public int column() {
        return column;
    }

    /** What was wrong, without the file and position. */
    public String reason() {
        return reason;
    }

    /** The same failure as a problem of a trace's notes, for lists that collect them. */
    public Sidecar.Problem toProblem() {
        return new Sidecar.Problem(file, line, column, reason);
    }
}
