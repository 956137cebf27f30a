package dev.flarescope.live;

import dev.flarescope.format.Format;
import dev.flarescope.io.FormatDetector;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Attaches to a URL that streams trace events while a server runs, and stays attached: after a drop
 * (or when the server is not up yet) it reconnects with a doubling wait and says so in its state
 * ("retrying in 4 s").
 *
 * <p>Two stream forms, told apart by the response's content type:
 * <ul>
 *   <li>{@code application/x-ndjson} (or any other type): one JSON value per line, an event or an
 *       array of events (or a dnet frame or batch, or a metrics record). A stream of lines has no
 *       position to resume from; after a reconnect the server decides what it sends.</li>
 *   <li>{@code text/event-stream}: each event's {@code data:} is one JSON event or array. The
 *       {@code id:} of the last event received is sent back as {@code Last-Event-ID} when
 *       reconnecting, so a server that keeps its recent events resends exactly what was missed;
 *       {@code retry:} sets the first wait.</li>
 * </ul>
 * Only complete lines and complete events are delivered: a line or event cut by a drop is thrown
 * away (and, with SSE, sent again after the reconnect), so nothing arrives half or twice.
 */
public final class StreamConnector implements LiveSource {
    private static final Set<Format> LINE_FORMATS = Set.of(Format.CHROME_JSONL, Format.DNET_FRAMES,
            Format.LLM_METRICS, Format.SGLANG_METRICS, Format.LLAMA_TIMINGS);
    private static final int FLUSH_BYTES = 1 << 20;

    private final URI uri;
    private final Backoff backoff;
    private final StateHolder state = new StateHolder();
    private final HttpClient client;
    private volatile boolean running;
    private volatile InputStream body;
    private volatile CompletableFuture<HttpResponse<InputStream>> pending;
    private Thread thread;
    private LiveTrace store;

    // owned by the connector thread
    private String lastEventId;
    private Format format;
    private long deliveredLines;
    private long deliveredBytes;

    public StreamConnector(URI uri) {
        this(uri, 1000, 30_000);
    }

    /** With the given first and longest wait between attempts. */
    public StreamConnector(URI uri, long firstRetryMs, long maxRetryMs) {
        String scheme = uri.getScheme();
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
            throw new IllegalArgumentException("expected an http:// or https:// URL, found " + uri);
        }
        this.uri = uri;
        this.backoff = new Backoff(firstRetryMs, maxRetryMs);
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @Override
    public String description() {
        return "connect " + uri;
    }

    @Override
    public void start(LiveTrace target) {
        store = target;
        running = true;
        thread = new Thread(this::run, "flarescope-connect");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        CompletableFuture<?> p = pending;
        if (p != null) {
            p.cancel(true);
        }
        closeBody();
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        state.set(LiveState.STOPPED);
    }

    @Override
    public LiveState state() {
        return state.get();
    }

    @Override
    public void addStateListener(Consumer<LiveState> listener) {
        state.addListener(listener);
    }

    private void run() {
        while (running) {
            String failure;
            try {
                failure = attempt();
            } catch (InterruptedException e) {
                break;
            }
            if (!running) {
                break;
            }
            long wait = backoff.next();
            state.set(LiveState.retrying(wait, failure));
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                break;
            }
        }
        state.set(LiveState.STOPPED);
    }

    /** One connection, read until it ends; returns why it ended. */
    private String attempt() throws InterruptedException {
        HttpRequest.Builder req = HttpRequest.newBuilder(uri).GET()
                .header("Accept", "text/event-stream, application/x-ndjson");
        if (lastEventId != null) {
            req.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<InputStream> response;
        try {
            pending = client.sendAsync(req.build(), HttpResponse.BodyHandlers.ofInputStream());
            response = pending.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return describe(e.getCause());
        } catch (TimeoutException e) {
            pending.cancel(true);
            return "no answer in 30 s";
        } catch (CancellationException e) {
            return "stopped";
        } finally {
            pending = null;
        }
        body = response.body();
        if (!running) {
            closeBody();
            return "stopped";
        }
        if (response.statusCode() != 200) {
            closeBody();
            return "HTTP " + response.statusCode();
        }
        state.set(LiveState.CONNECTED);
        backoff.reset();
        boolean sse = response.headers().firstValue("Content-Type").orElse("").toLowerCase()
                .startsWith("text/event-stream");
        try {
            read(body, sse);
            return "the server closed the stream";
        } catch (IOException e) {
            return running ? describe(e) : "stopped";
        } finally {
            closeBody();
        }
    }

    private void read(InputStream in, boolean sse) throws IOException, InterruptedException {
        Batcher out = new Batcher();
        LineReader lines = new LineReader(in, out::flush);
        SseEvent event = new SseEvent();
        try {
            byte[] line;
            while ((line = lines.next()) != null) {
                if (!sse) {
                    out.line(line);
                } else {
                    event.field(line, out);
                }
                if (out.size() >= FLUSH_BYTES) {
                    out.flush();
                }
            }
        } finally {
            out.flush(); // what was complete when the stream ended or broke
        }
    }

    /** Complete lines waiting to be handed over as one batch. */
    private final class Batcher {
        private final ByteArrayOutputStream buf = new ByteArrayOutputStream();
        private String pendingId;

        void line(byte[] line) {
            buf.write(line, 0, line.length);
            buf.write('\n');
        }

        /** A complete SSE event: its data as one line, and its id, committed with the batch. */
        void event(byte[] data, String id) {
            line(data);
            if (id != null) {
                pendingId = id;
            }
        }

        int size() {
            return buf.size();
        }

        void flush() throws InterruptedException {
            if (buf.size() == 0) {
                if (pendingId != null) {
                    lastEventId = pendingId;
                    pendingId = null;
                }
                return;
            }
            byte[] bytes = buf.toByteArray();
            buf.reset();
            if (format == null) {
                FormatDetector.Detection d = FormatDetector.detect(bytes);
                Format f = d.format() == Format.CHROME_JSON ? Format.CHROME_JSONL : d.format();
                if (!LINE_FORMATS.contains(f)) {
                    String why = d.format() == Format.UNKNOWN ? d.reason() : d.format().description();
                    store.append(uri.toString(), d.format().id(), 0,
                            sink -> sink.malformed(deliveredLines + 1, deliveredBytes, "not a stream of events: " + why));
                    deliveredLines += count(bytes);
                    deliveredBytes += bytes.length;
                    return;
                }
                format = f;
            }
            String name = uri.toString();
            store.append(name, format.id(), bytes.length, new ReaderBatch(name, bytes, format, deliveredLines + 1,
                    deliveredBytes));
            deliveredLines += count(bytes);
            deliveredBytes += bytes.length;
            if (pendingId != null) {
                lastEventId = pendingId;
                pendingId = null;
            }
        }
    }

    /** The fields of the SSE event being received. */
    private final class SseEvent {
        private final ByteArrayOutputStream data = new ByteArrayOutputStream();
        private boolean hasData;
        private String id;

        void field(byte[] line, Batcher out) {
            if (line.length == 0) {
                dispatch(out);
                return;
            }
            if (line[0] == ':') {
                return; // comment, often a keep-alive
            }
            String text = new String(line, StandardCharsets.UTF_8);
            int colon = text.indexOf(':');
            String name = colon < 0 ? text : text.substring(0, colon);
            String value = colon < 0 ? "" : text.substring(colon + 1);
            if (value.startsWith(" ")) {
                value = value.substring(1);
            }
            switch (name) {
                case "data" -> {
                    if (hasData) {
                        data.write(' '); // the value's lines join; inside JSON a space means what a newline did
                    }
                    byte[] v = value.getBytes(StandardCharsets.UTF_8);
                    data.write(v, 0, v.length);
                    hasData = true;
                }
                case "id" -> {
                    if (value.indexOf('\0') < 0) {
                        id = value;
                    }
                }
                case "retry" -> {
                    try {
                        backoff.serverRetry(Long.parseLong(value.trim()));
                    } catch (NumberFormatException e) {
                        // ignored, as the SSE rules say
                    }
                }
                default -> {
                    // "event" and unknown fields carry nothing for a trace
                }
            }
        }

        private void dispatch(Batcher out) {
            if (hasData) {
                byte[] d = data.toByteArray();
                if (!isDone(d)) {
                    out.event(d, id);
                } else if (id != null) {
                    out.event(new byte[0], id);
                }
            }
            data.reset();
            hasData = false;
            id = null;
        }

        private static boolean isDone(byte[] d) {
            return new String(d, StandardCharsets.UTF_8).trim().equals("[DONE]");
        }
    }

    /**
     * Splits a byte stream into lines ({@code \n}, {@code \r\n} or {@code \r}) without the breaks;
     * a last line with no break is never returned, as the stream may have been cut inside it.
     */
    private static final class LineReader {
        /** Called before a read that would wait: everything complete so far should be handed over then. */
        @FunctionalInterface
        interface Idle {
            void idle() throws InterruptedException;
        }

        private final InputStream in;
        private final Idle idle;
        private final byte[] buf = new byte[64 * 1024];
        private int pos;
        private int end;
        private boolean skipLf;
        private final ByteArrayOutputStream partial = new ByteArrayOutputStream();

        LineReader(InputStream in, Idle idle) {
            this.in = in;
            this.idle = idle;
        }

        byte[] next() throws IOException, InterruptedException {
            while (true) {
                while (pos < end) {
                    byte b = buf[pos++];
                    if (skipLf) {
                        skipLf = false;
                        if (b == '\n') {
                            continue;
                        }
                    }
                    if (b == '\n' || b == '\r') {
                        skipLf = b == '\r';
                        byte[] line = partial.toByteArray();
                        partial.reset();
                        return line;
                    }
                    int start = pos - 1;
                    int stop = start;
                    while (stop < end && buf[stop] != '\n' && buf[stop] != '\r') {
                        stop++;
                    }
                    partial.write(buf, start, stop - start);
                    pos = stop;
                }
                if (in.available() == 0) {
                    idle.idle(); // the stream may pause here, even inside a line: hand over what is complete
                }
                int n = in.read(buf);
                if (n < 0) {
                    return null;
                }
                pos = 0;
                end = n;
            }
        }
    }

    private void closeBody() {
        InputStream b = body;
        body = null;
        if (b != null) {
            try {
                b.close();
            } catch (IOException e) {
                // the connection is being dropped anyway
            }
        }
    }

    private static long count(byte[] b) {
        long n = 0;
        for (byte x : b) {
            if (x == '\n') {
                n++;
            }
        }
        return n;
    }

    private static String describe(Throwable e) {
        if (e instanceof java.net.ConnectException) {
            return "connection refused";
        }
        if (e instanceof java.net.http.HttpTimeoutException) {
            return "connection timed out";
        }
        String m = e.getMessage();
        if (m == null && e.getCause() != null) {
            return describe(e.getCause());
        }
        return m != null ? m : e.getClass().getSimpleName();
    }
}
