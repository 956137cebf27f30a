package dev.flarescope.format.metrics;

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
import java.util.Map;
import org.junit.jupiter.api.Test;

class SglangMetricsReaderTest {
    @Test
    void readsMetaInfoWithSecondsAsMilliseconds() throws Exception {
        RecordingSink sink = read(new SglangMetricsReader(), resource("/format/metrics/sglang.jsonl"));
        assertEquals(3, sink.requests.size());
        RequestRecord r = sink.requests.get(0);
        assertEquals("5f1c2e0a9b7d4c3e8f6a1b2c3d4e5f60", r.id);
        assertEquals("sglang", r.sourceFormat);
        assertEquals(512, r.inputTokens);
        assertEquals(128, r.outputTokens);
        assertEquals(256, r.cachedTokens);
        assertEquals(1840.0, r.e2eMs);
        assertTrue(Double.isNaN(r.ttftMs));
        assertEquals("stop", r.finishReason);
        assertFalse(r.failed);
        assertNull(r.error);
        assertEquals(Map.of("weight_version", "\"default\""), r.extra, "text and output_ids are not kept");
        assertEquals(2, sink.notes.size(), "one note per dropped member: " + sink.notes);
    }

    @Test
    void abortIsAFailureWithItsMessage() throws Exception {
        RecordingSink sink = read(new SglangMetricsReader(), resource("/format/metrics/sglang.jsonl"));
        RequestRecord r = sink.requests.get(1);
        assertEquals("abort", r.finishReason);
        assertTrue(r.failed);
        assertEquals("Request was aborted: client disconnected", r.error);
        assertEquals(301.0, r.ttftMs);
        assertEquals(412.0, r.e2eMs);

        RequestRecord length = sink.requests.get(2);
        assertEquals("length", length.finishReason);
        assertFalse(length.failed);
        assertEquals(50.0, length.ttftMs);
    }

    @Test
    void lineWithoutMetaInfoIsMalformed() throws Exception {
        String input = "{\"meta_info\":{\"id\":\"a\",\"e2e_latency\":1}}\n{\"text\":\"no metrics\"}\n[1,2]\n{\"meta_info\":{\"id\":\"b\"}}\n";
        RecordingSink sink = read(new SglangMetricsReader(), text("s.jsonl", input));
        assertEquals(2, sink.requests.size());
        assertEquals(2, sink.malformed.size());
        assertEquals(2, sink.malformed.get(0).line());
        assertEquals(3, sink.malformed.get(1).line());
        assertTrue(sink.malformed.get(0).message().contains("without meta_info"), sink.malformed.get(0).message());
    }

    @Test
    void nothingButBadLinesIsAnError() {
        InputException e = assertThrows(InputException.class,
                () -> read(new SglangMetricsReader(), text("s.jsonl", "{\"text\":\"a\"}\n{\"text\":\"b\"}\n")));
        assertEquals(0, e.offset());
    }
}
