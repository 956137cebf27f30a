package dev.flarescope.live;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the live package's HTTP servers (ingest endpoint, proxy, demo server) share: a bounded pool
 * of handler threads, timeouts that cut off slow clients, and small response helpers.
 *
 * <p>The JDK server reads its timeouts from system properties once, when it is first used. Unless the
 * user set them, {@link #create} sets a limit of {@value #REQUEST_SECONDS} s to send a request
 * (headers and body) and {@value #RESPONSE_SECONDS} s to take a response, so a client that trickles
 * its body cannot hold a handler thread for longer. Streaming responses (the proxy's, the demo
 * server's event streams) are exempt by nature only as long as the client reads them.
 */
final class HttpServers {
    static final int REQUEST_SECONDS = 30;
    static final int RESPONSE_SECONDS = 3600;
    private static final int QUEUE = 256;

    private HttpServers() {
    }

    /** True for 127.0.0.0/8, ::1 and the like: addresses only this machine reaches. */
    static boolean isLoopback(InetSocketAddress address) {
        InetAddress a = address.getAddress();
        return a != null && a.isLoopbackAddress();
    }

    /**
     * A server on {@code address} with at most {@code threads} handler threads and a bounded queue of
     * {@value #QUEUE} requests. The JDK server reads a request's headers and body on the handler thread,
     * so a thread is busy for as long as its client takes to send (up to {@value #REQUEST_SECONDS} s).
     * When every thread is busy and the queue is full, a new request's connection is closed unanswered;
     * it is never read on the server's only dispatcher thread, which would stall every other client.
     */
    static Server create(InetSocketAddress address, int threads, String name) throws IOException {
        setIfAbsent("sun.net.httpserver.maxReqTime", REQUEST_SECONDS);
        setIfAbsent("sun.net.httpserver.maxRspTime", RESPONSE_SECONDS);
        HttpServer server;
        try {
            server = HttpServer.create(address, 64);
        } catch (java.net.BindException e) {
            throw new IOException("cannot listen on " + address.getHostString() + ":" + address.getPort() + ": "
                    + e.getMessage(), e);
        }
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUE), r -> {
                    Thread t = new Thread(r, name + "-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.AbortPolicy()); // the JDK closes a rejected connection
        pool.allowCoreThreadTimeOut(true);
        server.setExecutor(pool);
        return new Server(server, pool);
    }

    /**
     * A server that stops gracefully: once stopping, new exchanges are dropped unanswered, and those
     * under way may finish for up to a second (an ingest request whose body is already in the store
     * still gets its 202) before the connections close.
     */
    static final class Server {
        private final HttpServer http;
        private final ThreadPoolExecutor pool;
        private final AtomicInteger inFlight = new AtomicInteger();
        private volatile boolean closing;

        private Server(HttpServer http, ThreadPoolExecutor pool) {
            this.http = http;
            this.pool = pool;
        }

        void handle(String path, HttpHandler handler) {
            http.createContext(path, ex -> {
                inFlight.incrementAndGet();
                try {
                    if (closing) {
                        ex.close(); // unanswered: the sender knows nothing was taken
                        return;
                    }
                    handler.handle(ex);
                } finally {
                    inFlight.decrementAndGet();
                }
            });
        }

        void start() {
            http.start();
        }

        int port() {
            return http.getAddress().getPort();
        }

        void stop() {
            closing = true;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
            while (inFlight.get() > 0 && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            http.stop(0);
            pool.shutdown();
        }
    }

    private static void setIfAbsent(String key, int seconds) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, Integer.toString(seconds));
        }
    }

    /** Sends a small JSON answer and closes the exchange. */
    static void json(HttpExchange ex, int status, String json) throws IOException {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(b);
        }
    }

    /** {"error": message} with the given status. */
    static void error(HttpExchange ex, int status, String message) throws IOException {
        json(ex, status, "{\"error\":" + quote(message) + "}");
    }

    /** A JSON string literal. */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /**
     * Reads a request body of at most {@code limit} bytes; returns null when it is longer (the rest is
     * left unread and the connection is closed with the response).
     */
    static byte[] readBody(HttpExchange ex, long limit) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            byte[] b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            return b.length > limit ? null : b;
        }
    }
}
