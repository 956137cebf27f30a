package dev.flarescope.format.chrome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarescope.format.InputSource;
import dev.flarescope.format.RecordingSink;
import dev.flarescope.format.RecordingSink.Ev;
import dev.flarescope.format.RecordingSink.Malformed;
import dev.flarescope.format.TestContext;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One event per line: line numbers, offsets and reports worked out by hand, and parallel reads against sequential. */
class ChromeJsonlReaderTest {
    private static final String A = "{\"ph\":\"B\",\"name\":\"a\",\"pid\":1,\"tid\":1,\"ts\":1}"; // 44 bytes
    private static final String B = "{\"ph\":\"E\",\"name\":\"a\",\"pid\":1,\"tid\":1,\"ts\":2}";

    private static RecordingSink read(String text) throws Exception {
        try (TestContext ctx = new TestContext()) {
            new ChromeJsonlReader().read(InputSource.of("t.jsonl", text.getBytes(StandardCharsets.UTF_8)), ctx);
            return ctx.sinks.get(0);
        }
    }

    @Test
    void eventsWithLinesAndOffsets() throws Exception {
        RecordingSink s = read(A + "\n\n  \n" + B + "\n");
        assertEquals(2, s.events.size());
        assertEquals(1, s.events.get(0).line());
        assertEquals(0, s.events.get(0).offset());
        assertEquals(4, s.events.get(1).line());
        assertEquals(44 + 1 + 1 + 3, s.events.get(1).offset());
        assertTrue(s.malformed.isEmpty() && s.truncated.isEmpty());
    }

    @Test
    void lineHoldingAnArrayOfEvents() throws Exception {
        RecordingSink s = read(A + "\n[" + B + "," + A + "]\n");
        assertEquals(List.of('B', 'E', 'B'), s.events.stream().map(Ev::ph).toList());
        assertEquals(2, s.events.get(2).line());
        assertEquals(45 + 1 + 44 + 1, s.events.get(2).offset());
    }

    @Test
    void malformedLinesAreSkippedWithLineAndOffset() throws Exception {
        String unclosed = "{\"ph\":\"X\",\"name\":\"half\"";
        RecordingSink s = read(A + "\n" + unclosed + "\nnot json\n" + B + "\n{\"ts\":\"x\"}\n42\n" + A + "\n");
        assertEquals(List.of(1L, 4L, 7L), s.events.stream().map(Ev::line).toList());
        List<Malformed> m = s.malformed;
        assertEquals(List.of(2L, 3L, 5L, 6L), m.stream().map(Malformed::line).toList());
        assertEquals(45, m.get(0).offset());
        assertEquals(45 + unclosed.length() + 1, m.get(1).offset());
        assertTrue(m.get(0).message().startsWith("line 2 is not valid JSON"), m.get(0).message());
        assertTrue(m.get(2).message().startsWith("line 5: ts is not a finite number"), m.get(2).message());
        assertTrue(m.get(3).message().contains("expected an event object, found 42"), m.get(3).message());
        assertTrue(s.truncated.isEmpty());
    }

    @Test
    void cutLastLineIsTruncationNotMalformed() throws Exception {
        RecordingSink s = read(A + "\n" + B + "\n{\"ph\":\"X\",\"na");
        assertEquals(2, s.events.size());
        assertTrue(s.malformed.isEmpty());
        assertEquals(1, s.truncated.size());
        assertTrue(s.truncated.get(0).startsWith("90: the last line (3) is cut off"), s.truncated.get(0));
    }

    @Test
    void completeLastLineWithoutLineBreakIsAnEvent() throws Exception {
        RecordingSink s = read(A + "\r\n" + B);
        assertEquals(2, s.events.size());
        assertEquals(2, s.events.get(1).line());
        assertEquals(46, s.events.get(1).offset());
        assertTrue(s.truncated.isEmpty() && s.malformed.isEmpty());
    }

    @Test
    void emptyInputHasNoEvents() throws Exception {
        RecordingSink s = read("");
        assertTrue(s.events.isEmpty() && s.malformed.isEmpty() && s.truncated.isEmpty());
    }

    @Test
    void byteOrderMarkIsSkipped() throws Exception {
        RecordingSink s = read("\uFEFF" + A + "\n");
        assertEquals(1, s.events.size());
        assertEquals(3, s.events.get(0).offset());
    }

    @Test
    void longLinesGrowTheBuffer() throws Exception {
        String big = "{\"ph\":\"i\",\"name\":\"big\",\"args\":{\"s\":\"" + "z".repeat(3 << 20) + "\"}}";
        RecordingSink s = read(A + "\n" + big + "\n" + B + "\n");
        assertEquals(List.of("a", "big", "a"), s.events.stream().map(Ev::name).toList());
        assertEquals(3, s.events.get(2).line());
    }

    @Test
    void parallelReadMatchesSequentialWithExactLines(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("big.jsonl");
        List<Long> badLines = new ArrayList<>();
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            long line = 0;
            for (int i = 0; i < 120_000; i++) {
                line++;
                if (i % 10_007 == 5) {
                    w.write("{\"ph\":\"X\",\"broken\n");
                    badLines.add(line);
                } else if (i % 1000 == 0) {
                    w.write("\n");
                } else {
                    w.write("{\"ph\":\"X\",\"name\":\"n" + (i % 13) + "\",\"ts\":" + i + ".25,\"dur\":3,\"pid\":2,\"tid\":" + (i % 5)
                            + ",\"args\":{\"i\":" + i + ",\"pad\":\"" + "q".repeat(100) + "\"}}\n");
                }
            }
        }
        List<Ev> sequential;
        List<Malformed> sequentialMalformed = new ArrayList<>();
        try (TestContext ctx = new TestContext(1)) {
            new ChromeJsonlReader().read(InputSource.of(file), ctx);
            sequential = ctx.events();
            ctx.sinks.forEach(s -> sequentialMalformed.addAll(s.malformed));
            assertEquals(Files.size(file), ctx.bytes);
        }
        assertEquals(badLines, sequentialMalformed.stream().map(Malformed::line).toList());
        assertEquals(120_000 - badLines.size() - 120, sequential.size());
        for (int parallelism : new int[] {2, 4}) {
            try (TestContext ctx = new TestContext(parallelism)) {
                new ChromeJsonlReader().read(InputSource.of(file), ctx);
                assertEquals(parallelism, ctx.sinks.size());
                List<Malformed> malformed = new ArrayList<>();
                ctx.sinks.forEach(s -> malformed.addAll(s.malformed));
                assertEquals(sequentialMalformed, malformed);
                assertEquals(sequential, ctx.events());
                assertEquals(Files.size(file), ctx.bytes);
            }
        }
    }
}
