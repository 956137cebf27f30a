package dev.flarescope.ui.viewmodel;

import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.concurrent.Task;

/**
 * Runs flame graph builds. The app runs each build in a background {@link Task} and hands the result to
 * the FX thread; exporting and the view model's tests run builds at once on the calling thread, so that a
 * result is there when the call returns. A build polls the {@link BooleanSupplier} it is given and gives
 * up (throwing {@link CancellationException}) once its job is cancelled.
 */
public interface FlameWorker {

    /** A submitted build. */
    interface Job {
        /** Asks the build to stop; its result, if any, is not delivered. */
        void cancel();
    }

    /**
     * Starts {@code work}; {@code done} receives its result and {@code failed} any error other than
     * cancellation, both on the thread that applies results (the FX thread for {@link #fxTasks()}).
     */
    <T> Job submit(String name, Function<BooleanSupplier, T> work, Consumer<T> done, Consumer<Throwable> failed);

    /** Each build in a {@link Task} on its own daemon thread, results on the FX thread. */
    static FlameWorker fxTasks() {
        return new FlameWorker() {
            @Override
            public <T> Job submit(String name, Function<BooleanSupplier, T> work, Consumer<T> done,
                                  Consumer<Throwable> failed) {
                Task<T> task = new Task<>() {
                    @Override
                    protected T call() {
                        return work.apply(this::isCancelled);
                    }
                };
                task.setOnSucceeded(e -> done.accept(task.getValue()));
                task.setOnFailed(e -> {
                    if (!(task.getException() instanceof CancellationException)) {
                        failed.accept(task.getException());
                    }
                });
                Thread thread = new Thread(task, name);
                thread.setDaemon(true);
                thread.start();
                return () -> task.cancel(false);
            }
        };
    }

    /** Runs each build to the end before {@code submit} returns, on the calling thread. */
    static FlameWorker immediate() {
        return new FlameWorker() {
            @Override
            public <T> Job submit(String name, Function<BooleanSupplier, T> work, Consumer<T> done,
                                  Consumer<Throwable> failed) {
                T result;
                try {
                    result = work.apply(() -> false);
                } catch (RuntimeException e) {
                    failed.accept(e);
                    return () -> { };
                }
                done.accept(result);
                return () -> { };
            }
        };
    }
}
