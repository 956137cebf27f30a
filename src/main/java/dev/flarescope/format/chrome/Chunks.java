package dev.flarescope.format.chrome;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Joining the chunks of a parallel read: every chunk is waited for before any failure is passed on. */
final class Chunks {
    private Chunks() {
    }

    /** Waits for a chunk; returns what it threw, or null. */
    static Throwable await(Future<?> future) {
        try {
            future.get();
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (CancellationException e) {
            return e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            InterruptedIOException ie = new InterruptedIOException("interrupted while reading");
            ie.initCause(e);
            return ie;
        }
    }

    /** Throws {@code t} as what it is (unchecked, or an IOException); does nothing for null. */
    static void rethrow(Throwable t) throws IOException {
        if (t == null) {
            return;
        }
        if (t instanceof IOException io) {
            throw io;
        }
        if (t instanceof RuntimeException re) {
            throw re;
        }
        if (t instanceof Error err) {
            throw err;
        }
        throw new IOException(t);
    }
}
