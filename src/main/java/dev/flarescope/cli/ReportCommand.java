package dev.flarescope.cli;

import dev.flarescope.io.TraceLoader;
import dev.flarescope.model.Severity;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.Model.CommandSpec;

/** {@code flarescope report}: loads traces and prints what is in them, as text or JSON. */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Summarise traces: inputs, processes, events by phase, span statistics, requests and "
                + "findings.", "Unreadable inputs are listed on stderr; the others are still reported."})
final class ReportCommand implements Callable<Integer> {
    static final int DEFAULT_TOP = 30;

    @Option(names = "--json", description = "Print one JSON document instead of text tables.")
    boolean json;

    @Option(names = "--fail-on", paramLabel = "error|warning", converter = SeverityConverter.class,
            description = "Exit with 1 when a finding is at least this severe.")
    Severity failOn;

    @Option(names = "--offset", paramLabel = "PATH=TIME", converter = TimeOffset.Converter.class,
            description = "Shift the times of one input, e.g. trace.json=+12.5ms (units ns, us, ms, s). Repeatable.")
    List<TimeOffset> offsets = new ArrayList<>();

    @Option(names = "--top", paramLabel = "N",
            description = "Rows per table (default: " + DEFAULT_TOP + " in text, all in JSON).")
    Integer top;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Trace files or folders of fragments.")
    List<Path> paths;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (top != null && top < 0) {
            throw new ParameterException(spec.commandLine(), "--top must not be negative");
        }
        TraceLoader.Result loaded = Inputs.load(paths, offsets, err);
        if (loaded.allFailed()) {
            return Cli.USAGE;
        }
        TraceReport report = TraceReport.of(loaded);
        if (json) {
            JsonReport.write(report, top, out);
        } else {
            TextReport.write(report, top == null ? DEFAULT_TOP : top, out);
        }
        if (!loaded.failures().isEmpty()) {
            return Cli.USAGE;
        }
        return failOn != null && report.reaches(failOn) ? Cli.FINDINGS : Cli.OK;
    }

    /** Accepts error, warning or info in any case. */
    static final class SeverityConverter implements ITypeConverter<Severity> {
        @Override
        public Severity convert(String value) {
            try {
                return Severity.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + value + "': expected error, warning or info");
            }
        }
    }
}
