package dev.flarescope.cli;

import dev.flarescope.analysis.AnalysisOptions;
import dev.flarescope.analysis.requests.PhaseMapping;
import dev.flarescope.format.InputException;
import dev.flarescope.io.TraceLoader;
import dev.flarescope.model.Severity;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code flarescope report}: loads traces, analyses their requests and prints what is in them, as text or JSON. */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Summarise traces: inputs, processes, events by phase, span statistics, request timelines "
                + "with their latency numbers, and the findings of the anomaly rules (docs/anomalies.md).",
                "Unreadable inputs are listed on stderr; the others are still reported."},
        footerHeading = "%nThresholds (--threshold NAME=VALUE; defaults shown):%n")
final class ReportCommand implements Callable<Integer> {
    static final int DEFAULT_TOP = 30;

    @Option(names = "--json", description = "Print one JSON document instead of text tables.")
    boolean json;

    @Option(names = "--fail-on", paramLabel = "error|warning", converter = SeverityConverter.class,
            description = "Exit with 1 when a finding is at least this severe (a CI gate).")
    Severity failOn;

    @Option(names = "--offset", paramLabel = "PATH=TIME", converter = TimeOffset.Converter.class,
            description = "Shift the times of one input, e.g. trace.json=+12.5ms (units ns, us, ms, s). Repeatable.")
    List<TimeOffset> offsets = new ArrayList<>();

    @Option(names = "--phase-mapping", paramLabel = "FILE",
            description = "JSON file mapping event names to request phases, tried before the built-in rules: "
                    + "{\"phases\": {\"name or regex\": \"queue|prefill|kv_transfer|decode|start|token|end|none\"}}.")
    Path phaseMapping;

    @Option(names = "--threshold", paramLabel = "NAME=VALUE", converter = ThresholdSetting.Converter.class,
            description = "Set a rule threshold, e.g. default-ceiling-tps=800. Repeatable; names are listed below.")
    List<ThresholdSetting> thresholds = new ArrayList<>();

    @Option(names = "--top", paramLabel = "N",
            description = "Rows per table and requests shown in detail (default: " + DEFAULT_TOP
                    + " in text; JSON lists every request and finding, and N span statistics rows).")
    Integer top;

    @Option(names = "--timings", description = "Print how long each phase took (load, statistics, analysis, "
            + "output) on stderr.")
    boolean timings;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Trace files or folders of fragments.")
    List<Path> paths;

    private CommandSpec spec;

    /** Picocli hands over the command's model here; the threshold list in the help comes from the rules. */
    @Spec
    void spec(CommandSpec spec) {
        this.spec = spec;
        spec.usageMessage().footer(ThresholdSetting.help());
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (top != null && top < 0) {
            throw new ParameterException(spec.commandLine(), "--top must not be negative");
        }
        AnalysisOptions options = AnalysisOptions.defaults().withThresholds(ThresholdSetting.apply(thresholds));
        if (phaseMapping != null) {
            try {
                options = options.withPhaseMapping(PhaseMapping.load(phaseMapping));
            } catch (InputException e) {
                err.println("flarescope: " + e.userMessage());
                return Cli.USAGE;
            }
        }
        PhaseTimer timer = timings ? new PhaseTimer(err) : PhaseTimer.OFF;
        TraceLoader.Result loaded = Inputs.load(paths, offsets, err);
        timer.lap("load (read and assemble)");
        if (loaded.allFailed()) {
            return Cli.USAGE;
        }
        TraceReport report = TraceReport.of(loaded, options, timer);
        if (json) {
            JsonReport.write(report, top, out);
        } else {
            TextReport.write(report, top == null ? DEFAULT_TOP : top, out);
        }
        out.flush();
        timer.lap("output");
        timer.total();
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
