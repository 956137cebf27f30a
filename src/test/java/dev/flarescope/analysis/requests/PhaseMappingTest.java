package dev.flarescope.analysis.requests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarescope.format.InputException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PhaseMappingTest {
    private final PhaseMapping defaults = PhaseMapping.defaults();

    @Test
    void mapsPhaseWordsOfTheName() {
        assertEquals(Role.QUEUE, defaults.roleOf("request.queued"));
        assertEquals(Role.QUEUE, defaults.roleOf("Queue"));
        assertEquals(Role.PREFILL, defaults.roleOf("WorkerProcess.batch_prefill"));
        assertEquals(Role.PREFILL, defaults.roleOf("chunkedPrefill"));
        assertEquals(Role.KV_TRANSFER, defaults.roleOf("kv_transfer"));
        assertEquals(Role.KV_TRANSFER, defaults.roleOf("KV.Transfer"));
        assertEquals(Role.KV_TRANSFER, defaults.roleOf("nixl.kv_sync"));
        assertEquals(Role.KV_TRANSFER, defaults.roleOf("transfer"));
        assertEquals(Role.DECODE, defaults.roleOf("WorkerProcess.batch_decode"));
    }

    @Test
    void knowsMarkerEventsOfDnetAndPypto() {
        assertEquals(Role.START, defaults.roleOf("request.start"));
        assertEquals(Role.TOKEN, defaults.roleOf("request.round"));
        assertEquals(Role.END, defaults.roleOf("request.end"));
        assertEquals(Role.END, defaults.roleOf("http.chat_completions.finished"));
    }

    @Test
    void wordsMustMatchWhole() {
        assertNull(defaults.roleOf("decoder_layer"));
        assertNull(defaults.roleOf("prefilled_cache_lookup"));
        assertNull(defaults.roleOf("kv_cache_alloc"));
        assertNull(defaults.roleOf("http.request"));
        assertNull(defaults.roleOf(""));
    }

    @Test
    void fileEntriesComeFirstInFileOrderAndCanRemoveARole() throws InputException {
        PhaseMapping m = PhaseMapping.parse(("{\"phases\": {\"step_fwd\": \"decode\", \"ingest\\\\..*\": \"queue\","
                + " \"batch_prefill\": \"none\", \"pd.handoff\": \"kv-transfer\"}}").getBytes(StandardCharsets.UTF_8), "map.json");
        assertEquals(Role.DECODE, m.roleOf("STEP_FWD"));
        assertEquals(Role.QUEUE, m.roleOf("ingest.wait"));
        assertNull(m.roleOf("batch_prefill"));
        assertEquals(Role.KV_TRANSFER, m.roleOf("pd.handoff"));
        // names the file does not match still get the built-in rules
        assertEquals(Role.PREFILL, m.roleOf("WorkerProcess.batch_prefill"));
    }

    @Test
    void badFilesGiveAClearMessage() {
        InputException unknown = assertThrows(InputException.class, () -> PhaseMapping.parse(
                "{\"phases\": {\"x\": \"prefil\"}}".getBytes(StandardCharsets.UTF_8), "map.json"));
        assertTrue(unknown.userMessage().startsWith("map.json: phases.x: expected one of queue"), unknown.userMessage());
        InputException syntax = assertThrows(InputException.class, () -> PhaseMapping.parse(
                "{\"phases\": {\"x\" \"decode\"}}".getBytes(StandardCharsets.UTF_8), "map.json"));
        assertEquals(16, syntax.offset()); // the second string where a colon belongs
        InputException shape = assertThrows(InputException.class, () -> PhaseMapping.parse(
                "[1]".getBytes(StandardCharsets.UTF_8), "map.json"));
        assertTrue(shape.getMessage().contains("expected a phase mapping"));
    }
}
