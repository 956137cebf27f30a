package dev.flarescope.io;

import java.nio.file.Path;
import java.util.List;

/**
 * The inputs did not fit in the Java heap. {@link TraceLoader} turns the {@link OutOfMemoryError} it
 * meets while loading into this, after dropping everything it had read, so that the command line and
 * the app can print one line that says what to do instead of a stack trace, and go on working.
 */
public final class TraceTooLargeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long heapMb;

    private TraceTooLargeException(String message, long heapMb) {
        super(message, null, false, false); // a condition of the input, not a bug: no stack trace to keep
        this.heapMb = heapMb;
    }

    /** For {@code paths} loaded in the heap of this JVM. */
    public static TraceTooLargeException forHeap(List<Path> paths) {
        long heapMb = Runtime.getRuntime().maxMemory() >> 20;
        return new TraceTooLargeException(message(paths, heapMb), heapMb);
    }

    /**
     * {@code "PATHS: too large for N MB of heap; run with -Xmx4Nm or more (...)"}: four times the heap
     * is a suggestion, since how much a trace needs depends on its events, not only on its size.
     */
    static String message(List<Path> paths, long heapMb) {
        // a plain loop: this runs before every command, and a stream's first use costs start-up time
        StringBuilder names = new StringBuilder();
        for (Path p : paths) {
            names.append(names.length() > 0 ? ", " : "").append(p);
        }
        if (paths.isEmpty()) {
            names.append("the inputs");
        }
        String bigger = "-Xmx" + Math.max(256, heapMb * 4) + "m";
        return names + ": too large for " + heapMb + " MB of heap; run with " + bigger
                + " or more (bin/flarescope reads FLARESCOPE_JAVA_OPTS=" + bigger + ")";
    }

    /** The heap the load failed in, in MB. */
    public long heapMb() {
        return heapMb;
    }
}
