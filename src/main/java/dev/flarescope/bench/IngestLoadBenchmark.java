package dev.flarescope.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flarescope.format.Format;
import dev.flarescope.live.IngestServer;
import dev.flarescope.live.LiveStats;
import dev.flarescope.live.LiveTrace;
import dev.flarescope.live.ReaderBatch;
import dev.flarescope.live.Retention;
import dev.flarescope.model.ProcessTrack;
import dev.flarescope.model.SpanTable;
import dev.flarescope.model.ThreadTrack;
import dev.flarescope.model.Trace;
import dev.flarescope.ui.viewmodel.LiveViewModel;
import dev.flarescope.ui.viewmodel.TraceSession;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Pushes events into the ingest endpoint at a fixed rate and reports what the live store makes of
 * them: events accepted per second, how often and how late snapshots were published, how long each
 * took to assemble, and the heap. Every event carries a sequence number; at the end the benchmark
 * checks that each acknowledged event was decoded exactly once (all of them when retention keeps
 * everything, the retained newest ones otherwise).
 *
 * <pre>
 * java -cp target/flarescope.jar dev.flarescope.bench.IngestLoadBenchmark [--rate 200000] [--seconds 60]
 *     [--batch 5000] [--senders 4] [--max-events 5000000] [--view]
 * java -cp target/flarescope.jar dev.flarescope.bench.IngestLoadBenchmark --assembly 1000000,5000000
 * </pre>
 * With {@code --view} the endpoint feeds the app's live view model instead of a bare store, and the
 * figures are how often the views' trace was replaced. The second form measures one snapshot's
 * assembly at the given numbers of retained events.
 */
public final class IngestLoadBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PROCESSES = 8;
    private static final int THREADS = 4;

    private IngestLoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long rate = 200_000;
        int seconds = 60;
        int batch = 5_000;
        int senders = 4;
        long maxEvents = 0;
        boolean view = false;
        String assembly = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rate" -> rate = Long.parseLong(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--batch" -> batch = Integer.parseInt(args[++i]);
                case "--senders" -> senders = Integer.parseInt(args[++i]);
                case "--max-events" -> maxEvents = Long.parseLong(args[++i]);
                case "--assembly" -> assembly = args[++i];
                case "--view" -> view = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (assembly != null) {
            for (String n : assembly.split(",")) {
                assemblyTime(Long.parseLong(n.trim()));
            }
            return;
        }
        if (view) {
            loadThroughView(rate, seconds, batch, senders, maxEvents);
        } else {
            load(rate, seconds, batch, senders, maxEvents);
        }
    }

    /** One event line with its sequence number, spread over processes and threads; 2 µs apart, 1 µs long. */
    static void event(StringBuilder sb, long seq) {
        sb.append("{\"ph\":\"X\",\"name\":\"").append(seq % 3 == 0 ? "decode_step" : seq % 3 == 1 ? "attention" : "mlp")
                .append("\",\"cat\":\"bench\",\"pid\":").append(seq % PROCESSES).append(",\"tid\":")
                .append((seq / PROCESSES) % THREADS).append(",\"ts\":").append(seq * 2).append(",\"dur\":1,\"args\":{\"seq\":")
                .append(seq).append("}}\n");
    }

    private static void load(long rate, int seconds, int batch, int senders, long maxEvents) throws Exception {
        Sending run = new Sending(rate, seconds, batch, senders, maxEvents);
        Retention retention = run.retention();
        List<LiveStats> snapshots = new CopyOnWriteArrayList<>();
        List<Long> publishedAt = new CopyOnWriteArrayList<>();
        try (LiveTrace store = new LiveTrace(retention)) {
            store.addSnapshotListener(s -> {
                snapshots.add(s.stats());
                publishedAt.add(System.nanoTime());
            });
            IngestServer server = new IngestServer(new InetSocketAddress("127.0.0.1", 0), null);
            server.start(store);
            run.to(server.port());
            server.stop();
            LiveTrace.Snapshot last = store.flush(TimeUnit.MINUTES.toMillis(5));
            double drainSeconds = (System.nanoTime() - run.start) / 1e9 - run.sendSeconds;

            run.printTarget("");
            run.printAccepted(store.receivedEvents(), String.format(Locale.ROOT,
                    "store drained %.2f s after the last send", drainSeconds));
            report("snapshots", snapshots, publishedAt, run.start, run.end);
            System.out.printf(Locale.ROOT, "heap max %,d MB (sampled every 200 ms), retained %,d, dropped %,d%n",
                    run.heapMax.get() >> 20, last.stats().retainedEvents(), last.stats().droppedEvents());
            verify(last.trace(), run.accepted.get(), store.receivedEvents(), last.stats().retainedEvents(), retention);
        }
    }

    /**
     * The same load through the app's live view model ({@link LiveViewModel} attached to the ingest
     * endpoint, with a thread of its own as the UI thread): counts how often the trace the views draw
     * was replaced, which is how often the app shows new data.
     */
    private static void loadThroughView(long rate, int seconds, int batch, int senders, long maxEvents) throws Exception {
        Sending run = new Sending(rate, seconds, batch, senders, maxEvents);
        Retention retention = run.retention();
        List<LiveStats> shown = new CopyOnWriteArrayList<>();
        List<Long> shownAt = new CopyOnWriteArrayList<>();
        ExecutorService ui = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "bench-ui");
            t.setDaemon(true);
            return t;
        });
        TraceSession session = new TraceSession();
        LiveViewModel live = new LiveViewModel(session, ui);
        IngestServer server = new IngestServer(new InetSocketAddress("127.0.0.1", 0), null);
        ui.submit(() -> {
            session.traceProperty().addListener((o, was, now) -> {
                shownAt.add(System.nanoTime());
                shown.add(live.stats().get());
            });
            live.retention().set(retention);
            live.attach(server, null);
            return null;
        }).get();
        run.to(server.port());
        // what was acknowledged reaches the views within a few snapshots
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        LiveStats last = null;
        while (System.nanoTime() < deadline) {
            last = ui.submit(() -> live.stats().get()).get();
            if (last != null && last.receivedEvents() >= run.accepted.get() && !shownAt.isEmpty()
                    && shownAt.get(shownAt.size() - 1) > run.start + (long) (run.sendSeconds * 1e9)) {
                break;
            }
            Thread.sleep(50);
        }
        LiveStats lastStats = last;
        Trace trace = ui.submit(session::trace).get();
        ui.submit(live::detach).get().get(30, TimeUnit.SECONDS);
        ui.shutdown();

        run.printTarget("through the app's live view model: ");
        run.printAccepted(lastStats == null ? 0 : lastStats.receivedEvents(), "");
        report("views updated", shown, shownAt, run.start, run.end);
        System.out.printf(Locale.ROOT, "heap max %,d MB (sampled every 200 ms)%n", run.heapMax.get() >> 20);
        if (lastStats != null && trace != null) {
            verify(trace, run.accepted.get(), lastStats.receivedEvents(), lastStats.retainedEvents(), retention);
        }
    }

    /** Senders pushing at a fixed rate for a fixed time, and the heap sampled meanwhile. */
    private static final class Sending {
        final long rate;
        final int seconds;
        final int batch;
        final int senders;
        final long maxEvents;
        final AtomicLong accepted = new AtomicLong();
        final AtomicLong refused = new AtomicLong();
        final AtomicLong heapMax = new AtomicLong();
        long start;
        long end;
        double sendSeconds;

        Sending(long rate, int seconds, int batch, int senders, long maxEvents) {
            this.rate = rate;
            this.seconds = seconds;
            this.batch = batch;
            this.senders = senders;
            this.maxEvents = maxEvents;
        }

        /** The app's default window with at most {@code maxEvents} events, or everything when that is 0. */
        Retention retention() {
            return maxEvents > 0 ? new Retention(Duration.ofMinutes(10), maxEvents) : Retention.UNBOUNDED;
        }

        void printTarget(String prefix) {
            System.out.printf(Locale.ROOT, "%starget %,d events/s for %d s, batches of %,d, %d senders, retention %s%n",
                    prefix, rate, seconds, batch, senders, maxEvents > 0 ? maxEvents + " events" : "unbounded");
        }

        /** Sends to the ingest endpoint on {@code port}; returns when every sender is done. */
        void to(int port) throws InterruptedException {
            URI uri = URI.create("http://127.0.0.1:" + port + "/v1/events");
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            AtomicLong nextSeq = new AtomicLong(1);
            start = System.nanoTime();
            end = start + TimeUnit.SECONDS.toNanos(seconds);
            double batchesPerSecondPerSender = rate / (double) batch / senders;
            List<Thread> threads = new ArrayList<>();
            for (int s = 0; s < senders; s++) {
                Thread t = new Thread(() -> send(uri, batch, batchesPerSecondPerSender, end, nextSeq, accepted, refused),
                        "bench-sender");
                t.start();
                threads.add(t);
            }
            Thread heap = new Thread(() -> {
                while (System.nanoTime() < end) {
                    heapMax.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(200);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            heap.setDaemon(true);
            heap.start();
            for (Thread t : threads) {
                t.join();
            }
            sendSeconds = (System.nanoTime() - start) / 1e9;
        }

        void printAccepted(long decoded, String more) {
            System.out.printf(Locale.ROOT, "accepted %,d events (%,.0f/s over %.1f s), refused batches %,d; decoded %,d%s%n",
                    accepted.get(), accepted.get() / sendSeconds, sendSeconds, refused.get(), decoded,
                    more.isEmpty() ? "" : "; " + more);
        }
    }

    private static void send(URI uri, int batch, double batchesPerSecond, long end, AtomicLong nextSeq,
                             AtomicLong accepted, AtomicLong refused) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        long intervalNs = (long) (1e9 / batchesPerSecond);
        long next = System.nanoTime();
        StringBuilder sb = new StringBuilder(batch * 160);
        while (System.nanoTime() < end) {
            long first = nextSeq.getAndAdd(batch);
            sb.setLength(0);
            for (long s = first; s < first + batch; s++) {
                event(sb, s);
            }
            byte[] body = sb.toString().getBytes(StandardCharsets.UTF_8);
            boolean done = false;
            while (!done && System.nanoTime() < end + TimeUnit.SECONDS.toNanos(30)) {
                try {
                    HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 202) {
                        accepted.addAndGet(JSON.readTree(r.body()).get("accepted").asLong());
                        done = true;
                    } else {
                        refused.incrementAndGet(); // 503: the same batch again, as a sender should
                        Thread.sleep(100);
                    }
                } catch (Exception e) {
                    refused.incrementAndGet();
                    done = true; // counted neither accepted nor lost: the check below uses acknowledged events
                }
            }
            next += intervalNs;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                try {
                    TimeUnit.NANOSECONDS.sleep(wait);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private static void report(String what, List<LiveStats> snapshots, List<Long> publishedAt, long start, long end) {
        List<Long> during = new ArrayList<>();
        double[] assembly = snapshots.stream().mapToDouble(LiveStats::assemblyMillis).sorted().toArray();
        double[] lag = snapshots.stream().mapToDouble(LiveStats::lagMillis).sorted().toArray();
        for (long t : publishedAt) {
            if (t >= start && t <= end) {
                during.add(t);
            }
        }
        double[] gaps = new double[Math.max(0, during.size() - 1)];
        for (int i = 1; i < during.size(); i++) {
            gaps[i - 1] = (during.get(i) - during.get(i - 1)) / 1e6;
        }
        Arrays.sort(gaps);
        double seconds = (end - start) / 1e9;
        System.out.printf(Locale.ROOT, "%s %d (%.1f/s while sending); interval ms p50 %.0f max %.0f; "
                        + "assembly ms p50 %.0f p90 %.0f max %.0f; lag ms p50 %.0f max %.0f%n",
                what, snapshots.size(), during.size() / seconds, pct(gaps, 50), pct(gaps, 100), pct(assembly, 50),
                pct(assembly, 90), pct(assembly, 100), pct(lag, 50), pct(lag, 100));
        steady(what, snapshots, publishedAt, end);
    }

    /** The same figures from the first snapshot that had dropped events (retention full) to the end of sending. */
    private static void steady(String what, List<LiveStats> snapshots, List<Long> publishedAt, long end) {
        int first = -1;
        for (int i = 0; i < snapshots.size() && first < 0; i++) {
            if (snapshots.get(i).droppedEvents() > 0) {
                first = i;
            }
        }
        if (first < 0 || publishedAt.get(first) >= end) {
            return;
        }
        int n = 0;
        List<Double> assembly = new ArrayList<>();
        for (int i = first; i < snapshots.size() && publishedAt.get(i) <= end; i++) {
            n++;
            assembly.add(snapshots.get(i).assemblyMillis());
        }
        double[] a = assembly.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double seconds = (end - publishedAt.get(first)) / 1e9;
        System.out.printf(Locale.ROOT, "once retention was full (last %.1f s): %s %.1f/s; assembly ms p50 %.0f "
                + "p90 %.0f%n", seconds, what, (n - 1) / seconds, pct(a, 50), pct(a, 90));
    }

    private static double pct(double[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /** Each acknowledged event decoded once; the retained ones present once each, read back from their args. */
    private static void verify(Trace trace, long accepted, long decoded, long retained, Retention retention) {
        BitSet seen = new BitSet();
        long spans = 0;
        long duplicates = 0;
        for (ProcessTrack p : trace.processes()) {
            for (ThreadTrack t : p.threads()) {
                SpanTable s = t.spans();
                for (int i = 0; i < s.size(); i++) {
                    long seq = seqOf(trace.args().getString(s.args(i)));
                    if (seen.get((int) seq)) {
                        duplicates++;
                    }
                    seen.set((int) seq);
                    spans++;
                }
            }
        }
        boolean ok = decoded == accepted && duplicates == 0 && spans == retained
                && (!retention.isUnbounded() || seen.cardinality() == accepted);
        System.out.printf(Locale.ROOT, "check: acknowledged %,d, decoded %,d, in the last snapshot %,d distinct, "
                + "%,d repeated -> %s%n", accepted, decoded, seen.cardinality(), duplicates, ok ? "no loss" : "MISMATCH");
    }

    private static long seqOf(String args) {
        int i = args.indexOf("\"seq\":");
        int j = i + 6;
        long v = 0;
        while (j < args.length() && Character.isDigit(args.charAt(j))) {
            v = v * 10 + (args.charAt(j++) - '0');
        }
        return v;
    }

    /**
     * Fills a store with {@code n} events directly and times seven snapshots of it. The events come in
     * batches of 5,000 with each pair of neighbouring batches swapped, as four senders racing each other
     * deliver them, so that every thread's spans arrive in sorted runs that are not in order overall.
     */
    private static void assemblyTime(long n) throws Exception {
        try (LiveTrace store = new LiveTrace(Retention.UNBOUNDED)) {
            int per = 5_000;
            long batches = (n + per - 1) / per;
            StringBuilder sb = new StringBuilder(per * 160);
            for (long b = 0; b < batches; b++) {
                long swapped = b ^ 1;
                long k = swapped < batches ? swapped : b;
                long first = k * per + 1;
                long last = Math.min(n, first + per - 1);
                sb.setLength(0);
                for (long s = first; s <= last; s++) {
                    event(sb, s);
                }
                byte[] body = sb.toString().getBytes(StandardCharsets.UTF_8);
                store.append("bench", "chrome-jsonl", body.length, new ReaderBatch("bench", body, Format.CHROME_JSONL));
            }
            long t0 = System.nanoTime();
            store.flush(TimeUnit.MINUTES.toMillis(10));
            double fillAndFirst = (System.nanoTime() - t0) / 1e6;
            double[] times = new double[7];
            for (int i = 0; i < times.length; i++) {
                times[i] = store.flush(TimeUnit.MINUTES.toMillis(10)).stats().assemblyMillis();
            }
            Arrays.sort(times);
            Runtime rt = Runtime.getRuntime();
            System.out.printf(Locale.ROOT, "assembly of %,d retained events: median %.0f ms (%.0f to %.0f over 7; decode of "
                    + "the rest and first snapshot %.0f ms), heap used %,d MB%n", n, times[3], times[0], times[6], fillAndFirst,
                    (rt.totalMemory() - rt.freeMemory()) >> 20);
        }
    }
}
