package dev.flarescope.cli;

import dev.flarescope.live.demo.DemoServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code flarescope demo-server}: a simulated serving stack on 127.0.0.1 that every live source can
 * attach to (see {@link DemoServer}). Runs until Ctrl+C, or for {@code --for}.
 */
@Command(name = "demo-server", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a simulated serving stack on 127.0.0.1 to try live attach on one machine:",
                "event streams (SSE /events, NDJSON /events.ndjson), OpenAI-style /v1/chat/completions with",
                "llama.cpp timings, /metrics and /slots, and optionally pushes to an ingest endpoint."})
final class DemoServerCommand implements Callable<Integer> {

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "9411", description = "Port on 127.0.0.1 (default ${DEFAULT-VALUE}; 0 picks one).")
    int port;

    @Option(names = "--rate", paramLabel = "REQ/S", defaultValue = "5",
            description = "Simulated background requests per second (default ${DEFAULT-VALUE}; each makes about 40 events).")
    double rate;

    @Option(names = "--token-ms", paramLabel = "MS", defaultValue = "20",
            description = "Time between two streamed tokens of a completion (default ${DEFAULT-VALUE}).")
    long tokenMs;

    @Option(names = "--push", paramLabel = "URL", description = "Also POST new events every 250 ms to this ingest URL.")
    String push;

    @Option(names = "--for", paramLabel = "DURATION", converter = RecordCommand.DurationConverter.class,
            description = "Stop after this long (default: run until Ctrl+C).")
    Long forMillis;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (port < 0 || port > 65535) {
            throw new ParameterException(spec.commandLine(), "--port " + port + " is out of range (0-65535)");
        }
        if (rate < 0 || tokenMs < 0) {
            throw new ParameterException(spec.commandLine(), "--rate and --token-ms must not be negative");
        }
        URI pushUri = null;
        if (push != null) {
            try {
                pushUri = new URI(push);
            } catch (URISyntaxException e) {
                throw new ParameterException(spec.commandLine(), "--push: " + e.getMessage());
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
