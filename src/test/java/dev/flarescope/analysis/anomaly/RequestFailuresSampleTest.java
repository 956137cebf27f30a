package dev.flarescope.analysis.anomaly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flarescope.analysis.Analysis;
import dev.flarescope.analysis.AnalysisOptions;
import dev.flarescope.analysis.AnalysisResult;
import dev.flarescope.analysis.requests.RequestTimeline;
import dev.flarescope.analysis.requests.TestTraces;
import dev.flarescope.io.TraceLoader;
import dev.flarescope.model.RawEvent;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The failed requests of both samples, checked against the files read independently with Jackson: the
 * serving run's request that only trace events know, and the llm-metrics log's failed record.
 */
class RequestFailuresSampleTest {
    private static final Path FRAGMENTS = Path.of("sample-traces", "serving-run", "fragments");
    private static final Path METRICS = Path.of("sample-traces", "llm-metrics-impossible.jsonl");
    /** Exact decimals: microsecond times with nanosecond fractions do not fit a double. */
    private static final ObjectMapper EXACT = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** Every event of the fragments that parses (the prefill worker's fragment ends in a cut line). */
    private static List<JsonNode> fragmentEvents() throws IOException {
        List<JsonNode> events = new ArrayList<>();
        try (var files = Files.list(FRAGMENTS)) {
            for (Path f : files.sorted().toList()) {
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    try {
                        events.add(EXACT.readTree(line));
                    } catch (JsonProcessingException cutLine) {
                        // the deliberately cut last line
                    }
                }
            }
        }
        return events;
    }

    /** Request ids named by an event's args: {@code request_id} or each of {@code request_ids}. */
    private static Set<String> idsOf(JsonNode event) {
        Set<String> ids = new TreeSet<>();
        JsonNode args = event.path("args");
        if (args.has("request_id")) {
            ids.add(args.get("request_id").asText());
        }
        args.path("request_ids").forEach(id -> ids.add(id.asText()));
        return ids;
    }

    /** Epoch microseconds with nanosecond decimals, as integer nanoseconds. */
    private static long ns(JsonNode ts) {
        return ts.decimalValue().movePointRight(3).longValueExact();
    }

    private static List<Finding> failures(AnalysisResult result) {
        return result.findings().stream().filter(f -> f.ruleId().equals(RequestFailuresRule.ID)).toList();
    }

    @Test
    void theServingRunHasOneFailedRequestKnownOnlyFromTraceEvents() throws IOException {
        assumeTrue(Files.isDirectory(FRAGMENTS), "sample traces not present");
        List<JsonNode> events = fragmentEvents();
        Set<String> allIds = new TreeSet<>();
        Set<String> httpErrors = new TreeSet<>();
        int status = 0;
        for (JsonNode e : events) {
            allIds.addAll(idsOf(e));
            if (e.path("args").path("status").asInt(0) >= 400) {
                httpErrors.addAll(idsOf(e));
                status = e.get("args").get("status").asInt();
            }
        }
        assertEquals(40, allIds.size());
        assertEquals(1, httpErrors.size());
        assertEquals(503, status);
        String failedId = httpErrors.iterator().next();
        // its arrival: the earliest event naming it; its end: the API server's finishing instant
        long arrival = Long.MAX_VALUE;
        long end = RawEvent.NO_TIME;
        for (JsonNode e : events) {
            if (idsOf(e).contains(failedId)) {
                arrival = Math.min(arrival, ns(e.get("ts")));
                if (e.get("name").asText().equals("http.chat_completions.finished")) {
                    end = ns(e.get("ts"));
                }
            }
        }
        assertTrue(end != RawEvent.NO_TIME);

        TraceLoader.Result loaded = TraceLoader.load(List.of(FRAGMENTS));
        assertEquals(List.of(), loaded.failures());
        AnalysisResult result = Analysis.run(loaded.trace(), AnalysisOptions.defaults());
        assertEquals(40, result.requests().size());
        List<RequestTimeline> failed = result.requests().stream().filter(RequestTimeline::failed).toList();
        assertEquals(List.of(failedId), failed.stream().map(RequestTimeline::id).toList());
        RequestTimeline request = failed.get(0);
        assertEquals("HTTP 503", request.failureReason());
        assertEquals(List.of(), request.records());

        List<Finding> findings = failures(result);
        assertEquals(1, findings.size());
        Finding f = findings.get(0);
        // 39 of 40 succeeded: 97.5 %
        assertEquals("1 of 40 requests failed or timed out (HTTP 503 ×1); success rate 97.5%", f.message());
        assertEquals(1, Check.number(f, "failed"));
        assertEquals(40, Check.number(f, "total"));
        assertEquals(97.5, Check.number(f, "success rate"), 1e-9);
        // the evidence is on the trace clock: the request's own events, on the API server that took it
        Evidence e = f.evidence();
        assertEquals(failedId, e.requestId());
        assertEquals(arrival, e.startNs());
        assertEquals(end, e.endNs());
        assertEquals(TestTraces.process(loaded.trace(), 4101), e.process());
    }

    @Test
    void theLlmMetricsLogStillHasItsOneFailureOfThirty() throws IOException {
        assumeTrue(Files.exists(METRICS), "sample traces not present");
        List<String> lines = Files.readAllLines(METRICS, StandardCharsets.UTF_8);
        Set<String> unsuccessful = new TreeSet<>();
        JsonNode failedLine = null;
        for (int i = 0; i < lines.size(); i++) {
            JsonNode n = EXACT.readTree(lines.get(i));
            if (!n.path("success").asBoolean(true)) {
                unsuccessful.add("llm-metrics#" + (i + 1));
                failedLine = n;
            }
        }
        assertEquals(30, lines.size());
        assertEquals(Set.of("llm-metrics#21"), unsuccessful);
        assertNotNull(failedLine);

        AnalysisResult result = Analysis.run(TraceLoader.load(List.of(METRICS)).trace(), AnalysisOptions.defaults());
        Set<String> failed = new TreeSet<>();
        result.requests().stream().filter(RequestTimeline::failed).forEach(t -> failed.add(t.id()));
        assertEquals(unsuccessful, failed);
        // no HTTP status member, no finish reason: the error text makes it an "error"
        assertEquals("error", result.request("llm-metrics#21").failureReason());

        List<Finding> findings = failures(result);
        assertEquals(1, findings.size());
        assertEquals("1 of 30 requests failed or timed out (error ×1); success rate 96.7%", findings.get(0).message());
        Evidence e = findings.get(0).evidence();
        assertEquals("llm-metrics#21", e.requestId());
        // a record without trace events: its own raw timestamps (epoch ms), no process
        assertEquals(failedLine.at("/rawTimestamps/total_start").longValue() * 1_000_000, e.startNs());
        assertEquals(failedLine.at("/rawTimestamps/total_end").longValue() * 1_000_000, e.endNs());
        assertEquals(-1, e.process());
    }
}
