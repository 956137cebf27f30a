package dev.flarescope.bench;

import dev.flarescope.analysis.Analysis;
import dev.flarescope.analysis.AnalysisOptions;
import dev.flarescope.analysis.AnalysisResult;
import dev.flarescope.analysis.flame.FlameOptions;
import dev.flarescope.analysis.flame.FlameScope;
import dev.flarescope.analysis.flame.FlameTree;
import dev.flarescope.analysis.flame.FlameTreeBuilder;
import dev.flarescope.analysis.stats.SpanStatistics;
import dev.flarescope.io.TraceLoader;
import dev.flarescope.model.Trace;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Load benchmark: how fast and how compactly a trace loads, next to the parse floor of the same file
 * (one pass of Jackson's bare tokenizer), measured in one run so the ratio holds on a noisy machine.
 *
 * <pre>
 * java -cp target/flarescope.jar dev.flarescope.bench.LoadBenchmark [--events N] [--file PATH]
 *      [--runs K] [--report-heap 256m] [--keep] [--in-process]
 * </pre>
 *
 * Without {@code --file} it generates a serving-stack trace of N events (default 1,000,000) with
 * {@link TraceGenerator}. For each of K runs it times, as separate JVMs (whole process against whole
 * process, JVM start included): the floor ({@link TokenizerFloor}) and {@code flarescope report} with
 * the given heap, with the JVM's default compilers, with the C1-only setting that {@code bin/flarescope}
 * gives the short commands, and with that and a class-data archive written by one untimed run first, as
 * {@code bin/flarescope} keeps one. Then, in this JVM, it loads the file once more and prints load time,
 * MB/s, events/s and retained heap bytes per event, then times the analysis {@code report} runs on top
 * of the load. {@code --in-process} skips the separate JVMs.
 */
public final class LoadBenchmark {
    /**
     * What bin/flarescope gives the short commands: C1 only (on few cores the C2 compiler threads compete
     * with the work for the CPU during a run of a few seconds), loops compiled after 1,000 rounds (much
     * of such a run is loops that run once over a large table) and the parallel collector (G1's
     * concurrent work costs a run that short more than it saves), which promotes what survives a second
     * collection instead of copying it between survivor spaces up to 15 times (a loaded trace lives to
     * the end of the run).
     */
    private static final List<String> CLI_VM = List.of("-XX:TieredStopAtLevel=1", "-XX:Tier3BackEdgeThreshold=1000",
            "-XX:+UseParallelGC", "-XX:MaxTenuringThreshold=1");
    /** Keeps CDS warnings, which the JVM prints on stdout, out of the measured runs. */
    private static final String CDS_QUIET = "-Xlog:cds=off,cds+dynamic=off";

    private LoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long events = 1_000_000;
        Path file = null;
        int runs = 3;
        String reportHeap = "256m";
        boolean keep = false;
        boolean inProcessOnly = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--events" -> events = Counts.parse(args[++i]);
                case "--file" -> file = Path.of(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--report-heap" -> reportHeap = args[++i];
                case "--keep" -> keep = true;
                case "--in-process" -> inProcessOnly = true;
                case "-h", "--help" -> {
                    System.out.println("usage: LoadBenchmark [--events N] [--file PATH] [--runs K] "
                            + "[--report-heap 256m] [--keep] [--in-process]");
                    return;
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        boolean generated = false;
        if (file == null) {
            file = Files.createTempFile("flarescope-bench-", ".json");
            long t0 = System.nanoTime();
            TraceGenerator.write(file, TraceLayout.JSON, events, 42);
            generated = true;
            System.out.printf(Locale.ROOT, "generated %,d events, %.1f MB in %.1f s: %s%n", events,
                    Files.size(file) / 1e6, (System.nanoTime() - t0) / 1e9, file);
        }
        try {
            double mb = Files.size(file) / 1e6;
            System.out.printf(Locale.ROOT, "input: %s (%.1f MB), %d cores%n", file, mb,
                    Runtime.getRuntime().availableProcessors());
            if (!inProcessOnly) {
                wholeProcess(file, runs, reportHeap, mb);
            }
            inProcess(file, mb);
        } finally {
            if (generated && !keep) {
                Files.deleteIfExists(file);
            }
        }
    }

    private static void wholeProcess(Path file, int runs, String heap, double mb) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("java.class.path");
        List<String> floorCmd = List.of(java, "-cp", cp, TokenizerFloor.class.getName(), file.toString());
        List<String> reportCmd = List.of(java, "-Xmx" + heap, "-cp", cp, "dev.flarescope.Launcher", "report",
                file.toString());
        List<String> c1Cmd = new ArrayList<>(reportCmd);
        c1Cmd.addAll(1, CLI_VM);
        // bin/flarescope also maps a class-data archive that its first run of the command wrote
        Path archive = Files.createTempFile("flarescope-report", ".jsa");
        Files.delete(archive);
        List<String> dumpCmd = new ArrayList<>(c1Cmd);
        dumpCmd.addAll(1, List.of("-XX:ArchiveClassesAtExit=" + archive, CDS_QUIET));
        time(dumpCmd);
        List<String> launcherCmd = new ArrayList<>(c1Cmd);
        launcherCmd.addAll(1, List.of("-XX:SharedArchiveFile=" + archive, CDS_QUIET));
        double[] floor = new double[runs];
        double[] report = new double[runs];
        double[] c1 = new double[runs];
        double[] launcher = new double[runs];
        try {
            for (int r = 0; r < runs; r++) {
                floor[r] = time(floorCmd);
                report[r] = time(reportCmd);
                c1[r] = time(c1Cmd);
                launcher[r] = time(launcherCmd);
                System.out.printf(Locale.ROOT, "run %d: floor %.2f s, report (-Xmx%s) %.2f s, ratio %.2f; with %s %.2f s, "
                        + "ratio %.2f; and the class-data archive %.2f s, ratio %.2f%n", r + 1, floor[r], heap, report[r],
                        report[r] / floor[r], String.join(" ", CLI_VM), c1[r], c1[r] / floor[r], launcher[r], launcher[r] / floor[r]);
            }
        } finally {
            Files.deleteIfExists(archive);
        }
        double f = median(floor);
        double rep = median(report);
        double c = median(c1);
        double lau = median(launcher);
        System.out.printf(Locale.ROOT, "median: floor %.2f s (%.0f MB/s), report %.2f s (%.0f MB/s), ratio %.2f "
                + "(target <= 1.5); with %s %.2f s, ratio %.2f%n", f, mb / f, rep, mb / rep, rep / f, String.join(" ", CLI_VM), c,
                c / f);
        System.out.printf(Locale.ROOT, "median as bin/flarescope runs it (%s, class-data archive): report %.2f s "
                + "(%.0f MB/s), ratio %.2f%n", String.join(" ", CLI_VM), lau, mb / lau, lau / f);
    }

    private static double time(List<String> cmd) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        if (!p.waitFor(30, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("timed out: " + String.join(" ", cmd));
        }
        double s = (System.nanoTime() - t0) / 1e9;
        if (p.exitValue() > 1) {
            throw new IllegalStateException("exit " + p.exitValue() + ": " + String.join(" ", cmd));
        }
        return s;
    }

    private static void inProcess(Path file, double mb) {
        long before = usedAfterGc();
        long t0 = System.nanoTime();
        TraceLoader.Result result = TraceLoader.load(List.of(file));
        double s = (System.nanoTime() - t0) / 1e9;
        Trace trace = result.trace();
        long after = usedAfterGc();
        long events = trace.events();
        System.out.printf(Locale.ROOT, "in-process load (-Xmx%dm): %.2f s, %.0f MB/s, %,.0f events/s, "
                        + "%,d events, %,d spans, retained %.1f MB = %.0f bytes/event%n",
                Runtime.getRuntime().maxMemory() >> 20, s, mb / s, events / s, events, trace.spanCount(),
                (after - before) / 1e6, (after - before) / (double) Math.max(1, events));
        if (!result.failures().isEmpty()) {
            System.out.println("failures: " + result.failures().get(0).userMessage());
        }
        analysis(trace, s);
        java.lang.ref.Reference.reachabilityFence(trace);
    }

    /** Times what {@code report} adds to a load: whole-trace flame tree, span statistics, requests and rules. */
    private static void analysis(Trace trace, double loadSeconds) {
        long t0 = System.nanoTime();
        FlameTree tree = FlameTreeBuilder.build(trace, FlameScope.all(trace), FlameOptions.DEFAULT);
        long t1 = System.nanoTime();
        SpanStatistics stats = SpanStatistics.of(trace);
        long t2 = System.nanoTime();
        AnalysisResult result = Analysis.run(trace, AnalysisOptions.defaults());
        long t3 = System.nanoTime();
        double total = (t3 - t0) / 1e9;
        System.out.printf(Locale.ROOT, "analysis: flame tree %.2f s (%,d nodes), statistics %.2f s (%,d names), "
                        + "requests and rules %.2f s (%,d requests, %,d findings); total %.2f s = %.2f of load time "
                        + "(target <= 0.5)%n",
                (t1 - t0) / 1e9, tree.size(), (t2 - t1) / 1e9, stats.rows().size(), (t3 - t2) / 1e9,
                result.requests().size(), result.findings().size(), total, total / loadSeconds);
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        var mem = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return mem.getUsed();
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
