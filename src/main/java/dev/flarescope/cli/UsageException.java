package dev.flarescope.cli;

/**
 * The command line is wrong: an unknown option, a missing or unusable value, options that do not go
 * together. The message says what is wrong in a few words; the runner prefixes the command's name,
 * points at its help and exits with {@link Cli#USAGE}.
 */
public final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message, null, false, false);
    }
}
