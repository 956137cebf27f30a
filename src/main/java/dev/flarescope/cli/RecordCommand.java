package dev.flarescope.cli;

import dev.flarescope.format.OutputFiles;
import dev.flarescope.format.chrome.ChromeTraceWriter;
import dev.flarescope.live.FileFollower;
import dev.flarescope.live.HostPort;
import dev.flarescope.live.IngestServer;
import dev.flarescope.live.LiveSource;
import dev.flarescope.live.LiveState;
import dev.flarescope.live.LiveTrace;
import dev.flarescope.live.MeasuringProxy;
import dev.flarescope.live.Retention;
import dev.flarescope.live.StreamConnector;
import dev.flarescope.model.Trace;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code flarescope record}: attaches to one live source without a window and, when the time is up,
 * the event count is reached or the process is interrupted (Ctrl+C, SIGTERM), writes everything it
 * received as one merged trace. Nothing is dropped on the way: the store keeps everything, and the
 * source is stopped before the store is flushed, so every event acknowledged or read is written.
 */
final class RecordCommand implements Subcommand {
    private static final Option FOLLOW = Option.value("--follow", "PATH",
            "Follow a growing JSONL file or Chrome JSON array, or every file in a folder.");
    private static final Option CONNECT = Option.value("--connect", "URL", "Read a stream of events (NDJSON or server-sent events).");
    private static final Option LISTEN = Option.value("--listen", "HOST:PORT",
            "Receive pushed batches on POST /v1/events and /trace/ingest (127.0.0.1 unless --token).");
    private static final Option PROXY = Option.value("--proxy", "LISTEN",
            "Measure an OpenAI-compatible server through a proxy on LISTEN (HOST:PORT); needs --upstream.");
    private static final Option UPSTREAM = Option.value("--upstream", "URL", "The server the proxy forwards to (with --proxy).");
    private static final Option TOKEN = Option.value("--token", "T",
            "Bearer token pushed requests must carry (required to listen on other than 127.0.0.1).");
    private static final Option OUTPUT = Option.value("--output", "OUT.json", "File to write.").shortName("-o").required();
    private static final Option FOR = Option.value("--for", "DURATION", "Stop after this long (500ms, 30s, 5m, 1h).");
    private static final Option MAX_EVENTS = Option.value("--max-events", "N", "Stop once at least N events have arrived.");

    private static final CommandSpec SPEC = FlarescopeCommand.subcommand("record",
                    "Capture a live source headless and write one trace (Chrome object form, request records kept).",
                    "Stops after --for, after --max-events, or on Ctrl+C / SIGTERM; the trace is written in every case.")
            .options(UPSTREAM, TOKEN, OUTPUT, FOR, MAX_EVENTS)
            .oneOf("Source (one of):", FOLLOW, CONNECT, LISTEN, PROXY);

    // what run() was given: exactly one of the four sources, the rest when given
    private Path follow;
    private String connect;
    private String listen;
    private String proxy;
    private String upstream;
    private String token;
    private Long forMillis;
    private Long maxEvents;

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public int run(Arguments args, PrintWriter out, PrintWriter err) throws Exception {
        follow = args.value(FOLLOW, Converters.PATH);
        connect = args.value(CONNECT);
        listen = args.value(LISTEN);
        proxy = args.value(PROXY);
        upstream = args.value(UPSTREAM);
        token = args.value(TOKEN);
        Path output = args.value(OUTPUT, Converters.PATH);
        forMillis = args.value(FOR, new DurationConverter());
        maxEvents = args.value(MAX_EVENTS, Converters.LONG);
        if (maxEvents != null && maxEvents <= 0) {
            throw new UsageException("--max-events must be at least 1");
        }
        LiveSource src = createSource();
        Path target = output.toAbsolutePath();
        if (target.getParent() != null && !Files.isDirectory(target.getParent())) {
            err.println("flarescope: cannot write " + output + ": no such folder");
            return Cli.USAGE;
        }
        CountDownLatch stopRequested = new CountDownLatch(1);
        CountDownLatch written = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stopRequested.countDown();
            try {
                written.await(60, TimeUnit.SECONDS); // let the capture be written before the process ends
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "flarescope-record-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try (LiveTrace store = new LiveTrace(Retention.UNBOUNDED)) {
            src.addStateListener(s -> err.println("flarescope: " + src.description() + ": " + s.describe()));
            try {
                src.start(store);
            } catch (IOException e) {
                err.println("flarescope: " + src.description() + ": " + e.getMessage());
                return Cli.USAGE;
            }
            out.println("recording " + src.description() + " to " + output + until());
            String ended = capture(src, store, stopRequested);
            src.stop();
            Trace trace = store.flush(TimeUnit.MINUTES.toMillis(5)).trace();
            Written w;
            try {
                w = write(trace, target, UnaryOperator.identity());
            } catch (IOException e) {
                err.println("flarescope: cannot write " + output + ": " + OutputFiles.describe(e));
                return Cli.USAGE;
            }
            if (w.failure() != null) {
                String what = isDiskFull(w.failure()) ? "disk full" : "write failed (" + w.failure().getMessage() + ")";
                err.println("flarescope: " + what + " while writing " + output + " after " + w.events() + " events; "
                        + output + " holds the first " + w.events() + " complete events");
                return Cli.USAGE;
            }
            out.println("wrote " + output + " (" + ended + "): " + trace.events() + " event(s), "
                    + trace.requests().size() + " request(s), " + trace.processes().size() + " process(es)");
            return src.state().kind() == LiveState.Kind.ERROR && trace.events() == 0 ? Cli.USAGE : Cli.OK;
        } catch (TimeoutException e) {
            err.println("flarescope: the capture could not be assembled in time; nothing written");
            return Cli.INTERNAL;
        } finally {
            written.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it is waiting for the latch counted down above
            }
        }
    }

    /** Waits for the end of the capture; returns why it ended. */
    private String capture(LiveSource src, LiveTrace store, CountDownLatch stopRequested) throws InterruptedException {
        long deadline = forMillis == null ? Long.MAX_VALUE : System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(forMillis);
        while (true) {
            if (stopRequested.await(50, TimeUnit.MILLISECONDS)) {
                return "interrupted";
            }
            if (System.nanoTime() >= deadline) {
                return "time is up";
            }
            if (maxEvents != null && store.receivedEvents() >= maxEvents) {
                return maxEvents + " events reached";
            }
            if (src.state().kind() == LiveState.Kind.ERROR) {
                return "source failed: " + src.state().message();
            }
        }
    }

    private String until() {
        StringBuilder sb = new StringBuilder(" until ");
        if (forMillis != null) {
            sb.append(forMillis).append(" ms have passed, ");
        }
        if (maxEvents != null) {
            sb.append(maxEvents).append(" events have arrived, ");
        }
        return sb.append("or Ctrl+C").toString();
    }

    private LiveSource createSource() {
        try {
            if (upstream != null && proxy == null) {
                throw new UsageException("--upstream goes with --proxy");
            }
            if (token != null && listen == null) {
                throw new UsageException("--token goes with --listen");
            }
            if (follow != null) {
                return new FileFollower(follow);
            }
            if (connect != null) {
                return new StreamConnector(uri(connect, "--connect"));
            }
            if (listen != null) {
                return new IngestServer(HostPort.parse(listen), token);
            }
            if (upstream == null) {
                throw new UsageException("--proxy needs --upstream URL (the server to measure)");
            }
            return new MeasuringProxy(HostPort.parse(proxy), uri(upstream, "--upstream"));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private URI uri(String text, String option) {
        try {
            URI u = new URI(text);
            if (u.getHost() == null) {
                throw new UsageException(option + ": expected a URL such as http://127.0.0.1:9411/events, found " + text);
            }
            return u;
        } catch (URISyntaxException e) {
            throw new UsageException(option + ": " + e.getMessage());
        }
    }

    /**
     * How writing ended: {@code failure} is null when the whole trace was written; otherwise the file
     * holds the first {@code events} trace events, complete, and a valid ending.
     */
    record Written(long events, IOException failure) {
    }

    /**
     * Writes to a temporary file next to the target and moves it into place, so the target is never
     * half written. When writing fails (the disk fills up), the file is cut back to the end of the last
     * event that reached the disk whole and closed there with {@code ]}, so it is still a valid trace
     * holding the first events in the order written; request records and other members that come after
     * the events are then missing. Cutting back frees what the cut event took; if even the ending does
     * not fit, an earlier end is tried.
     *
     * @param disk what stands between the writer and the file (identity, or a fault for tests)
     * @throws IOException when no file could be made at all
     */
    static Written write(Trace trace, Path target, UnaryOperator<OutputStream> disk) throws IOException {
        Path tmp = OutputFiles.newTempBeside(target);
        try {
            Written w;
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                EventBoundaries marks = new EventBoundaries(disk.apply(Channels.newOutputStream(ch)));
                IOException failure = null;
                try (OutputStream os = new BufferedOutputStream(marks, 1 << 16)) {
                    ChromeTraceWriter.write(trace, os);
                } catch (IOException e) {
                    failure = e;
                }
                w = failure == null ? new Written(marks.events(), null) : cutBack(ch, marks, failure);
            }
            OutputFiles.moveIntoPlace(tmp, target);
            return w;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static Written cutBack(FileChannel ch, EventBoundaries marks, IOException failure) throws IOException {
        IOException last = failure;
        for (EventBoundaries.Mark m : marks.recent()) {
            try {
                ch.truncate(m.offset());
                ByteBuffer ending = ByteBuffer.wrap((m.offset() == 0 ? EMPTY_TRACE : CLOSE_EVENTS)
                        .getBytes(StandardCharsets.US_ASCII));
                while (ending.hasRemaining()) {
                    ch.write(ending, ch.size());
                }
                return new Written(m.events(), failure);
            } catch (IOException e) {
                last = e;
            }
        }
        last.addSuppressed(failure);
        throw last;
    }

    private static boolean isDiskFull(IOException e) {
        String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        return m.contains("no space left") || m.contains("not enough space") || m.contains("quota exceeded");
    }

    private static final String CLOSE_EVENTS = "\n]}\n";
    private static final String EMPTY_TRACE = "{\"traceEvents\":[]}\n";

    /**
     * Passes the written trace through and notes where each event in {@code traceEvents} ends, counting
     * only bytes the file took: {@link ChromeTraceWriter} writes {@code {"traceEvents":[} on the first
     * line and then one event per line, each but the last followed by a comma, until a line starting
     * with {@code ]}. Keeps the ends of the last {@value #KEPT} events (and the start of the array, and
     * the start of the file), newest first.
     */
    private static final class EventBoundaries extends FilterOutputStream {
        static final int KEPT = 64;

        record Mark(long offset, long events) {
        }

        private final ArrayDeque<Mark> marks = new ArrayDeque<>();
        private long position;
        private long line;
        private long events;
        private int lineFirst = -1;
        private int previous = -1;
        private boolean failed;
        private boolean eventsOver;

        EventBoundaries(OutputStream out) {
            super(out);
            marks.push(new Mark(0, 0));
        }

        long events() {
            return events;
        }

        /** Places the file may be cut at, the latest first. */
        Iterable<Mark> recent() {
            return marks;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (failed) {
                throw new IOException("writing already failed");
            }
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                failed = true; // what this call wrote in part is cut off with the event it belongs to
                throw e;
            }
            for (int i = off; i < off + len; i++) {
                see(b[i]);
            }
        }

        /** Flushes only: the file stays open, as it may still be cut back. */
        @Override
        public void close() throws IOException {
            flush();
        }

        private void see(byte c) {
            if (c == '\n' && !eventsOver) {
                if (line == 0) {
                    mark(position); // just after "[": the array, still empty
                } else if (lineFirst == '{') {
                    events++;
                    mark(previous == ',' ? position - 1 : position);
                } else if (lineFirst == ']') {
                    eventsOver = true;
                }
                line++;
                lineFirst = -1;
            } else if (lineFirst < 0) {
                lineFirst = c;
                eventsOver |= c == ']';
            }
            previous = c;
            position++;
        }

        private void mark(long offset) {
            marks.push(new Mark(offset, events));
            if (marks.size() > KEPT) {
                marks.removeLast();
            }
        }
    }

    /** {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h} to milliseconds. */
    static final class DurationConverter implements ValueConverter<Long> {
        private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|min|h)");

        @Override
        public Long convert(String value) {
            Matcher m = DURATION.matcher(value.trim().toLowerCase(Locale.ROOT));
            if (!m.matches()) {
                throw new IllegalArgumentException("'" + value + "' is not a duration: expected a number and a unit"
                        + " (ms, s, m, h), such as 30s");
            }
            double n = Double.parseDouble(m.group(1));
            double scale = switch (m.group(2)) {
                case "ms" -> 1;
                case "s" -> 1000;
                case "m", "min" -> 60_000;
                default -> 3_600_000;
            };
            long ms = Math.round(n * scale);
            if (ms <= 0) {
                throw new IllegalArgumentException("'" + value + "' is not a positive duration");
            }
            return ms;
        }
    }
}
