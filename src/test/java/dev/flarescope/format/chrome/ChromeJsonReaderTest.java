package dev.flarescope.format.chrome;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarescope.format.InputException;
import dev.flarescope.format.InputSource;
import dev.flarescope.format.RecordingSink;
import dev.flarescope.format.RecordingSink.Ev;
import dev.flarescope.format.TestContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON reader on small documents whose expected events, offsets and reports are worked out by hand. */
class ChromeJsonReaderTest {
    private static final String A = "{\"ph\":\"B\",\"name\":\"a\",\"pid\":1,\"tid\":1,\"ts\":1}";
    private static final String B = "{\"ph\":\"E\",\"name\":\"a\",\"pid\":1,\"tid\":1,\"ts\":2}";

    private static RecordingSink read(String json) throws Exception {
        return read(json.getBytes(StandardCharsets.UTF_8));
    }

    private static RecordingSink read(byte[] bytes) throws Exception {
        try (TestContext ctx = new TestContext()) {
            new ChromeJsonReader().read(InputSource.of("test.json", bytes), ctx);
            assertEquals(1, ctx.sinks.size());
            return ctx.sinks.get(0);
        }
    }

    private static List<String> names(RecordingSink s) {
        return s.events.stream().map(Ev::name).toList();
    }

    @Test
    void arrayFormWithOffsetsAndLines() throws Exception {
        // A is 44 bytes: A starts at 1, B at 1 + 44 + 2 (",\n") = 47, on line 2
        RecordingSink s = read("[" + A + ",\n" + B + "]");
        assertEquals(2, s.events.size());
        assertEquals(1, s.events.get(0).offset());
        assertEquals(1, s.events.get(0).line());
        assertEquals(47, s.events.get(1).offset());
        assertEquals(2, s.events.get(1).line());
        assertEquals('E', s.events.get(1).ph());
        assertTrue(s.malformed.isEmpty() && s.truncated.isEmpty() && s.metadata.isEmpty());
    }

    @Test
    void objectFormWithAllTopLevelMembers() throws Exception {
        RecordingSink s = read(resource("object-form.json"));
        assertEquals(List.of("process_name", "forward", "queue", "cycles", "cycles"), names(s));
        Ev forward = s.events.get(1);
        assertEquals(100_250, forward.ts());
        assertEquals(50_000, forward.dur());
        assertEquals(Map.of("waiting", 3.0, "running", 8.0), s.events.get(2).scalars());

        Ev sample = s.events.get(3);
        assertEquals('P', sample.ph());
        assertEquals(101_500, sample.ts());
        assertEquals("10", sample.tid());
        assertNull(sample.pid());
        assertEquals("3", sample.sf());
        assertEquals(Map.of("cpu", 0.0, "weight", 2.0), sample.scalars());
        assertEquals("2", s.events.get(4).sf());

        assertEquals(Map.of(
                "displayTimeUnit", "\"ns\"",
                "otherData", "{\"version\":\"vllm 0.6.3\",\"gpus\":2}",
                "systemTraceEvents", "\"# tracer: nop\\n\"",
                "metadata", "{\"clock-domain\":\"LINUX_CLOCK_MONOTONIC\"}",
                "futureKey", "[1,{\"a\":null}]"), s.metadata);
        assertEquals(3, s.stackFrames.size());
        assertArrayEquals(new String[] {"1", "main", null, "libc"}, s.stackFrames.get(0));
        assertArrayEquals(new String[] {"2", "forward", "1", null}, s.stackFrames.get(1));
        assertArrayEquals(new String[] {"3", "gemm", "2", null}, s.stackFrames.get(2));
        assertTrue(s.malformed.isEmpty() && s.truncated.isEmpty());
    }

    @Test
    void objectFormWithEventsLastAndNoEvents() throws Exception {
        RecordingSink s = read("{\"metadata\":{\"a\":1},\"traceEvents\":[" + A + "]}");
        assertEquals(1, s.events.size());
        assertEquals(Map.of("metadata", "{\"a\":1}"), s.metadata);
        RecordingSink none = read("{\"spans\":[{\"a\":1},{\"b\":2}]}");
        assertTrue(none.events.isEmpty());
        assertEquals(Map.of("spans", "[{\"a\":1},{\"b\":2}]"), none.metadata);
    }

    @Test
    void arrayWithoutClosingBracket() throws Exception {
        RecordingSink s = read("[" + A + ",\n" + B + "\n");
        assertEquals(2, s.events.size());
        assertTrue(s.malformed.isEmpty());
        assertEquals(1, s.truncated.size());
        assertTrue(s.truncated.get(0).contains("before the events array is closed"), s.truncated.get(0));
    }

    @Test
    void arrayEndingInTrailingComma() throws Exception {
        RecordingSink s = read("[" + A + "," + B + ",  \n");
        assertEquals(2, s.events.size());
        assertTrue(s.malformed.isEmpty());
        assertEquals(1, s.truncated.size());
    }

    @Test
    void arrayCutInTheMiddleOfAnEvent() throws Exception {
        byte[] bytes = resource("truncated-mid-event.json");
        RecordingSink s = read(bytes);
        assertEquals(List.of("a", "a"), names(s));
        assertTrue(s.malformed.isEmpty());
        // the third event starts after "[" + 44-byte event + ",\n" + 44-byte event + ",\n" = 1 + 46 + 46 = 93
        assertEquals(List.of("93: the input ends inside the event starting at byte 93; 2 complete events before it were read"),
                s.truncated);
    }

    @Test
    void cutInsideLiteralsAndNumbers() throws Exception {
        for (String tail : new String[] {"{\"ph\":\"X\",\"flow_in\":tr", "{\"ph\":\"X\",\"ts\":12", "{\"ph", "{"}) {
            RecordingSink s = read("[" + A + "," + tail);
            assertEquals(1, s.events.size(), tail);
            assertTrue(s.malformed.isEmpty(), tail);
            assertEquals(List.of("46: the input ends inside the event starting at byte 46; 1 complete events before it were read"),
                    s.truncated, tail);
        }
    }

    @Test
    void objectFormCutAfterTheEvents() throws Exception {
        RecordingSink s = read("{\"traceEvents\":[" + A + "],\"metadata\":{\"x\":");
        assertEquals(1, s.events.size());
        assertEquals(1, s.truncated.size());
        assertTrue(s.truncated.get(0).contains("before the end of the JSON document"));
    }

    @Test
    void syntaxErrorInAMiddleEventSkipsOnlyThatEvent() throws Exception {
        String bad = "{\"ph\":\"X\" \"ts\":1}";
        RecordingSink s = read("[" + A + ",\n" + bad + ",\n" + B + "]");
        assertEquals(List.of('B', 'E'), s.events.stream().map(Ev::ph).toList());
        assertEquals(1, s.malformed.size());
        RecordingSink.Malformed m = s.malformed.get(0);
        assertEquals(2, m.line());
        assertEquals(47, m.offset());
        assertTrue(m.message().contains("was expecting comma"), m.message());
        assertEquals(3, s.events.get(1).line());
        assertEquals(47 + bad.length() + 2, s.events.get(1).offset());
        assertTrue(s.truncated.isEmpty());
    }

    @Test
    void unusableEventsAreReportedWithTheirLine() throws Exception {
        String badTs = "{\"ph\":\"X\",\"name\":\"bad\",\"ts\":\"soon\"}";
        RecordingSink s = read("[" + A + ",\n" + badTs + ",\n7,\n\"text\",\n[1,2],\n" + B + "]");
        assertEquals(List.of("a", "a"), names(s));
        assertEquals(List.of(2L, 3L, 4L, 5L), s.malformed.stream().map(RecordingSink.Malformed::line).toList());
        assertEquals(47, s.malformed.get(0).offset());
        assertEquals("ts is not a finite number of microseconds within range: \"soon\"; event skipped", s.malformed.get(0).message());
        assertTrue(s.malformed.get(3).message().startsWith("expected an event object, found an array"));
    }

    @Test
    void emptyInputIsRefused() {
        InputException e = assertThrows(InputException.class, () -> read(""));
        assertEquals(0, e.offset());
        assertEquals("test.json", e.path());
        assertTrue(e.getMessage().contains("empty"));
        InputException blank = assertThrows(InputException.class, () -> read("  \n\t "));
        assertEquals(5, blank.offset());
    }

    @Test
    void inputThatIsNotJsonIsRefused() {
        InputException e = assertThrows(InputException.class, () -> read("\n  name,ts\nx,1\n"));
        assertEquals(3, e.offset());
        assertEquals("test.json: at byte 3: not a Chrome JSON trace: expected '[' or '{' but found 'n'", e.userMessage());
        byte[] random = new byte[4096];
        new Random(42).nextBytes(random);
        random[0] = (byte) 0x87;
        InputException r = assertThrows(InputException.class, () -> read(random));
        assertTrue(r.getMessage().endsWith("found byte 0x87"), r.getMessage());
    }

    @Test
    void randomBytesAfterABracketNeverThrow() throws Exception {
        Random rnd = new Random(7);
        for (int i = 0; i < 200; i++) {
            byte[] b = new byte[1 + rnd.nextInt(300)];
            rnd.nextBytes(b);
            b[0] = '[';
            RecordingSink s = read(b);
            assertTrue(s.malformed.size() + s.truncated.size() > 0 || !s.events.isEmpty() || s.notes.size() > 0);
        }
    }

    @Test
    void byteOrderMarkIsSkipped() throws Exception {
        byte[] body = ("[" + A + "]").getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        RecordingSink s = read(withBom);
        assertEquals(1, s.events.size());
        assertEquals(4, s.events.get(0).offset());
    }

    @Test
    void contentAfterTheDocumentIsNoted() throws Exception {
        RecordingSink s = read("[" + A + "]\n[" + B + "]");
        assertEquals(1, s.events.size());
        assertEquals(List.of("content after the end of the JSON document at byte 47 was ignored"), s.notes);
    }

    @Test
    void gzipFileIsReadAndProgressCountsStoredBytes(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("t.json.gz");
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(raw)) {
            gz.write(("[" + A + ",\n{\"ph\":\"X\" oops},\n" + B + "]").getBytes(StandardCharsets.UTF_8));
        }
        Files.write(file, raw.toByteArray());
        try (TestContext ctx = new TestContext(2)) {
            new ChromeJsonReader().read(InputSource.of(file), ctx);
            RecordingSink s = ctx.sinks.get(0);
            assertEquals(2, s.events.size());
            assertEquals(1, s.malformed.size());
            assertEquals(2, s.malformed.get(0).line());
            assertEquals(raw.size(), ctx.bytes);
        }
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = ChromeJsonReaderTest.class.getResourceAsStream("/format/chrome/" + name)) {
            assertFalse(in == null, name);
            return in.readAllBytes();
        }
    }
}
