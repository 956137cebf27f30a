package dev.flarescope.format.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flarescope.format.Format;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class MetricsSnifferTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Format sniff(String json) throws Exception {
        return MetricsSniffer.sniff(JSON.readTree(json));
    }

    /** The first JSON value of a test resource, the way a detector would see it. */
    private static JsonNode firstValue(String resource) throws Exception {
        try (InputStream in = MetricsSnifferTest.class.getResourceAsStream(resource)) {
            return JSON.readTree(JSON.getFactory().createParser(in));
        }
    }

    @Test
    void eachSampleFileIsRecognised() throws Exception {
        assertEquals(Format.LLM_METRICS, MetricsSniffer.sniff(firstValue("/format/metrics/llm-metrics.jsonl")));
        assertEquals(Format.SGLANG_METRICS, MetricsSniffer.sniff(firstValue("/format/metrics/sglang.jsonl")));
        assertEquals(Format.INFERENCE_SIM, MetricsSniffer.sniff(firstValue("/format/metrics/inference-sim.json")));
        assertEquals(Format.LLAMA_TIMINGS, MetricsSniffer.sniff(firstValue("/format/metrics/llama-completion.json")));
        assertEquals(Format.DNET_FRAMES, MetricsSniffer.sniff(firstValue("/format/dnet/two-node-run.jsonl")));
    }

    @Test
    void shapesOfEachFormat() throws Exception {
        assertEquals(Format.DNET_FRAMES, sniff("{\"type\":\"I\",\"name\":\"a\",\"ts\":1.5}"));
        assertEquals(Format.LLAMA_TIMINGS, sniff("{\"content\":\"Hi\",\"stop\":false,\"id_slot\":0}"));
        assertEquals(Format.LLAMA_TIMINGS, sniff("{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"choices\":[]}"));
        assertEquals(Format.LLAMA_TIMINGS, sniff("[{\"timings\":{\"prompt_n\":1}}]"));
        assertEquals(Format.LLM_METRICS, sniff("{\"provider\":\"x\",\"input_tokens\":1}"));
        assertEquals(Format.UNKNOWN, sniff("{\"ph\":\"X\",\"name\":\"a\",\"ts\":1,\"dur\":2}"));
        assertEquals(Format.UNKNOWN, sniff("{\"model\":\"m\"}"));
        assertEquals(Format.UNKNOWN, sniff("[1,2]"));
        assertEquals(Format.UNKNOWN, sniff("\"text\""));
    }

    @Test
    void sseHead() {
        assertTrue(MetricsSniffer.looksLikeSse("\n\ndata: {\"a\":1}\n"));
        assertFalse(MetricsSniffer.looksLikeSse("{\"data\":1}\n"));
    }
}
