package dev.flarescope.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A trace larger than the heap, loaded in a JVM started with {@value #HEAP}: the command line prints
 * one line that says how to give Java more memory and exits 2, and the app's load model shows that
 * line, keeps the trace it had and loads the next one normally.
 */
class SmallHeapTest {
    static final String HEAP = "-Xmx48m";
    /** Events in the large trace: each has a name and args of its own, so nothing is shared. */
    static final int LARGE_EVENTS = 600_000;

    @TempDir
    static Path dir;
    static Path small;
    static Path large;

    @BeforeAll
    static void traces() throws IOException {
        small = Files.writeString(dir.resolve("small.json"), "[" + HostileShapesTest.GOOD + "]");
        large = dir.resolve("large.json");
        StringBuilder sb = new StringBuilder(LARGE_EVENTS * 120).append('[');
        for (int i = 0; i < LARGE_EVENTS; i++) {
            sb.append(i == 0 ? "" : ",\n").append("{\"name\":\"span-").append(i).append("\",\"ph\":\"X\",\"ts\":")
                    .append(i).append(",\"dur\":1,\"pid\":1,\"tid\":").append(i % 64)
                    .append(",\"args\":{\"request\":\"req-").append(i).append("-").append(i * 7919L).append("\"}}");
        }
        Files.writeString(large, sb.append(']'), StandardCharsets.UTF_8);
    }

    @Test
    void theCommandLinePrintsOneLineAndExitsTwo() throws Exception {
        Run r = java("dev.flarescope.Launcher", "report", large.toString());
        assertEquals(2, r.exit, r.stderr);
        List<String> lines = r.stderr.lines().filter(l -> !l.isBlank()).toList();
        assertEquals(1, lines.size(), r.stderr);
        assertTrue(lines.get(0).matches("flarescope: \\S+large\\.json: too large for \\d+ MB of heap; run with "
                + "-Xmx\\d+m or more \\(bin/flarescope reads FLARESCOPE_JAVA_OPTS=-Xmx\\d+m\\)"), lines.get(0));
        assertFalse(r.stderr.contains("OutOfMemoryError") || r.stderr.contains("\tat "), r.stderr);
    }

    @Test
    void theAppShowsTheMessageKeepsItsTraceAndLoadsTheNextOne() throws Exception {
        Run r = java(SmallHeapLoad.class.getName(), small.toString(), large.toString());
        assertEquals(0, r.exit, r.stderr);
        List<String> lines = r.stdout.lines().toList();
        assertEquals(3, lines.size(), r.stdout + r.stderr);
        assertEquals("LOADED|null|[" + small + "]|1", lines.get(0));
        String[] failed = lines.get(1).split("\\|");
        assertEquals("NOTHING_LOADED", failed[0]);
        assertTrue(failed[1].startsWith(large + ": too large for "), failed[1]);
        assertEquals("[" + small + "]", failed[2], "the previous trace stays");
        assertEquals("LOADED|null|[" + small + "]|1", lines.get(2));
    }

    private record Run(int exit, String stdout, String stderr) {
    }

    private static Run java(String main, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                HEAP, "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), main));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the JVM with " + HEAP + " did not finish in 120 s");
        }
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }
}
