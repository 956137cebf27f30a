package dev.flarescope.ui.view.common;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;

/** The executors view models are given in the app: the FX thread, and background threads for long work. */
public final class FxExecutors {
    private FxExecutors() {
    }

    /** Runs on the JavaFX application thread, later. */
    public static Executor fxThread() {
        return Platform::runLater;
    }

    /**
     * One daemon thread named {@code name} that runs tasks in order: requests of one view are then
     * handled one after the other, and a view model can skip those that a newer one made stale.
     */
    public static ExecutorService background(String name) {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * A new daemon thread named {@code name} for every task, for work that must not queue behind an
     * earlier task still winding down (a cancelled load finishing its current chunk).
     */
    public static Executor threadPerTask(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            t.start();
        };
    }
}
