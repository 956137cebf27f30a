package dev.flarescope.analysis.requests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarescope.io.TraceLoader;
import dev.flarescope.model.ProcessTrack;
import dev.flarescope.model.SpanTable;
import dev.flarescope.model.ThreadTrack;
import dev.flarescope.model.Trace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The direct reader of request ids agrees with the Jackson parse on every args text it does not
 * decline: on hand-written shapes, on 50,000 random documents, and on every span of the sample run.
 */
class ArgsIdsTest {

    @Test
    void handWrittenShapes() {
        assertIds(List.of("req-7"), "{\"request_id\":\"req-7\",\"step\":3}");
        assertIds(List.of("7"), "{ \"rid\" : 7 }");
        assertIds(List.of("a", "b"), "{\"request_ids\":[\"a\",\"b\",\"a\",null,[1]],\"req_id\":\"b\"}");
        assertIds(List.of("1.5e3", "true"), "{\"request_id\":1.5e3,\"rid\":true}");
        assertIds(List.of(), "{\"request_id\":null,\"other\":{\"request_id\":\"nested\"}}");
        assertIds(List.of(), "{\"request_ids\":[],\"x\":\"\\\"request_id\\\"\"}");
        // declined, and what Jackson then makes of them
        assertSame(ArgsIds.UNSURE, read("{\"request_id\":\"caf\\u00e9\"}"));
        assertSame(ArgsIds.UNSURE, read("{\"request_id\":\"r1\",\"status\":503}"));
        assertSame(ArgsIds.UNSURE, read("{\"request_id\":\"r\u00e9\"}"));
        assertSame(ArgsIds.UNSURE, read("[\"request_id\"]"));
        assertEquals(new RequestEventScanner.Naming(List.of("r1"), "HTTP 503"), parsed("{\"request_id\":\"r1\",\"status\":503}"));
    }

    @Test
    void oneReaderAppendsTextAfterTextAndTakesBackWhatItDeclines() {
        ArgsIds reader = new ArgsIds();
        List<String> ids = new java.util.ArrayList<>();
        byte[] first = "{\"request_ids\":[\"a\",\"b\",\"a\"]}".getBytes(StandardCharsets.UTF_8);
        byte[] second = "{\"rid\":\"a\",\"req_id\":\"a\"}".getBytes(StandardCharsets.UTF_8);
        byte[] declined = "{\"request_id\":\"c\",\"status\":503}".getBytes(StandardCharsets.UTF_8);
        assertTrue(reader.readInto(first, 0, first.length, ids));
        assertTrue(reader.readInto(second, 0, second.length, ids)); // repeats count within one text only
        assertEquals(List.of("a", "b", "a"), ids);
        assertTrue(!reader.readInto(declined, 0, declined.length, ids));
        assertEquals(List.of("a", "b", "a"), ids, "a declined text adds nothing, even the id read before declining");
    }

    @Test
    void randomDocumentsReadTheSameAsWithJackson() {
        Random random = new Random(11);
        int direct = 0;
        for (int n = 0; n < 50_000; n++) {
            StringBuilder sb = new StringBuilder();
            object(random, sb, 0);
            byte[] b = sb.toString().getBytes(StandardCharsets.UTF_8);
            List<String> ids = ArgsIds.read(b, 0, b.length);
            if (ids != ArgsIds.UNSURE) {
                direct++;
                RequestEventScanner.Naming jackson = RequestEventScanner.parsed(b, 0, b.length);
                assertEquals(jackson == null ? List.of() : jackson.ids(), ids, sb::toString);
                assertTrue(jackson == null || jackson.failureReason() == null, sb::toString);
            }
        }
        assertTrue(direct > 20_000, "most documents should be read directly, only " + direct + " were");
    }

    @Test
    void everySpanOfTheSampleRunReadsTheSame() {
        Trace trace = TraceLoader.load(List.of(Path.of("sample-traces", "serving-run")), TraceLoader.Options.defaults())
                .trace();
        int withIds = 0;
        for (ProcessTrack p : trace.processes()) {
            for (ThreadTrack t : p.threads()) {
                SpanTable spans = t.spans();
                for (int i = 0; i < spans.size(); i++) {
                    String text = trace.args().getString(spans.args(i));
                    if (text == null) {
                        continue;
                    }
                    byte[] b = text.getBytes(StandardCharsets.UTF_8);
                    List<String> direct = ArgsIds.read(b, 0, b.length);
                    RequestEventScanner.Naming jackson = RequestEventScanner.parsed(b, 0, b.length);
                    if (direct != ArgsIds.UNSURE) { // what the direct reader accepts names no failure
                        assertEquals(jackson == null ? List.of() : jackson.ids(), direct, text);
                        assertTrue(jackson == null || jackson.failureReason() == null, text);
                    }
                    withIds += jackson == null ? 0 : 1;
                }
            }
        }
        assertTrue(withIds > 100, "the sample run names requests on its spans: " + withIds);
    }

    private static void assertIds(List<String> expected, String json) {
        assertEquals(expected, read(json), json);
        RequestEventScanner.Naming jackson = parsed(json);
        assertEquals(expected, jackson == null ? List.of() : jackson.ids(), json);
    }

    private static List<String> read(String json) {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        return ArgsIds.read(b, 0, b.length);
    }

    private static RequestEventScanner.Naming parsed(String json) {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        return RequestEventScanner.parsed(b, 0, b.length);
    }

    private static final String[] KEYS = {"request_id", "req_id", "rid", "request_ids", "name", "step", "x",
        "error", "requestId", "request_id ", "re\\u0071uest_id", "\\u0072id"};

    private static void object(Random r, StringBuilder sb, int depth) {
        sb.append('{').append(blank(r));
        int members = r.nextInt(5);
        for (int m = 0; m < members; m++) {
            if (m > 0) {
                sb.append(',').append(blank(r));
            }
            sb.append('"').append(KEYS[r.nextInt(KEYS.length)]).append('"').append(blank(r)).append(':').append(blank(r));
            value(r, sb, depth);
            sb.append(blank(r));
        }
        sb.append('}');
    }

    private static void value(Random r, StringBuilder sb, int depth) {
        switch (r.nextInt(depth < 3 ? 9 : 7)) {
            case 0 -> sb.append('"').append("req-").append(r.nextInt(50)).append('"');
            case 1 -> sb.append('"').append(r.nextBoolean() ? "q\\\"uote" : "tab\\tand\\u00e9").append('"');
            case 2 -> sb.append(r.nextInt(2000) - 1000);
            case 3 -> sb.append(r.nextBoolean() ? "-0" : "12.50").append(r.nextBoolean() ? "e+3" : "");
            case 4 -> sb.append(r.nextBoolean() ? "true" : r.nextBoolean() ? "false" : "null");
            case 5 -> sb.append('"').append(r.nextBoolean() ? "" : "\u00fcber-" + r.nextInt(9)).append('"');
            case 6 -> sb.append("\"{\\\"request_id\\\":1}\"");
            case 7 -> object(r, sb, depth + 1);
            default -> {
                sb.append('[').append(blank(r));
                int n = r.nextInt(4);
                for (int k = 0; k < n; k++) {
                    if (k > 0) {
                        sb.append(',').append(blank(r));
                    }
                    value(r, sb, depth + 1);
                }
                sb.append(blank(r)).append(']');
            }
        }
    }

    private static String blank(Random r) {
        return switch (r.nextInt(6)) {
            case 0 -> " ";
            case 1 -> "\n  ";
            default -> "";
        };
    }
}
