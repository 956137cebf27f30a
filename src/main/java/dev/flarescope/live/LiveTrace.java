package dev.flarescope.live;

import dev.flarescope.format.InputException;
import dev.flarescope.model.ChunkBuilder;
import dev.flarescope.model.ForwardingSink;
import dev.flarescope.model.RawEvent;
import dev.flarescope.model.RequestRecord;
import dev.flarescope.model.Trace;
import dev.flarescope.model.TraceAssembler;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The store live sources deliver into, and the source of the immutable {@link Trace} snapshots the
 * app draws and the command line writes.
 *
 * <p>Receiving threads only hand batches over ({@link #append}); one store thread decodes them, in
 * arrival order, into a {@link ChunkBuilder} per input (a file, a stream, a sender), and about every
 * {@value #DEFAULT_SNAPSHOT_MS} ms, once what was handed over is decoded, assembles everything retained
 * with {@link TraceAssembler}, exactly as a load of the same data from disk would. Chunks are sealed
 * after {@value #SEGMENT_EVENTS} events or {@value #SEGMENT_SECONDS} s, so that retention drops whole
 * old chunks and the number of chunks (each owning at least one page of args) stays small. When data
 * arrives faster than it can be decoded between snapshots, a snapshot still comes after at most the
 * longer of the interval and twice the last assembly's time, so decoding always gets at least half the
 * thread.
 *
 * <p>Memory is bounded twice: by the {@link Retention} of what is kept, and by a budget of bytes
 * handed over but not decoded yet ({@link #append} waits for room, then gives up, so that a sender
 * can be told to come back instead of the heap filling up).
 */
public final class LiveTrace implements AutoCloseable {
    public static final long DEFAULT_SNAPSHOT_MS = 200;
    static final long SEGMENT_EVENTS = 200_000;
    static final long SEGMENT_SECONDS = 10;
    /** Default budget of bytes handed over and not decoded yet. */
    public static final long DEFAULT_PENDING_BYTES = 512L << 20;

    private final Retention retention;
    private final long snapshotIntervalNs;
    private final Semaphore pendingKib;
    private final int pendingKibTotal;
    private final LinkedBlockingQueue<Task> queue = new LinkedBlockingQueue<>();
    private final List<Consumer<Snapshot>> listeners = new CopyOnWriteArrayList<>();
    private final Thread worker;
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong pendingBytes = new AtomicLong();
    private volatile Snapshot latest;
    private volatile boolean closed;

    // owned by the worker thread
    private final Map<String, InputLog> inputs = new LinkedHashMap<>();
    private long retained;
    private long dropped;
    private boolean dirty = true;
    private long oldestUnpublishedNs = Long.MAX_VALUE;
    private long lastSnapshotNs;
    private long lastSnapshotReceived;

    /** A published snapshot: the trace and the figures at the time it was built. */
    public record Snapshot(Trace trace, LiveStats stats) {
    }

    public LiveTrace() {
        this(Retention.DEFAULT);
    }

    public LiveTrace(Retention retention) {
        this(retention, DEFAULT_SNAPSHOT_MS, DEFAULT_PENDING_BYTES);
    }

    public LiveTrace(Retention retention, long snapshotIntervalMs, long maxPendingBytes) {
        this.retention = retention;
        this.snapshotIntervalNs = TimeUnit.MILLISECONDS.toNanos(snapshotIntervalMs);
        this.pendingKibTotal = (int) Math.min(Integer.MAX_VALUE, Math.max(1, maxPendingBytes >> 10));
        this.pendingKib = new Semaphore(pendingKibTotal);
        this.latest = new Snapshot(TraceAssembler.assemble(List.of()), new LiveStats(0, 0, 0, 0, 0, 0, 0));
        this.worker = new Thread(this::run, "flarescope-live-store");
        this.worker.setDaemon(true);
        this.worker.start();
    }

    public Retention retention() {
        return retention;
    }

    /**
     * Hands a batch over for input {@code input} (one input per file, stream or sender; inputs are
     * what the assembled trace lists, and where host metadata applies). Waits up to
     * {@code timeoutMs} for room in the pending-bytes budget.
     *
     * @param format id of the format the batch holds (shown in the trace's input list)
     * @param bytes  size of the batch as received, for the budget and the input's size
     * @return true when the batch was taken (it will be in every later snapshot and flush, unless
     *         retention drops it); false when the store is closed or full
     */
    public boolean append(String input, String format, long bytes, Batch batch, long timeoutMs)
            throws InterruptedException {
        int kib = (int) Math.min(pendingKibTotal, Math.max(1, (bytes + 1023) >> 10));
        if (closed || !pendingKib.tryAcquire(kib, timeoutMs, TimeUnit.MILLISECONDS)) {
            return false;
        }
        if (closed) {
            pendingKib.release(kib);
            return false;
        }
        pendingBytes.addAndGet(bytes);
        queue.add(new Append(input, format, bytes, kib, batch, System.nanoTime()));
        return true;
    }

    /** {@link #append} waiting as long as it takes (for sources that read at their own pace, such as files). */
    public boolean append(String input, String format, long bytes, Batch batch) throws InterruptedException {
        return append(input, format, bytes, batch, Long.MAX_VALUE / 2);
    }

    /** The latest published snapshot (an empty trace before the first data). */
    public Snapshot latest() {
        return latest;
    }

    /** The latest published trace. */
    public Trace snapshot() {
        return latest.trace;
    }

    /** Events and request records decoded so far. */
    public long receivedEvents() {
        return received.get();
    }

    /** Calls {@code listener} on the store's thread with every snapshot published from now on. */
    public void addSnapshotListener(Consumer<Snapshot> listener) {
        listeners.add(listener);
    }

    public void removeSnapshotListener(Consumer<Snapshot> listener) {
        listeners.remove(listener);
    }

    /**
     * Decodes everything handed over before this call, assembles it and publishes the result;
     * returns it. This is how a capture ends: stop the sources, then flush.
     */
    public Snapshot flush(long timeoutMs) throws InterruptedException, TimeoutException {
        CompletableFuture<Snapshot> done = new CompletableFuture<>();
        if (!worker.isAlive()) {
            throw new IllegalStateException("the live store is closed");
        }
        queue.add(new Flush(done));
        try {
            return done.get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("assembling the capture failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    /** Stops the store thread after what was handed over is decoded; later appends are refused. */
    @Override
    public void close() {
        closed = true;
        queue.add(new Close());
        try {
            worker.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---------------------------------------------------------------- store thread

    private sealed interface Task permits Append, Flush, Close {
    }

    private record Append(String input, String format, long bytes, int kib, Batch batch, long arrivedNs)
            implements Task {
    }

    private record Flush(CompletableFuture<Snapshot> done) implements Task {
    }

    private record Close() implements Task {
    }

    private void run() {
        while (true) {
            long now = System.nanoTime();
            long wait = dirty ? Math.max(0, lastSnapshotNs + snapshotIntervalNs - now) : snapshotIntervalNs;
            Task task;
            try {
                task = queue.poll(wait, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (task instanceof Append a) {
                apply(a);
                // decode what is queued before snapshotting, but never past the latest a snapshot may come
                Task next;
                while (System.nanoTime() < lastSnapshotNs + latestInterval() && (next = queue.peek()) instanceof Append) {
                    queue.poll();
                    apply((Append) next);
                }
            } else if (task instanceof Flush f) {
                try {
                    f.done.complete(publish());
                } catch (RuntimeException e) {
                    f.done.completeExceptionally(e);
                }
                continue;
            } else if (task instanceof Close) {
                return;
            }
            now = System.nanoTime();
            long since = now - lastSnapshotNs;
            boolean caughtUp = !(queue.peek() instanceof Append);
            if (dirty && (since >= snapshotIntervalNs && caughtUp || since >= latestInterval())) {
                try {
                    publish();
                } catch (RuntimeException e) {
                    lastSnapshotNs = now; // keep the previous snapshot; try again next interval
                }
            }
        }
    }

    private long lastAssemblyNs;

    /**
     * The longest time from the start of one snapshot's assembly to the next: the interval, or twice the
     * last assembly when that is longer. A snapshot is normally taken once the interval has passed and
     * everything handed over is decoded; when data keeps coming faster than that, this bound still
     * publishes while leaving decoding at least half of the thread.
     */
    private long latestInterval() {
        return Math.max(snapshotIntervalNs, 2 * lastAssemblyNs);
    }

    private void apply(Append a) {
        InputLog log = inputs.computeIfAbsent(a.input, k -> new InputLog(a.format));
        Segment seg = log.open(a.arrivedNs);
        CountingSink sink = new CountingSink(seg.chunk);
        try {
            a.batch.writeTo(sink);
        } catch (IOException | InputException | RuntimeException e) {
            seg.chunk.malformed(0, 0, a.input + ": " + message(e));
        } finally {
            pendingKib.release(a.kib);
            pendingBytes.addAndGet(-a.bytes);
        }
        seg.events += sink.count;
        seg.lastNs = a.arrivedNs;
        log.bytes += a.bytes;
        retained += sink.count;
        received.addAndGet(sink.count);
        dirty = true;
        oldestUnpublishedNs = Math.min(oldestUnpublishedNs, a.arrivedNs);
        if (seg.events >= SEGMENT_EVENTS || a.arrivedNs - seg.firstNs >= TimeUnit.SECONDS.toNanos(SEGMENT_SECONDS)) {
            log.seal();
        }
        applyRetention(a.arrivedNs);
    }

    private static String message(Exception e) {
        if (e instanceof InputException ie) {
            return ie.getMessage();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /** Drops the oldest whole segments (sealed or not) while the window or the event limit is exceeded. */
    private void applyRetention(long now) {
        if (retention.isUnbounded()) {
            return;
        }
        long horizon = retention.window() == null ? Long.MIN_VALUE : now - retention.window().toNanos();
        while (true) {
            InputLog oldestLog = null;
            Segment oldest = null;
            for (InputLog log : inputs.values()) {
                Segment s = log.segments.peekFirst();
                if (s != null && (oldest == null || s.lastNs < oldest.lastNs)) {
                    oldest = s;
                    oldestLog = log;
                }
            }
            if (oldest == null) {
                return;
            }
            boolean tooOld = oldest.lastNs < horizon;
            boolean tooMany = retention.maxEvents() > 0 && retained - oldest.events >= retention.maxEvents()
                    && retained > retention.maxEvents();
            if (!tooOld && !tooMany) {
                return;
            }
            oldestLog.segments.pollFirst();
            if (oldestLog.current == oldest) {
                oldestLog.current = null;
            }
            retained -= oldest.events;
            dropped += oldest.events;
            dirty = true;
        }
    }

    private Snapshot publish() {
        long t0 = System.nanoTime();
        applyRetention(t0);
        List<TraceAssembler.Input> in = new ArrayList<>();
        for (Map.Entry<String, InputLog> e : inputs.entrySet()) {
            List<ChunkBuilder> chunks = new ArrayList<>();
            for (Segment s : e.getValue().segments) {
                chunks.add(s.chunk);
            }
            if (!chunks.isEmpty()) {
                in.add(new TraceAssembler.Input(e.getKey(), e.getValue().format, e.getValue().bytes, 0, chunks));
            }
        }
        Trace trace = TraceAssembler.assemble(in);
        long t1 = System.nanoTime();
        long total = received.get();
        double seconds = lastSnapshotNs == 0 ? 0 : (t0 - lastSnapshotNs) / 1e9;
        double rate = seconds > 0 ? (total - lastSnapshotReceived) / seconds : 0;
        double lag = oldestUnpublishedNs == Long.MAX_VALUE ? 0 : (t1 - oldestUnpublishedNs) / 1e6;
        LiveStats stats = new LiveStats(total, retained, dropped, rate, pendingBytes.get(), (t1 - t0) / 1e6, lag);
        Snapshot s = new Snapshot(trace, stats);
        lastAssemblyNs = t1 - t0;
        lastSnapshotNs = t0;
        lastSnapshotReceived = total;
        oldestUnpublishedNs = Long.MAX_VALUE;
        dirty = false;
        latest = s;
        for (Consumer<Snapshot> l : listeners) {
            try {
                l.accept(s);
            } catch (RuntimeException ex) {
                // a failing listener must not stop the store; the others still get the snapshot
            }
        }
        return s;
    }

    /** The segments of one input, oldest first; the last may still be filling. */
    private static final class InputLog {
        final String format;
        final ArrayDeque<Segment> segments = new ArrayDeque<>();
        Segment current;
        long bytes;

        InputLog(String format) {
            this.format = format;
        }

        Segment open(long now) {
            if (current == null) {
                current = new Segment(now);
                segments.addLast(current);
            }
            return current;
        }

        void seal() {
            current = null;
        }
    }

    /** One chunk, filled in arrival order, dropped whole. */
    private static final class Segment {
        final ChunkBuilder chunk = new ChunkBuilder();
        final long firstNs;
        long lastNs;
        long events;

        Segment(long firstNs) {
            chunk.keepSpanOrder(); // assembled for every snapshot while retained
            this.firstNs = firstNs;
            this.lastNs = firstNs;
        }
    }

    /** Passes everything to the segment's chunk and counts events and request records. */
    private static final class CountingSink extends ForwardingSink {
        long count;

        CountingSink(ChunkBuilder chunk) {
            super(chunk);
        }

        @Override
        public void event(RawEvent e) {
            count++;
            super.event(e);
        }

        @Override
        public void request(RequestRecord r) {
            count++;
            super.request(r);
        }
    }
}
