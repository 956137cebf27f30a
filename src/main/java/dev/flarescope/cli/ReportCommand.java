package dev.flarescope.cli;

import dev.flarescope.analysis.AnalysisOptions;
import dev.flarescope.analysis.requests.PhaseMapping;
import dev.flarescope.format.InputException;
import dev.flarescope.io.TraceLoader;
import dev.flarescope.model.Severity;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/** {@code flarescope report}: loads traces, analyses their requests and prints what is in them, as text or JSON. */
final class ReportCommand implements Subcommand {
    static final int DEFAULT_TOP = 30;

    private static final Option JSON = Option.flag("--json", "Print one JSON document instead of text tables.");
    private static final Option FAIL_ON = Option.value("--fail-on", "error|warning",
            "Exit with 1 when a finding is at least this severe (a CI gate).");
    private static final Option OFFSET = Option.value("--offset", "PATH=TIME",
            "Shift the times of one input, e.g. trace.json=+12.5ms (units ns, us, ms, s). Repeatable.").repeatable();
    private static final Option PHASE_MAPPING = Option.value("--phase-mapping", "FILE",
            "JSON file mapping event names to request phases, tried before the built-in rules: "
                    + "{\"phases\": {\"name or regex\": \"queue|prefill|kv_transfer|decode|start|token|end|none\"}}.");
    private static final Option THRESHOLD = Option.value("--threshold", "NAME=VALUE",
            "Set a rule threshold, e.g. default-ceiling-tps=800. Repeatable; names are listed below.").repeatable();
    private static final Option TOP = Option.value("--top", "N", "Rows per table and requests shown in detail (default: "
            + DEFAULT_TOP + " in text; JSON lists every request and finding, and N span statistics rows).");
    private static final Option TIMINGS = Option.flag("--timings",
            "Print how long each phase took (load, statistics, analysis, output) on stderr.");

    /** The threshold list in the help comes from the rules. */
    private static final CommandSpec SPEC = FlarescopeCommand.subcommand("report",
                    "Summarise traces: inputs, processes, events by phase, span statistics, request timelines "
                            + "with their latency numbers, and the findings of the anomaly rules (docs/anomalies.md).",
                    "Unreadable inputs are listed on stderr; the others are still reported.")
            .options(JSON, FAIL_ON, OFFSET, PHASE_MAPPING, THRESHOLD, TOP, TIMINGS)
            .parameter(Parameter.oneOrMore("PATH", "Trace files or folders of fragments."))
            .footer("Thresholds (--threshold NAME=VALUE; defaults shown):", new ThresholdHelp());

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public int run(Arguments args, PrintWriter out, PrintWriter err) throws IOException {
        boolean json = args.has(JSON);
        Severity failOn = args.value(FAIL_ON, new SeverityConverter());
        List<TimeOffset> offsets = args.values(OFFSET, new TimeOffset.Converter());
        Path phaseMapping = args.value(PHASE_MAPPING, Converters.PATH);
        List<ThresholdSetting> thresholds = args.values(THRESHOLD, new ThresholdSetting.Converter());
        Integer top = args.value(TOP, Converters.INT);
        boolean timings = args.has(TIMINGS);
        List<Path> paths = args.parameters(Converters.PATH);
        if (top != null && top < 0) {
            throw new UsageException("--top must not be negative");
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

    /** The thresholds' help, made from the rules when help is printed (a class, not a lambda: nothing to link at start-up). */
    private static final class ThresholdHelp implements Supplier<String[]> {
        @Override
        public String[] get() {
            return ThresholdSetting.help();
        }
    }

    /** Accepts error, warning or info in any case. */
    static final class SeverityConverter implements ValueConverter<Severity> {
        @Override
        public Severity convert(String value) {
            try {
                return Severity.parse(value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + value + "': expected error, warning or info");
            }
        }
    }
}
