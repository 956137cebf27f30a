package dev.flarescope.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarescope.io.TraceLoader;
import dev.flarescope.io.TraceTooLargeException;
import dev.flarescope.model.InputSummary;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The largest hostile shapes, generated into temporary files (hundreds of MB) and loaded within the
 * test JVM's 1 GB heap: each loads, or is refused with the loader's one-line "too large" message. The
 * heap bound of the two largest is 1,280 MB because {@link Bounded} adds up each pool's own peak, and
 * pools peak at different moments. They take about a minute together, so they run only when asked:
 *
 * <pre>
 * mvn test -Dtest=HeavyShapesTest -Dflarescope.heavy=true
 * </pre>
 */
@EnabledIfSystemProperty(named = "flarescope.heavy", matches = "true")
class HeavyShapesTest {
    @TempDir
    Path dir;

    @Test
    void aStringValueOf200MegabytesIsKept() throws IOException {
        int length = 200 << 20;
        Path file = Bounded.write(dir.resolve("long-string.json"),
                "[{\"name\":\"long\",\"ph\":\"X\",\"ts\":1,\"dur\":1,\"pid\":1,\"tid\":1,\"args\":{\"s\":\"", 1,
                "abcdefghijklmnopqrstuvwxyz012345", length / 32, "\"}},\n" + HostileShapesTest.GOOD + "]", 1);
        Object outcome = Bounded.run("a 200 MB string value", 120, 1280, () -> loadOrTooLarge(file));
        if (outcome instanceof TraceLoader.Result r) {
            assertEquals(List.of("good 10000 5000", "long 1000 1000"), HostileShapesTest.spans(r.trace()));
        }
    }

    @Test
    void tenMillionKeysInArgsAreKeptOrReported() throws IOException {
        int keys = 10_000_000;
        Path file = dir.resolve("many-keys.json");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            out.write("[{\"name\":\"many\",\"ph\":\"X\",\"ts\":1,\"dur\":1,\"pid\":1,\"tid\":1,\"args\":{".getBytes(
                    StandardCharsets.US_ASCII));
            for (int i = 0; i < keys; i++) {
                out.write(((i == 0 ? "" : ",") + "\"k" + i + "\":" + i).getBytes(StandardCharsets.US_ASCII));
            }
            out.write(("}},\n" + HostileShapesTest.GOOD + "]").getBytes(StandardCharsets.US_ASCII));
        }
        Object outcome = Bounded.run("10 million keys in args", 120, 1280, () -> loadOrTooLarge(file));
        if (outcome instanceof TraceLoader.Result r) {
            List<String> spans = HostileShapesTest.spans(r.trace());
            InputSummary in = r.trace().inputs().get(0);
            assertTrue(spans.contains("good 10000 5000"), spans.toString());
            assertEquals(2, spans.size() + in.malformedLines(), "the big event is kept or reported: " + in.problems());
        }
    }

    /**
     * The loaded trace, or the loader's "too large for N MB of heap" refusal: in the test JVM's 1 GB heap
     * the two largest single values need more than the heap (see docs/robustness.md), and refusing them
     * with that message, the JVM still healthy, is the outcome asked for.
     */
    private static Object loadOrTooLarge(Path file) {
        try {
            return Bounded.load(file);
        } catch (TraceTooLargeException e) {
            System.out.println("  refused: " + e.getMessage());
            assertTrue(e.getMessage().startsWith(file + ": too large for "), e.getMessage());
            return e;
        }
    }

    @Test
    void fiftyMillionEmptyObjectsAreCountedInBoundedMemory() throws IOException {
        long objects = 50_000_000;
        Path file = Bounded.write(dir.resolve("empty-objects.json"), "[", 1, "{},", objects - 1,
                "{}," + HostileShapesTest.GOOD + "]", 1);
        TraceLoader.Result r = Bounded.run("50 million empty objects", 180, 512, () -> Bounded.load(file));
        InputSummary in = r.trace().inputs().get(0);
        assertEquals(objects + 1, in.events(), "every object is counted");
        assertEquals(List.of("good 10000 5000"), HostileShapesTest.spans(r.trace()));
        assertTrue(in.problems().size() <= 200, "the problems kept are bounded: " + in.problems().size());
    }
}
