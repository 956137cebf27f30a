package dev.flarescope.analysis.anomaly;

import static dev.flarescope.analysis.requests.TestTraces.ms;
import static dev.flarescope.analysis.requests.TestTraces.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarescope.analysis.requests.TestTraces;
import dev.flarescope.model.FlowTable;
import dev.flarescope.model.RequestRecord;
import dev.flarescope.model.Severity;
import dev.flarescope.model.Trace;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceRulesTest {

    @Test
    void diagnosticsBecomeFindingsWithTheSameEvidence() {
        Trace trace = TestTraces.create()
                .end(1, 1, 5).begin(1, 1, "open", 30).span(1, 1, "late", 60, 20, null)
                .span(1, 9, "task1", 0, 100, null).span(1, 9, "task2", 50, 100, null)
                .malformed(12, "expected a JSON object")
                .build();
        assertEquals(1, Check.rule(trace, UnmatchedBeginRule.ID).size());
        assertEquals(1, Check.rule(trace, UnmatchedEndRule.ID).size());
        Finding overlap = Check.rule(trace, OverlappingSpansRule.ID).get(0);
        assertEquals(ms(50), overlap.evidence().startNs());
        assertEquals(TestTraces.process(trace, 1), overlap.evidence().process());
        assertEquals(1, Check.number(overlap, "count"));
        Finding malformed = Check.rule(trace, MalformedInputRule.ID).get(0);
        assertEquals(Severity.WARNING, malformed.severity());
        assertEquals(12, Check.number(malformed, "first line"));
        assertTrue(malformed.message().contains("1 line skipped"), malformed.message());
    }

    /** The same trace with {@code flows} in place of its own flow table. */
    private static Trace withFlows(Trace t, FlowTable flows) {
        return new Trace(t.strings(), t.args(), t.processes(), t.globalInstants(), flows, t.stackFrames(), t.requests(),
                t.bench(), t.inputs(), t.diagnostics(), t.metadata(), t.byPhase(), t.events(), t.minTs(), t.maxTs());
    }

    private static FlowTable flows(int[] from, long[] fromTs, int[] to, long[] toTs) {
        int n = from.length;
        return new FlowTable(n, new String[n], new int[n], new int[n], from, new int[n], fromTs, new int[n], to,
                new int[n], toTs, new int[n]);
    }

    @Test
    void flowsArrivingBeforeTheyLeaveBetweenProcesses() {
        Trace base = TestTraces.create().processName(1, "api").processName(2, "worker")
                .span(1, 1, "send", 0, 10, null).span(2, 1, "recv", 0, 10, null).build();
        int p1 = TestTraces.process(base, 1);
        int p2 = TestTraces.process(base, 2);
        Trace trace = withFlows(base, flows(
                new int[] {p1, p1, p1, p2},
                new long[] {ms(5), ms(6), ms(7), ms(5)},
                new int[] {p2, p2, p2, p2},
                new long[] {ms(2), ms(6), ms(8), ms(1)}));  // 3 ms back, equal, forward, same process
        List<Finding> f = Check.rule(trace, ClockSkewRule.ID);
        assertEquals(1, f.size());
        assertEquals(3.0, Check.number(f.get(0), "largest skew"), 1e-9);
        assertEquals(1, Check.number(f.get(0), "backward flows"));
        assertEquals(p1, f.get(0).evidence().process());
        assertEquals("from api (pid 1) to worker (pid 2), 1 flow arrives before leaving, by up to 3 ms: the clocks of the "
                + "two processes disagree", f.get(0).message());
    }

    @Test
    void decodeOnAnotherProcessBeforePrefillEndsIsSkewNotPhaseOrder() {
        Trace trace = TestTraces.create()
                .span(1, 1, "prefill", 0, 40, "{\"request_id\":\"x\"}")
                .span(2, 1, "decode", 38, 5, "{\"request_id\":\"x\"}")
                .span(1, 1, "prefill", 100, 40, "{\"request_id\":\"y\"}")
                .span(2, 1, "decode", 136.5, 5, "{\"request_id\":\"y\"}")
                .build();
        List<Finding> all = Check.all(trace);
        assertEquals(List.of(ClockSkewRule.ID), all.stream().map(Finding::ruleId).toList());
        assertEquals(3.5, Check.number(all.get(0), "largest skew"), 1e-9);
        assertEquals(2, Check.number(all.get(0), "requests decoding before prefill ends"));
        assertEquals("y", all.get(0).evidence().requestId());
    }

    @Test
    void spanDurationsInTwoUnits() {
        TestTraces t = TestTraces.create();
        double[] mixed = {2.0, 2.1, 2.2, 2000, 2100, 2200};  // ms and s written as one unit
        double[] spread = {2.0, 2.1, 2.2, 60, 63, 66};       // 30x apart: a slow path, not a unit
        double ts = 0;
        for (int i = 0; i < mixed.length; i++) {
            t.span(1, 1, "step", ts, mixed[i], null);
            ts += mixed[i] + 1;
            t.span(1, 2, "load", ts, spread[i], null);
            ts += spread[i] + 1;
        }
        List<Finding> f = Check.rule(t.build(), MixedUnitsRule.ID);
        assertEquals(1, f.size());
        assertEquals(3, Check.number(f.get(0), "small group"));
        assertEquals(2.1, Check.number(f.get(0), "small median"), 1e-9);
        assertEquals(2100.0, Check.number(f.get(0), "large median"), 1e-9);
        assertEquals(1000.0, Check.number(f.get(0), "ratio of medians"), 1e-9);
        assertTrue(f.get(0).message().startsWith("durations of spans \"step\" fall into two groups 1000× apart"),
                f.get(0).message());
    }

    @Test
    void ttftInSecondsAndMillisecondsAcrossRecords() {
        TestTraces t = TestTraces.create();
        double[] ttft = {300, 320, 350, 0.31, 0.29, 0.33, 410};
        for (int i = 0; i < ttft.length; i++) {
            RequestRecord r = record("r" + i);
            r.ttftMs = ttft[i];
            t.request(r);
        }
        List<Finding> f = Check.rule(t.build(), MixedUnitsRule.ID);
        assertEquals(1, f.size());
        assertEquals(0.31, Check.number(f.get(0), "small median"), 1e-9);
        assertEquals(320.0, Check.number(f.get(0), "large median"), 1e-9); // lower median of 300, 320, 350, 410
        assertEquals("r3", f.get(0).evidence().requestId()); // the first of the minority group

        TestTraces near = TestTraces.create();
        for (double v : new double[] {300, 320, 350, 0.31, 0.29}) { // only two in the small group
            RequestRecord r = record("n" + v);
            r.ttftMs = v;
            near.request(r);
        }
        assertEquals(0, Check.rule(near.build(), MixedUnitsRule.ID).size());
    }
}
