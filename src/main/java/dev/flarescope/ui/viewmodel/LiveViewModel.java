package dev.flarescope.ui.viewmodel;

import dev.flarescope.live.FileFollower;
import dev.flarescope.live.HostPort;
import dev.flarescope.live.IngestServer;
import dev.flarescope.live.LiveSource;
import dev.flarescope.live.LiveState;
import dev.flarescope.live.LiveStats;
import dev.flarescope.live.LiveTrace;
import dev.flarescope.live.Retention;
import dev.flarescope.live.StreamConnector;
import dev.flarescope.live.demo.DemoServer;
import dev.flarescope.model.Trace;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * Watching a live source in the window: starts the source into a {@link LiveTrace}, and shows the
 * store's snapshots in the {@link TraceSession} as they come, never closer together than
 * {@value #PUBLISH_INTERVAL_MS} ms (a faster store would only make the views redraw more often than
 * anyone can look).
 *
 * <p>The first snapshot with data opens like a loaded trace; later ones replace the trace with
 * {@link TraceSession#updateTrace} so the user's zoom and selection stay. While {@link #following()},
 * each update moves the viewport to end at the newest time, keeping its width (or, when it showed
 * the trace from its start, keeps showing all of it). Any other change of the viewport (a zoom, a
 * pan) turns following off; turning it on again jumps to the end.
 *
 * <p>While {@link #paused()} the source keeps receiving and the badge keeps counting, but the trace
 * shown stays still; resuming shows the newest snapshot. Everything but the source's and the store's
 * own threads runs on the executor given as the UI thread.
 */
public final class LiveViewModel {
    /** Shortest time between two snapshots handed to the views. */
    public static final long PUBLISH_INTERVAL_MS = 150;
    private static final double DEMO_REQUESTS_PER_SECOND = 5;
    private static final long DEMO_TOKEN_MS = 30;

    private final TraceSession session;
    private final Executor ui;
    private final ReadOnlyBooleanWrapper attached = new ReadOnlyBooleanWrapper(this, "attached");
    private final ReadOnlyStringWrapper description = new ReadOnlyStringWrapper(this, "description", "");
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper(this, "state", "");
    private final ReadOnlyObjectWrapper<LiveState.Kind> stateKind = new ReadOnlyObjectWrapper<>(this, "stateKind");
    private final ReadOnlyObjectWrapper<LiveStats> stats = new ReadOnlyObjectWrapper<>(this, "stats");
    private final BooleanProperty paused = new SimpleBooleanProperty(this, "paused");
    private final ObjectProperty<Retention> retention = new SimpleObjectProperty<>(this, "retention", Retention.DEFAULT);
    private final BooleanProperty following = new SimpleBooleanProperty(this, "following", true);

    // UI thread only
    private Attachment current;
    private LiveTrace.Snapshot held;
    private boolean shown;
    private boolean moving;

    public LiveViewModel(TraceSession session, Executor uiThread) {
        this.session = session;
        this.ui = uiThread;
        session.viewport().addListener((obs, was, now) -> {
            if (!moving && current != null) {
                following.set(false);
            }
        });
        following.addListener((obs, was, on) -> {
            if (on && shown) {
                followEnd(false);
            }
        });
        paused.addListener((obs, was, on) -> {
            if (!on && held != null) {
                LiveTrace.Snapshot s = held;
                held = null;
                publish(s);
            }
        });
    }

    /**
     * How much the next attachment keeps (the age and number of events before the oldest are dropped);
     * an attachment in progress keeps what it started with.
     */
    public ObjectProperty<Retention> retention() {
        return retention;
    }

    /**
     * Opens the source {@code target} names and attaches to it (detaching from the one before).
     *
     * @throws IllegalArgumentException for an address that cannot be one (the message says why)
     * @throws IOException              when the source cannot start (a port in use, a missing path)
     */
    public void attach(AttachTarget target) throws IOException {
        switch (target.kind()) {
            case FOLLOW -> attach(new FileFollower(existingPath(target.address())), null);
            case CONNECT -> attach(new StreamConnector(streamUri(target.address())), null);
            case LISTEN -> attach(new IngestServer(HostPort.parse(target.address()), target.token()), null);
            case DEMO -> {
                // the attachment owns the server from here on and closes it on failure or detach
                DemoServer demo = new DemoServer(0, DEMO_REQUESTS_PER_SECOND, DEMO_TOKEN_MS);
                attach(new StreamConnector(URI.create("http://127.0.0.1:" + demo.port() + "/events")), demo);
            }
        }
    }

    /**
     * Starts {@code source} into a new store and shows what it delivers.
     *
     * @param companion closed after the source stops (the demo server behind a demo stream), or null
     */
    public void attach(LiveSource source, AutoCloseable companion) throws IOException {
        detach();
        LiveTrace store = new LiveTrace(retention.get());
        Attachment a = new Attachment(source, store, companion);
        source.addStateListener(s -> ui.execute(() -> showState(a, s)));
        store.addSnapshotListener(snapshot -> a.offer(snapshot, () -> ui.execute(() -> {
            LiveTrace.Snapshot s = a.forUi.getAndSet(null);
            if (s != null) {
                deliver(a, s);
            }
        })));
        try {
            source.start(store);
        } catch (IOException | RuntimeException e) {
            a.close();
            throw e;
        }
        current = a;
        held = null;
        shown = false;
        paused.set(false);
        following.set(true);
        description.set(source.description());
        attached.set(true);
        showState(a, source.state());
    }

    /**
     * Stops the source and keeps what was captured on screen. Returns at once; the future completes
     * when the source, the store and any companion are stopped. Does nothing when not attached.
     */
    public CompletableFuture<Void> detach() {
        Attachment a = current;
        if (a == null) {
            return CompletableFuture.completedFuture(null);
        }
        current = null;
        held = null;
        attached.set(false);
        state.set(LiveState.STOPPED.describe());
        stateKind.set(LiveState.Kind.STOPPED);
        return CompletableFuture.runAsync(a::close, r -> {
            Thread t = new Thread(r, "flarescope-live-detach");
            t.setDaemon(true);
            t.start();
        });
    }

    /** True from a successful attach until detach. */
    public ReadOnlyBooleanProperty attached() {
        return attached.getReadOnlyProperty();
    }

    /** What is attached ("follow /tmp/run", "connect http://..."), or empty. */
    public ReadOnlyStringProperty description() {
        return description.getReadOnlyProperty();
    }

    /** The source's state in words: "connected", "retrying in 4 s (connection refused)", "stopped", "error: ...". */
    public ReadOnlyStringProperty state() {
        return state.getReadOnlyProperty();
    }

    /** The kind of the source's state (for the badge's colour), or null before any attach. */
    public ReadOnlyObjectProperty<LiveState.Kind> stateKind() {
        return stateKind.getReadOnlyProperty();
    }

    /** Figures of the latest snapshot received (also while paused), or null before the first. */
    public ReadOnlyObjectProperty<LiveStats> stats() {
        return stats.getReadOnlyProperty();
    }

    /** While true, snapshots are received and counted but the trace shown stays still. */
    public BooleanProperty paused() {
        return paused;
    }

    /** While true, the viewport moves with the newest data. */
    public BooleanProperty following() {
        return following;
    }

    private void showState(Attachment a, LiveState s) {
        if (current == a) {
            state.set(s.describe());
            stateKind.set(s.kind());
        }
    }

    private void deliver(Attachment a, LiveTrace.Snapshot s) {
        if (current != a) {
            return;
        }
        stats.set(s.stats());
        if (paused.get()) {
            held = s;
        } else {
            publish(s);
        }
    }

    private void publish(LiveTrace.Snapshot s) {
        if (!shown && s.stats().retainedEvents() == 0) {
            return;
        }
        Trace before = session.trace();
        moving = true;
        try {
            if (shown) {
                session.updateTrace(s.trace());
            } else {
                session.setTrace(s.trace(), List.of(description.get()));
                shown = true;
            }
        } finally {
            moving = false;
        }
        if (following.get()) {
            followEnd(before != null && showsFromStart(before));
        }
    }

    private boolean showsFromStart(Trace before) {
        TimeRange v = session.viewport().get();
        return v != null && v.start() <= before.minTs();
    }

    /** Moves the viewport to end at the newest time; {@code wholeTrace} keeps it starting at the trace's start. */
    private void followEnd(boolean wholeTrace) {
        Trace t = session.trace();
        TimeRange v = session.viewport().get();
        if (t == null || v == null) {
            return;
        }
        TimeRange all = TraceSession.bounds(t);
        TimeRange next = wholeTrace ? all : new TimeRange(all.end() - v.duration(), all.end());
        moving = true;
        try {
            session.viewport().set(next);
        } finally {
            moving = false;
        }
    }

    private static Path existingPath(String address) {
        if (address.isEmpty()) {
            throw new IllegalArgumentException("Enter the path of a file or folder to follow.");
        }
        Path p;
        try {
            p = Path.of(address);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("Not a path: " + address);
        }
        if (!Files.exists(p)) {
            throw new IllegalArgumentException("No such file or folder: " + address);
        }
        return p;
    }

    private static URI streamUri(String address) {
        try {
            URI uri = new URI(address);
            if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())
                    || uri.getHost() == null) {
                throw new IllegalArgumentException("Expected an http:// or https:// URL, got: " + address);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Not a URL: " + address + " (" + e.getReason() + ")");
        }
    }

    /** One attached source with its store, its publishing timer and what to close after it. */
    private static final class Attachment {
        final LiveSource source;
        final LiveTrace store;
        final AutoCloseable companion;
        /** The newest snapshot not handed over yet. */
        final AtomicReference<LiveTrace.Snapshot> pending = new AtomicReference<>();
        /** The newest snapshot handed over and not taken by the UI thread yet: a busy UI thread skips to it. */
        final AtomicReference<LiveTrace.Snapshot> forUi = new AtomicReference<>();
        private volatile long lastHandedNs = System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(PUBLISH_INTERVAL_MS);
        final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "flarescope-live-publish");
            t.setDaemon(true);
            return t;
        });

        Attachment(LiveSource source, LiveTrace store, AutoCloseable companion) {
            this.source = source;
            this.store = store;
            this.companion = companion;
        }

        /**
         * Hands {@code s} on at once, or, when the last hand-over was less than
         * {@value #PUBLISH_INTERVAL_MS} ms ago, once that much time has passed; snapshots that arrive
         * meanwhile replace it, so the views get the newest. A hand-over puts the snapshot in
         * {@link #forUi} and runs {@code wakeUi} only when the UI thread has taken the one before, so
         * that a UI thread that falls behind holds one snapshot, not a queue of them.
         */
        void offer(LiveTrace.Snapshot s, Runnable wakeUi) {
            if (pending.getAndSet(s) != null) {
                return; // a hand-over is already scheduled and will take this one
            }
            long wait = lastHandedNs + TimeUnit.MILLISECONDS.toNanos(PUBLISH_INTERVAL_MS) - System.nanoTime();
            try {
                ticker.schedule(() -> {
                    // the time first: an offer that finds pending empty below must see this hand-over's time
                    lastHandedNs = System.nanoTime();
                    LiveTrace.Snapshot next = pending.getAndSet(null);
                    if (next != null && forUi.getAndSet(next) == null) {
                        wakeUi.run();
                    }
                }, Math.max(0, wait), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException closed) {
                // detached: nothing is shown any more
            }
        }

        void close() {
            ticker.shutdownNow();
            source.stop();
            store.close();
            if (companion != null) {
                try {
                    companion.close();
                } catch (Exception e) {
                    // the source is stopped; a companion that fails to close holds nothing the user needs
                }
            }
        }
    }
}
