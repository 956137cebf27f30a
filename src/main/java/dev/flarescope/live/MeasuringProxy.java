package dev.flarescope.live;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import dev.flarescope.model.RequestRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A measuring proxy for OpenAI-compatible servers (llama.cpp, vLLM, SGLang): the client talks to the
 * proxy, the proxy forwards every request to the server and passes the answer back byte for byte as
 * it arrives (each piece is flushed at once, never collected), and for completion requests it
 * measures what the client experiences ({@link CompletionMeter}): arrival, first byte, every token's
 * arrival, end, token counts and the server's own {@code timings}. These become request records
 * (source format "proxy") in the store.
 *
 * <p>When the server dies in the middle of a stream, the request is recorded as failed and the
 * client's connection is cut without the end of the chunked body (and, for an event stream, after
 * an {@code error} event), so the client sees an error rather than a short but apparently complete
 * answer. When the server cannot be reached the client gets {@code 502}.
 *
 * <p>Every second it also polls the server's {@code /metrics} and {@code /slots}
 * ({@link LlamaServerPoller}) into counter tracks.
 */
public final class MeasuringProxy implements LiveSource {
    private static final int THREADS = 32;
    private static final long MAX_REQUEST_BODY = 64L << 20;
    /** Headers that belong to one hop, or that the HTTP client sets itself. */
    private static final Set<String> HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host", "content-length",
            "expect", "accept-encoding", "http2-settings");

    private final InetSocketAddress listen;
    private final URI upstream;
    private final long pollMs;
    private final StateHolder state = new StateHolder();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicLong requests = new AtomicLong();
    private volatile HttpServers.Server server;
    private volatile LiveTrace store;
    private volatile Thread poller;

    /** @param pollMs how often to poll the server's metrics and slots, or 0 not to */
    public MeasuringProxy(InetSocketAddress listen, URI upstream, long pollMs) {
        if (!HttpServers.isLoopback(listen)) {
            throw new IllegalArgumentException("the proxy listens on this machine only (127.0.0.1), not "
                    + listen.getHostString());
        }
        String s = upstream.getScheme();
        if (!"http".equalsIgnoreCase(s) && !"https".equalsIgnoreCase(s)) {
            throw new IllegalArgumentException("expected an http:// or https:// upstream URL, found " + upstream);
        }
        this.listen = listen;
        this.upstream = upstream;
        this.pollMs = pollMs;
    }

    public MeasuringProxy(InetSocketAddress listen, URI upstream) {
        this(listen, upstream, 1000);
    }

    @Override
    public String description() {
        return "proxy " + listen.getHostString() + ":" + (server == null ? listen.getPort() : port()) + " -> " + upstream;
    }

    /** The port listened on. */
    public int port() {
        return server.port();
    }

    /** Name of the input the request records are delivered as. */
    public String inputName() {
        return "proxy " + upstream;
    }

    @Override
    public void start(LiveTrace target) throws IOException {
        store = target;
        HttpServers.Server s;
        try {
            s = HttpServers.create(listen, THREADS, "flarescope-proxy");
        } catch (IOException e) {
            state.set(LiveState.error(e.getMessage()));
            throw e;
        }
        s.handle("/", this::forward);
        s.start();
        server = s;
        if (pollMs > 0) {
            Thread t = new Thread(this::poll, "flarescope-proxy-poll");
            t.setDaemon(true);
            t.start();
            poller = t;
        }
        state.set(LiveState.CONNECTED);
    }

    @Override
    public void stop() {
        Thread t = poller;
        if (t != null) {
            t.interrupt();
            try {
                t.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        HttpServers.Server s = server;
        if (s != null) {
            s.stop();
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

    private void poll() {
        LlamaServerPoller p = new LlamaServerPoller(upstream, client);
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Map<String, Double> values = p.poll();
                if (!values.isEmpty()) {
                    long ts = WallClock.nowNs();
                    store.append(p.inputName(), "prometheus", 0, sink -> p.write(values, ts, sink));
                }
                Thread.sleep(pollMs);
            }
        } catch (InterruptedException e) {
            // stopped
        }
    }

    private void forward(HttpExchange ex) throws IOException {
        long arrival = WallClock.nowNs();
        String method = ex.getRequestMethod();
        URI target = upstream.resolve(ex.getRequestURI().getRawPath()
                + (ex.getRequestURI().getRawQuery() == null ? "" : "?" + ex.getRequestURI().getRawQuery()));
        byte[] body = HttpServers.readBody(ex, MAX_REQUEST_BODY);
        if (body == null) {
            HttpServers.error(ex, 413, "the request body is larger than " + MAX_REQUEST_BODY + " bytes");
            ex.close();
            return;
        }
        boolean measured = method.equals("POST") && ex.getRequestURI().getPath().contains("completion");
        CompletionMeter meter = measured
                ? new CompletionMeter("proxy#" + requests.incrementAndGet(), ex.getRequestURI().getPath(), arrival)
                : null;
        HttpRequest.Builder req = HttpRequest.newBuilder(target)
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        copyRequestHeaders(ex.getRequestHeaders(), req);
        HttpResponse<InputStream> response;
        try {
            response = client.send(req.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            String why = "the server at " + upstream + " cannot be reached: " + describe(e);
            record(meter == null ? null : meter.failed(WallClock.nowNs(), why));
            HttpServers.error(ex, 502, why);
            ex.close();
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ex.close();
            return;
        }
        relay(ex, response, meter);
    }

    private void relay(HttpExchange ex, HttpResponse<InputStream> response, CompletionMeter meter) throws IOException {
        String contentType = response.headers().firstValue("Content-Type").orElse(null);
        if (meter != null) {
            meter.responseStarted(response.statusCode(), contentType);
        }
        for (Map.Entry<String, List<String>> h : response.headers().map().entrySet()) {
            String k = h.getKey().toLowerCase(Locale.ROOT);
            if (!HOP.contains(k) && !k.startsWith(":")) {
                ex.getResponseHeaders().put(h.getKey(), h.getValue());
            }
        }
        long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        boolean noBody = ex.getRequestMethod().equals("HEAD") || response.statusCode() == 204
                || response.statusCode() == 304;
        ex.sendResponseHeaders(response.statusCode(), noBody ? -1 : length >= 0 ? length : 0);
        OutputStream out = ex.getResponseBody();
        byte[] buf = new byte[16 * 1024];
        try (InputStream in = response.body()) {
            int n;
            while (true) {
                try {
                    n = in.read(buf);
                } catch (IOException e) {
                    upstreamBroke(ex, out, meter, contentType, "the server broke off the response: " + describe(e));
                    return;
                }
                if (n < 0) {
                    break;
                }
                long now = WallClock.nowNs();
                out.write(buf, 0, n);
                out.flush();
                if (meter != null) {
                    meter.bytes(buf, 0, n, now);
                }
            }
        } catch (StreamCut cut) {
            throw cut;
        } catch (IOException clientGone) {
            record(meter == null ? null : meter.failed(WallClock.nowNs(), "the client went away: " + describe(clientGone)));
            throw clientGone;
        }
        record(meter == null ? null : meter.finished(WallClock.nowNs()));
        ex.close();
    }

    /**
     * Records the failure and cuts the client's connection without ending the body, so the client
     * cannot take the partial answer for a whole one.
     */
    private void upstreamBroke(HttpExchange ex, OutputStream out, CompletionMeter meter, String contentType,
                               String why) throws StreamCut {
        record(meter == null ? null : meter.failed(WallClock.nowNs(), why));
        if (contentType != null && contentType.startsWith("text/event-stream")) {
            String event = "\n\ndata: {\"error\":{\"message\":" + HttpServers.quote(why) + ",\"type\":\"proxy_error\"}}\n\n";
            try {
                out.write(event.getBytes(StandardCharsets.UTF_8));
                out.flush();
            } catch (IOException e) {
                // the client is gone too
            }
        }
        // thrown out of the handler, the server closes the connection without the last chunk
        throw new StreamCut(why);
    }

    /** The server's response broke off; the request is already recorded as failed. */
    private static final class StreamCut extends IOException {
        StreamCut(String message) {
            super(message);
        }
    }

    private void record(RequestRecord r) {
        if (r == null) {
            return;
        }
        try {
            store.append(inputName(), "proxy", 0, sink -> sink.request(r));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void copyRequestHeaders(Headers from, HttpRequest.Builder to) {
        for (Map.Entry<String, List<String>> h : from.entrySet()) {
            if (HOP.contains(h.getKey().toLowerCase(Locale.ROOT))) {
                continue;
            }
            for (String v : h.getValue()) {
                try {
                    to.header(h.getKey(), v);
                } catch (IllegalArgumentException restricted) {
                    // a header the HTTP client does not let callers set; it sets its own
                }
            }
        }
    }

    private static String describe(Throwable e) {
        if (e instanceof java.net.ConnectException) {
            return "connection refused";
        }
        String m = e.getMessage();
        if (m == null && e.getCause() != null) {
            return describe(e.getCause());
        }
        return m != null ? m : e.getClass().getSimpleName();
    }
}
