package dev.flarescope.format.v8;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flarescope.format.InputException;
import dev.flarescope.format.InputSource;
import dev.flarescope.format.RecordingSink;
import dev.flarescope.format.TestContext;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CpuProfileReaderTest {
    // (root) 1 -> main 2 -> { b 3, c 4 }; samples hit b, c, b, main
    private static final String PROFILE = """
            {"nodes":[
              {"id":1,"callFrame":{"functionName":"(root)","url":"","lineNumber":-1},"children":[2]},
              {"id":2,"callFrame":{"functionName":"main","url":"app.js","lineNumber":1},"children":[3,4]},
              {"id":3,"callFrame":{"functionName":"b","url":"app.js","lineNumber":5}},
              {"id":4,"callFrame":{"functionName":"","url":"lib.js","lineNumber":9}}],
             "startTime":1000,"endTime":1040,
             "samples":[3,4,3,2],"timeDeltas":[0,10,10,5]}
            """;

    private static RecordingSink read(String json) throws Exception {
        try (TestContext ctx = new TestContext()) {
            new CpuProfileReader().read(InputSource.of("p.cpuprofile", json.getBytes(StandardCharsets.UTF_8)), ctx);
            return ctx.sinks.get(0);
        }
    }

    @Test
    void samplesBecomeWeightedEventsOnTheProfileClock() throws Exception {
        RecordingSink s = read(PROFILE);
        List<RecordingSink.Ev> samples = s.events.stream().filter(e -> e.ph() == 'P').toList();
        assertEquals(4, samples.size());
        // ts = startTime + running sum of deltas: 1000, 1010, 1020, 1025 us
        assertEquals(List.of(1_000_000L, 1_010_000L, 1_020_000L, 1_025_000L), samples.stream().map(RecordingSink.Ev::ts).toList());
        // weight = time to the next sample; the last one runs to endTime (1040 - 1025 = 15 us)
        assertEquals(List.of(10_000.0, 10_000.0, 5_000.0, 15_000.0),
                samples.stream().map(e -> (Double) e.scalars().get("weight")).toList());
        assertEquals(List.of("3", "4", "3", "2"), samples.stream().map(RecordingSink.Ev::sf).toList());
    }

    @Test
    void nodesBecomeFramesWithParentsFromChildren() throws Exception {
        RecordingSink s = read(PROFILE);
        assertEquals(4, s.stackFrames.size());
        String[] b = s.stackFrames.get(2);
        assertEquals("3", b[0]);
        assertEquals("b", b[1]);
        assertEquals("2", b[2]);
        assertEquals("app.js", b[3]);
        assertEquals("(anonymous)", s.stackFrames.get(3)[1]);
        assertEquals(null, s.stackFrames.get(0)[2]);
    }

    @Test
    void somethingElseIsAClearError() {
        InputException e = assertThrows(InputException.class, () -> read("[1,2,3]"));
        assertEquals(0, e.offset());
    }
}
