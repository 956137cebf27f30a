package dev.flarescope.format.chrome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.flarescope.format.RecordingSink;
import dev.flarescope.model.ArgStore;
import dev.flarescope.model.RawEvent;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Hand-worked events through the byte scanner: decoded fields, compact args, and what it leaves to Jackson. */
class EventScannerTest {
    private final RecordingSink sink = new RecordingSink();
    private final EventScanner scanner = new EventScanner(sink);
    private final RawEvent e = new RawEvent();

    private int decode(String json) {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        return scanner.decode(b, 0, b.length, e);
    }

    private String name(int id) {
        return sink.strings().get(id);
    }

    private String args() {
        return sink.args().getString(e.args);
    }

    @Test
    void decodesATypicalEvent() {
        String json = "{\"ph\":\"X\",\"name\":\"attention\",\"cat\":\"gpu\",\"pid\":3001,\"tid\":\"30010\","
                + "\"ts\":1001494.500,\"dur\":334,\"args\":{\"layer\":0}}";
        assertEquals(json.length(), decode(json));
        assertEquals('X', e.ph);
        assertEquals("attention", name(e.name));
        assertEquals("gpu", name(e.cat));
        assertEquals(1_001_494_500L, e.ts);
        assertEquals(334_000L, e.dur);
        assertEquals(3001, e.pid);
        assertEquals(30010, e.tid);
        assertNull(e.tidStr);
        assertEquals("{\"layer\":0}", args());
        assertEquals(0, e.scalars.size, "a span's args stay text: no table reads them as scalars");
    }

    @Test
    void listsScalarsForPhasesThatReadThemOrWhenThePhaseComesLater() {
        decode("{\"ph\":\"C\",\"name\":\"queue\",\"args\":{\"waiting\":53,\"running\":26}}");
        assertEquals(2, e.scalars.size);
        assertEquals("running", name(e.scalars.keys[1]));
        assertEquals(26.0, e.scalars.numbers[1]);

        decode("{\"args\":{\"name\":\"worker_0\"},\"name\":\"process_name\",\"ph\":\"M\"}");
        assertEquals(1, e.scalars.size);
        assertEquals("worker_0", name(e.scalars.strings[0]));

        decode("{\"args\":{\"request_id\":\"req-1\"},\"ph\":\"X\"}"); // args first: listed all the same
        assertEquals(1, e.scalars.size);

        decode("{\"ph\":\"B\",\"args\":{ \"request_id\" : \"req-1\" , \"n\" : [1, {\"a\":\"\\u00e9\"}] }}");
        assertEquals(0, e.scalars.size);
        assertEquals("{\"request_id\":\"req-1\",\"n\":[1,{\"a\":\"\u00e9\"}]}", args());

        decode("{\"ph\":\"i\",\"args\":{ }}");
        assertEquals(ArgStore.NONE, e.args, "empty args store nothing");
    }

    @Test
    void argsAreCopiedCompactlyAndTheirScalarsListed() {
        String json = "{ \"args\" : { \"a\" : [ 1 , \"x\" , {\"b\" : null} ] ,\r\n \"c\" : \"\\u00e9\\n\\/\" , \"d\":true } }";
        assertEquals(json.length(), decode(json));
        assertEquals("{\"a\":[1,\"x\",{\"b\":null}],\"c\":\"\u00e9\\n/\",\"d\":true}", args());
        assertEquals(1, scanner.lines());
        assertEquals(4, e.scalars.size);
        assertEquals(1.0, e.scalars.numbers[0]);
        assertEquals("x", name(e.scalars.strings[1]));
        assertEquals("\u00e9\n/", name(e.scalars.strings[2]));
        assertEquals("d", name(e.scalars.keys[3]));
        assertEquals("true", name(e.scalars.strings[3]));
    }

    @Test
    void charactersBeyondTheBasicPlaneAreEscapedAsJacksonWritesThem() {
        decode("{\"args\":{\"raw\":\"\ud83d\ude00\",\"escaped\":\"\\ud83d\\ude00\",\"ctl\":\"\\u0001\"}}");
        assertEquals("{\"raw\":\"\\uD83D\\uDE00\",\"escaped\":\"\\uD83D\\uDE00\",\"ctl\":\"\\u0001\"}", args());
        assertEquals("\ud83d\ude00", name(e.scalars.strings[0]));
        assertEquals("\ud83d\ude00", name(e.scalars.strings[1]));
    }

    @Test
    void largeIntegersKeepTheirText() {
        decode("{\"args\":{\"n\":123456789012345678901234567890,\"m\":9007199254740993,\"z\":-0.0}}");
        assertEquals(1.2345678901234568E29, e.scalars.numbers[0]);
        assertEquals("123456789012345678901234567890", name(e.scalars.strings[0]));
        assertEquals(9007199254740992.0, e.scalars.numbers[1]); // 2^53 + 1 rounds to even
        assertEquals("9007199254740993", name(e.scalars.strings[1]));
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(e.scalars.numbers[2]));
        assertEquals(RawEvent.NONE, e.scalars.strings[2]);
    }

    @Test
    void pidsAndIdsInTheirUsualForms() {
        decode("{\"pid\":\"main\",\"tid\":7.0,\"id2\":{\"local\":\"0x1f\"},\"bind_id\":12,\"flow_in\":\"True\",\"s\":\"p\"}");
        assertEquals("main", e.pidStr);
        assertEquals(7, e.tid);
        assertEquals("0x1f", e.id);
        assertEquals(true, e.idLocal);
        assertEquals("12", e.bindId);
        assertEquals(true, e.flowIn);
        assertEquals('p', e.instantScope);
    }

    @Test
    void leavesWhatItDoesNotHandleToJackson() {
        String[] fallbacks = {
            "{\"na\\u006De\":\"x\"}", // escaped member name
            "{\"ts\":NaN}", // a non-numeric number
            "{\"ts\":\"soon\"}", // a time the decoder rejects with a message
            "{\"name\":\"a\",}", // trailing comma
            "{\"name\":\"\\ud800\"}", // lone surrogate
            "{\"args\":{\"big\":1e400}}", // an overflowing float Jackson writes as a string
            "{\"args\":{},\"args\":{}}", // repeated args
            "{\"ts\":01}", // leading zero
            "{\"name\":{\"nested\":1}}", // a name given as an object
        };
        for (String json : fallbacks) {
            assertEquals(EventScanner.FALLBACK, decode(json), json);
        }
        byte[] invalidUtf8 = {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC3, '"', '}'};
        assertEquals(EventScanner.FALLBACK, scanner.decode(invalidUtf8, 0, invalidUtf8.length, e));
        assertEquals(0, sink.args().bytes(), "nothing stored for events left to Jackson");
    }

    @Test
    void reportsEventsThatRunPastTheBytes() {
        assertEquals(EventScanner.INCOMPLETE, decode("{\"name\":\"ab"));
        assertEquals(EventScanner.INCOMPLETE, decode("{\"ts\":12"));
        assertEquals(EventScanner.INCOMPLETE, decode("{\"args\":{\"a\":[1,"));
    }
}
