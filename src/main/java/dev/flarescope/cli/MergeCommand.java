package dev.flarescope.cli;

import dev.flarescope.format.OutputFiles;
import dev.flarescope.format.chrome.ChromeTraceWriter;
import dev.flarescope.io.TraceLoader;
import dev.flarescope.notes.Sidecar;
import dev.flarescope.notes.TraceNotes;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code flarescope merge}: everything loaded, as one Chrome trace that any viewer opens. A merge
 * missing an input would silently mislead, so nothing is written unless every input was read. The
 * inputs' notes are kept in the merged trace's sidecar.
 */
final class MergeCommand implements Subcommand {
    private static final Option OUTPUT = Option.value("--output", "OUT.json", "File to write.").shortName("-o").required();
    private static final Option OFFSET = Option.value("--offset", "PATH=TIME",
            "Shift the times of one input, e.g. trace.json=+12.5ms (units ns, us, ms, s). Repeatable.").repeatable();

    private static final CommandSpec SPEC = FlarescopeCommand.subcommand("merge",
                    "Merge traces, fragments and metrics logs into one Chrome trace (JSON object form).",
                    "Processes keep their pids; hosts are kept apart with a host= process label.")
            .options(OUTPUT, OFFSET)
            .parameter(Parameter.oneOrMore("PATH", "Trace files or folders of fragments."));

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public int run(Arguments args, PrintWriter out, PrintWriter err) {
        Path output = args.value(OUTPUT, Converters.PATH);
        List<TimeOffset> offsets = args.values(OFFSET, new TimeOffset.Converter());
        List<Path> paths = args.parameters(Converters.PATH);
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
        return keepNotes(paths, offsets, output, out, err);
    }

    /**
     * Writes the inputs' notes beside the merged trace, moved by the inputs' offsets as the merged times
     * are. A sidecar that cannot be read is reported and does not stop the merge.
     */
    private static int keepNotes(List<Path> paths, List<TimeOffset> offsets, Path output, PrintWriter out,
            PrintWriter err) {
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
