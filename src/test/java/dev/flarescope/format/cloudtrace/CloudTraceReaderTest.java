package dev.flarescope.format.cloudtrace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarescope.format.InputSource;
import dev.flarescope.format.RecordingSink;
import dev.flarescope.format.TestContext;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CloudTraceReaderTest {
    @Test
    void spansKeepNanosecondTimesAndLabels() throws Exception {
        String doc = """
                {"projectId":"proj","traceId":"abc","spans":[
                 {"spanId":"1","kind":"RPC_CLIENT","name":"/endpoint","startTime":"2015-09-03T16:40:00.841654024Z",
                  "endTime":"2015-09-03T16:40:00.856599389Z","labels":{"k":"v"}},
                 {"spanId":"2","name":"/bad","startTime":"yesterday","endTime":"2015-09-03T16:40:00.9Z"}]}
                """;
        try (TestContext ctx = new TestContext()) {
            new CloudTraceReader().read(InputSource.of("t.json", doc.getBytes(StandardCharsets.UTF_8)), ctx);
            RecordingSink s = ctx.sinks.get(0);
            RecordingSink.Ev span = s.events.get(0);
            assertEquals('X', span.ph());
            assertEquals("/endpoint", span.name());
            // 2015-09-03T16:40:00Z is 1441298400 s after the epoch
            assertEquals(1_441_298_400_841_654_024L, span.ts());
            assertEquals(856_599_389L - 841_654_024L, span.dur());
            assertTrue(span.args().contains("\"k\":\"v\""), span.args());
            assertTrue(span.args().contains("\"kind\":\"RPC_CLIENT\""), span.args());
            assertEquals(1, s.malformed.size());
            assertTrue(s.malformed.get(0).message().startsWith("startTime is not an RFC 3339 time"));
            RecordingSink.Ev meta = s.events.get(1);
            assertEquals('M', meta.ph());
            assertEquals("proj trace abc", meta.scalars().get("name"));
        }
    }
}
