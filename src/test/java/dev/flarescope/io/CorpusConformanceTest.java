package dev.flarescope.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.flarescope.model.InputSummary;
import dev.flarescope.model.Trace;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every public trace in the shared corpus loads, and every event object in it is accounted for: the
 * events the model counts plus the ones skipped as malformed equal an independent count made with a
 * plain Jackson pass (which stops, like a careful reader, at the first syntax error of a cut file).
 */
class CorpusConformanceTest {
    private static final JsonFactory JSON = new JsonFactory();

    static Path corpus() {
        String prop = System.getProperty("flarescope.corpus", "../shared/corpus");
        return Path.of(prop);
    }

    @TestFactory
    Stream<DynamicTest> everyCorpusFileLoadsWithEveryEventAccountedFor() throws IOException {
        Path root = corpus();
        assumeTrue(Files.isDirectory(root), "corpus not present at " + root);
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(Files::isRegularFile)
                    .filter(p -> !p.toString().contains("/expected/"))
                    .filter(p -> !p.getFileName().toString().matches("(README\\.md|SOURCES\\.tsv)"))
                    .sorted().toList();
        }
        assertTrue(files.size() > 50, "corpus has " + files.size() + " files");
        return files.stream().map(f -> DynamicTest.dynamicTest(root.relativize(f).toString(), () -> check(f)));
    }

    private static void check(Path f) throws IOException {
        TraceLoader.Result r = TraceLoader.load(List.of(f));
        assertTrue(r.failures().isEmpty(), () -> r.failures().get(0).userMessage());
        Trace t = r.trace();
        InputSummary in = t.inputs().get(0);
        long expected = independentCount(f, in.format());
        assertEquals(expected, in.events() + in.malformedLines(),
                () -> f + ": events " + in.events() + " + malformed " + in.malformedLines() + " vs independent " + expected);
        assertEquals(in.events(), t.byPhase().values().stream().mapToLong(Long::longValue).sum());
    }

    /**
     * Counts event objects with a bare token pass: elements of a top-level array, of {@code traceEvents}
     * and {@code samples} (Chrome), of {@code spans} (Cloud Trace), of {@code samples} (CPU profile).
     * A cut file counts the complete elements before the cut.
     */
    private static long independentCount(Path f, String format) throws IOException {
        long[] n = {0};
        try (InputStream raw = open(f); JsonParser p = JSON.createParser(raw)) {
            JsonToken first = p.nextToken();
            if (first == JsonToken.START_ARRAY) {
                countElements(p, n);
                return n[0];
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonToken v = p.nextToken();
                boolean counted = switch (format) {
                    case "chrome-json" -> key.equals("traceEvents") || key.equals("samples");
                    case "cloud-trace" -> key.equals("spans");
                    case "v8-cpuprofile" -> key.equals("samples");
                    default -> false;
                };
                if (counted && v == JsonToken.START_ARRAY) {
                    countElements(p, n);
                } else {
                    p.skipChildren();
                }
            }
        } catch (com.fasterxml.jackson.core.JsonParseException cut) {
            return n[0];
        }
        // readers of these formats name their one process with a metadata event
        return format.equals("cloud-trace") || format.equals("v8-cpuprofile") ? n[0] + 1 : n[0];
    }

    private static void countElements(JsonParser p, long[] n) throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
            p.skipChildren();
            n[0]++;
        }
    }

    private static InputStream open(Path f) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(f));
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        return b0 == 0x1f && b1 == 0x8b ? new GZIPInputStream(in) : in;
    }
}
