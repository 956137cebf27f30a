package dev.flarescope.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarescope.model.Diagnostic;
import dev.flarescope.model.InputSummary;
import dev.flarescope.model.Trace;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Chrome JSON array read in parallel chunks reports the lines a sequential read reports: each chunk
 * numbers its lines from 1 and is moved once the chunks before it are read. The lines checked are the
 * ones the model keeps (skipped events, an E that closed nothing) and were worked out while writing
 * the file, so the check does not lean on either read.
 */
class ParallelLineNumbersTest {
    private static final int EVENTS = 120_000; // about 12 MB: over the size that is read in parallel

    @Test
    void skippedEventsAndUnmatchedEndsKeepTheirLinesInEveryChunk(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("lines.json");
        long[] expected = write(file); // {malformed line, unmatched E line}, both in the last quarter
        for (int parallelism : new int[] {1, 2, 4}) {
            Trace t = TraceLoader.load(List.of(file), new TraceLoader.Options(java.util.Map.of(), parallelism,
                    TraceLoader.Listener.NONE, new AtomicBoolean())).trace();
            InputSummary in = t.inputs().get(0);
            assertEquals(1, in.malformedLines(), "parallelism " + parallelism);
            assertEquals(expected[0], in.problems().get(0).line(), "skipped event, parallelism " + parallelism);
            Diagnostic end = t.diagnostics().stream().filter(d -> d.kind().equals("unmatched-end")).findFirst()
                    .orElseThrow();
            assertEquals(expected[1], end.line(), "unmatched E, parallelism " + parallelism);
            assertTrue(end.message().startsWith("1 E event(s) closed no open B"), end.message());
        }
    }

    /**
     * One event per line after "[\n": balanced B/E pairs on thread 1, plus a broken event (a missing
     * comma) and an E on thread 2, which has no B, late in the file. Returns the lines of those two.
     */
    private static long[] write(Path file) throws IOException {
        long broken = -1;
        long loneEnd = -1;
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("[\n");
            long line = 2;
            for (int i = 0; i < EVENTS; i++) {
                if (i == EVENTS * 7 / 8) {
                    w.write("{\"ph\":\"X\",\"name\":\"broken\" \"ts\":1,\"pid\":1,\"tid\":1},\n");
                    broken = line++;
                }
                if (i == EVENTS * 15 / 16) {
                    w.write("{\"ph\":\"E\",\"ts\":" + (i * 10L) + ",\"pid\":1,\"tid\":2},\n");
                    loneEnd = line++;
                }
                String sep = i + 1 < EVENTS ? ",\n" : "\n";
                if (i % 2 == 0) {
                    w.write("{\"ph\":\"B\",\"name\":\"step\",\"ts\":" + (i * 10L) + ",\"pid\":1,\"tid\":1,"
                            + "\"args\":{\"pad\":\"" + "x".repeat(40) + "\"}}" + sep);
                } else {
                    w.write("{\"ph\":\"E\",\"ts\":" + (i * 10L + 5) + ",\"pid\":1,\"tid\":1}" + sep);
                }
                line++;
            }
            w.write("]\n");
        }
        assertTrue(Files.size(file) > 8L << 20, "large enough to be split: " + Files.size(file));
        return new long[] {broken, loneEnd};
    }
}
