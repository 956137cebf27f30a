package dev.flarescope.format.metrics;

import static dev.flarescope.format.metrics.ReaderFixtures.randomBytes;
import static dev.flarescope.format.metrics.ReaderFixtures.read;
import static dev.flarescope.format.metrics.ReaderFixtures.resource;
import static dev.flarescope.format.metrics.ReaderFixtures.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarescope.format.InputException;
import dev.flarescope.format.RecordingSink;
import dev.flarescope.model.RequestRecord;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LlmMetricsReaderTest {
    private static final String FILE = "/format/metrics/llm-metrics.jsonl";

    @Test
    void readsEveryFieldInCamelCase() throws Exception {
        RecordingSink sink = read(new LlmMetricsReader(), resource(FILE));
        assertEquals(4, sink.requests.size());
        RequestRecord r = sink.requests.get(0);
        assertEquals("req-a", r.id);
        assertEquals("llm-metrics", r.sourceFormat);
        assertEquals(FILE, r.source);
        assertEquals(1, r.line);
        assertEquals("ollama", r.provider);
        assertEquals("qwen3:8b", r.model);
        assertEquals(812, r.inputTokens);
        assertEquals(240, r.outputTokens);
        assertEquals(-1, r.cachedTokens);
        assertEquals(412.5, r.ttftMs);
        assertEquals(6120.0, r.e2eMs);
        assertEquals(1968.5, r.prefillTps);
        assertEquals(42.1, r.decodeTps);
        // 2025-03-01T10:00:00Z = epoch 1740823200 s
        assertEquals(1_740_823_200_250_000_000L, r.arrivalNs);
        // rawTimestamps are epoch ms; fractions of a ms survive
        assertEquals(1_740_823_200_250_125_000L, r.totalStartNs);
        assertEquals(1_740_823_200_251_000_000L, r.prefillStartNs);
        assertEquals(1_740_823_200_662_500_000L, r.prefillEndNs);
        assertEquals(1_740_823_200_662_500_000L, r.genStartNs);
        assertEquals(1_740_823_206_370_125_000L, r.genEndNs);
        assertEquals(1_740_823_206_370_500_000L, r.totalEndNs);
        assertFalse(r.failed);
        assertEquals(Map.of("temperature", "0.7"), r.extra);
    }

    @Test
    void snakeCaseEpochMillisAndErrors() throws Exception {
        RecordingSink sink = read(new LlmMetricsReader(), resource(FILE));
        RequestRecord r = sink.requests.get(1);
        assertEquals("llm-metrics#2", r.id);
        assertEquals(1_740_823_201_000_000_000L, r.arrivalNs);
        assertEquals(100, r.inputTokens);
        assertEquals(20, r.outputTokens);
        assertEquals(250.0, r.ttftMs);
        assertEquals(900.0, r.e2eMs);
        assertTrue(r.failed);
        assertEquals("rate limited", r.error);
        assertTrue(r.extra.isEmpty());
    }

    @Test
    void serverTimingsAndSuccessFalse() throws Exception {
        RecordingSink sink = read(new LlmMetricsReader(), resource(FILE));
        RequestRecord r = sink.requests.get(2);
        assertEquals("llm-metrics#4", r.id);
        assertEquals(1_740_823_202_000_000_000L, r.arrivalNs, "epoch seconds");
        assertTrue(r.failed);
        RequestRecord.ServerTimings t = r.serverTimings;
        assertEquals(5, t.promptN);
        assertEquals(12.5, t.promptMs);
        assertEquals(400.0, t.promptPerSecond);
        assertEquals(1, t.predictedN);
        assertEquals(20.0, t.predictedMs);
        assertEquals(50.0, t.predictedPerSecond);
        assertEquals(0, t.cacheN);
        assertEquals(-1, t.draftN);
        assertEquals(5, r.inputTokens, "the record's own count, not the server's");
        assertTrue(Double.isNaN(r.prefillTps), "nothing is derived from the timings here");
    }

    @Test
    void kebabCaseNumericIdAndStatus() throws Exception {
        RecordingSink sink = read(new LlmMetricsReader(), resource(FILE));
        RequestRecord r = sink.requests.get(3);
        assertEquals("42", r.id);
        assertEquals(100.0, r.ttftMs);
        assertEquals("timeout", r.finishReason);
        assertTrue(r.failed);
        assertNull(r.serverTimings);
        assertEquals(RequestRecord.class, r.getClass());
    }

    @Test
    void malformedMiddleLineIsCountedWithItsLineAndOffset() throws Exception {
        RecordingSink sink = read(new LlmMetricsReader(), resource(FILE));
        String[] lines = new String(resource(FILE).bytes(), StandardCharsets.UTF_8).split("\n");
        assertEquals(1, sink.malformed.size());
        assertEquals(3, sink.malformed.get(0).line());
        long offset = lines[0].getBytes(StandardCharsets.UTF_8).length + 1 + lines[1].getBytes(StandardCharsets.UTF_8).length + 1;
        assertEquals(offset, sink.malformed.get(0).offset());
        assertTrue(sink.malformed.get(0).message().startsWith("expected an llm-metrics JSON object per line"));
    }

    @Test
    void cutLastLineIsTruncated() throws Exception {
        String whole = "{\"model\":\"m\",\"inputTokens\":1}\n";
        RecordingSink sink = read(new LlmMetricsReader(), text("cut.jsonl", whole + "{\"model\":\"m\",\"inputTo"));
        assertEquals(1, sink.requests.size());
        assertTrue(sink.malformed.isEmpty());
        assertEquals(1, sink.truncated.size());
        assertTrue(sink.truncated.get(0).startsWith(whole.length() + ": the last line (2)"), sink.truncated.get(0));
    }

    @Test
    void lastLineWithoutNewlineIsFineWhenComplete() throws Exception {
        RecordingSink sink = read(new LlmMetricsReader(), text("a.jsonl", "{\"model\":\"m\"}\r\n{\"model\":\"n\"}"));
        assertEquals(2, sink.requests.size());
        assertTrue(sink.truncated.isEmpty());
    }

    @Test
    void localTimestampsAreUtcWithANote() throws Exception {
        RecordingSink sink = read(new LlmMetricsReader(), text("l.jsonl", "{\"timestamp\":\"2025-03-01 10:00:00\"}\n"));
        assertEquals(1_740_823_200_000_000_000L, sink.requests.get(0).arrivalNs);
        assertEquals(1, sink.notes.size());
    }

    @Test
    void emptyAndRandomInputsAreErrors() {
        InputException empty = assertThrows(InputException.class, () -> read(new LlmMetricsReader(), text("e.jsonl", "\n\n")));
        assertEquals(0, empty.offset());
        assertTrue(empty.getMessage().contains("empty"), empty.getMessage());
        InputException random = assertThrows(InputException.class, () -> read(new LlmMetricsReader(), randomBytes()));
        assertEquals(0, random.offset());
        assertTrue(random.userMessage().startsWith("random.bin: at byte 0: nothing readable: line 1"), random.userMessage());
    }
}
