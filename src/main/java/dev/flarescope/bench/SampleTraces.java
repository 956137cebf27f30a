package dev.flarescope.bench;

import dev.flarescope.cli.Arguments;
import dev.flarescope.cli.Cli;
import dev.flarescope.cli.CommandSpec;
import dev.flarescope.cli.Converters;
import dev.flarescope.cli.Option;
import dev.flarescope.cli.Parameter;
import dev.flarescope.cli.Subcommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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
        System.exit(Cli.runStandalone(new Command(), args));
    }

    static final class Command implements Subcommand {
        private static final String DEFAULT_DIR = "sample-traces";
        private static final Option SEED = Option.value("--seed", "S", "random seed (default: " + DEFAULT_SEED + ")");
        private static final CommandSpec SPEC = new CommandSpec("sample-traces",
                "Writes the demo inputs of sample-traces/ into DIR.")
                .options(SEED)
                .parameter(Parameter.optional("DIR", "output folder (default: " + DEFAULT_DIR + ")"));

        @Override
        public CommandSpec spec() {
            return SPEC;
        }

        @Override
        public int run(Arguments args, PrintWriter out, PrintWriter err) {
            List<Path> given = args.parameters(Converters.PATH);
            Path dir = given.isEmpty() ? Path.of(DEFAULT_DIR) : given.get(0);
            long seed = args.value(SEED, Converters.LONG, DEFAULT_SEED);
            try {
                write(dir, seed);
                err.println("wrote samples to " + dir);
                return 0;
            } catch (IOException e) {
                err.println("cannot write samples to " + dir + ": " + IoMessages.reason(e));
                return Cli.USAGE; // an output not written, as for the flarescope commands
            }
        }
    }
}
