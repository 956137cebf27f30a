package dev.flarescope.format.chrome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flarescope.format.InputSource;
import dev.flarescope.format.RecordingSink;
import dev.flarescope.format.TestContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every Chrome JSON trace of the shared public corpus reads without error, and the reader accounts
 * for every element of the events array (as an event or a malformed report). The expected count comes
 * from Jackson databind reading the whole document; for documents cut short on purpose, from databind
 * reading the document with its trailing comma removed and its bracket closed.
 */
class ChromeCorpusConformanceTest {
    private static final List<String> FOLDERS = List.of("catapult", "speedscope", "kineto", "perfetto");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TestFactory
    Stream<DynamicTest> corpusFilesRead() throws IOException {
        String corpus = System.getProperty("flarescope.corpus");
        assumeTrue(corpus != null && Files.isDirectory(Path.of(corpus)), "public corpus not available");
        List<Path> files = new ArrayList<>();
        for (String folder : FOLDERS) {
            Path dir = Path.of(corpus, folder);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> s = Files.list(dir)) {
                s.filter(Files::isRegularFile)
                        .filter(p -> !p.getFileName().toString().endsWith(".cpuprofile"))
                        .sorted()
                        .forEach(files::add);
            }
        }
        assumeTrue(!files.isEmpty(), "public corpus is empty");
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getParent().getFileName() + "/" + f.getFileName(), () -> check(f)));
    }

    private static void check(Path file) throws Exception {
        byte[] text = decompressed(file);
        JsonNode root;
        boolean partial = false;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            root = MAPPER.readTree(closeCutArray(text));
            partial = true;
        }
        long expected = elements(root, "traceEvents") + elements(root, "samples");
        if (root.isArray()) {
            expected = root.size();
        }
        for (int parallelism : new int[] {1, 2}) {
            try (TestContext ctx = new TestContext(parallelism)) {
                new ChromeJsonReader().read(InputSource.of(file), ctx);
                long events = 0;
                long malformed = 0;
                long truncated = 0;
                for (RecordingSink s : ctx.sinks) {
                    events += s.events.size();
                    malformed += s.malformed.size();
                    truncated += s.truncated.size();
                }
                assertEquals(expected, events + malformed, file + ": events + malformed");
                if (partial) {
                    assertEquals(1, truncated, file + " is cut short");
                } else {
                    assertEquals(0, truncated, file + " is complete");
                }
            }
        }
    }

    private static long elements(JsonNode root, String field) {
        JsonNode n = root.isObject() ? root.get(field) : null;
        return n != null && n.isArray() ? n.size() : 0;
    }

    /** A cut events array made whole: trailing blanks and comma dropped, then the bracket closed. */
    private static byte[] closeCutArray(byte[] text) {
        String s = new String(text, StandardCharsets.UTF_8).stripTrailing();
        assertTrue(s.startsWith("[") || s.stripLeading().startsWith("["), "only cut arrays are expected in the corpus");
        if (s.endsWith(",")) {
            s = s.substring(0, s.length() - 1);
        }
        assertFalse(s.endsWith("]"));
        return (s + "]").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] decompressed(Path file) throws IOException {
        byte[] raw = Files.readAllBytes(file);
        if (raw.length >= 2 && (raw[0] & 0xff) == 0x1f && (raw[1] & 0xff) == 0x8b) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                return in.readAllBytes();
            }
        }
        return raw;
    }
}
