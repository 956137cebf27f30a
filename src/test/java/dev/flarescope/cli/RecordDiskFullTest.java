package dev.flarescope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flarescope.io.TraceLoader;
import dev.flarescope.model.Trace;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code record} when the disk fills up while it writes: the output stays a valid trace holding the
 * first events, whole, and the command says so in one line.
 */
class RecordDiskFullTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path DEV_FULL = Path.of("/dev/full");

    @TempDir
    Path dir;

    private static String span(long seq) {
        return "{\"ph\":\"X\",\"name\":\"step\",\"pid\":7,\"tid\":1,\"ts\":" + seq * 10 + ",\"dur\":1,\"args\":{\"seq\":" + seq + "}}\n";
    }

    private Trace trace(int events) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int s = 1; s <= events; s++) {
            sb.append(span(s));
        }
        Path in = dir.resolve("in.jsonl");
        Files.writeString(in, sb);
        TraceLoader.Result r = TraceLoader.load(List.of(in));
        assertEquals(events, r.trace().events());
        return r.trace();
    }

    /**
     * A disk that takes {@code room} bytes and then fails for real: everything after goes to /dev/full,
     * where the kernel answers ENOSPC, as a full disk does. A write that does not fit is written in
     * part, as the kernel does, before it fails.
     */
    private static UnaryOperator<OutputStream> diskWithRoomFor(long room) {
        return file -> new FilterOutputStream(file) {
            private long taken;

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                int fits = (int) Math.min(len, room - taken);
                out.write(b, off, fits);
                taken += fits;
                if (fits < len) {
                    try (OutputStream full = new FileOutputStream(DEV_FULL.toFile())) {
                        full.write(b, off + fits, len - fits);
                        full.flush();
                    }
                }
            }
        };
    }

    @Test
    void aDiskThatFillsUpLeavesAValidTraceOfTheFirstCompleteEvents() throws Exception {
        assumeTrue(Files.isWritable(DEV_FULL), "needs /dev/full (Linux)");
        Trace trace = trace(3_000);
        Path whole = dir.resolve("whole.json");
        RecordCommand.Written all = RecordCommand.write(trace, whole, UnaryOperator.identity());
        assertNull(all.failure());
        assertEquals(3_000, all.events());
        byte[] wholeBytes = Files.readAllBytes(whole);
        assertTrue(wholeBytes.length > 200_000, "the trace is larger than a few write buffers");

        long room = 150_000;
        Path out = dir.resolve("out.json");
        RecordCommand.Written cut = RecordCommand.write(trace, out, diskWithRoomFor(room));
        assertNotNull(cut.failure());
        assertTrue(cut.failure().getMessage().contains("No space left on device"), cut.failure().getMessage());

        // counted from the complete file, independently: events that end within the bytes the disk took,
        // and within those bytes less one write buffer (64 KB), the most that is given up with the write
        // that failed in part
        long fitting = eventsEndingBefore(wholeBytes, room);
        long fittingWholeBuffers = eventsEndingBefore(wholeBytes, room - (64 << 10));
        long n = cut.events();
        assertTrue(n >= fittingWholeBuffers && n <= fitting, n + " not within " + fittingWholeBuffers + ".." + fitting);
        assertTrue(n > 1_000, "most of what fitted is kept: " + n);

        // the file is valid JSON, and its events are the first n of the complete file, whole
        JsonNode written = JSON.readTree(out.toFile());
        JsonNode expected = JSON.readTree(whole.toFile());
        assertEquals(n, written.get("traceEvents").size());
        for (int i = 0; i < n; i++) {
            assertEquals(expected.get("traceEvents").get(i), written.get("traceEvents").get(i), "event " + i);
        }
        TraceLoader.Result back = TraceLoader.load(List.of(out));
        assertTrue(back.failures().isEmpty(), back.failures().toString());
        assertEquals(n, back.trace().events());
        assertEquals(0, back.trace().inputs().get(0).malformedLines());
        try (var files = Files.list(dir)) {
            assertEquals(List.of(), files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList());
        }
    }

    @Test
    void aDiskFullBeforeTheFirstEventLeavesAnEmptyValidTrace() throws Exception {
        assumeTrue(Files.isWritable(DEV_FULL), "needs /dev/full (Linux)");
        Path out = dir.resolve("out.json");
        RecordCommand.Written cut = RecordCommand.write(trace(10), out, diskWithRoomFor(0));
        assertEquals(0, cut.events());
        assertEquals("{\"traceEvents\":[]}\n", Files.readString(out));
    }

    /**
     * The whole command on a small file system that fills up, such as a 64 KB tmpfs (mounting one needs
     * root, so this runs only when {@code -Dflarescope.smallfs=/mnt/small} names one):
     * {@code mkdir -p /tmp/small && mount -t tmpfs -o size=64k tmpfs /tmp/small}.
     */
    @Test
    void recordOnASmallFileSystemStopsWithOneLineAndAValidTrace() throws Exception {
        String small = System.getProperty("flarescope.smallfs");
        assumeTrue(small != null && Files.isDirectory(Path.of(small)), "set -Dflarescope.smallfs to a small mounted file system");
        StringBuilder sb = new StringBuilder();
        for (int s = 1; s <= 5_000; s++) {
            sb.append(span(s));
        }
        Path frags = Files.createDirectories(dir.resolve("frags"));
        Files.writeString(frags.resolve("t.jsonl"), sb);
        Path out = Path.of(small).resolve("capture-" + System.nanoTime() + ".json");
        try {
            CliRun run = CliRun.run("record", "--follow", frags.toString(), "-o", out.toString(), "--max-events", "5000");
            assertEquals(Cli.USAGE, run.code(), run.out() + run.err());
            String[] lines = run.errLines();
            String last = lines[lines.length - 1];
            long n = JSON.readTree(out.toFile()).get("traceEvents").size();
            assertTrue(n > 0 && n < 5_000, "n = " + n);
            assertEquals("flarescope: disk full while writing " + out + " after " + n + " events; " + out
                    + " holds the first " + n + " complete events", last);
            TraceLoader.Result back = TraceLoader.load(List.of(out));
            assertEquals(n, back.trace().events());
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** How many event lines of a complete output end (their closing brace) within its first {@code limit} bytes. */
    private static long eventsEndingBefore(byte[] whole, long limit) {
        String text = new String(whole, StandardCharsets.UTF_8);
        String[] lines = text.split("\n");
        long pos = lines[0].length() + 1;
        long n = 0;
        for (int i = 1; i < lines.length && lines[i].startsWith("{"); i++) {
            String l = lines[i];
            long end = pos + (l.endsWith(",") ? l.length() - 1 : l.length());
            if (end > limit) {
                break;
            }
            n++;
            pos += l.length() + 1;
        }
        return n;
    }
}
