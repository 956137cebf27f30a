package dev.flarescope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code report --json} on real node and chromium traces, against the counts in their
 * {@code *.facts.json} (computed by a separate Python script, see the README next to them).
 */
class RealTraceReportTest {
    private static final Path REAL = Path.of("src/test/resources/traces/real");
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"node-async.log", "node-cpu.log", "node-workers.log", "node-two-runs",
            "chromium-startup.json.gz"})
    void reportAgreesWithTheFacts(String input) throws IOException {
        JsonNode facts = JSON.readTree(REAL.resolve(input + ".facts.json").toFile());
        CliRun r = CliRun.run("report", "--json", REAL.resolve(input).toString());
        assertEquals(0, r.code(), r.err());
        JsonNode j = r.json();

        assertEquals(facts.get("files").size(), j.get("inputs").size());
        assertEquals(facts.get("totalEvents").asLong(), j.get("events").get("total").asLong());
        assertEquals(facts.get("eventsByPhase"), j.get("events").get("byPhase"));
        assertEquals(facts.get("distinctProcesses").asInt(), j.get("processes").size());

        for (JsonNode expected : facts.get("spans")) {
            JsonNode row = CliRun.statRow(j, expected.get("name").asText());
            assertEquals(expected.get("count").asLong(), row.get("count").asLong(), expected.toString());
            assertEquals(expected.get("totalDurUs").asDouble() / 1000, row.get("totalMs").asDouble(), 1e-9,
                    expected.toString());
        }

        List<String> rules = new ArrayList<>();
        j.get("findings").forEach(f -> rules.add(f.get("rule").asText()));
        // B/E pairs; async b/e that never ended are reported under the same rules
        JsonNode phases = facts.get("eventsByPhase");
        boolean asyncBalanced = phases.path("b").asLong() == phases.path("e").asLong();
        if (facts.get("unmatchedBegins").asLong() > 0) {
            assertTrue(rules.contains("unmatched-begin"), rules.toString());
        }
        if (facts.get("unmatchedBegins").asLong() == 0 && asyncBalanced) {
            assertTrue(!rules.contains("unmatched-begin"), rules.toString());
        }
        if (facts.get("unmatchedEnds").asLong() == 0 && asyncBalanced) {
            assertTrue(!rules.contains("unmatched-end"), rules.toString());
        }
        for (JsonNode in : j.get("inputs")) {
            assertEquals(0, in.get("malformedLines").asLong());
            assertEquals("chrome-json", in.get("format").asText());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"node-cpu.log", "chromium-startup.json.gz"})
    void textReportListsTheSameNumbers(String input) throws IOException {
        JsonNode facts = JSON.readTree(REAL.resolve(input + ".facts.json").toFile());
        CliRun r = CliRun.run("report", "--top", "1000", REAL.resolve(input).toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Events by phase (" + facts.get("totalEvents").asLong() + " in all)"), r.out());
        StringBuilder phases = new StringBuilder();
        for (Iterator<Map.Entry<String, JsonNode>> it = facts.get("eventsByPhase").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            phases.append(phases.length() > 0 ? "  " : "").append(e.getKey()).append(": ").append(e.getValue().asLong());
        }
        assertTrue(r.out().contains(phases), r.out());
        for (JsonNode expected : facts.get("spans")) {
            String line = r.out().lines().filter(l -> l.trim().startsWith(expected.get("name").asText() + " "))
                    .findFirst().orElseThrow();
            String total = String.format(Locale.ROOT, "%.3f", expected.get("totalDurUs").asDouble() / 1000);
            assertTrue(line.contains(" " + expected.get("count").asLong() + " ") && line.contains(total), line);
        }
    }

    @Test
    void bundledSampleLoads() {
        Path sample = Path.of("sample-traces", "serving-run");
        assumeTrue(Files.isDirectory(sample), "no bundled sample yet");
        CliRun r = CliRun.run("report", "--json", sample.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.json().get("processes").size() > 0);
    }
}
