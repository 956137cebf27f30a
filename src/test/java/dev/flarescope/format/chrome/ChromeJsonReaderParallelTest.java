package dev.flarescope.format.chrome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarescope.format.InputSource;
import dev.flarescope.format.RecordingSink;
import dev.flarescope.format.TestContext;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A parallel read must give exactly what a sequential read gives: same events in the same order with
 * the same offsets and lines, same reports. Files are generated so that split points land both on
 * event boundaries and inside strings and nested arrays that look like boundaries.
 */
class ChromeJsonReaderParallelTest {
    private static final int SIZE = 20 << 20;
    private static final String PAD = "p".repeat(120);

    /** Everything a read produced, in sink order. */
    private record Result(List<RecordingSink.Ev> events, List<RecordingSink.Malformed> malformed,
                          List<String> truncated, Map<String, String> metadata, int sinks, int discarded) {
    }

    private static Result read(Path file, int parallelism) throws Exception {
        try (TestContext ctx = new TestContext(parallelism)) {
            new ChromeJsonReader().read(InputSource.of(file), ctx);
            List<RecordingSink.Malformed> malformed = new ArrayList<>();
            List<String> truncated = new ArrayList<>();
            Map<String, String> metadata = new LinkedHashMap<>();
            for (RecordingSink s : ctx.sinks) {
                malformed.addAll(s.malformed);
                truncated.addAll(s.truncated);
                metadata.putAll(s.metadata);
            }
            if (ctx.discarded.isEmpty()) {
                assertEquals(Files.size(file), ctx.bytes, "progress adds up to the file size");
            } else {
                assertTrue(ctx.bytes >= Files.size(file), "discarded chunks' bytes are counted again");
            }
            return new Result(ctx.events(), malformed, truncated, metadata, ctx.sinks.size(), ctx.discarded.size());
        }
    }

    @Test
    void splitsOnEventBoundariesMatchSequentialRead(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("boundaries.json");
        int[] badLines = writeArrayWithTrickyEventsAwayFromSplits(file);
        Result sequential = read(file, 1);
        assertEquals(1, sequential.sinks());
        assertEquals(badLines.length, sequential.malformed().size());
        for (int i = 0; i < badLines.length; i++) {
            assertEquals(badLines[i], sequential.malformed().get(i).line(), "line of malformed event " + i);
        }
        for (int parallelism : new int[] {2, 4}) {
            Result parallel = read(file, parallelism);
            // 20 MiB is cut in quarters whether two or four threads read it
            assertEquals(4, ChromeJsonReader.chunks(SIZE, parallelism));
            assertEquals(4, parallel.sinks(), "every split verified");
            assertEquals(0, parallel.discarded());
            assertSame(sequential, parallel);
        }
    }

    @Test
    void cutsAFewChunksPerThreadWhileTheyStayLarge() {
        assertEquals(2, ChromeJsonReader.chunks(8L << 20, 2)); // the smallest parallel read: one per thread
        assertEquals(4, ChromeJsonReader.chunks(20L << 20, 2));
        assertEquals(8, ChromeJsonReader.chunks(110L << 20, 2)); // at most four per thread
        assertEquals(64, ChromeJsonReader.chunks(4L << 30, 16));
        assertEquals(3, ChromeJsonReader.chunks(9L << 20, 3));
    }

    @Test
    void splitsInsideStringsAndNestedArraysFallBackToSequential(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("traps.json");
        writeObjectWithTrapsAtSplits(file);
        Result sequential = read(file, 1);
        assertEquals(Map.of("displayTimeUnit", "\"ns\"", "otherData", "{\"after\":true}"), sequential.metadata());
        assertTrue(sequential.malformed().isEmpty());
        for (int parallelism : new int[] {2, 4}) {
            Result parallel = read(file, parallelism);
            assertTrue(parallel.discarded() > 0, "a split inside a value is detected");
            assertSame(sequential, parallel);
        }
    }

    private static void assertSame(Result expected, Result actual) {
        assertEquals(expected.events().size(), actual.events().size());
        for (int i = 0; i < expected.events().size(); i++) {
            assertEquals(expected.events().get(i), actual.events().get(i), "event " + i);
        }
        assertEquals(expected.malformed(), actual.malformed());
        assertEquals(expected.truncated(), actual.truncated());
        assertEquals(expected.metadata(), actual.metadata());
    }

    /**
     * One event per line; events whose args hold "},{" in strings and pretty-printed arrays of
     * objects are written only between 5% and 20% past each quarter, so that the first candidate
     * after every split point (at 25%, 50%, 75%) is a real boundary. A few events have syntax errors,
     * also away from splits. Returns their line numbers.
     */
    private static int[] writeArrayWithTrickyEventsAwayFromSplits(Path file) throws IOException {
        List<Integer> bad = new ArrayList<>();
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            long written = 1;
            int line = 1;
            w.write("[");
            for (int i = 0; written < SIZE; i++) {
                double quarterPos = (written % (SIZE / 4)) / (double) (SIZE / 4);
                boolean awayFromSplit = quarterPos > 0.05 && quarterPos < 0.20;
                String ev;
                if (awayFromSplit && i % 500 == 0) {
                    ev = "{\"ph\":\"X\" \"name\":\"broken\"}";
                    bad.add(line);
                } else if (awayFromSplit && i % 50 == 0) {
                    ev = "{\"ph\":\"i\",\"name\":\"tricky\",\"ts\":" + i + ",\"pid\":1,\"tid\":2,\"args\":{\"s\":\"a},{b}, {\","
                            + "\"list\":[\n  {\"k\":1},\n  {\"k\":2}\n]}}";
                    line += 3;
                } else {
                    ev = event(i);
                }
                String sep = written == 1 ? "" : ",\n";
                if (!sep.isEmpty()) {
                    line++;
                    if (ev.contains("broken")) {
                        bad.set(bad.size() - 1, line);
                    }
                }
                w.write(sep);
                w.write(ev);
                written += sep.length() + ev.length();
            }
            w.write("]\n");
        }
        return bad.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Object form whose split points fall in a long string full of "},{}" and in a long nested array of objects. */
    private static void writeObjectWithTrapsAtSplits(Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("{\"displayTimeUnit\":\"ns\",\"traceEvents\":[\n");
            long written = 40;
            boolean[] trapped = new boolean[4];
            for (int i = 0; written < SIZE; i++) {
                int quarter = (int) (written / (SIZE / 4));
                double quarterPos = (written % (SIZE / 4)) / (double) (SIZE / 4);
                String ev;
                if (quarter > 0 && quarter < 4 && quarterPos > 0.95 && !trapped[quarter]) {
                    trapped[quarter] = true;
                    ev = quarter == 2 ? nestedArrayTrap(i) : stringTrap(i);
                } else {
                    ev = event(i);
                }
                w.write(i == 0 ? "" : ",\n");
                w.write(ev);
                written += 2 + ev.length();
            }
            w.write("\n],\n\"otherData\":{\"after\":true}}\n");
        }
    }

    /** An event of about 1.6 MB whose args string is full of "},{}", which looks like an empty event. */
    private static String stringTrap(int i) {
        return "{\"ph\":\"I\",\"name\":\"blob\",\"ts\":" + i + ",\"args\":{\"text\":\"" + "x},{},{y".repeat(200_000) + "\"}}";
    }

    /** An event of about 1.5 MB whose args hold a pretty-printed array of small objects. */
    private static String nestedArrayTrap(int i) {
        StringBuilder sb = new StringBuilder("{\"ph\":\"O\",\"name\":\"snapshot\",\"id\":\"0x1\",\"ts\":" + i + ",\"args\":{\"rows\":[\n");
        for (int k = 0; k < 90_000; k++) {
            sb.append(k == 0 ? "" : ",\n").append("  {\"row\":").append(k).append('}');
        }
        return sb.append("\n]}}").toString();
    }

    private static String event(int i) {
        return "{\"ph\":\"X\",\"name\":\"op" + (i % 97) + "\",\"cat\":\"gpu\",\"pid\":1,\"tid\":" + (i % 7)
                + ",\"ts\":" + i + "." + (i % 1000) + ",\"dur\":" + (i % 50) + ",\"args\":{\"i\":" + i + ",\"pad\":\"" + PAD + "\"}}";
    }

    @Test
    void smallInputsAreReadSequentially(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("small.json");
        Files.writeString(file, "[" + event(1) + ",\n" + event(2) + "]");
        Result r = read(file, 4);
        assertEquals(1, r.sinks());
        assertEquals(2, r.events().size());
        assertFalse(r.events().get(0).equals(r.events().get(1)));
    }
}
