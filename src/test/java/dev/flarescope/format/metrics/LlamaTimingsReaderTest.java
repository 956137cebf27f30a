package dev.flarescope.format.metrics;

import static dev.flarescope.format.metrics.ReaderFixtures.randomBytes;
import static dev.flarescope.format.metrics.ReaderFixtures.read;
import static dev.flarescope.format.metrics.ReaderFixtures.resource;
import static dev.flarescope.format.metrics.ReaderFixtures.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarescope.format.InputException;
import dev.flarescope.format.RecordingSink;
import dev.flarescope.model.RequestRecord;
import org.junit.jupiter.api.Test;

class LlamaTimingsReaderTest {
    @Test
    void singleResponseDocument() throws Exception {
        RecordingSink sink = read(new LlamaTimingsReader(), resource("/format/metrics/llama-completion.json"));
        assertEquals(1, sink.requests.size());
        RequestRecord r = sink.requests.get(0);
        assertEquals("llama.cpp-timings#1/slot0", r.id);
        assertEquals("llama.cpp-timings", r.sourceFormat);
        assertEquals("qwen2.5-7b-instruct-q4_k_m.gguf", r.model);
        assertEquals(14, r.inputTokens);
        assertEquals(8, r.outputTokens);
        assertEquals(-1, r.cachedTokens);
        assertEquals(649.832900111399, r.prefillTps);
        assertEquals(130.52487233688472, r.decodeTps);
        assertEquals(21.544, r.serverTimings.promptMs);
        assertEquals(61.291, r.serverTimings.predictedMs);
        assertEquals("8", r.extra.get("tokens_predicted"));
        assertEquals("7.661375", r.extra.get("timings.predicted_per_token_ms"));
        assertFalse(r.extra.containsKey("content"));
        assertFalse(r.extra.containsKey("prompt"));
        assertEquals(3, sink.notes.size(), "content, tokens and prompt dropped: " + sink.notes);
    }

    @Test
    void streamCaptureGivesOneRecordFromTheLastChunk() throws Exception {
        RecordingSink sink = read(new LlamaTimingsReader(), resource("/format/metrics/llama-chat-stream.sse"));
        assertEquals(1, sink.requests.size());
        assertTrue(sink.malformed.isEmpty(), "chunks without timings are not errors");
        RequestRecord r = sink.requests.get(0);
        assertEquals("chatcmpl-Xq2mJ8", r.id);
        assertEquals(5, r.line);
        assertEquals("stop", r.finishReason);
        assertEquals(21, r.cachedTokens);
        assertEquals(14, r.inputTokens);
        assertEquals(8, r.outputTokens);
        assertEquals("{\"completion_tokens\":8,\"prompt_tokens\":35,\"total_tokens\":43}", r.extra.get("usage"));
    }

    @Test
    void jsonLinesOfResponsesWithABadLineAndACutEnd() throws Exception {
        String input = "{\"id_slot\":1,\"timings\":{\"prompt_n\":3,\"predicted_n\":2,\"draft_n\":4,\"draft_n_accepted\":3}}\n"
                + "{\"content\":\"partial\",\"stop\":false}\n"
                + "not json\n"
                + "{\"id\":\"cmpl-2\",\"timings\":{\"prompt_n\":7}}\n"
                + "{\"id\":\"cmpl-3\",\"timi";
        RecordingSink sink = read(new LlamaTimingsReader(), text("r.jsonl", input));
        assertEquals(2, sink.requests.size());
        assertEquals("llama.cpp-timings#1/slot1", sink.requests.get(0).id);
        assertEquals(4, sink.requests.get(0).serverTimings.draftN);
        assertEquals(3, sink.requests.get(0).serverTimings.draftNAccepted);
        assertEquals("cmpl-2", sink.requests.get(1).id);
        assertEquals(-1, sink.requests.get(1).outputTokens);
        assertEquals(1, sink.malformed.size());
        assertEquals(3, sink.malformed.get(0).line());
        assertEquals(1, sink.truncated.size());
    }

    @Test
    void sseWithABrokenDataLine() throws Exception {
        String input = ": keep-alive\nevent: message\ndata: {broken\n\ndata: {\"timings\":{\"prompt_n\":1}}\n\ndata: [DONE]\n";
        RecordingSink sink = read(new LlamaTimingsReader(), text("s.sse", input));
        assertEquals(1, sink.requests.size());
        assertEquals(1, sink.malformed.size());
        assertEquals(3, sink.malformed.get(0).line());
    }

    @Test
    void arrayOfResponses() throws Exception {
        String input = "[{\"timings\":{\"prompt_n\":1}},\n {\"timings\":{\"prompt_n\":2}}]";
        RecordingSink sink = read(new LlamaTimingsReader(), text("a.json", input));
        assertEquals(2, sink.requests.size());
        assertEquals(2, sink.requests.get(1).inputTokens);
        assertEquals(2, sink.requests.get(1).line);
    }

    @Test
    void cutDocumentWithoutARecordIsAnError() {
        String cut = "{\n  \"id_slot\": 0,\n  \"timings\": {\"prompt_n\": 14,";
        InputException e = assertThrows(InputException.class, () -> read(new LlamaTimingsReader(), text("c.json", cut)));
        assertTrue(e.getMessage().contains("ends early"), e.getMessage());
    }

    @Test
    void noTimingsAnywhereIsAnError() {
        String chunks = "data: {\"content\":\"a\",\"stop\":false}\n\ndata: [DONE]\n";
        InputException e = assertThrows(InputException.class, () -> read(new LlamaTimingsReader(), text("c.sse", chunks)));
        assertTrue(e.getMessage().contains("no record found"), e.getMessage());
        assertThrows(InputException.class, () -> read(new LlamaTimingsReader(), text("e.json", "")));
        assertThrows(InputException.class, () -> read(new LlamaTimingsReader(), randomBytes()));
    }
}
