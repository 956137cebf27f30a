package dev.flarescope.format.chrome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import dev.flarescope.format.RecordingSink;
import dev.flarescope.format.RecordingSink.Ev;
import dev.flarescope.model.ArgStore;
import dev.flarescope.model.RawEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Field-by-field decoding of single events, with expected values worked out by hand from the Chrome spec. */
class ChromeEventDecoderTest {
    private static final JsonFactory JSON = JsonFactory.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    private final RecordingSink sink = new RecordingSink();
    private final ChromeEventDecoder decoder = new ChromeEventDecoder(sink);
    private final RawEvent raw = new RawEvent();

    /** Decodes {@code json}; returns the event as the sink records it, or null when the decoder rejected it. */
    private Ev decode(String json) throws IOException {
        try (JsonParser p = JSON.createParser(json.getBytes(StandardCharsets.UTF_8))) {
            assertEquals(JsonToken.START_OBJECT, p.nextToken());
            boolean ok = decoder.decode(p, raw);
            assertEquals(JsonToken.END_OBJECT, p.currentToken(), "parser left on the event's end");
            if (!ok) {
                return null;
            }
            sink.event(raw);
            return sink.events.get(sink.events.size() - 1);
        }
    }

    @Test
    void beginAndEnd() throws IOException {
        Ev b = decode("{\"ph\":\"B\",\"name\":\"step\",\"cat\":\"gpu,cuda\",\"ts\":10,\"pid\":1,\"tid\":2,\"args\":{\"n\":3}}");
        assertEquals('B', b.ph());
        assertEquals("step", b.name());
        assertEquals("gpu,cuda", b.cat());
        assertEquals(10_000, b.ts());
        assertEquals(RawEvent.NO_TIME, b.dur());
        assertEquals("1", b.pid());
        assertEquals("2", b.tid());
        assertEquals("{\"n\":3}", b.args());
        assertEquals(Map.of(), b.scalars(), "a span's args stay text: no table reads them as scalars");
        Ev e = decode("{\"ph\":\"E\",\"ts\":12,\"pid\":1,\"tid\":2}");
        assertEquals('E', e.ph());
        assertNull(e.name());
        assertEquals(12_000, e.ts());
        assertNull(e.args());
    }

    @Test
    void completeEventWithFractionalAndStringTimes() throws IOException {
        Ev x = decode("{\"ph\":\"X\",\"name\":\"gemm\",\"ts\":1.5,\"dur\":\"2.25\",\"pid\":3,\"tid\":4}");
        assertEquals('X', x.ph());
        assertEquals(1_500, x.ts());
        assertEquals(2_250, x.dur());
    }

    @Test
    void instantsWithScope() throws IOException {
        Ev g = decode("{\"ph\":\"i\",\"name\":\"vsync\",\"s\":\"g\",\"ts\":5}");
        assertEquals('i', g.ph());
        assertEquals('g', g.instantScope());
        Ev p = decode("{\"ph\":\"I\",\"name\":\"mark\",\"s\":\"p\",\"ts\":6}");
        assertEquals('I', p.ph());
        assertEquals('p', p.instantScope());
        Ev none = decode("{\"ph\":\"i\",\"name\":\"mark\",\"ts\":6}");
        assertEquals(0, none.instantScope());
    }

    @Test
    void counterValuesAreListedAsScalars() throws IOException {
        Ev c = decode("{\"ph\":\"C\",\"name\":\"kv_cache\",\"ts\":100,\"pid\":1,\"args\":{\"used\":1536,\"ratio\":0.75}}");
        assertEquals('C', c.ph());
        assertEquals(Map.of("used", 1536.0, "ratio", 0.75), c.scalars());
        assertEquals("{\"used\":1536,\"ratio\":0.75}", c.args());
    }

    @Test
    void nestableAsyncWithIdAndId2() throws IOException {
        Ev b = decode("{\"ph\":\"b\",\"cat\":\"req\",\"name\":\"prefill\",\"id\":\"0x1a\",\"scope\":\"llm\",\"ts\":1}");
        assertEquals('b', b.ph());
        assertEquals("0x1a", b.id());
        assertFalse(b.idLocal());
        assertEquals("llm", b.scope());
        Ev n = decode("{\"ph\":\"n\",\"cat\":\"req\",\"name\":\"token\",\"id2\":{\"local\":\"0xbeef\"},\"ts\":2}");
        assertEquals("0xbeef", n.id());
        assertTrue(n.idLocal());
        Ev e = decode("{\"ph\":\"e\",\"cat\":\"req\",\"name\":\"prefill\",\"id2\":{\"global\":7},\"ts\":3}");
        assertEquals("7", e.id());
        assertFalse(e.idLocal());
    }

    @Test
    void legacyAsyncPhases() throws IOException {
        for (char ph : new char[] {'S', 'T', 'p', 'F'}) {
            Ev ev = decode("{\"ph\":\"" + ph + "\",\"name\":\"load\",\"id\":42,\"ts\":9,\"args\":{\"step\":\"parse\"}}");
            assertEquals(ph, ev.ph());
            assertEquals("42", ev.id());
            assertEquals("{\"step\":\"parse\"}", ev.args());
            assertEquals(Map.of(), ev.scalars());
        }
    }

    @Test
    void flowV1WithBindingPoint() throws IOException {
        Ev s = decode("{\"ph\":\"s\",\"name\":\"post\",\"cat\":\"ipc\",\"id\":\"0x10\",\"ts\":1,\"pid\":1,\"tid\":1}");
        assertEquals('s', s.ph());
        assertEquals(0, s.bindPoint());
        Ev t = decode("{\"ph\":\"t\",\"name\":\"post\",\"cat\":\"ipc\",\"id\":\"0x10\",\"ts\":2}");
        assertEquals('t', t.ph());
        Ev f = decode("{\"ph\":\"f\",\"bp\":\"e\",\"name\":\"post\",\"cat\":\"ipc\",\"id\":\"0x10\",\"ts\":3}");
        assertEquals('f', f.ph());
        assertEquals('e', f.bindPoint());
        assertEquals("0x10", f.id());
    }

    @Test
    void flowV2OnSlices() throws IOException {
        Ev out = decode("{\"ph\":\"X\",\"name\":\"send\",\"ts\":1,\"dur\":2,\"bind_id\":\"0xaa\",\"flow_out\":true}");
        assertEquals("0xaa", out.bindId());
        assertTrue(out.flowOut());
        assertFalse(out.flowIn());
        Ev in = decode("{\"ph\":\"X\",\"name\":\"recv\",\"ts\":5,\"dur\":1,\"bind_id\":170,\"flow_in\":true,\"flow_out\":false}");
        assertEquals("170", in.bindId());
        assertTrue(in.flowIn());
        assertFalse(in.flowOut());
    }

    @Test
    void metadataEvents() throws IOException {
        Ev pn = decode("{\"ph\":\"M\",\"name\":\"process_name\",\"pid\":7,\"args\":{\"name\":\"vllm-worker\"}}");
        assertEquals('M', pn.ph());
        assertEquals(RawEvent.NO_TIME, pn.ts());
        assertEquals(Map.of("name", "vllm-worker"), pn.scalars());
        Ev tn = decode("{\"ph\":\"M\",\"name\":\"thread_name\",\"pid\":7,\"tid\":8,\"args\":{\"name\":\"scheduler\"}}");
        assertEquals(Map.of("name", "scheduler"), tn.scalars());
        Ev si = decode("{\"ph\":\"M\",\"name\":\"thread_sort_index\",\"pid\":7,\"tid\":8,\"args\":{\"sort_index\":-1}}");
        assertEquals(Map.of("sort_index", -1.0), si.scalars());
    }

    @Test
    void objectEventsKeepNestedSnapshotsOutOfScalars() throws IOException {
        Ev n = decode("{\"ph\":\"N\",\"name\":\"Tile\",\"id\":\"0x1000\",\"ts\":1}");
        assertEquals('N', n.ph());
        assertEquals("0x1000", n.id());
        Ev o = decode("{\"ph\":\"O\",\"name\":\"Tile\",\"id\":\"0x1000\",\"ts\":2,\"args\":{\"snapshot\":{\"layer\":{\"w\":256}}}}");
        assertEquals("{\"snapshot\":{\"layer\":{\"w\":256}}}", o.args());
        assertEquals(Map.of(), o.scalars());
        Ev d = decode("{\"ph\":\"D\",\"name\":\"Tile\",\"id\":\"0x1000\",\"ts\":3}");
        assertEquals('D', d.ph());
    }

    @Test
    void unknownPhaseLetterPassesThrough() throws IOException {
        Ev z = decode("{\"ph\":\"Z\",\"name\":\"future\",\"ts\":1}");
        assertEquals('Z', z.ph());
        assertEquals("future", z.name());
        Ev none = decode("{\"name\":\"no phase\"}");
        assertEquals(0, none.ph());
    }

    @Test
    void exactNanosecondsFromDecimalText() throws IOException {
        // 1.0005 us = 1000.5 ns: the fourth fraction digit rounds half away from zero
        assertEquals(1_001, decode("{\"ts\":1.0005}").ts());
        assertEquals(1_000, decode("{\"ts\":1.00049}").ts());
        assertEquals(-1_001, decode("{\"ts\":-1.0005}").ts());
        assertEquals(1_001, decode("{\"ts\":1.001}").ts()); // 1.001 * 1000 in double is 1000.9999999999999
        assertEquals(123_500, decode("{\"ts\":\"123.5\"}").ts());
        assertEquals(1, decode("{\"ts\":0.001}").ts());
        assertEquals(1_500_000, decode("{\"ts\":1.5e3}").ts());
        assertEquals(5_000, decode("{\"ts\":\" 5 \"}").ts());
        assertEquals(1_700_000_000_123_456_789L, decode("{\"ts\":1700000000123456.789}").ts());
        assertEquals(RawEvent.NO_TIME, decode("{\"ts\":null}").ts());
    }

    @Test
    void nonNumericTimesRejectTheEvent() throws IOException {
        for (String bad : new String[] {"NaN", "Infinity", "\"abc\"", "\"\"", "1e30", "{\"a\":1}", "[1]", "true",
                "99999999999999999999"}) {
            assertNull(decode("{\"ph\":\"X\",\"ts\":" + bad + ",\"args\":{\"k\":1},\"name\":\"a\"}"), bad);
            assertTrue(decoder.problem().startsWith("ts is not a finite number"), decoder.problem());
            assertEquals(ArgStore.NONE, raw.args, "args of a rejected event are not kept");
        }
        assertNull(decode("{\"ph\":\"X\",\"ts\":1,\"dur\":\"soon\"}"));
        assertTrue(decoder.problem().startsWith("dur "));
    }

    @Test
    void pidAndTidForms() throws IOException {
        decode("{\"pid\":123,\"tid\":\"456\"}");
        assertEquals(123, raw.pid);
        assertNull(raw.pidStr);
        assertEquals(456, raw.tid);
        assertNull(raw.tidStr);
        assertTrue(raw.hasPid && raw.hasTid);

        decode("{\"pid\":\"Browser\",\"tid\":\"0x1f\"}");
        assertEquals("Browser", raw.pidStr);
        assertEquals("0x1f", raw.tidStr);

        decode("{\"pid\":9223372036854775807,\"tid\":-5}");
        assertEquals(Long.MAX_VALUE, raw.pid);
        assertEquals(-5, raw.tid);

        decode("{\"pid\":12.0,\"tid\":\"-9223372036854775808\"}");
        assertEquals(12, raw.pid);
        assertNull(raw.pidStr);
        assertEquals(Long.MIN_VALUE, raw.tid);
        assertNull(raw.tidStr);

        decode("{\"pid\":92233720368547758070,\"tid\":1.5}");
        assertEquals("92233720368547758070", raw.pidStr);
        assertEquals("1.5", raw.tidStr);

        decode("{\"pid\":null,\"tid\":true}");
        assertFalse(raw.hasPid);
        assertTrue(raw.hasTid);
        assertEquals("true", raw.tidStr);

        decode("{\"ts\":1}");
        assertFalse(raw.hasPid);
        assertFalse(raw.hasTid);
    }

    @Test
    void argsAreCopiedCompactlyAndScalarsFlattened() throws IOException {
        Ev ev = decode("{\"args\" : { \"a\" : \"x\" , \"n\" : [1, 2.5, \"y\", {\"k\":1}], \"o\":{\"k\":[1]},"
                + " \"b\":true, \"z\":null, \"big\":9007199254740993, \"u\":\"\\u00e9\\n\"}}");
        assertEquals("{\"a\":\"x\",\"n\":[1,2.5,\"y\",{\"k\":1}],\"o\":{\"k\":[1]},\"b\":true,\"z\":null,"
                + "\"big\":9007199254740993,\"u\":\"\u00e9\\n\"}", ev.args());
        assertEquals("x", ev.scalars().get("a"));
        assertEquals(List.of(1.0, 2.5, "y"), ev.scalars().get("n"));
        assertEquals("true", ev.scalars().get("b"));
        assertEquals(9007199254740992.0, ev.scalars().get("big")); // nearest double; the text is kept too
        int big = raw.scalars.indexOf(sink.strings().find("big"));
        assertEquals("9007199254740993", sink.strings().get(raw.scalars.strings[big]));
        assertEquals("\u00e9\n", ev.scalars().get("u"));
        assertFalse(ev.scalars().containsKey("o"));
        assertFalse(ev.scalars().containsKey("z"));
    }

    @Test
    void emptyArgsStoreNothing() throws IOException {
        decode("{\"ph\":\"B\",\"args\":{}}");
        assertEquals(ArgStore.NONE, raw.args);
        assertEquals(0, sink.args().bytes());
    }

    @Test
    void nonFiniteArgNumbersStayValidJson() throws IOException {
        Ev ev = decode("{\"args\":{\"x\":NaN,\"y\":-Infinity}}");
        assertEquals("{\"x\":\"NaN\",\"y\":\"-Infinity\"}", ev.args());
        assertEquals(Map.of("x", "NaN", "y", "-Infinity"), ev.scalars());
    }

    @Test
    void longArgStringsAreNotInterned() throws IOException {
        String blob = "x".repeat(ChromeEventDecoder.MAX_SCALAR_STRING + 1);
        Ev ev = decode("{\"args\":{\"image\":\"" + blob + "\",\"w\":2}}");
        assertEquals(Map.of("w", 2.0), ev.scalars());
        assertEquals(-1, sink.strings().find(blob));
        assertEquals("{\"image\":\"" + blob + "\",\"w\":2}", ev.args());
    }

    @Test
    void duplicateKeysLastWinsAndUnknownFieldsAreIgnored() throws IOException {
        Ev ev = decode("{\"name\":\"first\",\"tts\":5,\"tdur\":{\"x\":1},\"use_async_tts\":1,\"args\":{\"a\":1},"
                + "\"name\":\"second\",\"args\":{\"b\":2},\"stack\":[1,2],\"sf\":7}");
        assertEquals("second", ev.name());
        assertEquals("{\"b\":2}", ev.args());
        assertEquals(Map.of("b", 2.0), ev.scalars());
        assertEquals("7", ev.sf());
        assertEquals(8, sink.args().bytes(), "only {\"b\":2} is stored: 7 bytes and a 1-byte length");
    }

    @Test
    void colourNameAndOriginShift() throws IOException {
        decoder.setOrigin(1000, 41);
        Ev ev = decode("  {\"ph\":\"X\",\"cname\":\"good\",\"ts\":0,\"dur\":1}");
        assertEquals("good", ev.cname());
        assertEquals(1002, ev.offset());
        assertEquals(42, ev.line());
    }

    @Test
    void notAnObjectIsRejected() throws IOException {
        try (JsonParser p = JSON.createParser("[1,2]")) {
            p.nextToken();
            assertFalse(decoder.decode(p, raw));
            assertEquals("expected an event object, found an array", decoder.problem());
            assertEquals(JsonToken.END_ARRAY, p.currentToken());
        }
    }
}
