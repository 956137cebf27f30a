package dev.flarescope.ui.viewmodel;

import dev.flarescope.format.InputException;
import dev.flarescope.io.TraceLoader;
import dev.flarescope.io.TraceTooLargeException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * Loads traces into a {@link TraceSession} without ever blocking the UI thread: the
 * {@link TraceLoader} runs on a background executor, progress and the result are handed to the UI
 * thread, and the previous trace stays on screen until a new one is complete. A load can be cancelled
 * (the loader's cancel flag is set and whatever it still produces is dropped); starting a new load
 * cancels the one under way.
 *
 * <p>Both executors are given from outside so the model is tested without a window: the app passes
 * {@code Platform::runLater} as the UI thread, tests pass a queue they drain themselves.
 */
public final class LoadViewModel {
    private final TraceSession session;
    private final RecentFiles recent;
    private final Executor uiThread;
    private final Executor background;

    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyLongWrapper bytesDone = new ReadOnlyLongWrapper(this, "bytesDone");
    private final ReadOnlyLongWrapper bytesTotal = new ReadOnlyLongWrapper(this, "bytesTotal", -1);
    private final ReadOnlyObjectWrapper<List<Path>> loadingPaths =
            new ReadOnlyObjectWrapper<>(this, "loadingPaths", List.of());
    private final List<Consumer<LoadOutcome>> outcomeListeners = new ArrayList<>();

    /** The load under way, or null; read and written on the UI thread only. */
    private Attempt current;

    public LoadViewModel(TraceSession session, RecentFiles recent, Executor uiThread, Executor background) {
        this.session = session;
        this.recent = recent;
        this.uiThread = uiThread;
        this.background = background;
    }

    /** Replaces the open trace with {@code paths} (files or folders) once they are loaded. */
    public void open(List<Path> paths) {
        start(paths, paths, false);
    }

    /**
     * Adds {@code paths} to the open trace: all inputs are loaded again together, so processes that
     * appear in several inputs are merged exactly as when they are opened at once.
     */
    public void add(List<Path> paths) {
        if (session.trace() == null) {
            open(paths);
            return;
        }
        Set<Path> union = new LinkedHashSet<>();
        for (String in : session.inputs()) {
            union.add(Path.of(in));
        }
        union.addAll(paths);
        start(List.copyOf(union), paths, true);
    }

    /** Stops the load under way; the trace shown before it stays. */
    public void cancel() {
        Attempt a = current;
        if (a != null) {
            a.cancel.set(true);
            end(LoadOutcome.cancelled(a.paths));
        }
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public boolean isLoading() {
        return loading.get();
    }

    /** Input bytes read so far by the load under way. */
    public ReadOnlyLongProperty bytesDoneProperty() {
        return bytesDone.getReadOnlyProperty();
    }

    /** Size of all inputs of the load under way, or -1 before the inputs are listed. */
    public ReadOnlyLongProperty bytesTotalProperty() {
        return bytesTotal.getReadOnlyProperty();
    }

    /** The paths of the load under way (empty when idle). */
    public ReadOnlyObjectProperty<List<Path>> loadingPathsProperty() {
        return loadingPaths.getReadOnlyProperty();
    }

    /** Calls {@code listener} on the UI thread once for every load that ends, however it ends. */
    public void addOutcomeListener(Consumer<LoadOutcome> listener) {
        outcomeListeners.add(listener);
    }

    private void start(List<Path> paths, List<Path> requested, boolean adding) {
        if (paths.isEmpty()) {
            return;
        }
        if (current != null) {
            current.cancel.set(true);
        }
        Attempt a = new Attempt(List.copyOf(paths), List.copyOf(requested), adding);
        current = a;
        loadingPaths.set(a.paths);
        bytesDone.set(0);
        bytesTotal.set(-1);
        loading.set(true);
        background.execute(a::run);
    }

    /** On the UI thread: shows the loaded trace, or keeps the old one when nothing new could be read. */
    private void finish(Attempt a, TraceLoader.Result r) {
        if (current != a) {
            return;
        }
        Set<String> failed = new HashSet<>();
        for (InputException f : r.failures()) {
            failed.add(f.path());
        }
        List<Path> keptRequested = new ArrayList<>();
        for (Path p : a.requested) {
            if (!failed.contains(p.toString())) {
                keptRequested.add(p);
            }
        }
        if (r.allFailed() || (a.adding && keptRequested.isEmpty())) {
            end(new LoadOutcome(LoadOutcome.Status.NOTHING_LOADED, a.paths, List.of(), r.failures(), r.skipped(),
                    null));
            return;
        }
        List<String> names = new ArrayList<>();
        for (Path p : a.paths) {
            if (!failed.contains(p.toString())) {
                names.add(p.toString());
            }
        }
        session.setTrace(r.trace(), names);
        recent.remember(keptRequested);
        end(new LoadOutcome(LoadOutcome.Status.LOADED, a.paths, r.trace().inputs(), r.failures(), r.skipped(),
                null));
    }

    private void end(LoadOutcome o) {
        current = null;
        loading.set(false);
        loadingPaths.set(List.of());
        for (Consumer<LoadOutcome> l : List.copyOf(outcomeListeners)) {
            l.accept(o);
        }
    }

    private static String describe(Throwable e, List<Path> paths) {
        if (e instanceof TraceTooLargeException) {
            return e.getMessage();
        }
        if (e instanceof OutOfMemoryError) {
            return TraceTooLargeException.forHeap(paths).getMessage();
        }
        String m = e.getMessage();
        return "Loading stopped: " + (m == null || m.isBlank() ? e.getClass().getSimpleName() : m);
    }

    /** One load: its inputs, cancel flag and the latest progress, coalesced into one UI update at a time. */
    private final class Attempt {
        final List<Path> paths;
        final List<Path> requested;
        final boolean adding;
        final AtomicBoolean cancel = new AtomicBoolean();
        final AtomicLong done = new AtomicLong();
        final AtomicLong total = new AtomicLong(-1);
        final AtomicBoolean updateQueued = new AtomicBoolean();

        Attempt(List<Path> paths, List<Path> requested, boolean adding) {
            this.paths = paths;
            this.requested = requested;
            this.adding = adding;
        }

        /** Background thread. */
        void run() {
            TraceLoader.Options options = TraceLoader.Options.defaults().withListener(this::progress)
                    .withCancel(cancel);
            try {
                TraceLoader.Result r = TraceLoader.load(paths, options);
                uiThread.execute(() -> finish(this, r));
            } catch (CancellationException e) {
                uiThread.execute(() -> {
                    if (current == this) {
                        end(LoadOutcome.cancelled(paths));
                    }
                });
            } catch (RuntimeException | OutOfMemoryError e) {
                String message = describe(e, paths);
                uiThread.execute(() -> {
                    if (current == this) {
                        end(LoadOutcome.error(paths, message));
                    }
                });
            }
        }

        /** Reader threads, often: only one UI update is queued at a time and it shows the latest numbers. */
        void progress(long bytes, long of) {
            done.set(bytes);
            total.set(of);
            if (updateQueued.compareAndSet(false, true)) {
                uiThread.execute(this::publish);
            }
        }

        void publish() {
            updateQueued.set(false);
            if (current == this) {
                bytesTotal.set(total.get());
                bytesDone.set(done.get());
            }
        }
    }
}
