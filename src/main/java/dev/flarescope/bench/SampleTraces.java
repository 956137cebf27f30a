package dev.flarescope.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Remakes the demo inputs shipped in {@code sample-traces/}: a serving run as trace fragments per
 * process, an llm-metrics log with impossible entries, and the llama-bench baseline they are judged
 * against. The output depends only on the seed, so regenerating with the default seed reproduces the
 * committed files byte for byte. The folder's README.md is maintained by hand and left alone.
 */
public final class SampleTraces {
    static final String SERVING_RUN = "serving-run";
    static final String LLM_METRICS = "llm-metrics-impossible.jsonl";
    static final String LLAMA_BENCH = "llama-bench-qwen3-8b.json";
    static final long DEFAULT_SEED = 20250612;

    private SampleTraces() {
    }

    /** Writes every sample under {@code dir}, replacing earlier versions. */
    public static void write(Path dir, long seed) throws IOException {
        Files.createDirectories(dir);
        ServingRunSample.write(dir.resolve(SERVING_RUN), seed);
        LlmMetricsSample.write(dir.resolve(LLM_METRICS), seed);
        LlamaBenchSample.write(dir.resolve(LLAMA_BENCH), seed);
    }

    /** Command line: {@code SampleTraces [DIR] [--seed S]}. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new Cli()).execute(args));
    }

    @Command(name = "sample-traces", description = "Writes the demo inputs of sample-traces/ into DIR.")
    static final class Cli implements Callable<Integer> {
        @Parameters(index = "0", arity = "0..1", defaultValue = "sample-traces", paramLabel = "DIR",
                description = "output folder (default: ${DEFAULT-VALUE})")
        Path dir;

        @Option(names = "--seed", defaultValue = "" + DEFAULT_SEED, description = "random seed (default: ${DEFAULT-VALUE})")
        long seed;

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
        boolean help;

        @Override
        public Integer call() {
            try {
                write(dir, seed);
                System.err.println("wrote samples to " + dir);
                return 0;
            } catch (IOException e) {
                System.err.println("cannot write samples to " + dir + ": " + IoMessages.reason(e));
                return 1;
            }
        }
    }
}
