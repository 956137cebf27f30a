package dev.flarescope.live.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A simulated serving stack with every interface the live sources attach to, so that each can be
 * tried on one machine without a GPU:
 * <ul>
 *   <li>{@code GET /events}: its trace events as server-sent events ({@code id:} is the sequence
 *       number; a reconnect with {@code Last-Event-ID} resumes after it);</li>
 *   <li>{@code GET /events.ndjson}: the same as newline-delimited JSON, from the moment of connecting;</li>
 *   <li>{@code POST /v1/chat/completions} and {@code /v1/completions}: OpenAI-style answers, streamed
 *       token by token when {@code "stream": true}, ending with usage and llama.cpp-style
 *       {@code timings}; each also appears as a request in the trace events;</li>
 *   <li>{@code GET /metrics} and {@code GET /slots}: as llama.cpp serves them;</li>
 *   <li>with a push URL, batches of new events POSTed there every 250 ms (the ingest endpoint).</li>
 * </ul>
 * It listens on 127.0.0.1 only, serves at most {@value #MAX_STREAMS} event streams at a time and
 * answers with a bounded pool of threads.
 */
public final class DemoServer implements AutoCloseable {
    static final int MAX_STREAMS = 8;
    private static final int THREADS = 24;
    private static final long TICK_MS = 20;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] WORDS = {"The", " quick", " brown", " fox", " jumps", " over", " the", " lazy",
            " dog", ".", " It", " was", " a", " bright", " cold", " day", " in", " April", ",", " and"};

    private final EventLog log = new EventLog(100_000);
    private final SimulatedStack stack;
    private final long startNanos = System.nanoTime();
    private final HttpServer server;
    private final ThreadPoolExecutor pool;
    private final Semaphore streams = new Semaphore(MAX_STREAMS);
    private final AtomicLong completions = new AtomicLong();
    private final AtomicLong promptTokens = new AtomicLong();
    private final AtomicLong predictedTokens = new AtomicLong();
    private final long tokenMs;
    private final Thread ticker;
    private volatile Thread pusher;
    private volatile boolean running = true;

    /**
     * @param port              port on 127.0.0.1 (0 picks a free one)
     * @param requestsPerSecond simulated background requests per second
     * @param tokenMs           time between two streamed tokens of a completion
     */
    public DemoServer(int port, double requestsPerSecond, long tokenMs) throws IOException {
        this.stack = new SimulatedStack(log, requestsPerSecond);
        this.tokenMs = tokenMs;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        pool = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(128),
                r -> {
                    Thread t = new Thread(r, "flarescope-demo");
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
        pool.allowCoreThreadTimeOut(true);
        server.setExecutor(pool);
        server.createContext("/events", this::sse);
        server.createContext("/events.ndjson", this::ndjson);
        server.createContext("/v1/chat/completions", this::completion);
        server.createContext("/v1/completions", this::completion);
        server.createContext("/metrics", this::metrics);
        server.createContext("/slots", this::slots);
        server.createContext("/", this::index);
        server.start();
        ticker = new Thread(this::tick, "flarescope-demo-stack");
        ticker.setDaemon(true);
        ticker.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Sequence number of the newest trace event. */
    public long lastSequence() {
        return log.last();
    }

    /** Starts posting new events to {@code ingest} every 250 ms as JSON arrays. */
    public void pushTo(URI ingest) {
        Thread t = new Thread(() -> push(ingest), "flarescope-demo-push");
        t.setDaemon(true);
        t.start();
        pusher = t;
    }

    @Override
    public void close() {
        running = false;
        ticker.interrupt();
        Thread p = pusher;
        if (p != null) {
            p.interrupt();
        }
        server.stop(0);
        pool.shutdownNow();
    }

    private long nowUs() {
        return (System.nanoTime() - startNanos) / 1000;
    }

    private void tick() {
        while (running) {
            stack.advance(nowUs());
            try {
                Thread.sleep(TICK_MS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    // ---------------------------------------------------------------- event streams

    private void sse(HttpExchange ex) throws IOException {
        String lastId = ex.getRequestHeaders().getFirst("Last-Event-ID");
        long after;
        try {
            after = lastId == null ? -1 : Long.parseLong(lastId.trim());
        } catch (NumberFormatException e) {
            after = -1;
        }
        stream(ex, "text/event-stream", after, true);
    }

    private void ndjson(HttpExchange ex) throws IOException {
        stream(ex, "application/x-ndjson", -1, false);
    }

    /** Streams events after {@code after} (or, when -1, the process names and then what happens from now). */
    private void stream(HttpExchange ex, String type, long after, boolean sse) throws IOException {
        try (ex) {
            if (!streams.tryAcquire()) {
                reply(ex, 503, "text/plain", "too many streams; at most " + MAX_STREAMS);
                return;
            }
            try {
                ex.getResponseHeaders().set("Content-Type", type);
                ex.getResponseHeaders().set("Cache-Control", "no-cache");
                ex.sendResponseHeaders(200, 0);
                OutputStream out = ex.getResponseBody();
                long seq = after;
                if (after < 0) {
                    seq = log.last();
                    StringBuilder head = new StringBuilder();
                    for (String m : stack.metadata()) {
                        head.append(sse ? "data: " + m + "\n\n" : m + "\n");
                    }
                    if (sse) {
                        head.append("retry: 1000\n\n");
                    }
                    out.write(head.toString().getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
                while (running) {
                    List<EventLog.Entry> batch = log.after(seq, 2000, 1000);
                    StringBuilder sb = new StringBuilder();
                    for (EventLog.Entry e : batch) {
                        if (sse) {
                            sb.append("id: ").append(e.seq()).append("\ndata: ").append(e.json()).append("\n\n");
                        } else {
                            sb.append(e.json()).append('\n');
                        }
                        seq = e.seq();
                    }
                    if (batch.isEmpty() && sse) {
                        sb.append(": keep-alive\n\n");
                    }
                    if (sb.length() > 0) {
                        out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
                        out.flush();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                streams.release();
            }
        } catch (IOException clientGone) {
            // the client closed its stream
        }
    }

    private void push(URI ingest) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long seq = log.last();
        boolean first = true;
        while (running) {
            try {
                List<EventLog.Entry> batch = log.after(seq, 50_000, 250);
                if (batch.isEmpty() && !first) {
                    continue;
                }
                StringBuilder sb = new StringBuilder("[");
                int n = 0;
                if (first) {
                    for (String m : stack.metadata()) {
                        sb.append(n++ == 0 ? "" : ",\n").append(m);
                    }
                }
                for (EventLog.Entry e : batch) {
                    sb.append(n++ == 0 ? "" : ",\n").append(e.json());
                }
                sb.append("]");
                HttpRequest req = HttpRequest.newBuilder(ingest).timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json").header("X-Flarescope-Input", "demo push")
                        .POST(HttpRequest.BodyPublishers.ofString(sb.toString())).build();
                HttpResponse<String> r = client.send(req, HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 202) {
                    first = false;
                    if (!batch.isEmpty()) {
                        seq = batch.get(batch.size() - 1).seq();
                    }
                } else {
                    Thread.sleep(1000); // refused: send the same batch again in a second
                }
            } catch (IOException e) {
                try {
                    Thread.sleep(1000); // the endpoint is not up (yet)
                } catch (InterruptedException ie) {
                    return;
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    // ---------------------------------------------------------------- llama.cpp-like endpoints

    private void completion(HttpExchange ex) throws IOException {
        try (ex) {
            if (!ex.getRequestMethod().equals("POST")) {
                reply(ex, 405, "application/json", "{\"error\":{\"message\":\"use POST\"}}");
                return;
            }
            JsonNode req;
            try {
                req = JSON.readTree(ex.getRequestBody().readNBytes(1 << 20));
            } catch (IOException e) {
                reply(ex, 400, "application/json", "{\"error\":{\"message\":\"the body is not JSON\"}}");
                return;
            }
            boolean chat = ex.getRequestURI().getPath().endsWith("/chat/completions");
            int maxTokens = Math.max(1, Math.min(512, req.path("max_tokens").asInt(24)));
            int promptTokens = Math.max(1, req.toString().length() / 4);
            String id = (chat ? "chatcmpl-demo-" : "cmpl-demo-") + completions.incrementAndGet();
            String model = req.path("model").asText("demo-model");
            long arrivalUs = nowUs();
            stack.request(id, arrivalUs, maxTokens);
            if (req.path("stream").asBoolean(false)) {
                streamCompletion(ex, chat, id, model, promptTokens, maxTokens);
            } else {
                sleep(tokenMs * maxTokens);
                StringBuilder text = new StringBuilder();
                for (int i = 0; i < maxTokens; i++) {
                    text.append(WORDS[i % WORDS.length]);
                }
                String content = chat ? "\"message\":{\"role\":\"assistant\",\"content\":" + quote(text.toString()) + "}"
                        : "\"text\":" + quote(text.toString());
                reply(ex, 200, "application/json", "{\"id\":\"" + id + "\",\"object\":\"" + (chat ? "chat.completion"
                        : "text_completion") + "\",\"model\":" + quote(model) + ",\"choices\":[{\"index\":0," + content
                        + ",\"finish_reason\":\"length\"}]," + usage(promptTokens, maxTokens) + ","
                        + timings(promptTokens, maxTokens) + "}");
            }
            promptTokensAdd(promptTokens, maxTokens);
        }
    }

    private void streamCompletion(HttpExchange ex, boolean chat, String id, String model, int promptTokens,
                                  int maxTokens) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "text/event-stream");
        ex.sendResponseHeaders(200, 0);
        OutputStream out = ex.getResponseBody();
        String object = chat ? "chat.completion.chunk" : "text_completion";
        sleep(Math.max(1, tokenMs * 2)); // prefill
        for (int i = 0; i < maxTokens; i++) {
            String piece = quote(WORDS[i % WORDS.length]);
            String choice = chat ? "{\"index\":0,\"delta\":{\"content\":" + piece + "},\"finish_reason\":null}"
                    : "{\"index\":0,\"text\":" + piece + ",\"finish_reason\":null}";
            write(out, "data: {\"id\":\"" + id + "\",\"object\":\"" + object + "\",\"model\":" + quote(model)
                    + ",\"choices\":[" + choice + "]}\n\n");
            sleep(tokenMs);
        }
        String end = chat ? "{\"index\":0,\"delta\":{},\"finish_reason\":\"length\"}"
                : "{\"index\":0,\"text\":\"\",\"finish_reason\":\"length\"}";
        write(out, "data: {\"id\":\"" + id + "\",\"object\":\"" + object + "\",\"model\":" + quote(model)
                + ",\"choices\":[" + end + "]," + usage(promptTokens, maxTokens) + "," + timings(promptTokens, maxTokens)
                + "}\n\ndata: [DONE]\n\n");
    }

    private String usage(int prompt, int predicted) {
        return "\"usage\":{\"prompt_tokens\":" + prompt + ",\"completion_tokens\":" + predicted + ",\"total_tokens\":"
                + (prompt + predicted) + "}";
    }

    /** llama.cpp's timings for the simulated speeds: prefill takes two token intervals, decode one per token. */
    private String timings(int prompt, int predicted) {
        double promptMs = Math.max(1, tokenMs * 2);
        double predictedMs = Math.max(1, tokenMs) * predicted;
        return String.format(Locale.ROOT, "\"timings\":{\"prompt_n\":%d,\"prompt_ms\":%.3f,\"prompt_per_token_ms\":%.3f,"
                + "\"prompt_per_second\":%.3f,\"predicted_n\":%d,\"predicted_ms\":%.3f,\"predicted_per_token_ms\":%.3f,"
                + "\"predicted_per_second\":%.3f}", prompt, promptMs, promptMs / prompt, prompt / promptMs * 1000,
                predicted, predictedMs, predictedMs / predicted, predicted / predictedMs * 1000);
    }

    private void promptTokensAdd(int prompt, int predicted) {
        promptTokens.addAndGet(prompt);
        predictedTokens.addAndGet(predicted);
    }

    private void metrics(HttpExchange ex) throws IOException {
        try (ex) {
            int busy = stack.busy();
            String text = "# HELP llamacpp:prompt_tokens_total Number of prompt tokens processed.\n"
                    + "# TYPE llamacpp:prompt_tokens_total counter\n"
                    + "llamacpp:prompt_tokens_total " + promptTokens.get() + "\n"
                    + "# TYPE llamacpp:tokens_predicted_total counter\n"
                    + "llamacpp:tokens_predicted_total " + predictedTokens.get() + "\n"
                    + "# TYPE llamacpp:requests_processing gauge\n"
                    + "llamacpp:requests_processing " + Math.min(busy, 4) + "\n"
                    + "# TYPE llamacpp:requests_deferred gauge\n"
                    + "llamacpp:requests_deferred " + Math.max(0, busy - 4) + "\n"
                    + "# TYPE llamacpp:kv_cache_usage_ratio gauge\n"
                    + "llamacpp:kv_cache_usage_ratio " + String.format(Locale.ROOT, "%.3f", Math.min(1.0, busy / 8.0)) + "\n";
            reply(ex, 200, "text/plain; version=0.0.4", text);
        }
    }

    private void slots(HttpExchange ex) throws IOException {
        try (ex) {
            int busy = Math.min(4, stack.busy());
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < 4; i++) {
                sb.append(i == 0 ? "" : ",").append("{\"id\":").append(i).append(",\"is_processing\":")
                        .append(i < busy).append('}');
            }
            reply(ex, 200, "application/json", sb.append(']').toString());
        }
    }

    private void index(HttpExchange ex) throws IOException {
        try (ex) {
            reply(ex, ex.getRequestURI().getPath().equals("/") ? 200 : 404, "text/plain",
                    "flarescope demo server: GET /events (SSE), GET /events.ndjson, POST /v1/chat/completions, "
                            + "GET /metrics, GET /slots\n");
        }
    }

    private static void reply(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, b.length);
        ex.getResponseBody().write(b);
    }

    private static void write(OutputStream out, String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String quote(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
