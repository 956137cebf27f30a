package dev.flarescope.analysis.requests;

import static dev.flarescope.analysis.requests.TestTraces.ms;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarescope.model.RawEvent;
import dev.flarescope.model.RequestRecord;
import dev.flarescope.model.Trace;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RequestTimelinesTest {

    private static RequestTimeline only(List<RequestTimeline> all, String id) {
        return all.stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
    }

    /**
     * PyPTO-style disaggregated request r1: queued at 0 on the prefill worker (pid 1), batch prefill
     * [10, 40) shared with r2, KV transfer [42, 47) and decode steps ending at 50, 53, 57, 64 on the
     * decode worker (pid 2), finished at 70.
     */
    static Trace disaggregated(RequestRecord r1) {
        TestTraces t = TestTraces.create()
                .instant(1, 1, "request.queued", 0, "{\"request_id\":\"r1\"}")
                .span(1, 1, "WorkerProcess.batch_prefill", 10, 30, "{\"request_ids\":[\"r1\",\"r2\"],\"batch\":2}")
                .span(2, 1, "kv_transfer", 42, 5, "{\"request_id\":\"r1\",\"bytes\":1048576}")
                .span(2, 1, "WorkerProcess.batch_decode", 48, 2, "{\"request_ids\":[\"r1\"]}")
                .span(2, 1, "WorkerProcess.batch_decode", 51, 2, "{\"request_ids\":[\"r1\"]}")
                .span(2, 1, "WorkerProcess.batch_decode", 55, 2, "{\"request_ids\":[\"r1\"]}")
                .span(2, 1, "WorkerProcess.batch_decode", 62, 2, "{\"request_ids\":[\"r1\"]}")
                .span(2, 1, "model.forward", 62, 1, "{\"layers\":36}")
                .instant(1, 1, "http.chat.finished", 70, "{\"request_id\":\"r1\"}");
        if (r1 != null) {
            t.request(r1);
        }
        return t.build();
    }

    @Test
    void disaggregatedTtftIncludesTransferAndTheFirstDecodeStep() {
        RequestRecord rec = TestTraces.record("r1");
        rec.inputTokens = 600;
        rec.outputTokens = 4;
        rec.ttftMs = 40; // what the prefill worker saw
        Trace trace = disaggregated(rec);
        List<RequestTimeline> all = RequestTimelines.build(trace, PhaseMapping.defaults());
        assertEquals(List.of("r1", "r2"), all.stream().map(RequestTimeline::id).toList());
        RequestTimeline r1 = only(all, "r1");
        assertTrue(r1.disaggregated());
        assertEquals(Basis.DERIVED_FROM_SPANS, r1.timesBasis());
        assertEquals(0, r1.arrivalNs());
        // first token: end of the first decode step after the transfer, 50 ms, not the prefill end at 40
        assertEquals(ms(50), r1.firstTokenNs());
        assertArrayEquals(new long[] {ms(50), ms(53), ms(57), ms(64)}, r1.tokenTimesNs());
        RequestMetrics m = r1.metrics();
        assertEquals(50.0, m.ttftMs().value(), 1e-9);
        assertEquals(Basis.DERIVED_FROM_SPANS, m.ttftMs().basis());
        assertEquals(70.0, m.e2eMs().value(), 1e-9);
        // queued instant opens the queue until the prefill starts at 10
        assertEquals(10.0, m.queueMs().value(), 1e-9);
        // ITLs 3, 4, 7 ms: nearest rank p50 = 2nd = 4, p90 = p99 = 3rd = 7
        assertEquals(4.0, m.itlP50Ms().value(), 1e-9);
        assertEquals(7.0, m.itlP90Ms().value(), 1e-9);
        assertEquals(7.0, m.itlP99Ms().value(), 1e-9);
        // 600 tokens / 30 ms; (4 - 1) tokens / (64 - 50) ms
        assertEquals(20_000.0, m.prefillTps().value(), 1e-6);
        assertEquals(3 / 0.014, m.decodeTps().value(), 1e-6);
        assertEquals(600, m.inputTokens());
        assertEquals(4, m.outputTokens());
        assertEquals(rec, r1.record());

        // phases in time order, each linked to the span it came from
        int p1 = TestTraces.process(trace, 1);
        int p2 = TestTraces.process(trace, 2);
        List<PhaseInterval> phases = r1.phases();
        assertEquals(List.of(Phase.QUEUE, Phase.PREFILL, Phase.KV_TRANSFER, Phase.DECODE, Phase.DECODE, Phase.DECODE,
                Phase.DECODE), phases.stream().map(PhaseInterval::phase).toList());
        assertEquals(new EventRef(EventKind.THREAD_INSTANT, p1, 0, 0), phases.get(0).source());
        assertEquals(new PhaseInterval(Phase.PREFILL, ms(10), ms(30), new EventRef(EventKind.SPAN, p1, 0, 0)), phases.get(1));
        assertEquals(new PhaseInterval(Phase.KV_TRANSFER, ms(42), ms(5), new EventRef(EventKind.SPAN, p2, 0, 0)), phases.get(2));
        assertEquals(ms(55), phases.get(5).startNs());
        // model.forward names no request and is not linked
        assertEquals(8, r1.events().size());
        assertEquals(ms(30), r1.totalNs(Phase.PREFILL));

        // r2 shares the batch prefill span and nothing else
        RequestTimeline r2 = only(all, "r2");
        assertNull(r2.record());
        assertEquals(List.of(Phase.PREFILL), r2.phases().stream().map(PhaseInterval::phase).toList());
        assertFalse(r2.disaggregated());
        assertEquals(ms(40), r2.firstTokenNs()); // aggregated: the prefill pass samples the first token
    }

    @Test
    void dnetTtftIsMeasuredFromRequestStartNotBetweenTheFirstTwoTokens() {
        Trace trace = TestTraces.create()
                .instant(4242, 1, "request.start", 1000, "{\"req_id\":\"d-1\"}")
                .instant(4242, 1, "request.round", 1100, "{\"ms\":3.2,\"req_id\":\"d-1\"}")
                .instant(4242, 1, "request.round", 1120, "{\"req_id\":\"d-1\"}")
                .instant(4242, 1, "request.round", 1150, "{\"req_id\":\"d-1\"}")
                .instant(4242, 1, "request.round", 1190, "{\"req_id\":\"d-1\"}")
                .instant(4242, 1, "request.end", 1200, "{\"req_id\":\"d-1\"}")
                .span(4242, 1, "compute_layer", 1101, 1, "{\"rid\":7}")
                .build();
        List<RequestTimeline> all = RequestTimelines.build(trace, PhaseMapping.defaults());
        RequestTimeline d = only(all, "d-1");
        RequestMetrics m = d.metrics();
        assertEquals(100.0, m.ttftMs().value(), 1e-9); // dnet's perf stat would say 20
        assertEquals(200.0, m.e2eMs().value(), 1e-9);
        assertEquals(4, m.outputTokens()); // counted from the rounds: no record
        assertEquals(3 / 0.090, m.decodeTps().value(), 1e-9);
        assertEquals(30.0, m.itlP50Ms().value(), 1e-9);
        assertEquals(40.0, m.itlP99Ms().value(), 1e-9);
        assertFalse(m.prefillTps().known());
        assertTrue(d.phases().isEmpty());
        // numeric ids are joined by their text
        assertEquals(1, only(all, "7").events().size());
    }

    @Test
    void asyncSlicesJoinTheirRequest() {
        Trace trace = TestTraces.create()
                .asyncSlice(9, "prefill", "a", 5, 20, "{\"request_id\":\"q\"}")
                .asyncSlice(9, "decode", "b", 26, 100, "{\"request_id\":\"q\"}")
                .build();
        RequestTimeline q = only(RequestTimelines.build(trace, PhaseMapping.defaults()), "q");
        assertEquals(List.of(Phase.PREFILL, Phase.DECODE), q.phases().stream().map(PhaseInterval::phase).toList());
        assertEquals(EventKind.ASYNC, q.phases().get(0).source().kind());
        assertEquals(-1, q.phases().get(0).source().thread());
        // one decode interval is a window, not a step: first token at the prefill end, last at the decode end
        assertEquals(ms(25), q.firstTokenNs());
        assertEquals(ms(126), q.lastTokenNs());
        assertEquals(0, q.tokenCount());
    }

    @Test
    void rawTimestampsDefineTheMetricsOfARecordWithoutSpans() {
        long t0 = 1_740_823_200_250_000_000L;
        RequestRecord r = TestTraces.record("m1");
        r.totalStartNs = t0;
        r.prefillStartNs = t0 + ms(10);
        r.prefillEndNs = t0 + ms(60);
        r.genStartNs = t0 + ms(80);
        r.genEndNs = t0 + ms(2080);
        r.totalEndNs = t0 + ms(2100);
        r.inputTokens = 500;
        r.outputTokens = 201;
        r.ttftMs = 75; // reported, but the raw timestamps win
        r.queueMs = 5; // no raw timestamp for it: reported
        r.decodeTps = 100.5;
        RequestTimeline t = only(RequestTimelines.build(TestTraces.create().request(r).build(), PhaseMapping.defaults()), "m1");
        RequestMetrics m = t.metrics();
        assertEquals(Basis.DERIVED_FROM_RAW_TIMESTAMPS, t.timesBasis());
        assertEquals(80.0, m.ttftMs().value(), 1e-9);
        assertEquals(Basis.DERIVED_FROM_RAW_TIMESTAMPS, m.ttftMs().basis());
        assertEquals(2100.0, m.e2eMs().value(), 1e-9);
        assertEquals(new Measure(5.0, Basis.REPORTED), m.queueMs());
        assertEquals(500 / 0.050, m.prefillTps().value(), 1e-6);
        assertEquals(200 / 2.0, m.decodeTps().value(), 1e-9);
        assertEquals(List.of(new PhaseInterval(Phase.PREFILL, t0 + ms(10), ms(50), null),
                new PhaseInterval(Phase.DECODE, t0 + ms(80), ms(2000), null)), t.phases());
    }

    @Test
    void reportedNumbersAreUsedWhenNothingElseExists() {
        RequestRecord r = TestTraces.record("rep");
        r.ttftMs = 120;
        r.e2eMs = 900;
        r.decodeTps = 42;
        r.arrivalNs = 77;
        r.itlMs = new double[] {5, 1, 3, 2, 4, 10, 6, 7, 8, 9};
        RequestTimeline t = only(RequestTimelines.build(TestTraces.create().request(r).build(), PhaseMapping.defaults()), "rep");
        RequestMetrics m = t.metrics();
        assertEquals(new Measure(120.0, Basis.REPORTED), m.ttftMs());
        assertEquals(new Measure(42.0, Basis.REPORTED), m.decodeTps());
        assertEquals(Basis.REPORTED, t.timesBasis());
        assertEquals(77, t.arrivalNs());
        assertEquals(RawEvent.NO_TIME, t.firstTokenNs());
        double[] sorted = r.itlMs.clone();
        Arrays.sort(sorted);
        assertEquals(sorted[4], m.itlP50Ms().value()); // rank ceil(0.5 * 10) = 5
        assertEquals(sorted[8], m.itlP90Ms().value()); // rank 9
        assertEquals(sorted[9], m.itlP99Ms().value()); // rank ceil(9.9) = 10
        assertFalse(m.prefillTps().known());
    }

    @Test
    void nearestRankPercentilesAgreeWithCountingOverASort() {
        Random random = new Random(7);
        for (int n : new int[] {1, 2, 3, 10, 101, 1000}) {
            double[] v = random.doubles(n, 0, 50).toArray();
            double[] sorted = v.clone();
            Arrays.sort(sorted);
            for (double p : new double[] {50, 90, 99, 100}) {
                double x = Percentiles.nearestRank(sorted, p);
                long atOrBelow = Arrays.stream(v).filter(y -> y <= x).count();
                long below = Arrays.stream(v).filter(y -> y < x).count();
                // the smallest value with at least p% of the data at or below it
                assertTrue(atOrBelow >= p / 100 * n, n + " p" + p);
                assertTrue(below < p / 100 * n, n + " p" + p);
            }
        }
        assertTrue(Double.isNaN(Percentiles.nearestRank(new double[0], 50)));
    }

    @Test
    void preCheckFindsQuotedKeysOnly() {
        assertTrue(mentionsRequest("{\"request_ids\":[1,2]}"));
        assertTrue(mentionsRequest("{\"a\":1,\"req_id\":\"x\"}"));
        assertTrue(mentionsRequest("{\"rid\":3}"));
        assertFalse(mentionsRequest("{\"grid\":3,\"req\":1}"));
        assertFalse(mentionsRequest("{\"ri\":3}"));
    }

    private static boolean mentionsRequest(String json) {
        dev.flarescope.model.ArgStore store = new dev.flarescope.model.ArgStore();
        store.add("{\"pad\":0}");
        return store.containsAny(store.add(json), RequestEventScanner.REQUEST_KEYS);
    }
}
