package dev.flarescope.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/** Prints how long each phase of a command took ({@code --timings}); {@link #OFF} prints nothing. */
class PhaseTimer {
    static final PhaseTimer OFF = new PhaseTimer(null);

    private final PrintWriter err;
    private final long start = System.nanoTime();
    private long last = start;

    PhaseTimer(PrintWriter err) {
        this.err = err;
    }

    /** Prints the time since the previous lap under {@code phase}. */
    void lap(String phase) {
        if (err == null) {
            return;
        }
        long now = System.nanoTime();
        err.printf(Locale.ROOT, "%8.3f s  %s%n", (now - last) / 1e9, phase);
        last = now;
    }

    /** Prints the total since the timer started, and the JVM's own start-up time before it. */
    void total() {
        if (err == null) {
            return;
        }
        long uptimeMs = ManagementFactory.getRuntimeMXBean().getUptime();
        err.printf(Locale.ROOT, "%8.3f s  total, in a process up for %.3f s%n", (System.nanoTime() - start) / 1e9,
                uptimeMs / 1e3);
        err.flush();
    }
}
