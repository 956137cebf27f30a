package dev.flarescope.cli;

import dev.flarescope.live.demo.DemoServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code flarescope demo-server}: a simulated serving stack on 127.0.0.1 that every live source can
 * attach to (see {@link DemoServer}). Runs until Ctrl+C, or for {@code --for}.
 */
final class DemoServerCommand implements Subcommand {
    private static final int DEFAULT_PORT = 9411;
    private static final double DEFAULT_RATE = 5;
    private static final long DEFAULT_TOKEN_MS = 20;

    private static final Option PORT = Option.value("--port", "PORT",
            "Port on 127.0.0.1 (default " + DEFAULT_PORT + "; 0 picks one).");
    private static final Option RATE = Option.value("--rate", "REQ/S",
            "Simulated background requests per second (default 5; each makes about 40 events).");
    private static final Option TOKEN_MS = Option.value("--token-ms", "MS",
            "Time between two streamed tokens of a completion (default " + DEFAULT_TOKEN_MS + ").");
    private static final Option PUSH = Option.value("--push", "URL", "Also POST new events every 250 ms to this ingest URL.");
    private static final Option FOR = Option.value("--for", "DURATION", "Stop after this long (default: run until Ctrl+C).");

    private static final CommandSpec SPEC = FlarescopeCommand.subcommand("demo-server",
                    "Run a simulated serving stack on 127.0.0.1 to try live attach on one machine.",
                    "It serves event streams (SSE /events, NDJSON /events.ndjson), OpenAI-style /v1/chat/completions"
                            + " with llama.cpp timings, /metrics and /slots, and optionally pushes to an ingest endpoint.")
            .options(PORT, RATE, TOKEN_MS, PUSH, FOR);

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public int run(Arguments args, PrintWriter out, PrintWriter err) throws Exception {
        int port = args.value(PORT, Converters.INT, DEFAULT_PORT);
        double rate = args.value(RATE, Converters.DOUBLE, DEFAULT_RATE);
        long tokenMs = args.value(TOKEN_MS, Converters.LONG, DEFAULT_TOKEN_MS);
        String push = args.value(PUSH);
        Long forMillis = args.value(FOR, new RecordCommand.DurationConverter());
        if (port < 0 || port > 65535) {
            throw new UsageException("--port " + port + " is out of range (0-65535)");
        }
        if (rate < 0 || tokenMs < 0) {
            throw new UsageException("--rate and --token-ms must not be negative");
        }
        URI pushUri = null;
        if (push != null) {
            try {
                pushUri = new URI(push);
            } catch (URISyntaxException e) {
                throw new UsageException("--push: " + e.getMessage());
            }
        }
        DemoServer server;
        try {
            server = new DemoServer(port, rate, tokenMs);
        } catch (IOException e) {
            err.println("flarescope: cannot listen on 127.0.0.1:" + port + ": " + e.getMessage());
            return Cli.USAGE;
        }
        CountDownLatch stop = new CountDownLatch(1);
        Thread hook = new Thread(stop::countDown, "flarescope-demo-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try (server) {
            String base = "http://127.0.0.1:" + server.port();
            out.println("demo serving stack on " + base);
            out.println("  flarescope record --connect " + base + "/events -o demo.json");
            out.println("  flarescope record --proxy 127.0.0.1:9412 --upstream " + base + " -o demo.json");
            out.println("  curl -N " + base + "/v1/chat/completions -d '{\"stream\":true,\"max_tokens\":16}'");
            if (pushUri != null) {
                server.pushTo(pushUri);
                out.println("  pushing events to " + pushUri);
            }
            out.flush();
            if (forMillis == null) {
                stop.await();
            } else {
                stop.await(forMillis, TimeUnit.MILLISECONDS);
            }
            out.println("demo server stopped after " + server.lastSequence() + " event(s)");
            return Cli.OK;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook already ran
            }
        }
    }
}
