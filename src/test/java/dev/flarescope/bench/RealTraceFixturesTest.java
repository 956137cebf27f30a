package dev.flarescope.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Checks the figures in each {@code *.facts.json} of the real traces (computed by facts.py) against a
 * second count made here with Jackson, so reader tests can rely on them.
 */
class RealTraceFixturesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestFactory
    Stream<DynamicTest> factsAgreeWithASecondCount() throws IOException, URISyntaxException {
        Path real = Path.of(getClass().getResource("/traces/real").toURI());
        List<Path> factsFiles;
        try (Stream<Path> files = Files.list(real)) {
            factsFiles = files.filter(f -> f.getFileName().toString().endsWith(".facts.json")).sorted().toList();
        }
        assertEquals(5, factsFiles.size());
        return factsFiles.stream().map(facts -> DynamicTest.dynamicTest(facts.getFileName().toString(),
                () -> check(real, JSON.readTree(facts.toFile()))));
    }

    private static void check(Path real, JsonNode facts) throws IOException {
        List<JsonNode> events = new ArrayList<>();
        for (JsonNode name : facts.get("files")) {
            Path trace = real.resolve(name.asText());
            assertTrue(Files.size(trace) < 1_000_000, trace + " is under 1 MB");
            events.addAll(load(trace));
        }
        assertEquals(facts.get("totalEvents").asInt(), events.size());

        Map<String, Integer> phases = new TreeMap<>();
        Set<String> threads = new HashSet<>();
        for (JsonNode e : events) {
            phases.merge(e.get("ph").asText(), 1, Integer::sum);
            threads.add(e.get("pid") + "/" + e.get("tid"));
        }
        Map<String, Integer> expectedPhases = new TreeMap<>();
        facts.get("eventsByPhase").fields().forEachRemaining(f -> expectedPhases.put(f.getKey(), f.getValue().asInt()));
        assertEquals(expectedPhases, phases);
        assertEquals(facts.get("distinctThreads").asInt(), threads.size());

        for (JsonNode span : facts.get("spans")) {
            String name = span.get("name").asText();
            long[] countAndDuration = spanTotals(events, name);
            assertFalse(countAndDuration[0] == 0, name + " occurs");
            assertEquals(span.get("count").asLong(), countAndDuration[0], name);
            assertEquals(span.get("totalDurUs").asLong(), countAndDuration[1], name);
        }
    }

    /** Count and summed duration of X spans with the name plus B/E pairs opened with it. */
    private static long[] spanTotals(List<JsonNode> events, String name) {
        long count = 0;
        long duration = 0;
        Map<String, List<JsonNode>> beginEndByThread = new HashMap<>();
        for (JsonNode e : events) {
            String ph = e.get("ph").asText();
            if (ph.equals("X") && e.get("name").asText().equals(name)) {
                count++;
                duration += e.get("dur").asLong();
            } else if (ph.equals("B") || ph.equals("E")) {
                beginEndByThread.computeIfAbsent(e.get("pid") + "/" + e.get("tid"), k -> new ArrayList<>()).add(e);
            }
        }
        for (List<JsonNode> thread : beginEndByThread.values()) {
            thread.sort((a, b) -> Long.compare(a.get("ts").asLong(), b.get("ts").asLong()));
            Deque<JsonNode> open = new ArrayDeque<>();
            for (JsonNode e : thread) {
                if (e.get("ph").asText().equals("B")) {
                    open.push(e);
                } else if (!open.isEmpty()) {
                    JsonNode begin = open.pop();
                    if (begin.get("name").asText().equals(name)) {
                        count++;
                        duration += e.get("ts").asLong() - begin.get("ts").asLong();
                    }
                }
            }
        }
        return new long[] {count, duration};
    }

    private static List<JsonNode> load(Path trace) throws IOException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(trace))) {
            raw.mark(2);
            boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
            raw.reset();
            InputStream in = gzip ? new GZIPInputStream(raw) : raw;
            JsonNode root = JSON.readTree(in);
            JsonNode array = root.isArray() ? root : root.get("traceEvents");
            List<JsonNode> events = new ArrayList<>(array.size());
            array.forEach(events::add);
            return events;
        }
    }
}
