package dev.flarescope.format.metrics;

import static dev.flarescope.format.metrics.ReaderFixtures.randomBytes;
import static dev.flarescope.format.metrics.ReaderFixtures.read;
import static dev.flarescope.format.metrics.ReaderFixtures.resource;
import static dev.flarescope.format.metrics.ReaderFixtures.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flarescope.format.InputException;
import dev.flarescope.format.RecordingSink;
import dev.flarescope.model.RequestRecord;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InferenceSimReaderTest {
    private static final String FILE = "/format/metrics/inference-sim.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void readsRequestsAndKeepsTheRestAsMetadata() throws Exception {
        RecordingSink sink = read(new InferenceSimReader(), resource(FILE));
        assertEquals(3, sink.requests.size());

        RequestRecord r0 = sink.requests.get(0);
        assertEquals("request_0", r0.id);
        assertEquals("inference-sim", r0.sourceFormat);
        assertEquals(4, r0.line);
        assertEquals(125_000_000L, r0.arrivalNs);
        assertEquals(512, r0.inputTokens);
        assertEquals(128, r0.outputTokens);
        assertEquals(41.5, r0.ttftMs);
        assertArrayEquals(new double[] {12.25, 12.5, 13.0}, r0.itlMs);
        assertEquals(1650.75, r0.e2eMs);
        assertEquals(2.5, r0.queueMs);

        RequestRecord r1 = sink.requests.get(1);
        assertEquals(300_000_000L, r1.arrivalNs);
        assertNull(r1.itlMs, "a single itl number is a mean, not a sequence");
        assertEquals(Map.of("itl_ms", "12.8", "slo_met", "true"), r1.extra);
        assertEquals(0.0, r1.queueMs);

        RequestRecord r2 = sink.requests.get(2);
        assertEquals("inference-sim#9", r2.id);
        // 1.0000000005 s = 1000000000.5 ns, rounded half-even
        assertEquals(1_000_000_000L, r2.arrivalNs);

        assertEquals(1, sink.malformed.size());
        assertEquals(8, sink.malformed.get(0).line());

        assertEquals(JSON.readTree("{\"model\": \"llama-3.1-8b\", \"max_num_running_reqs\": 256, \"seed\": 7}"),
                JSON.readTree(sink.metadata.get("sim_config")));
        assertEquals(JSON.readTree("{\"completed\": 3, \"throughput_tok_s\": 812.4}"),
                JSON.readTree(sink.metadata.get("summary")));
    }

    @Test
    void cutDocumentKeepsTheRequestsBeforeTheCut() throws Exception {
        String whole = new String(resource(FILE).bytes(), StandardCharsets.UTF_8);
        String cut = whole.substring(0, whole.indexOf("\"not a request\""));
        RecordingSink sink = read(new InferenceSimReader(), text("cut.json", cut));
        assertEquals(2, sink.requests.size());
        assertEquals(1, sink.truncated.size());
    }

    @Test
    void unusableInputsAreErrors() {
        assertThrows(InputException.class, () -> read(new InferenceSimReader(), text("e.json", "")));
        assertThrows(InputException.class, () -> read(new InferenceSimReader(), text("a.json", "[1,2]")));
        InputException none = assertThrows(InputException.class,
                () -> read(new InferenceSimReader(), text("n.json", "{\"summary\":{}}")));
        assertTrue(none.getMessage().contains("no requests array"), none.getMessage());
        assertThrows(InputException.class, () -> read(new InferenceSimReader(), randomBytes()));
    }
}
