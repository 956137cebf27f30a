package dev.flarescope.ui.export;

import dev.flarescope.ui.ClassPathWarning;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import javafx.application.Platform;

/**
 * Starts JavaFX without a display for the command line: Monocle's headless platform with software
 * rendering, so {@code export-png} works on servers and in CI exactly as on a desktop, and never opens a
 * window. Settings given on the command line ({@code -Dglass.platform=...}) are left alone.
 */
public final class HeadlessToolkit {
    private static boolean started;

    private HeadlessToolkit() {
    }

    /** Starts the toolkit once per process; later calls do nothing. */
    public static synchronized void start() {
        if (started) {
            return;
        }
        setIfAbsent("glass.platform", "Monocle");
        setIfAbsent("monocle.platform", "Headless");
        setIfAbsent("prism.order", "sw");
        setIfAbsent("java.awt.headless", "true");
        CompletableFuture<Void> up = new CompletableFuture<>();
        ClassPathWarning.silence();
        try {
            Platform.startup(() -> up.complete(null));
        } catch (IllegalStateException alreadyRunning) {
            up.complete(null);
        } finally {
            ClassPathWarning.restore();
        }
        Platform.setImplicitExit(false);
        up.join();
        started = true;
    }

    /** Runs {@code work} on the FX thread and returns its result (or throws what it threw). */
    public static <T> T call(Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        try {
            return result.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception ex) {
                throw ex;
            }
            throw e;
        }
    }

    /** Lets the FX thread run what the views queued for later (redraws, skins), and what that queued in turn. */
    public static void settle() throws Exception {
        for (int i = 0; i < 3; i++) {
            call(() -> null);
            Thread.sleep(20);
        }
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
