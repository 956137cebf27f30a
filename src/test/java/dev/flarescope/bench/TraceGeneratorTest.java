package dev.flarescope.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flarescope.cli.Cli;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceGeneratorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int EVENTS = 10_000;

    @TempDir
    Path dir;

    @Test
    void jsonDocumentHoldsExactlyTheRequestedEventsOnePerLine() throws IOException {
        Path file = dir.resolve("trace.json");
        assertEquals(EVENTS, TraceGenerator.write(file, TraceLayout.JSON, EVENTS, 1));

        JsonNode events = JSON.readTree(file.toFile()).get("traceEvents");
        assertEquals(EVENTS, events.size());

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(EVENTS + 2, lines.size(), "opening line, one line per event, closing line");
        assertEquals("{\"traceEvents\":[", lines.get(0));
        assertEquals("]}", lines.get(lines.size() - 1));
    }

    @Test
    void jsonLinesHoldOneParsableEventPerLine() throws IOException {
        Path file = dir.resolve("trace.jsonl");
        TraceGenerator.write(file, TraceLayout.JSONL, EVENTS, 1);

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(EVENTS, lines.size());
        for (String line : lines) {
            assertTrue(JSON.readTree(line).has("ph"), line);
        }
    }

    @Test
    void everyOpenedSpanIsClosedAndEveryFlowArrives() throws IOException {
        Path file = dir.resolve("trace.json");
        TraceGenerator.write(file, TraceLayout.JSON, EVENTS, 7);
        Map<String, Integer> phases = new HashMap<>();
        for (JsonNode event : JSON.readTree(file.toFile()).get("traceEvents")) {
            phases.merge(event.get("ph").asText(), 1, Integer::sum);
        }
        for (String ph : List.of("M", "X", "B", "E", "b", "e", "s", "f", "C", "i")) {
            assertTrue(phases.getOrDefault(ph, 0) > 0, "phase " + ph + " present in " + phases);
        }
        assertEquals(phases.get("B"), phases.get("E"));
        assertEquals(phases.get("b"), phases.get("e"));
        assertEquals(phases.get("s"), phases.get("f"));
    }

    @Test
    void spansOnOneThreadNestOrFollowEachOther() throws IOException {
        Path file = dir.resolve("trace.json");
        TraceGenerator.write(file, TraceLayout.JSON, EVENTS, 3);
        Map<String, List<double[]>> byThread = new HashMap<>();
        for (JsonNode e : JSON.readTree(file.toFile()).get("traceEvents")) {
            if (e.get("ph").asText().equals("X")) {
                double ts = e.get("ts").asDouble();
                byThread.computeIfAbsent(e.get("pid") + "/" + e.get("tid"), k -> new ArrayList<>())
                        .add(new double[] {ts, ts + e.get("dur").asDouble()});
            }
        }
        for (Map.Entry<String, List<double[]>> thread : byThread.entrySet()) {
            List<double[]> spans = thread.getValue();
            spans.sort((a, b) -> a[0] != b[0] ? Double.compare(a[0], b[0]) : Double.compare(b[1], a[1]));
            List<Double> openEnds = new ArrayList<>();
            for (double[] span : spans) {
                while (!openEnds.isEmpty() && openEnds.get(openEnds.size() - 1) <= span[0]) {
                    openEnds.remove(openEnds.size() - 1);
                }
                if (!openEnds.isEmpty()) {
                    assertTrue(span[1] <= openEnds.get(openEnds.size() - 1),
                            "span " + span[0] + ".." + span[1] + " crosses its parent on " + thread.getKey());
                }
                openEnds.add(span[1]);
            }
        }
    }

    @Test
    void averagesAboutOneHundredTenBytesPerEvent() throws IOException {
        Path file = dir.resolve("trace.json");
        TraceGenerator.write(file, TraceLayout.JSON, 100_000, 1);
        double perEvent = Files.size(file) / 100_000.0;
        assertTrue(perEvent > 100 && perEvent < 120, "bytes per event: " + perEvent);
    }

    @Test
    void sameSeedGivesTheSameBytes() throws IOException {
        Path first = dir.resolve("a.json");
        Path second = dir.resolve("b.json");
        TraceGenerator.write(first, TraceLayout.JSON, 2_000, 42);
        TraceGenerator.write(second, TraceLayout.JSON, 2_000, 42);
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
    }

    @Test
    void tinyCountsStillGiveValidDocuments() throws IOException {
        for (int n : new int[] {0, 1, 5, 13}) {
            Path file = dir.resolve("tiny" + n + ".json");
            TraceGenerator.write(file, TraceLayout.JSON, n, 1);
            assertEquals(n, JSON.readTree(file.toFile()).get("traceEvents").size(), "n=" + n);
        }
    }

    @Test
    void aFileThatCannotBeWrittenExitsTwoAsTheCommandsDo() throws IOException {
        Path notAFolder = Files.writeString(dir.resolve("file"), "x");
        String out = notAFolder.resolve("trace.json").toString(); // inside a regular file: cannot be created
        assertEquals(Cli.USAGE, Cli.runStandalone(new TraceGenerator.Command(), "--events", "10", "--out", out));
        assertEquals(Cli.USAGE, Cli.runStandalone(new SampleTraces.Command(), notAFolder.resolve("samples").toString()));
        assertEquals(Cli.OK, Cli.runStandalone(new TraceGenerator.Command(), "--events", "10", "--out",
                dir.resolve("ok.json").toString()));
    }

    @Test
    void microsecondTextKeepsNanosecondsExactly() {
        assertEquals("2", ChromeEventWriter.micros(2_000));
        assertEquals("1.500", ChromeEventWriter.micros(1_500));
        assertEquals("0.007", ChromeEventWriter.micros(7));
        assertEquals("-1.500", ChromeEventWriter.micros(-1_500));
        assertEquals("1749720601473135.330", ChromeEventWriter.micros(1_749_720_601_473_135_330L));
    }
}
