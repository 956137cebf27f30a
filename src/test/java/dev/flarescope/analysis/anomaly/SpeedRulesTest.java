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

class SpeedRulesTest {
    private static final String IMPOSSIBLE = ImpossibleGenerationSpeedRule.ID;
    private static final long T0 = 1_740_823_200_000_000_000L;

    private static RequestRecord decoding(String id, String model, double tps) {
        RequestRecord r = record(id);
        r.model = model;
        r.decodeTps = tps;
        return r;
    }

    /** A record whose generation window, from raw timestamps, is {@code windowMs} long. */
    private static RequestRecord generated(String id, long outputTokens, double windowMs) {
        RequestRecord r = record(id);
        r.outputTokens = outputTokens;
        r.totalStartNs = T0;
        r.genStartNs = T0 + ms(100);
        r.genEndNs = T0 + ms(100 + windowMs);
        r.totalEndNs = r.genEndNs;
        return r;
    }

    @Test
    void defaultCeilingIsStrict() {
        Trace trace = TestTraces.create().request(decoding("fast", "gpt-x", 501)).request(decoding("ok", "gpt-x", 499)).build();
        List<Finding> f = Check.rule(trace, IMPOSSIBLE);
        assertEquals(1, f.size());
        assertEquals("fast", f.get(0).evidence().requestId());
        assertEquals(Severity.ERROR, f.get(0).severity());
        assertEquals(501, Check.number(f.get(0), "decode speed"));
        assertEquals(500, Check.number(f.get(0), "ceiling"));
        assertTrue(f.get(0).message().contains("ceiling: 500 tok/s default"), f.get(0).message());
        // the default is a threshold
        assertEquals(0, Check.rule(trace, IMPOSSIBLE, Thresholds.defaults().with("default-ceiling-tps", 600)).size());
    }

    @Test
    void llamaBenchBaselineOfTheSameModelSetsTheCeiling() {
        // ceiling = 1.5 x 21.3 = 31.95 tok/s
        Trace trace = TestTraces.create()
                .bench(Check.tg("/models/Qwen3-8B-Q4_K_M.gguf", "qwen3 8B Q4_K_M", 21.3))
                .request(decoding("over", "qwen3-8b", 32.0))
                .request(decoding("under", "Qwen3-8B-Q4_K_M", 31.9))
                .request(decoding("other-model", "mistral-7b", 100))
                .build();
        List<Finding> f = Check.rule(trace, IMPOSSIBLE);
        assertEquals(1, f.size());
        assertEquals("over", f.get(0).evidence().requestId());
        assertEquals(31.95, Check.number(f.get(0), "ceiling"), 1e-9);
        assertEquals("decode 32.0 tok/s (reported) exceeds the plausible ceiling; ceiling: 32.0 tok/s = 1.5 × 21.3 tok/s "
                + "measured by llama-bench (qwen3 8B Q4_K_M)", f.get(0).message());
    }

    @Test
    void aSingleBaselineAppliesToEveryLlamaCppRequest() {
        RequestRecord viaServer = decoding("server", "default", 40);
        viaServer.sourceFormat = "llama.cpp-timings";
        RequestRecord viaProvider = decoding("client", "my-alias", 40);
        viaProvider.provider = "llama.cpp";
        RequestRecord elsewhere = decoding("remote", "my-alias", 40);
        elsewhere.provider = "openai";
        Trace trace = TestTraces.create()
                .bench(Check.tg("/models/Qwen3-8B-Q4_K_M.gguf", "qwen3 8B Q4_K_M", 21.3))
                .bench(Check.tg("/models/Qwen3-8B-Q4_K_M.gguf", "qwen3 8B Q4_K_M", 20.9))
                .request(viaServer).request(viaProvider).request(elsewhere).build();
        List<Finding> f = Check.rule(trace, IMPOSSIBLE);
        assertEquals(List.of("client", "server"), f.stream().map(x -> x.evidence().requestId()).sorted().toList());
        // of two tg results of one model the faster one bounds
        assertEquals(31.95, Check.number(f.get(0), "ceiling"), 1e-9);

        Trace twoModels = TestTraces.create()
                .bench(Check.tg("/models/Qwen3-8B-Q4_K_M.gguf", "qwen3 8B Q4_K_M", 21.3))
                .bench(Check.tg("/models/Llama-3.1-8B-Q8_0.gguf", "llama 8B Q8_0", 15.0))
                .request(viaServer).build();
        assertEquals(0, Check.rule(twoModels, IMPOSSIBLE).size()); // which baseline? none: the default 500 applies
    }

    @Test
    void decodeTenTimesFasterThanPrefillIsImpossible() {
        RequestRecord at = decoding("ten", "m", 300);
        at.prefillTps = 30;
        RequestRecord below = decoding("nine", "m", 299);
        below.prefillTps = 30;
        List<Finding> f = Check.rule(TestTraces.create().request(at).request(below).build(), IMPOSSIBLE);
        assertEquals(1, f.size());
        assertEquals("ten", f.get(0).evidence().requestId());
        assertEquals(10.0, Check.number(f.get(0), "decode / prefill"), 1e-9);
        assertTrue(f.get(0).message().contains("10.0× the request's own prefill speed of 30.0 tok/s"), f.get(0).message());
    }

    @Test
    void bufferedStreamIsBothImpossibleAndABurst() {
        // 240 tokens whose first and last arrived 12 ms apart: (240 - 1) / 0.012 s = 19916.7 tok/s
        RequestRecord r = generated("buffered", 240, 12);
        r.provider = "llama.cpp";
        r.model = "qwen3:8b";
        Trace trace = TestTraces.create().bench(Check.tg("/models/Qwen3-8B-Q4_K_M.gguf", "qwen3 8B Q4_K_M", 21.3))
                .request(r).build();
        List<Finding> all = Check.all(trace);
        assertEquals(List.of(IMPOSSIBLE, BurstDeliveryRule.ID), all.stream().map(Finding::ruleId).toList());
        assertEquals(239 / 0.012, Check.number(all.get(0), "decode speed"), 1e-6);
        assertTrue(all.get(0).message().contains("(derived-from-raw-timestamps)"), all.get(0).message());
        Finding burst = all.get(1);
        assertEquals(Severity.WARNING, burst.severity());
        assertEquals(12.0, Check.number(burst, "generation window"), 1e-9);
        assertEquals(240.0, Check.number(burst, "plausible minimum window"), 1e-9);
        assertEquals(240 / 0.012, Check.number(burst, "implied speed"), 1e-6);
        assertEquals(T0 + ms(100), burst.evidence().startNs());
        assertEquals(T0 + ms(112), burst.evidence().endNs());
    }

    @Test
    void burstWindowNearMiss() {
        // 200 tokens need 200 ms at 1 ms each; ceiling raised so only the window test decides
        Thresholds high = Thresholds.defaults().with(DecodeCeilings.DEFAULT_CEILING, 10_000);
        Trace trace = TestTraces.create().request(generated("short", 200, 199)).request(generated("long", 200, 201)).build();
        List<Finding> f = Check.rule(trace, BurstDeliveryRule.ID, high);
        assertEquals(1, f.size());
        assertEquals("short", f.get(0).evidence().requestId());
        assertEquals(199.0, Check.number(f.get(0), "generation window"), 1e-9);
        assertEquals(200.0, Check.number(f.get(0), "plausible minimum window"), 1e-9);
    }

    @Test
    void burstCeilingNearMiss() {
        // 200 tokens in 500 ms is 400 tok/s; in 390 ms, 512.8 tok/s: over the default 500
        Thresholds noItl = Thresholds.defaults().with(BurstDeliveryRule.MIN_ITL, 0);
        Trace trace = TestTraces.create().request(generated("slow", 200, 500)).request(generated("fast", 200, 390)).build();
        List<Finding> f = Check.rule(trace, BurstDeliveryRule.ID, noItl);
        assertEquals(1, f.size());
        assertEquals("fast", f.get(0).evidence().requestId());
        assertEquals(200 / 0.39, Check.number(f.get(0), "implied speed"), 1e-6);
    }

    @Test
    void reportedDecodeSpeedMustMatchTheRawTimestamps() {
        // 101 tokens over 2 s: 50.5 tok/s counting every token, 50 without the first; either is accepted
        List<Finding> f = Check.rule(TestTraces.create()
                .request(withDecode(generated("low-9", 101, 2000), 45.5))      // 9.0% below 50
                .request(withDecode(generated("low-11", 101, 2000), 44.5))     // 11.0% below 50
                .request(withDecode(generated("high-9.9", 101, 2000), 55.5))   // 9.9% above 50.5
                .request(withDecode(generated("high-11.1", 101, 2000), 56.1))  // 11.1% above 50.5
                .build(), SpeedMismatchRule.ID);
        assertEquals(List.of("high-11.1", "low-11"), f.stream().map(x -> x.evidence().requestId()).sorted().toList());
        Finding low = f.stream().filter(x -> x.evidence().requestId().equals("low-11")).findFirst().orElseThrow();
        assertEquals(50.0, Check.number(low, "recomputed decode speed"), 1e-9);
        assertEquals(11.0, Check.number(low, "difference"), 1e-9);
        assertEquals(10.0, Check.number(low, "tolerance"), 1e-9);
        assertTrue(low.message().startsWith("reported decode speed 44.5 tok/s differs by 11.0% from 50.0 tok/s"), low.message());
    }

    @Test
    void reportedSpeedsMustMatchTheServersTimings() {
        RequestRecord off = record("off");
        off.decodeTps = 40;
        off.serverTimings = new RequestRecord.ServerTimings();
        off.serverTimings.predictedPerSecond = 45; // 11.1% apart
        RequestRecord close = record("close");
        close.decodeTps = 41;
        close.serverTimings = new RequestRecord.ServerTimings();
        close.serverTimings.predictedPerSecond = 45; // 8.9% apart
        RequestRecord prefill = record("prefill");
        prefill.prefillTps = 800;
        prefill.inputTokens = 1000;
        prefill.prefillStartNs = T0;
        prefill.prefillEndNs = T0 + ms(1000); // 1000 tok/s recomputed: 20% apart
        List<Finding> f = Check.rule(TestTraces.create().request(off).request(close).request(prefill).build(),
                SpeedMismatchRule.ID);
        assertEquals(List.of("off", "prefill"), f.stream().map(x -> x.evidence().requestId()).sorted().toList());
        Finding p = f.stream().filter(x -> x.evidence().requestId().equals("prefill")).findFirst().orElseThrow();
        assertEquals(1000.0, Check.number(p, "recomputed prefill speed"), 1e-9);
        assertEquals(20.0, Check.number(p, "difference"), 1e-9);
    }

    private static RequestRecord withDecode(RequestRecord r, double tps) {
        r.decodeTps = tps;
        return r;
    }
}
