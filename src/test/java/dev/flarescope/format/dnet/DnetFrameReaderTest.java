package dev.flarescope.format.dnet;

import static dev.flarescope.format.metrics.ReaderFixtures.randomBytes;
import static dev.flarescope.format.metrics.ReaderFixtures.read;
import static dev.flarescope.format.metrics.ReaderFixtures.resource;
import static dev.flarescope.format.metrics.ReaderFixtures.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flarescope.format.InputException;
import dev.flarescope.format.RecordingSink;
import dev.flarescope.format.RecordingSink.Ev;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DnetFrameReaderTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String L1 = "{\"type\":\"B\",\"name\":\"compute_layer\",\"ts\":1234.567891234,\"req_id\":\"r-1\","
            + "\"pid\":4242,\"tid\":\"MainThread\",\"args\":{\"ms\":3.25,\"t0\":1234.567891}}";
    private static final String L2 = "{\"type\":\"E\",\"name\":\"compute_layer\",\"ts\":1234.571141234,\"req_id\":\"r-1\","
            + "\"pid\":4242,\"tid\":\"MainThread\",\"args\":{\"ms\":3.25}}";
    private static final String BAD = "{\"type\":\"B\",\"name\":";
    private static final String L4 = "{\"args\":{\"layer\":\"3\"},\"type\":\"I\",\"name\":\"token\",\"ts\":1235,\"pid\":\"4242\",\"tid\":7,\"req_id\":17}";
    private static final String CUT = "{\"type\":\"E\",\"na";

    @Test
    void framesBecomeEventsWithExactNanosecondsAndRequestIds() throws Exception {
        String input = L1 + "\n" + L2 + "\n" + BAD + "\n" + L4 + "\n" + CUT;
        RecordingSink sink = read(new DnetFrameReader(), text("frames.jsonl", input));

        assertEquals(3, sink.events.size());
        Ev b = sink.events.get(0);
        assertEquals('B', b.ph());
        assertEquals("compute_layer", b.name());
        assertEquals(1_234_567_891_234L, b.ts());
        assertEquals("4242", b.pid());
        assertEquals("MainThread", b.tid());
        assertEquals(JSON.readTree("{\"ms\":3.25,\"t0\":1234.567891,\"req_id\":\"r-1\"}"), JSON.readTree(b.args()));
        assertEquals(Map.of("ms", 3.25, "t0", 1234.567891, "req_id", "r-1"), b.scalars());
        assertEquals(1, b.line());
        assertEquals(0, b.offset());

        Ev e = sink.events.get(1);
        assertEquals('E', e.ph());
        // 1234.571141234 - 1234.567891234 = 3.25 ms
        assertEquals(3_250_000L, e.ts() - b.ts());
        assertEquals(L1.length() + 1, e.offset());

        Ev i = sink.events.get(2);
        assertEquals('I', i.ph());
        assertEquals(1_235_000_000_000L, i.ts());
        assertEquals("4242", i.pid(), "a numeric pid string is a number");
        assertEquals("7", i.tid());
        assertEquals(4, i.line());
        assertEquals(JSON.readTree("{\"layer\":\"3\",\"req_id\":17}"), JSON.readTree(i.args()));
        assertEquals(17.0, i.scalars().get("req_id"));

        assertEquals(1, sink.malformed.size());
        RecordingSink.Malformed m = sink.malformed.get(0);
        assertEquals(3, m.line());
        assertEquals(L1.length() + 1 + L2.length() + 1, m.offset());
        assertTrue(m.message().contains("expected"), m.message());

        assertEquals(1, sink.truncated.size());
        long cutOffset = (L1 + L2 + BAD + L4).length() + 4;
        assertTrue(sink.truncated.get(0).startsWith(cutOffset + ": "), sink.truncated.get(0));
    }

    @Test
    void timestampsBeyondDoublePrecisionStayExact() throws Exception {
        String line = "{\"type\":\"I\",\"name\":\"x\",\"ts\":1700000000.123456789}\n";
        RecordingSink sink = read(new DnetFrameReader(), text("t.jsonl", line));
        assertEquals(1_700_000_000_123_456_789L, sink.events.get(0).ts());
        assertNull(sink.events.get(0).args(), "a frame without args or req_id has no args");
    }

    @Test
    void batchesReportTheirNodeAndTagTheirFrames() throws Exception {
        String batch1 = "{\"run_id\":\"run-7\",\"node_id\":\"m4-pro-1\",\"events\":[" + L1 + "," + L2 + "]}";
        // events before node_id: the node must still reach the frames
        String batch2 = "{\"events\":[" + L4 + ",{\"type\":\"X\",\"name\":\"bad\",\"ts\":1}],\"node_id\":\"m4-pro-2\",\"run_id\":\"run-7\"}";
        RecordingSink sink = read(new DnetFrameReader(), text("batches.jsonl", batch1 + "\n" + batch2 + "\n"));

        assertEquals(3, sink.events.size());
        List<String> nodes = sink.events.stream().map(ev -> (String) ev.scalars().get("node_id")).toList();
        assertEquals(List.of("m4-pro-1", "m4-pro-1", "m4-pro-2"), nodes);
        assertEquals(JSON.readTree("{\"ms\":3.25,\"t0\":1234.567891,\"req_id\":\"r-1\",\"node_id\":\"m4-pro-1\"}"),
                JSON.readTree(sink.events.get(0).args()));
        assertEquals(batch1.indexOf(L2), sink.events.get(1).offset());
        assertEquals(batch1.length() + 1 + batch2.indexOf(L4), sink.events.get(2).offset());
        assertEquals(2, sink.events.get(2).line());

        // the last node reported wins in RecordingSink's map; both were reported
        assertEquals("\"m4-pro-2\"", sink.metadata.get("host_name"));
        assertEquals("\"run-7\"", sink.metadata.get("run_id"));

        assertEquals(1, sink.malformed.size());
        assertEquals(2, sink.malformed.get(0).line());
        assertTrue(sink.malformed.get(0).message().startsWith("events[1]: "), sink.malformed.get(0).message());
    }

    @Test
    void framesMissingRequiredMembersAreSkipped() throws Exception {
        String input = "{\"type\":\"B\",\"ts\":1.0}\n{\"type\":\"B\",\"name\":\"n\",\"ts\":\"soon\"}\n" + L1 + "\n";
        RecordingSink sink = read(new DnetFrameReader(), text("f.jsonl", input));
        assertEquals(1, sink.events.size());
        assertEquals(List.of(1L, 2L), sink.malformed.stream().map(RecordingSink.Malformed::line).toList());
    }

    @Test
    void readsTheSampleFile() throws Exception {
        RecordingSink sink = read(new DnetFrameReader(), resource("/format/dnet/two-node-run.jsonl"));
        // counted independently: one event per frame object in the file
        long frames = 0;
        for (String line : new String(resource("/format/dnet/two-node-run.jsonl").bytes(), StandardCharsets.UTF_8).split("\n")) {
            var node = JSON.readTree(line);
            frames += node.has("events") ? node.get("events").size() : 1;
        }
        assertEquals(frames, sink.events.size());
        assertTrue(sink.malformed.isEmpty());
        assertTrue(sink.events.stream().allMatch(ev -> ev.scalars().containsKey("req_id")));
    }

    @Test
    void emptyInputIsAnError() {
        InputException e = assertThrows(InputException.class, () -> read(new DnetFrameReader(), text("empty.jsonl", "")));
        assertEquals(0, e.offset());
        assertTrue(e.userMessage().startsWith("empty.jsonl: at byte 0: "), e.userMessage());
        assertTrue(e.getMessage().contains("expected a dnet frame"), e.getMessage());
    }

    @Test
    void randomBytesAreAnError() {
        InputException e = assertThrows(InputException.class, () -> read(new DnetFrameReader(), randomBytes()));
        assertEquals(0, e.offset());
        assertTrue(e.getMessage().startsWith("nothing readable: line 1: expected"), e.getMessage());
    }

    @Test
    void recognisesFramesAndBatchesByTheirKeys() throws Exception {
        assertTrue(DnetFrameReader.looksLikeFrame(JSON.readTree(L1)));
        assertFalse(DnetFrameReader.looksLikeFrame(JSON.readTree("{\"ph\":\"B\",\"name\":\"a\",\"ts\":1}")));
        assertFalse(DnetFrameReader.looksLikeFrame(JSON.readTree("{\"type\":\"X\",\"name\":\"a\",\"ts\":1}")));
        assertTrue(DnetFrameReader.looksLikeBatch(JSON.readTree("{\"node_id\":\"n\",\"events\":[" + L2 + "]}")));
        assertFalse(DnetFrameReader.looksLikeBatch(JSON.readTree("{\"events\":[{\"ph\":\"B\"}]}")));
    }
}
