package dev.flarescope.live;

/**
 * Where a live source stands, as the user sees it: connected, waiting to retry, stopped, or failed.
 * Sources publish a new state on every change so that the app's live badge and the command line's
 * status line say the same thing.
 *
 * @param kind      what the source is doing
 * @param message   detail for {@link Kind#ERROR} and {@link Kind#RETRYING} (the last failure), else null
 * @param retryInMs for {@link Kind#RETRYING}: the wait before the next attempt
 */
public record LiveState(Kind kind, String message, long retryInMs) {

    /** The phases of a source's life. */
    public enum Kind {
        /** Started, first attempt under way. */
        CONNECTING,
        /** Receiving (a stream is open, a server is listening, files are being followed). */
        CONNECTED,
        /** The last attempt failed; the next one comes after {@link #retryInMs}. */
        RETRYING,
        /** Stopped by the user; delivers nothing more. */
        STOPPED,
        /** Cannot go on (a port in use, a path that is not there); delivers nothing more. */
        ERROR
    }

    public static final LiveState CONNECTING = new LiveState(Kind.CONNECTING, null, 0);
    public static final LiveState CONNECTED = new LiveState(Kind.CONNECTED, null, 0);
    public static final LiveState STOPPED = new LiveState(Kind.STOPPED, null, 0);

    public static LiveState retrying(long inMs, String lastFailure) {
        return new LiveState(Kind.RETRYING, lastFailure, inMs);
    }

    public static LiveState error(String message) {
        return new LiveState(Kind.ERROR, message, 0);
    }

    /** True once the source will deliver nothing more. */
    public boolean isFinal() {
        return kind == Kind.STOPPED || kind == Kind.ERROR;
    }

    /** One short phrase: "connected", "retrying in 4 s (connection refused)", "error: port 9411 is in use". */
    public String describe() {
        return switch (kind) {
            case CONNECTING -> "connecting";
            case CONNECTED -> "connected";
            case RETRYING -> "retrying in " + seconds(retryInMs) + (message == null ? "" : " (" + message + ")");
            case STOPPED -> "stopped";
            case ERROR -> "error: " + message;
        };
    }

    private static String seconds(long ms) {
        return ms % 1000 == 0 ? ms / 1000 + " s" : String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    @Override
    public String toString() {
        return describe();
    }
}
