package dev.flarescope.live;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.function.Consumer;

/**
 * The ingest endpoint: serving stacks push batches of trace events to it while they run.
 *
 * <p>{@code POST /v1/events} takes a JSON array of Chrome events, Chrome's object form, or newline-
 * delimited events, dnet frames or batches, or request-metrics records; {@code POST /trace/ingest} is
 * the same under dnet's own path, so dnet workers can point at it unchanged. A body is checked whole
 * before it is answered ({@link IngestBody}): {@code 202 {"accepted": n}} means its n events are in
 * the store; {@code 400 {"error": reason}} means none are, and the server goes on. Bodies above the
 * limit (16 MB by default) get {@code 413}; when the store's budget of undecoded bytes stays full for
 * {@value #APPEND_WAIT_MS} ms the answer is {@code 503} with {@code Retry-After}. A body sent with
 * {@code Content-Encoding: gzip} is decompressed first, within the same limit ({@link BodyReader});
 * other encodings get {@code 415}. A sender that breaks off inside its body (killed, connection
 * reset) has nothing of that body taken: it never saw a 202, so it will send the whole body again,
 * and keeping its complete events would store them twice.
 *
 * <p>Pushed data arrives as one input per sender: the {@code X-Flarescope-Input} header if given,
 * else the dnet {@code node_id} of the batch, else "ingest". (Inputs carry host metadata, so two
 * dnet nodes must not share one.)
 *
 * <p>It listens on 127.0.0.1 unless told otherwise; any other address requires a token, and then every
 * request must carry {@code Authorization: Bearer <token>} or gets {@code 401}.
 */
public final class IngestServer implements LiveSource {
    public static final long DEFAULT_MAX_BODY = 16L << 20;
    static final long APPEND_WAIT_MS = 10_000;
    /**
     * Connections received at once. The JDK server reads a request on its handler thread, so a thread
     * is held for as long as the client takes to send (at most {@link HttpServers#REQUEST_SECONDS} s):
     * there are enough that many slow clients cannot keep a prompt one waiting.
     */
    static final int THREADS = 256;
    /** Memory all bodies being received may hold together. */
    static final long BODY_BUDGET = 256L << 20;

    private final InetSocketAddress address;
    private final byte[] token;
    private final BodyReader bodies;
    private final StateHolder state = new StateHolder();
    private volatile HttpServers.Server server;
    private volatile LiveTrace store;

    /**
     * @param token bearer token every request must carry, or null; required unless {@code address} is loopback
     * @throws IllegalArgumentException when a non-loopback address has no token
     */
    public IngestServer(InetSocketAddress address, String token, long maxBody) {
        if (!HttpServers.isLoopback(address) && (token == null || token.isEmpty())) {
            throw new IllegalArgumentException("listening on " + address.getHostString()
                    + " lets other machines push data: give a token (--token) that they must send");
        }
        this.address = address;
        this.token = token == null || token.isEmpty() ? null : token.getBytes(StandardCharsets.UTF_8);
        this.bodies = new BodyReader(maxBody, BODY_BUDGET, APPEND_WAIT_MS);
    }

    public IngestServer(InetSocketAddress address, String token) {
        this(address, token, DEFAULT_MAX_BODY);
    }

    @Override
    public String description() {
        return "listen " + address.getHostString() + ":" + (server == null ? address.getPort() : port());
    }

    /** The port listened on (the one chosen when the address said 0). */
    public int port() {
        return server.port();
    }

    @Override
    public void start(LiveTrace target) throws IOException {
        this.store = target;
        HttpServers.Server s;
        try {
            s = HttpServers.create(address, THREADS, "flarescope-ingest");
        } catch (IOException e) {
            state.set(LiveState.error(e.getMessage()));
            throw e;
        }
        s.handle("/v1/events", this::handle);
        s.handle("/trace/ingest", this::handle);
        s.handle("/", ex -> {
            ex.getRequestBody().close();
            HttpServers.error(ex, 404, "POST events to /v1/events or /trace/ingest");
        });
        s.start();
        server = s;
        state.set(LiveState.CONNECTED);
    }

    @Override
    public void stop() {
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

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            if (!ex.getRequestURI().getPath().equals(ex.getHttpContext().getPath())) {
                ex.getRequestBody().close();
                HttpServers.error(ex, 404, "POST events to /v1/events or /trace/ingest");
                return;
            }
            if (!authorized(ex)) {
                ex.getRequestBody().close();
                ex.getResponseHeaders().set("WWW-Authenticate", "Bearer");
                HttpServers.error(ex, 401, "this endpoint needs Authorization: Bearer <token>");
                return;
            }
            if (!ex.getRequestMethod().equals("POST")) {
                ex.getRequestBody().close();
                ex.getResponseHeaders().set("Allow", "POST");
                HttpServers.error(ex, 405, "use POST");
                return;
            }
            String length = ex.getRequestHeaders().getFirst("Content-Length");
            String encoding = ex.getRequestHeaders().getFirst("Content-Encoding");
            try (BodyReader.Body body = bodies.read(ex.getRequestBody(), encoding, length == null ? -1 : parseLong(length))) {
                accept(ex, body.bytes());
            } catch (BodyReader.Refused e) {
                refuse(ex, e);
            } catch (BodyReader.CutShort e) {
                // the sender broke off inside its body: nothing of it is taken, and no one is left to answer
            }
        }
    }

    private static void refuse(HttpExchange ex, BodyReader.Refused e) throws IOException {
        switch (e.status) {
            case 413 -> ex.getResponseHeaders().set("Connection", "close"); // the rest of the body is not read
            case 415 -> ex.getResponseHeaders().set("Accept-Encoding", "gzip, identity");
            case 503 -> ex.getResponseHeaders().set("Retry-After", "1");
            default -> {
                // 400: the connection can go on; the server skips what is left of the body
            }
        }
        HttpServers.error(ex, e.status, e.getMessage());
    }

    private void accept(HttpExchange ex, byte[] body) throws IOException {
        if (body.length == 0) {
            HttpServers.error(ex, 400, "the body is empty");
            return;
        }
        IngestBody.Inspection in;
        try {
            in = IngestBody.inspect(body);
        } catch (IngestBody.BodyException e) {
            HttpServers.error(ex, 400, e.getMessage());
            return;
        }
        String input = inputName(ex, in);
        boolean taken;
        try {
            taken = store.append(input, in.format().id(), body.length,
                    new ReaderBatch(input, in.body(), in.format()), APPEND_WAIT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            taken = false;
        }
        if (!taken) {
            ex.getResponseHeaders().set("Retry-After", "1");
            HttpServers.error(ex, 503, "the viewer is behind; nothing of this body was taken, send it again");
            return;
        }
        HttpServers.json(ex, 202, "{\"accepted\":" + in.events() + "}");
    }

    private static String inputName(HttpExchange ex, IngestBody.Inspection in) {
        String given = ex.getRequestHeaders().getFirst("X-Flarescope-Input");
        if (given != null && !given.isBlank()) {
            return given.trim();
        }
        if (in.node() != null) {
            return "node " + in.node();
        }
        return "ingest";
    }

    private boolean authorized(HttpExchange ex) {
        if (token == null) {
            return true;
        }
        String h = ex.getRequestHeaders().getFirst("Authorization");
        if (h == null || !h.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        byte[] given = h.substring(7).trim().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(given, token);
    }

    private static long parseLong(String s) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
