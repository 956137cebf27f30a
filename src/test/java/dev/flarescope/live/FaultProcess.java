package dev.flarescope.live;

import static dev.flarescope.live.LiveFixtures.event;
import static dev.flarescope.live.LiveFixtures.lines;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The other side of a live source, run as a separate process so that it can really be killed
 * ({@code kill -9}) in the middle of what it sends. It reports on stdout, one line per step, so the
 * test knows exactly what was sent before the kill.
 *
 * <ul>
 *   <li>{@code push PORT BATCHES SIZE}: POSTs BATCHES batches of SIZE NDJSON events (seq 1, 2, ...)
 *       to the ingest endpoint on PORT, printing {@code accepted N} for each answer; then sends the
 *       headers and half the body of one more batch, prints {@code cut}, and waits to be killed.</li>
 *   <li>{@code serve-sse EVENTS}: listens on a free port (printed as {@code port N}), answers one
 *       connection with EVENTS server-sent events (id = seq) and half of the next, prints {@code cut},
 *       and waits to be killed.</li>
 *   <li>{@code ingest}: runs an ingest endpoint on a free port ({@code port N}); for every line read
 *       on stdin, prints {@code threads T events E}: its live handler threads and the events in its
 *       store.</li>
 * </ul>
 */
public final class FaultProcess {
    private FaultProcess() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        switch (args[0]) {
            case "push" -> push(out, Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            case "serve-sse" -> serveSse(out, Integer.parseInt(args[1]));
            case "ingest" -> ingest(out);
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    /** The command line that runs this class in a new JVM with the test class path. */
    static List<String> command(List<String> jvmOptions, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + "/bin/java"));
        cmd.add("-Xmx128m");
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(FaultProcess.class.getName());
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** Starts the process; its stdout is read line by line with {@link #expect}. */
    static Process start(List<String> jvmOptions, String... args) throws IOException {
        return new ProcessBuilder(command(jvmOptions, args)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    /** The next stdout line of {@code p}, which must start with {@code prefix}; returns the rest. */
    static String expect(BufferedReader stdout, String prefix) throws IOException {
        String line = stdout.readLine();
        if (line == null || !line.startsWith(prefix)) {
            throw new AssertionError("expected a line starting with '" + prefix + "', got " + line);
        }
        return line.substring(prefix.length()).trim();
    }

    static BufferedReader stdout(Process p) {
        return new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Kills {@code p} as {@code kill -9} does and waits for it to be gone. */
    static void kill(Process p) throws InterruptedException {
        p.destroyForcibly();
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            throw new AssertionError("the process did not die");
        }
    }

    private static void push(PrintStream out, int port, int batches, int size) throws Exception {
        long seq = 1;
        for (int b = 0; b < batches; b++) {
            byte[] body = lines(seq, seq + size - 1).getBytes(StandardCharsets.UTF_8);
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                OutputStream os = s.getOutputStream();
                os.write(head(port, body.length));
                os.write(body);
                os.flush();
                String response = readAll(s.getInputStream());
                String status = response.substring(0, response.indexOf("\r\n"));
                String json = response.substring(response.indexOf("\r\n\r\n") + 4);
                if (!status.contains(" 202 ")) {
                    throw new IllegalStateException(status + " " + json);
                }
                out.println("accepted " + json.replaceAll("\\D", ""));
            }
            seq += size;
        }
        byte[] body = lines(seq, seq + size - 1).getBytes(StandardCharsets.UTF_8);
        Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
        OutputStream os = s.getOutputStream();
        os.write(head(port, body.length));
        os.write(body, 0, body.length / 2);
        os.flush();
        out.println("cut");
        Thread.sleep(Long.MAX_VALUE);
    }

    private static byte[] head(int port, int length) {
        return ("POST /v1/events HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: application/x-ndjson\r\n"
                + "X-Flarescope-Input: pusher\r\nContent-Length: " + length + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        in.transferTo(b);
        return b.toString(StandardCharsets.UTF_8);
    }

    private static void serveSse(PrintStream out, int events) throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            out.println("port " + server.getLocalPort());
            Socket c = server.accept();
            InputStream in = c.getInputStream();
            int last = 0;
            int b;
            while ((b = in.read()) >= 0) { // the request head ends with an empty line
                if (b == '\n' && last == '\n') {
                    break;
                }
                if (b != '\r') {
                    last = b;
                }
            }
            OutputStream os = c.getOutputStream();
            StringBuilder sb = new StringBuilder("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n\r\nretry: 50\n\n");
            for (long s = 1; s <= events; s++) {
                sb.append("id: ").append(s).append("\ndata: ").append(event(s)).append("\n\n");
            }
            String next = "id: " + (events + 1) + "\ndata: " + event(events + 1) + "\n\n";
            sb.append(next, 0, next.length() / 2);
            os.write(sb.toString().getBytes(StandardCharsets.UTF_8));
            os.flush();
            out.println("cut");
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    private static void ingest(PrintStream out) throws Exception {
        try (LiveTrace store = new LiveTrace(Retention.UNBOUNDED)) {
            IngestServer server = new IngestServer(new InetSocketAddress("127.0.0.1", 0), null);
            server.start(store);
            out.println("port " + server.port());
            BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            while (stdin.readLine() != null) {
                long threads = Thread.getAllStackTraces().keySet().stream()
                        .filter(t -> t.getName().startsWith("flarescope-ingest-")).count();
                out.println("threads " + threads + " events " + store.receivedEvents());
            }
            server.stop();
        }
    }
}
