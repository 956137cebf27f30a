package dev.flarescope.format.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flarescope.model.RequestRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MetricsAliasesTest {
    private static JsonNode json(String text) throws Exception {
        return JsonRecords.MAPPER.readTree(text);
    }

    @Test
    void snakeCamelAndKebabAreOneName() {
        for (String name : new String[] {"time_to_first_token", "timeToFirstToken", "time-to-first-token", "TIME_TO_FIRST_TOKEN"}) {
            MetricsAliases.Alias a = MetricsAliases.lookup(name);
            assertEquals(MetricsAliases.Field.TTFT, a.field(), name);
            assertEquals(MetricsAliases.Unit.MS, a.unit(), name);
        }
        assertNull(MetricsAliases.lookup("temperature"));
    }

    @Test
    void everyNormalisedNameIsListedOnce() {
        Set<String> seen = new HashSet<>();
        for (MetricsAliases.Alias a : MetricsAliases.table()) {
            assertTrue(seen.add(MetricsAliases.normalize(a.name())), a.name());
        }
    }

    @Test
    void theDocumentedTableListsEveryAlias() throws Exception {
        Path doc = Path.of("docs/formats.md");
        assumeTrue(Files.exists(doc), "run from the project directory");
        String text = Files.readString(doc);
        for (MetricsAliases.Alias a : MetricsAliases.table()) {
            assertTrue(text.contains("`" + a.name() + "`"), a.name() + " is missing from docs/formats.md");
        }
    }

    @Test
    void unitsAreConverted() throws Exception {
        RequestRecord r = new RequestRecord();
        assertTrue(MetricsAliases.apply("ttft", json("0.0425"), r));
        assertEquals(42.5, r.ttftMs);
        assertTrue(MetricsAliases.apply("ttft_ms", json("42.5"), r));
        assertEquals(42.5, r.ttftMs);
        assertTrue(MetricsAliases.apply("e2e_latency", json("1.5"), r));
        assertEquals(1500.0, r.e2eMs);
        assertTrue(MetricsAliases.apply("queue_time", json("0.002"), r));
        assertEquals(2.0, r.queueMs);
        assertTrue(MetricsAliases.apply("itl_ms", json("[10, 11.5]"), r));
        assertEquals(11.5, r.itlMs[1]);
    }

    @Test
    void unusableValuesAndUnknownNamesGoToExtra() throws Exception {
        RequestRecord r = new RequestRecord();
        r.inputTokens = 9;
        assertFalse(MetricsAliases.apply("inputTokens", json("\"many\""), r));
        assertEquals(9, r.inputTokens, "a bad value does not erase a good one");
        assertEquals("\"many\"", r.extra.get("inputTokens"));
        assertFalse(MetricsAliases.apply("outputTokens", json("-3"), r));
        assertFalse(MetricsAliases.apply("gpu", json("{\"name\":\"H100\"}"), r));
        assertEquals("{\"name\":\"H100\"}", r.extra.get("gpu"));
        assertTrue(MetricsAliases.apply("model", json("null"), r));
        assertNull(r.model);
    }

    @Test
    void failureSignals() throws Exception {
        RequestRecord ok = new RequestRecord();
        MetricsAliases.apply("status", json("200"), ok);
        MetricsAliases.apply("success", json("true"), ok);
        MetricsAliases.apply("error", json("null"), ok);
        MetricsAliases.apply("finish_reason", json("\"length\""), ok);
        assertFalse(ok.failed);

        RequestRecord http = new RequestRecord();
        MetricsAliases.apply("status", json("503"), http);
        assertTrue(http.failed);
        assertEquals("503", http.extra.get("status"));

        RequestRecord error = new RequestRecord();
        MetricsAliases.apply("error", json("{\"message\":\"context length exceeded\",\"code\":400}"), error);
        assertTrue(error.failed);
        assertEquals("context length exceeded", error.error);

        assertTrue(MetricsAliases.isFailure("timed_out"));
        assertTrue(MetricsAliases.isFailure("ABORT"));
        assertFalse(MetricsAliases.isFailure("stop"));
    }
}
