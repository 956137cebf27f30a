package dev.flarescope.analysis.requests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarescope.format.InputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PhaseMappingTest {

    /**
     * The hand-written word cuts and the http...finished test against the expressions they replace, on
     * 100,000 random names over an alphabet of ASCII letters and digits, separators, line breaks,
     * non-ASCII letters of both cases and letters beyond the basic plane.
     */
    @Test
    void wordsAndHttpFinishedAgreeWithTheExpressions() {
        Pattern wordBreak = Pattern.compile("[^\\p{Alnum}]+|(?<=\\p{Ll})(?=\\p{Lu})");
        Pattern httpFinished = Pattern.compile("http\\..*\\.finished",
                Pattern.CASE_INSENSITIVE);
        String[] alphabet = {"a", "b", "K", "Q", "z", "1", "-", ".", "_", " ", "\u00e9", "\u00c9", "\u00df", "\u0131",
            "\n", "\ud835\udc00", "\ud835\udc1a", "http.", "HTTP.", ".finished", ".FINISHED", "kv", "Transfer", "x"};
        Random random = new Random(5);
        for (int round = 0; round < 100_000; round++) {
            StringBuilder sb = new StringBuilder();
            int parts = random.nextInt(7);
            for (int k = 0; k < parts; k++) {
                sb.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String name = sb.toString();
            assertEquals(Arrays.asList(wordBreak.split(name)), PhaseMapping.words(name), name);
            assertEquals(httpFinished.matcher(name).matches(), PhaseMapping.isHttpFinished(name), name);
        }
        assertEquals(List.of("chunked", "Prefill"), PhaseMapping.words("chunkedPrefill"));
        assertEquals(List.of("", "kv", "sync"), PhaseMapping.words(".kv..sync."));
    }
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
        assertTrue(syntax.getMessage().startsWith("phase mapping: not valid JSON at line 1: "), syntax.getMessage());
    }

    @Test
    void wrongShapesSayWhatWasFound() {
        assertEquals("phase mapping: expected " + SHAPE + "; the file holds an array", shapeError("[1]"));
        assertEquals("phase mapping: expected " + SHAPE + "; there is no \"phases\" member",
                shapeError("{\"phase\": {}}"));
        assertEquals("phase mapping: expected " + SHAPE + "; \"phases\" is a string", shapeError("{\"phases\": \"decode\"}"));
        assertEquals("phase mapping: expected " + SHAPE + "; the file is empty", shapeError(""));
    }

    private static final String SHAPE = "{\"phases\": {\"name or regex\": \"role\", ...}}";

    private static String shapeError(String json) {
        InputException e = assertThrows(InputException.class,
                () -> PhaseMapping.parse(json.getBytes(StandardCharsets.UTF_8), "map.json"));
        assertEquals(-1, e.offset());
        return e.getMessage();
    }

    @Test
    void unreadableFilesSayWhy(@TempDir Path dir) throws IOException {
        Path missing = dir.resolve("missing.json");
        InputException absent = assertThrows(InputException.class, () -> PhaseMapping.load(missing));
        assertEquals(missing + ": cannot read the phase mapping: no such file", absent.userMessage());

        InputException folder = assertThrows(InputException.class, () -> PhaseMapping.load(dir));
        assertEquals(dir + ": cannot read the phase mapping: a directory, not a file", folder.userMessage());

        // a comma left after the last entry; the closing brace on line 3 is where the parser stops
        Path trailing = dir.resolve("trailing.json");
        Files.writeString(trailing, "{\"phases\": {\n  \"step_fwd\": \"decode\",\n}}\n", StandardCharsets.UTF_8);
        InputException json = assertThrows(InputException.class, () -> PhaseMapping.load(trailing));
        assertEquals(trailing.toString(), json.path());
        assertEquals(37, json.offset()); // after 13 bytes of line 1 and 24 of line 2
        assertTrue(json.getMessage().startsWith("phase mapping: not valid JSON at line 3: "), json.getMessage());
    }
}
