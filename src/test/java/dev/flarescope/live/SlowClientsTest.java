package dev.flarescope.live;

import static dev.flarescope.live.LiveFixtures.JSON;
import static dev.flarescope.live.LiveFixtures.lines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Slowloris: many clients that open a connection and send their request a byte a second. The ingest
 * endpoint runs in its own JVM (so its request time limit can be set to 2 s, a JVM-wide setting of the
 * JDK server): a prompt client must still get its batch accepted at once, the handler threads stay
 * within their bound, and every slow client is cut off once its request has taken longer than the limit.
 */
class SlowClientsTest {
    private static final int SLOW = 200;
    private static final int REQUEST_SECONDS = 2;

    /** One slow client: its connection, when it started sending, when the server closed it (0 while open). */
    private static final class Slow {
        final SocketChannel channel;
        final long startNs;
        long closedNs;

        Slow(SocketChannel channel) {
            this.channel = channel;
            this.startNs = System.nanoTime();
        }
    }

    @Test
    void twoHundredClientsSendingAByteASecondNeitherBlockAPromptSenderNorHoldThreadsPastTheLimit() throws Exception {
        Process p = FaultProcess.start(List.of("-Dsun.net.httpserver.maxReqTime=" + REQUEST_SECONDS), "ingest");
        try (Selector selector = Selector.open()) {
            BufferedReader out = FaultProcess.stdout(p);
            PrintWriter in = new PrintWriter(new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8), true);
            int port = Integer.parseInt(FaultProcess.expect(out, "port"));
            InetSocketAddress address = new InetSocketAddress("127.0.0.1", port);
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            URI uri = URI.create("http://127.0.0.1:" + port + "/v1/events");
            // one request first, so the time measured below is waiting, not both JVMs warming up
            assertEquals(405, client.send(HttpRequest.newBuilder(uri).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode());

            // half trickle their headers, half send headers at once and trickle a 1,000-byte body
            Map<SelectionKey, Slow> slow = new HashMap<>();
            for (int i = 0; i < SLOW; i++) {
                SocketChannel c = SocketChannel.open(address);
                String start = i % 2 == 0 ? "POST /v1/events HTTP/1.1\r\nHost: x\r\n"
                        : "POST /v1/events HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n[";
                c.write(ByteBuffer.wrap(start.getBytes(StandardCharsets.US_ASCII)));
                c.configureBlocking(false);
                slow.put(c.register(selector, SelectionKey.OP_READ), new Slow(c));
            }
            Thread.sleep(500); // every slow request has reached a handler thread

            long t0 = System.nanoTime();
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.ofString(lines(1, 100))).build(), HttpResponse.BodyHandlers.ofString());
            long promptMs = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(202, r.statusCode(), r.body());
            assertEquals(100, JSON.readTree(r.body()).get("accepted").asLong());
            assertTrue(promptMs < 1_000, "the prompt sender waited " + promptMs + " ms");

            in.println("stats");
            String[] stats = FaultProcess.expect(out, "threads").split(" ");
            long threads = Long.parseLong(stats[0]);
            assertTrue(threads > SLOW && threads <= IngestServer.THREADS, threads + " handler threads");

            trickleUntilClosed(selector, slow, 10_000);
            List<Long> lifetimesMs = new ArrayList<>();
            for (Slow s : slow.values()) {
                assertTrue(s.closedNs > 0, "a slow client was never cut off");
                lifetimesMs.add((s.closedNs - s.startNs) / 1_000_000);
            }
            long shortest = lifetimesMs.stream().mapToLong(Long::longValue).min().orElseThrow();
            long longest = lifetimesMs.stream().mapToLong(Long::longValue).max().orElseThrow();
            // cut by the JDK's request timer, which looks every second: from 2 s to about 4 s
            assertTrue(shortest >= REQUEST_SECONDS * 1000 - 100, "cut after only " + shortest + " ms");
            assertTrue(longest <= REQUEST_SECONDS * 1000 + 3_000, "a slow client lasted " + longest + " ms");

            HttpResponse<String> after = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.ofString(lines(101, 150))).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(202, after.statusCode(), after.body());
            // a 202 means the batch is queued; the store's thread decodes it a moment later
            assertEquals(150, eventsOnceSettled(in, out, 150, 5_000), "only the prompt senders' events are in the store");
            System.out.printf("slow clients: %d, prompt batch accepted in %d ms, %d handler threads, slow clients cut "
                    + "after %d to %d ms%n", SLOW, promptMs, threads, shortest, longest);
        } finally {
            FaultProcess.kill(p);
        }
    }

    /**
     * Asks the ingest process for its event count until it reaches {@code expected} or {@code timeoutMs}
     * passes, and returns the last count; a count past {@code expected} returns at once.
     */
    private static long eventsOnceSettled(PrintWriter in, BufferedReader out, long expected, long timeoutMs)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000;
        while (true) {
            in.println("stats");
            long events = Long.parseLong(FaultProcess.expect(out, "threads").split(" ")[2]);
            if (events >= expected || System.nanoTime() > deadline) {
                return events;
            }
            Thread.sleep(20);
        }
    }

    /** Sends each open slow connection one more byte a second, and notes when the server closes it. */
    private static void trickleUntilClosed(Selector selector, Map<SelectionKey, Slow> slow, long timeoutMs)
            throws IOException {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000;
        long nextByte = System.nanoTime();
        int open = slow.size();
        ByteBuffer sink = ByteBuffer.allocate(4096);
        while (open > 0 && System.nanoTime() < deadline) {
            if (System.nanoTime() >= nextByte) {
                for (Map.Entry<SelectionKey, Slow> e : slow.entrySet()) {
                    if (e.getValue().closedNs == 0) {
                        try {
                            e.getValue().channel.write(ByteBuffer.wrap(new byte[] {'x'}));
                        } catch (IOException closed) {
                            open -= close(e.getKey(), e.getValue());
                        }
                    }
                }
                nextByte += 1_000_000_000L;
            }
            selector.select(50);
            for (SelectionKey k : selector.selectedKeys()) {
                Slow s = slow.get(k);
                sink.clear();
                int n;
                try {
                    n = s.channel.read(sink);
                } catch (IOException reset) {
                    n = -1;
                }
                if (n < 0 && s.closedNs == 0) {
                    open -= close(k, s);
                }
            }
            selector.selectedKeys().clear();
        }
    }

    private static int close(SelectionKey k, Slow s) throws IOException {
        s.closedNs = System.nanoTime();
        k.cancel();
        s.channel.close();
        return 1;
    }
}
