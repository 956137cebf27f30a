package dev.flarescope.analysis.anomaly;

import static dev.flarescope.analysis.requests.TestTraces.ms;
import static dev.flarescope.analysis.requests.TestTraces.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarescope.analysis.requests.TestTraces;
import dev.flarescope.model.RequestRecord;
import dev.flarescope.model.Severity;
import dev.flarescope.model.Trace;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestRulesTest {
    private static final long T0 = 1_740_823_200_000_000_000L;

    private static RequestRecord phases(String id, double prefillStart, double prefillEnd, double genStart, double genEnd) {
        RequestRecord r = record(id);
        r.totalStartNs = T0;
        r.prefillStartNs = T0 + ms(prefillStart);
        r.prefillEndNs = T0 + ms(prefillEnd);
        r.genStartNs = T0 + ms(genStart);
        r.genEndNs = T0 + ms(genEnd);
        r.totalEndNs = T0 + ms(Math.max(genEnd, genStart) + 1);
        return r;
    }

    private static List<String> ids(List<Finding> f) {
        return f.stream().map(x -> x.evidence().requestId()).sorted().toList();
    }

    @Test
    void phaseOrderFromRawTimestamps() {
        Trace trace = TestTraces.create()
                .request(phases("early-gen", 10, 60, 55, 500))     // generation 5 ms before prefill ends
                .request(phases("touching", 10, 60, 60, 500))      // near miss: starts as prefill ends
                .request(phases("backwards", 60, 10, 70, 500))     // prefill ends before it starts
                .build();
        List<Finding> f = Check.rule(trace, PhaseOrderRule.ID);
        assertEquals(List.of("backwards", "early-gen"), ids(f));
        Finding early = f.stream().filter(x -> x.evidence().requestId().equals("early-gen")).findFirst().orElseThrow();
        assertEquals("generation starts before prefill ends by 5 ms", early.message());
        assertEquals(5.0, Check.number(early, "prefill_end - gen_start"), 1e-9);
        assertEquals(Severity.ERROR, early.severity());
        assertEquals(T0 + ms(55), early.evidence().startNs());
        assertEquals(T0 + ms(60), early.evidence().endNs());
    }

    @Test
    void totalMustContainItsPhases() {
        RequestRecord r = phases("outside", 10, 60, 70, 500);
        r.totalEndNs = T0 + ms(480);
        List<Finding> f = Check.rule(TestTraces.create().request(r).build(), PhaseOrderRule.ID);
        assertEquals(1, f.size());
        assertTrue(f.get(0).message().startsWith("total does not contain its phases"), f.get(0).message());
        assertEquals(20.0, Check.number(f.get(0), "latest phase time - total_end"), 1e-9);
    }

    @Test
    void decodeBeforePrefillEndsInOneProcess() {
        Trace trace = TestTraces.create()
                .span(1, 1, "prefill", 0, 40, "{\"request_id\":\"a\"}")
                .span(1, 1, "decode", 38, 10, "{\"request_id\":\"a\"}")
                .span(1, 2, "prefill", 0, 40, "{\"request_id\":\"b\"}")
                .span(1, 2, "decode", 40, 10, "{\"request_id\":\"b\"}")
                .build();
        List<Finding> f = Check.rule(trace, PhaseOrderRule.ID);
        assertEquals(List.of("a"), ids(f));
        assertEquals(2.0, Check.number(f.get(0), "prefill end - decode start"), 1e-9);
    }

    @Test
    void negativeReportedDurationsAndSpans() {
        RequestRecord neg = record("neg");
        neg.ttftMs = -3;
        neg.e2eMs = 100;
        neg.itlMs = new double[] {5, -1, 4};
        RequestRecord zero = record("zero");
        zero.ttftMs = 0;
        Trace trace = TestTraces.create().span(1, 1, "bad", 10, -5, null).request(neg).request(zero).build();
        List<Finding> f = Check.rule(trace, NegativeDurationRule.ID);
        assertEquals(2, f.size());
        Finding span = f.stream().filter(x -> x.evidence().requestId() == null).findFirst().orElseThrow();
        assertEquals(1, Check.number(span, "count"));
        assertEquals(ms(10), span.evidence().startNs());
        Finding rec = f.stream().filter(x -> "neg".equals(x.evidence().requestId())).findFirst().orElseThrow();
        assertEquals(-3.0, Check.number(rec, "TTFT"));
        assertEquals(-1.0, Check.number(rec, "inter-token latency #2"));
        assertEquals("reported TTFT -3 ms, inter-token latency #2 -1 ms below zero", rec.message());
    }

    @Test
    void ttftExceedingE2eIsAnErrorButEqualIsFine() {
        RequestRecord over = record("over");
        over.ttftMs = 1200;
        over.e2eMs = 1000;
        RequestRecord equal = record("equal");
        equal.ttftMs = 1000;
        equal.e2eMs = 1000;
        List<Finding> f = Check.rule(TestTraces.create().request(over).request(equal).build(), TtftExceedsE2eRule.ID);
        assertEquals(List.of("over"), ids(f));
        assertEquals("TTFT 1200 ms exceeds the end-to-end time of 1000 ms (reported)", f.get(0).message());
    }

    /** Prefill [10, 40) on pid 1, transfer [42, 47) and a first decode step [48, 50) on pid 2. */
    private static Trace disaggregated(String id, double reportedTtftMs) {
        RequestRecord r = record(id);
        r.ttftMs = reportedTtftMs;
        String args = "{\"request_id\":\"" + id + "\"}";
        return TestTraces.create()
                .span(1, 1, "prefill", 10, 30, args)
                .span(2, 1, "kv_transfer", 42, 5, args)
                .span(2, 1, "decode", 48, 2, args)
                .span(2, 1, "decode", 51, 2, args)
                .request(r).build();
    }

    @Test
    void disaggregatedTtftMustCoverPrefillTransferAndFirstStep() {
        // minimum = 30 + 5 + 2 = 37 ms
        List<Finding> f = Check.rule(disaggregated("short", 35), TtftExcludesTransferRule.ID);
        assertEquals(1, f.size());
        assertEquals(Severity.WARNING, f.get(0).severity());
        assertEquals(35.0, Check.number(f.get(0), "reported TTFT"));
        assertEquals(30.0, Check.number(f.get(0), "prefill"), 1e-9);
        assertEquals(5.0, Check.number(f.get(0), "KV transfer"), 1e-9);
        assertEquals(2.0, Check.number(f.get(0), "first decode step"), 1e-9);
        assertEquals(37.0, Check.number(f.get(0), "minimum TTFT"), 1e-9);
        assertEquals(0, Check.rule(disaggregated("exact", 37), TtftExcludesTransferRule.ID).size());
    }

    @Test
    void eventsBeforeTheStartAndMissingRounds() {
        RequestRecord r = record("d-1");
        r.outputTokens = 4;
        Trace trace = TestTraces.create()
                .instant(1, 1, "request.round", 95, "{\"req_id\":\"d-1\"}")
                .instant(1, 1, "request.start", 100, "{\"req_id\":\"d-1\"}")
                .instant(1, 1, "request.round", 150, "{\"req_id\":\"d-1\"}")
                .instant(1, 1, "request.round", 170, "{\"req_id\":\"d-1\"}")
                .instant(1, 1, "request.end", 200, "{\"req_id\":\"d-1\"}")
                .instant(1, 1, "request.start", 300, "{\"req_id\":\"d-2\"}")
                .instant(1, 1, "request.round", 350, "{\"req_id\":\"d-2\"}")
                .instant(1, 1, "request.end", 400, "{\"req_id\":\"d-2\"}")
                .request(r).build();
        List<Finding> f = Check.rule(trace, DroppedEventsRule.ID);
        assertEquals(List.of("d-1"), ids(f));
        assertEquals("1 event precedes the request's start by up to 5 ms; the record says 4 output tokens but the trace "
                + "has 3 token events", f.get(0).message());
        assertEquals(3, Check.number(f.get(0), "token events"));
    }

    @Test
    void failuresGiveOneFindingWithTheSuccessRate() {
        RequestRecord failed = record("f");
        failed.failed = true;
        failed.finishReason = "timeout";
        Trace trace = TestTraces.create().request(record("a")).request(record("b")).request(failed).request(record("c")).build();
        List<Finding> f = Check.rule(trace, RequestFailuresRule.ID);
        assertEquals(1, f.size());
        assertEquals("1 of 4 requests failed or timed out (timeout ×1); success rate 75.0%", f.get(0).message());
        assertEquals(75.0, Check.number(f.get(0), "success rate"), 1e-9);
        assertEquals(0, Check.rule(TestTraces.create().request(record("a")).build(), RequestFailuresRule.ID).size());
    }

    @Test
    void failuresCountEveryRequestAndPointAtTheFirstOnItsOwnClock() {
        RequestRecord timeout = record("b");
        timeout.failed = true;
        timeout.finishReason = "timeout";
        timeout.arrivalNs = T0; // wall clock, record only
        RequestRecord aborted = record("c");
        aborted.failed = true;
        aborted.finishReason = "abort";
        aborted.arrivalNs = T0 + ms(1_000); // wall clock; its trace events are on the trace's clock
        Trace trace = TestTraces.create()
                .request(record("a")).request(timeout).request(aborted)
                .span(7, 1, "http.chat_completions", 2, 6, "{\"request_id\":\"c\"}")
                .span(8, 1, "http.chat_completions", 5, 10, "{\"request_id\":\"t1\"}")
                .instant(8, 1, "http.chat_completions.finished", 15, "{\"request_id\":\"t1\",\"status\":500}")
                .span(8, 1, "http.chat_completions", 20, 10, "{\"request_id\":\"t2\"}")
                .instant(8, 1, "http.chat_completions.finished", 30, "{\"request_id\":\"t2\",\"status\":200}")
                .build();
        List<Finding> f = Check.rule(trace, RequestFailuresRule.ID);
        assertEquals(1, f.size());
        // a, b, c from records (c with events too), t1 and t2 from events only: 3 of 5 failed
        assertEquals("3 of 5 requests failed or timed out (HTTP 500 ×1, abort ×1, timeout ×1); success rate 40.0%",
                f.get(0).message());
        assertEquals(3, Check.number(f.get(0), "failed"));
        assertEquals(5, Check.number(f.get(0), "total"));
        // the first failed request is c, timed by its span on pid 7 from 2 to 8 ms, not by its record's arrival
        Evidence e = f.get(0).evidence();
        assertEquals("c", e.requestId());
        assertEquals(ms(2), e.startNs());
        assertEquals(ms(8), e.endNs());
        assertEquals(TestTraces.process(trace, 7), e.process());
    }
}
