package dev.flarescope.cli;

import dev.flarescope.format.OutputFiles;
import dev.flarescope.io.TraceLoader;
import dev.flarescope.model.Trace;
import dev.flarescope.notes.Note;
import dev.flarescope.ui.export.ExportView;
import dev.flarescope.ui.export.HeadlessToolkit;
import dev.flarescope.ui.export.OffscreenView;
import dev.flarescope.ui.export.PngFiles;
import dev.flarescope.ui.export.ViewPicture;
import dev.flarescope.ui.viewmodel.TimeRange;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.image.WritableImage;

/**
 * {@code flarescope export-png}: a view of traces as a PNG, drawn by the app's own views with software
 * rendering and no display, with the header band, the notes of the inputs' sidecars and the findings.
 * For bug reports written by scripts and for CI artefacts.
 */
final class ExportPngCommand implements Subcommand {
    private static final int DEFAULT_WIDTH = 1600;
    private static final int DEFAULT_HEIGHT = 900;

    private static final Option VIEW = Option.value("--view", "VIEW",
            "timeline, flame, phases, findings, dashboard or statistics (default: timeline).");
    private static final Option RANGE = Option.value("--range", "START..END",
            "Time to show, from the trace's start, e.g. 1.2s..1.5s (units ns, us, ms, s)."
                    + " The flame graph and statistics summarise that time. Default: the whole trace.");
    private static final Option WIDTH = Option.value("--width", "PX",
            "Width in logical pixels (default: " + DEFAULT_WIDTH + ").");
    private static final Option HEIGHT = Option.value("--height", "PX",
            "Height in logical pixels, header included (default: " + DEFAULT_HEIGHT + ").");
    private static final Option SCALE = Option.value("--scale", "N",
            "Pixels per logical pixel: 2 for sharp pictures on high-density screens (default: 1).");
    private static final Option OFFSET = Option.value("--offset", "PATH=TIME",
            "Shift the times of one input, e.g. trace.json=+12.5ms (units ns, us, ms, s). Repeatable.").repeatable();
    private static final Option OUTPUT = Option.value("--output", "OUT.png", "File to write.").shortName("-o").required();

    private static final CommandSpec SPEC = FlarescopeCommand.subcommand("export-png",
                    "Render a view of traces to a PNG file, with no display (software rendering).",
                    "The picture has a header (inputs, time shown, TTFT p50/p99, decode tok/s, finding counts),"
                            + " the notes saved beside the inputs, and the findings. The timeline scrolls to the"
                            + " thread of the first note pinned to a span in the time shown.")
            .options(VIEW, RANGE, WIDTH, HEIGHT, SCALE, OFFSET, OUTPUT)
            .parameter(Parameter.oneOrMore("PATH", "Trace files or folders of fragments."));

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    /** An option value this command refuses, worded as the parser words its own refusals. */
    private static int usage(PrintWriter err, String message) {
        err.println(SPEC.name() + ": " + message + " (see '" + SPEC.name() + " --help')");
        return Cli.USAGE;
    }

    @Override
    public int run(Arguments args, PrintWriter out, PrintWriter err) throws Exception {
        ExportView view = args.value(VIEW, new ViewConverter(), ExportView.TIMELINE);
        TimeWindow range = args.value(RANGE, new TimeWindow.Converter());
        int width = args.value(WIDTH, Converters.INT, DEFAULT_WIDTH);
        int height = args.value(HEIGHT, Converters.INT, DEFAULT_HEIGHT);
        double scale = args.value(SCALE, Converters.DOUBLE, 1.0);
        List<TimeOffset> offsets = args.values(OFFSET, new TimeOffset.Converter());
        Path output = args.value(OUTPUT, Converters.PATH);
        List<Path> paths = args.parameters(Converters.PATH);
        if (width < 200 || height < 200) {
            return usage(err, "--width and --height must be at least 200 pixels");
        }
        if (!(scale >= 0.5 && scale <= 4)) {
            return usage(err, "--scale must be between 0.5 and 4");
        }
        try {
            ViewPicture.checkSize(width, height, scale);
        } catch (IllegalArgumentException e) {
            return usage(err, e.getMessage());
        }
        TraceLoader.Result loaded = Inputs.load(paths, offsets, err);
        Trace trace = loaded.trace();
        if (trace.inputs().isEmpty()) {
            err.println("flarescope: nothing written: no input could be read");
            return Cli.USAGE;
        }
        TimeRange shown = null;
        if (range != null) {
            TimeRange bounds = new TimeRange(trace.minTs(), Math.max(trace.maxTs(), trace.minTs() + 1));
            if (range.fromNs() >= bounds.duration()) {
                return usage(err, "--range starts after the trace ends (the trace lasts " + Units.ms(bounds.duration())
                        + " ms)");
            }
            shown = new TimeRange(bounds.start() + range.fromNs(), bounds.start() + range.toNs());
        }
        List<Note> notes = Inputs.notes(paths, offsets, err).notes();
        double viewHeight = ViewPicture.viewHeight(height, view.drawsNotes() ? 0 : notes.size());
        if (viewHeight < 100) {
            return usage(err, "--height " + height + " leaves " + Math.round(viewHeight)
                    + " pixels for the view under the header and the list of " + notes.size()
                    + " notes; give at least " + Math.round(height - viewHeight + 100));
        }
        List<String> inputs = paths.stream().map(Path::toString).toList();
        TimeRange window = shown;
        HeadlessToolkit.start();
        OffscreenView offscreen = HeadlessToolkit.call(
                () -> new OffscreenView(view, trace, inputs, window, notes, width, height));
        HeadlessToolkit.settle();
        WritableImage picture = HeadlessToolkit.call(() -> offscreen.render(scale));
        try {
            PngFiles.write(picture, output);
        } catch (IOException e) {
            err.println("flarescope: cannot write " + output + ": " + OutputFiles.describe(e));
            return Cli.USAGE;
        }
        int findings = offscreen.findingCount();
        out.println("wrote " + output + " (" + (int) picture.getWidth() + " x " + (int) picture.getHeight()
                + " px): " + view.id() + ", " + notes.size() + " note(s), " + findings + " finding(s)");
        return Cli.OK;
    }

    /** {@code --view}: one of the views the command line renders. */
    static final class ViewConverter implements ValueConverter<ExportView> {
        @Override
        public ExportView convert(String value) {
            return ExportView.parseHeadless(value);
        }
    }
}
