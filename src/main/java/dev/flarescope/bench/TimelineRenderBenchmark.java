package dev.flarescope.bench;

import dev.flarescope.io.TraceLoader;
import dev.flarescope.model.ProcessTrack;
import dev.flarescope.model.SpanTable;
import dev.flarescope.model.ThreadTrack;
import dev.flarescope.model.Trace;
import dev.flarescope.ui.render.timeline.TimelineFrame;
import dev.flarescope.ui.render.timeline.TimelineRenderer;
import dev.flarescope.ui.viewmodel.TimeRange;
import dev.flarescope.ui.viewmodel.TimelineLayout;
import dev.flarescope.ui.viewmodel.TraceDensity;
import dev.flarescope.ui.viewmodel.TraceSession;
import dev.flarescope.ui.viewmodel.ViewportMath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import javafx.application.Platform;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.WritableImage;

/**
 * Frame benchmark of the timeline: generates a serving-stack trace with {@link TraceGenerator}, loads it,
 * and draws frames off-screen with the real {@link TimelineRenderer} at several zoom levels (whole trace,
 * 10%, 1%, 0.01%, one span), printing milliseconds per frame (median and p90 after warm-up).
 *
 * <p>A frame is measured whole: the renderer call (which records drawing commands into the canvas) plus
 * a {@code Canvas.snapshot}, which makes the software pipeline rasterise those commands into pixels. Both
 * parts are printed. It runs without a display on Monocle's headless platform, which needs the Monocle
 * jar (a test dependency) on the class path:
 *
 * <pre>
 * mvn -q -o compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/tmp/cp.txt
 * java -Xmx6g -cp target/classes:$(cat /tmp/cp.txt) dev.flarescope.bench.TimelineRenderBenchmark \
 *      [--events 1m] [--file PATH] [--frames 30] [--warmup 15] [--width 1600] [--height 900]
 * </pre>
 */
public final class TimelineRenderBenchmark {
    private TimelineRenderBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long events = 1_000_000;
        Path file = null;
        int frames = 30;
        int warmup = 15;
        int width = 1600;
        int height = 900;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--events" -> events = Counts.parse(args[++i]);
                case "--file" -> file = Path.of(args[++i]);
                case "--frames" -> frames = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--width" -> width = Integer.parseInt(args[++i]);
                case "--height" -> height = Integer.parseInt(args[++i]);
                case "-h", "--help" -> {
                    System.out.println("usage: TimelineRenderBenchmark [--events N] [--file PATH] [--frames K] "
                            + "[--warmup K] [--width W] [--height H]");
                    return;
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        headless();
        Trace trace = load(file, events);
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        int w = width;
        int h = height;
        int n = frames;
        int warm = warmup;
        FutureTask<Void> run = new FutureTask<>(() -> {
            measure(trace, w, h, n, warm);
            return null;
        });
        Platform.runLater(run);
        run.get();
        Platform.exit();
    }

    /** Selects Monocle's headless platform and the software pipeline unless the caller chose otherwise. */
    private static void headless() {
        System.setProperty("glass.platform", System.getProperty("glass.platform", "Monocle"));
        System.setProperty("monocle.platform", System.getProperty("monocle.platform", "Headless"));
        System.setProperty("prism.order", System.getProperty("prism.order", "sw"));
        System.setProperty("prism.text", System.getProperty("prism.text", "t2k"));
        System.setProperty("java.awt.headless", "true");
    }

    private static Trace load(Path file, long events) throws Exception {
        Path input = file;
        if (input == null) {
            input = Files.createTempFile("flarescope-render-", ".json");
            long t0 = System.nanoTime();
            TraceGenerator.write(input, TraceLayout.JSON, events, 42);
            System.out.printf(Locale.ROOT, "generated %,d events (%.1f MB) in %.1f s%n", events,
                    Files.size(input) / 1e6, (System.nanoTime() - t0) / 1e9);
        }
        try {
            long t0 = System.nanoTime();
            Trace trace = TraceLoader.load(List.of(input)).trace();
            System.out.printf(Locale.ROOT, "loaded %,d events, %,d spans in %.1f s%n", trace.events(),
                    trace.spanCount(), (System.nanoTime() - t0) / 1e9);
            return trace;
        } finally {
            if (file == null) {
                Files.deleteIfExists(input);
            }
        }
    }

    private static void measure(Trace trace, int width, int height, int frames, int warmup) {
        long t0 = System.nanoTime();
        TimelineLayout layout = TimelineLayout.of(trace);
        TraceDensity density = TraceDensity.of(trace, 600);
        TimelineRenderer renderer = new TimelineRenderer(trace);
        System.out.printf(Locale.ROOT, "layout + mini-map density + renderer: %.0f ms%n", (System.nanoTime() - t0) / 1e6);
        Canvas canvas = new Canvas(width, height);
        WritableImage image = new WritableImage(width, height);
        System.out.printf(Locale.ROOT, "%-22s %12s %12s %12s %12s%n", "zoom (" + width + "x" + height + ")",
                "render p50", "render p90", "frame p50", "frame p90");
        for (Map.Entry<String, TimeRange> zoom : zoomLevels(trace).entrySet()) {
            TimeRange v = zoom.getValue();
            long jitter = Math.max(1, v.duration() / 1000);
            double[] render = new double[frames];
            double[] total = new double[frames];
            for (int k = -warmup; k < frames; k++) {
                // alternate by a tiny pan so that no frame repeats the previous one exactly
                TimeRange shifted = ViewportMath.pan(v, (k & 1) == 0 ? jitter : -jitter, TraceSession.bounds(trace));
                TimelineFrame f = TimelineFrame.plain(layout, shifted, width, height, density);
                long a = System.nanoTime();
                renderer.render(canvas.getGraphicsContext2D(), f);
                long b = System.nanoTime();
                canvas.snapshot(null, image);
                long c = System.nanoTime();
                if (k >= 0) {
                    render[k] = (b - a) / 1e6;
                    total[k] = (c - a) / 1e6;
                }
            }
            System.out.printf(Locale.ROOT, "%-22s %9.2f ms %9.2f ms %9.2f ms %9.2f ms%n", zoom.getKey(),
                    pct(render, 50), pct(render, 90), pct(total, 50), pct(total, 90));
        }
    }

    /** Whole trace, then 10%, 1% and 0.01% of it around the middle, then one span in the middle. */
    static Map<String, TimeRange> zoomLevels(Trace trace) {
        TimeRange all = TraceSession.bounds(trace);
        long mid = all.start() + all.duration() / 2;
        Map<String, TimeRange> levels = new LinkedHashMap<>();
        levels.put("whole trace", all);
        for (double f : new double[] {0.1, 0.01, 0.0001}) {
            long w = Math.max(ViewportMath.MIN_WIDTH_NS, Math.round(all.duration() * f));
            levels.put(String.format(Locale.ROOT, "%s%%", trimmed(f * 100)),
                    ViewportMath.clamp(new TimeRange(mid - w / 2, mid - w / 2 + w), all));
        }
        long[] span = spanNear(trace, mid);
        if (span != null) {
            levels.put("one span", ViewportMath.fit(span[0], span[1], 0.1, all));
        }
        return levels;
    }

    /** The depth-0 span of the busiest thread that ends first after {@code t}, as {start, end}. */
    private static long[] spanNear(Trace trace, long t) {
        SpanTable best = null;
        for (ProcessTrack p : trace.processes()) {
            for (ThreadTrack th : p.threads()) {
                if (best == null || th.spans().size() > best.size()) {
                    best = th.spans();
                }
            }
        }
        if (best == null || best.maxDepth() < 0) {
            return null;
        }
        int[] row = best.rows()[0];
        int k = Math.min(row.length - 1, best.firstEndingAfter(row, t));
        return new long[] {best.start(row[k]), best.end(row[k])};
    }

    private static String trimmed(double v) {
        String s = String.format(Locale.ROOT, "%.4f", v);
        return s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    private static double pct(double[] ms, int p) {
        double[] s = ms.clone();
        Arrays.sort(s);
        int i = (int) Math.ceil(p / 100.0 * s.length) - 1;
        return s[Math.max(0, Math.min(s.length - 1, i))];
    }
}
