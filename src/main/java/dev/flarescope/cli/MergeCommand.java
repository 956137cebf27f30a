package dev.flarescope.cli;

import dev.flarescope.format.OutputFiles;
import dev.flarescope.format.chrome.ChromeTraceWriter;
import dev.flarescope.io.TraceLoader;
import dev.flarescope.notes.Sidecar;
import dev.flarescope.notes.TraceNotes;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code flarescope merge}: everything loaded, as one Chrome trace that any viewer opens. A merge
 * missing an input would silently mislead, so nothing is written unless every input was read. The
 * inputs' notes are kept in the merged trace's sidecar.
 */
@Command(name = "merge", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Merge traces, fragments and metrics logs into one Chrome trace (JSON object form).",
                "Processes keep their pids; hosts are kept apart with a host= process label."})
final class MergeCommand implements Callable<Integer> {

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT.json", description = "File to write.")
    Path output;

    @Option(names = "--offset", paramLabel = "PATH=TIME", converter = TimeOffset.Converter.class,
            description = "Shift the times of one input, e.g. trace.json=+12.5ms (units ns, us, ms, s). Repeatable.")
    List<TimeOffset> offsets = new ArrayList<>();

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Trace files or folders of fragments.")
    List<Path> paths;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        TraceLoader.Result loaded = Inputs.load(paths, offsets, err);
        if (!loaded.failures().isEmpty()) {
            err.println("flarescope: nothing written: " + loaded.failures().size() + " input(s) could not be read");
            return Cli.USAGE;
        }
        try {
            ChromeTraceWriter.writeFile(loaded.trace(), output.toAbsolutePath());
        } catch (IOException e) {
            err.println("flarescope: cannot write " + output + ": " + OutputFiles.describe(e));
            return Cli.USAGE;
        }
        out.println("wrote " + output + ": " + loaded.trace().inputs().size() + " input(s), "
                + loaded.trace().processes().size() + " process(es), " + loaded.trace().spanCount() + " span(s)");
        return keepNotes(out, err);
    }

    /**
     * Writes the inputs' notes beside the merged trace, moved by the inputs' offsets as the merged times
     * are. A sidecar that cannot be read is reported and does not stop the merge.
     */
    private int keepNotes(PrintWriter out, PrintWriter err) {
        TraceNotes notes = Inputs.notes(paths, offsets, err);
        if (notes.notes().isEmpty()) {
            return Cli.OK;
        }
        try {
            Path sidecar = notes.saveAs(output);
            out.println("wrote " + notes.notes().size() + " note(s) to " + sidecar);
            return Cli.OK;
        } catch (IOException e) {
            err.println("flarescope: cannot write the notes to " + Sidecar.pathFor(output) + ": " + OutputFiles.describe(e));
            return Cli.USAGE;
        }
    }
}
