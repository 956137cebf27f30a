package dev.flarescope.format.chrome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.flarescope.bench.TraceGenerator;
import dev.flarescope.bench.TraceLayout;
import dev.flarescope.format.InputSource;
import dev.flarescope.format.RecordingSink;
import dev.flarescope.format.TestContext;
import dev.flarescope.format.TraceReader;
import dev.flarescope.model.RawEvent;
import dev.flarescope.model.StringPool;
import dev.flarescope.model.TraceSink;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The byte-level fast path against Jackson, on every event of every input at hand: public traces of
 * the shared corpus, the real traces and samples of this repository, generated traces, and random
 * nasty events. Per event, {@link EventScanner} must produce exactly the fields, scalars and args text
 * of {@link ChromeEventDecoder}, or fall back. Per input, reading it from plain bytes (scan) must give
 * exactly what reading it gzip-compressed (Jackson only) gives: events, lines, offsets, reports,
 * also for documents that are cut or broken.
 */
class EventScannerDifferentialTest {
    private static final Path REAL = Path.of("src/test/resources/traces/real");
    private static final Path FRAGMENTS = Path.of("sample-traces/serving-run/fragments");

    @TestFactory
    Stream<DynamicTest> corpusEvents() throws IOException {
        String corpus = System.getProperty("flarescope.corpus");
        assumeTrue(corpus != null && Files.isDirectory(Path.of(corpus)), "public corpus not available");
        List<Path> files;
        try (Stream<Path> s = Files.walk(Path.of(corpus))) {
            files = s.filter(Files::isRegularFile)
                    .filter(p -> p.toString().contains(".json") || p.toString().endsWith(".gz"))
                    .sorted().toList();
        }
        return files.stream().map(f -> DynamicTest.dynamicTest(Path.of(corpus).relativize(f).toString(), () -> {
            byte[] doc = decompressed(Files.readAllBytes(f));
            compareEvents(f.getFileName().toString(), doc);
            compareReads(doc, readerFor(f.getFileName().toString()), 1);
        }));
    }

    @TestFactory
    Stream<DynamicTest> repositoryTraces() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(REAL)) {
            s.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".log") || p.toString().endsWith(".json.gz"))
                    .sorted().forEach(files::add);
        }
        try (Stream<Path> s = Files.list(FRAGMENTS)) {
            s.sorted().forEach(files::add);
        }
        assertTrue(files.size() >= 9, "real traces and samples are present: " + files);
        return files.stream().map(f -> DynamicTest.dynamicTest(f.toString(), () -> {
            byte[] doc = decompressed(Files.readAllBytes(f));
            long fallbacks = compareEvents(f.getFileName().toString(), doc);
            compareReads(doc, readerFor(f.getFileName().toString()), 1);
            assertEquals(0, fallbacks, "ordinary traces need no fallback");
        }));
    }

    @Test
    void generatedTracesNeedNoFallback() throws Exception {
        for (TraceLayout layout : TraceLayout.values()) {
            StringWriter w = new StringWriter();
            TraceGenerator.write(w, layout, 100_000, 7);
            byte[] doc = w.toString().getBytes(StandardCharsets.UTF_8);
            assertTrue(doc.length > ChromeJson.MIN_PARALLEL_BYTES, "large enough to be read in parallel");
            assertEquals(0, compareEvents("generated " + layout, doc));
            TraceReader reader = layout == TraceLayout.JSON ? new ChromeJsonReader() : new ChromeJsonlReader();
            compareReads(doc, reader, 1);
            compareReads(doc, reader, 2);
        }
    }

    @Test
    void nastyEventsDecodeAlikeOrFallBack() throws Exception {
        for (long seed = 1; seed <= 20; seed++) {
            NastyEvents nasty = new NastyEvents(seed);
            byte[] doc = nasty.document(500).getBytes(StandardCharsets.UTF_8);
            compareEvents("nasty document " + seed, doc);
            compareReads(doc, new ChromeJsonReader(), 1);
            byte[] lines = nasty.lines(500).getBytes(StandardCharsets.UTF_8);
            compareEvents("nasty lines " + seed, lines);
            compareReads(lines, new ChromeJsonlReader(), 1);
        }
    }

    /** Cut and broken documents: the scan hands every problem to Jackson, which reports it as before. */
    @Test
    void brokenDocumentsReadAlike() throws Exception {
        SplittableRandom random = new SplittableRandom(3);
        StringWriter w = new StringWriter();
        TraceGenerator.write(w, TraceLayout.JSON, 300, 11);
        List<byte[]> sources = List.of(w.toString().getBytes(StandardCharsets.UTF_8),
                new NastyEvents(5).document(300).getBytes(StandardCharsets.UTF_8));
        int malformed = 0;
        int truncated = 0;
        for (int round = 0; round < 400; round++) {
            byte[] doc = sources.get(round % 2).clone();
            int at = random.nextInt(doc.length);
            switch (round % 4) {
                case 0 -> doc = java.util.Arrays.copyOf(doc, at);
                case 1 -> doc[at] = (byte) "x,{}[]\":\n\u00ff".charAt(random.nextInt(10));
                case 2 -> doc = splice(doc, at, ",,");
                default -> doc = splice(doc, at, "}{");
            }
            RecordingSink scanned = compareReads(doc, new ChromeJsonReader(), 1);
            malformed += scanned.malformed.size();
            truncated += scanned.truncated.size();
            byte[] lines = new NastyEvents(round).lines(40).getBytes(StandardCharsets.UTF_8);
            lines[random.nextInt(lines.length)] = (byte) "x{\"\n]".charAt(random.nextInt(5));
            compareReads(round % 3 == 0 ? java.util.Arrays.copyOf(lines, random.nextInt(lines.length)) : lines,
                    new ChromeJsonlReader(), 1);
        }
        System.out.println("broken documents: " + malformed + " malformed and " + truncated + " truncation reports, alike");
        assertTrue(malformed > 50 && truncated > 50, "the broken documents exercised error reporting");
    }

    /**
     * Decodes every event of {@code doc} with both decoders and compares them; prints and returns how
     * many events the scanner left to Jackson.
     */
    private static long compareEvents(String name, byte[] doc) throws IOException {
        RecordingSink jacksonSink = new RecordingSink();
        RecordingSink scanSink = new RecordingSink();
        ChromeEventDecoder decoder = new ChromeEventDecoder(jacksonSink);
        EventScanner scanner = new EventScanner(scanSink);
        RawEvent expected = new RawEvent();
        RawEvent actual = new RawEvent();
        long fallbacks = 0;
        List<int[]> ranges = eventRanges(doc);
        for (int[] r : ranges) {
            int from = r[0];
            int to = r[1];
            boolean usable;
            try (JsonParser p = ChromeJson.FACTORY.createParser(doc, from, to - from)) {
                p.nextToken();
                decoder.setOrigin(from, 0);
                usable = decoder.decode(p, expected);
            }
            int end = scanner.decode(doc, from, to, actual);
            assertNotEquals(EventScanner.INCOMPLETE, end, name + ": a complete event is never incomplete");
            if (end == EventScanner.FALLBACK) {
                fallbacks++;
                continue;
            }
            String where = name + " event at byte " + from + ": " + new String(doc, from, Math.min(to - from, 400), StandardCharsets.UTF_8);
            assertTrue(usable, where + " was accepted by the scanner but not by the decoder");
            assertEquals(to, end, where);
            assertEquals(ByteScan.countLines(doc, from, to, false), scanner.lines(), where);
            actual.offset = expected.offset;
            actual.line = expected.line;
            assertEquals(describe(expected, jacksonSink), describe(actual, scanSink), where);
            int cut = scanner.decode(doc, from, to - 1, actual);
            assertTrue(cut == EventScanner.INCOMPLETE || cut == EventScanner.FALLBACK, where + " cut short");
        }
        System.out.printf("%s: %d events, %d fall back to Jackson%n", name, ranges.size(), fallbacks);
        return fallbacks;
    }

    /** Every field of a decoded event, with strings resolved and numbers as bits. */
    private static String describe(RawEvent e, TraceSink sink) {
        StringPool s = sink.strings();
        StringBuilder b = new StringBuilder();
        b.append("ph=").append((int) e.ph).append(" name=").append(s.get(e.name)).append(" cat=").append(s.get(e.cat))
                .append(" ts=").append(e.ts).append(" dur=").append(e.dur)
                .append(" pid=").append(e.hasPid).append('/').append(e.pid).append('/').append(e.pidStr)
                .append(" tid=").append(e.hasTid).append('/').append(e.tid).append('/').append(e.tidStr)
                .append(" id=").append(e.id).append('/').append(e.idLocal).append(" scope=").append(s.get(e.scope))
                .append(" s=").append((int) e.instantScope).append(" bp=").append((int) e.bindPoint)
                .append(" bind_id=").append(e.bindId).append(" flow=").append(e.flowIn).append('/').append(e.flowOut)
                .append(" cname=").append(s.get(e.cname)).append(" sf=").append(e.sf)
                .append(" args=").append(sink.args().getString(e.args)).append(" scalars=[");
        for (int i = 0; i < e.scalars.size; i++) {
            b.append(s.get(e.scalars.keys[i])).append('=').append(Double.doubleToRawLongBits(e.scalars.numbers[i]))
                    .append('/').append(s.get(e.scalars.strings[i])).append(' ');
        }
        return b.append("] line=").append(e.line).append(" offset=").append(e.offset).toString();
    }

    /**
     * Byte ranges of the event objects of a document: elements of a top-level array, of a top-level
     * object's traceEvents, or top-level objects themselves (one per line). A document cut short yields
     * the events before the cut.
     */
    private static List<int[]> eventRanges(byte[] doc) throws IOException {
        List<int[]> ranges = new ArrayList<>();
        try (JsonParser p = ChromeJson.FACTORY.createParser(doc)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.START_ARRAY) {
                    elements(p, ranges);
                } else if (t == JsonToken.START_OBJECT) {
                    int start = (int) p.currentTokenLocation().getByteOffset();
                    boolean document = false;
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String key = p.currentName();
                        if (p.nextToken() == JsonToken.START_ARRAY && key.equals("traceEvents")) {
                            document = true;
                            elements(p, ranges);
                        } else {
                            p.skipChildren();
                        }
                    }
                    if (!document) {
                        ranges.add(new int[] {start, (int) p.currentLocation().getByteOffset()});
                    }
                }
            }
        } catch (JsonProcessingException cut) {
            // the events before the cut are kept
        }
        return ranges;
    }

    private static void elements(JsonParser p, List<int[]> ranges) throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
            int start = (int) p.currentTokenLocation().getByteOffset();
            p.skipChildren();
            if (t == JsonToken.START_OBJECT) {
                ranges.add(new int[] {start, (int) p.currentLocation().getByteOffset()});
            }
        }
    }

    /**
     * Reads {@code doc} from plain bytes (the scan) and gzip-compressed (Jackson only) and asserts that
     * both give the same events, reports and metadata. Returns the sink of the scan.
     */
    private static RecordingSink compareReads(byte[] doc, TraceReader reader, int parallelism) throws Exception {
        RecordingSink jackson = read(reader, InputSource.of("doc", gzip(doc)), 1);
        RecordingSink scanned = read(reader, InputSource.of("doc", doc), parallelism);
        assertEquals(jackson.events.size(), scanned.events.size(), "event count");
        for (int i = 0; i < jackson.events.size(); i++) {
            assertEquals(jackson.events.get(i), scanned.events.get(i), "event " + i);
        }
        assertEquals(jackson.malformed, scanned.malformed);
        assertEquals(jackson.truncated, scanned.truncated);
        assertEquals(jackson.metadata, scanned.metadata);
        assertEquals(jackson.notes, scanned.notes);
        assertEquals(jackson.stackFrames.size(), scanned.stackFrames.size());
        return scanned;
    }

    /** Reads into one sink (the sinks of a parallel read concatenated). */
    private static RecordingSink read(TraceReader reader, InputSource source, int parallelism) throws Exception {
        RecordingSink all = new RecordingSink();
        try (TestContext ctx = new TestContext(parallelism)) {
            try {
                reader.read(source, ctx);
            } catch (dev.flarescope.format.InputException refused) {
                all.notes.add("refused: " + refused.getMessage());
            }
            for (RecordingSink s : ctx.sinks) {
                all.events.addAll(s.events);
                all.malformed.addAll(s.malformed);
                all.truncated.addAll(s.truncated);
                all.metadata.putAll(s.metadata);
                all.notes.addAll(s.notes);
                all.stackFrames.addAll(s.stackFrames);
            }
        }
        return all;
    }

    private static TraceReader readerFor(String name) {
        return name.endsWith(".jsonl") ? new ChromeJsonlReader() : new ChromeJsonReader();
    }

    private static byte[] splice(byte[] doc, int at, String text) {
        byte[] insert = text.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[doc.length + insert.length];
        System.arraycopy(doc, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(doc, at, out, at + insert.length, doc.length - at);
        return out;
    }

    private static byte[] gzip(byte[] doc) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(doc);
        }
        return out.toByteArray();
    }

    private static byte[] decompressed(byte[] bytes) throws IOException {
        if (bytes.length < 2 || (bytes[0] & 0xff) != 0x1f || (bytes[1] & 0xff) != 0x8b) {
            return bytes;
        }
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        }
    }
}
