package dev.flarescope.analysis.anomaly;

import static dev.flarescope.analysis.requests.TestTraces.ms;
import static dev.flarescope.analysis.requests.TestTraces.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarescope.analysis.Analysis;
import dev.flarescope.analysis.AnalysisOptions;
import dev.flarescope.analysis.AnalysisResult;
import dev.flarescope.analysis.requests.RequestTimeline;
import dev.flarescope.analysis.requests.RequestTimelines;
import dev.flarescope.analysis.requests.TestTraces;
import dev.flarescope.io.TraceLoader;
import dev.flarescope.model.RequestRecord;
import dev.flarescope.model.Severity;
import dev.flarescope.model.Trace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnomalyEngineTest {

    /**
     * 6,000 requests (the sample of impossible metrics, 200 times over), judged in slices in parallel,
     * give exactly the findings, in the same order, of each rule run over all requests in one pass.
     */
    @Test
    void requestRulesInSlicesGiveWhatOnePassGives(@TempDir Path dir) throws IOException {
        List<String> lines = Files.readAllLines(Path.of("sample-traces", "llm-metrics-impossible.jsonl"));
        StringBuilder copies = new StringBuilder();
        for (int copy = 0; copy < 200; copy++) {
            for (String line : lines) {
                copies.append(line).append('\n');
            }
        }
        Path log = dir.resolve("many.jsonl");
        Files.writeString(log, copies);
        Trace trace = TraceLoader.load(List.of(log), TraceLoader.Options.defaults()).trace();
        AnalysisOptions options = AnalysisOptions.defaults();
        List<RequestTimeline> requests = RequestTimelines.build(trace, options.phaseMapping());
        assertEquals(6_000, requests.size());
        AnomalyEngine engine = AnomalyEngine.standard();
        List<Finding> sliced = engine.run(trace, requests, options.thresholds());

        RuleContext context = new RuleContext(trace, requests, options.thresholds());
        List<Finding> onePass = new ArrayList<>();
        for (Rule r : engine.rules()) {
            onePass.addAll(r.check(context));
        }
        onePass.sort(AnomalyEngine.ORDER);
        assertTrue(onePass.size() > 3_000, "the sample's findings, 200 times: " + onePass.size());
        assertEquals(onePass.size(), sliced.size());
        for (int i = 0; i < onePass.size(); i++) {
            Finding a = onePass.get(i);
            Finding b = sliced.get(i);
            assertEquals(a.ruleId() + " " + a.evidence().requestId() + " " + a.message(),
                    b.ruleId() + " " + b.evidence().requestId() + " " + b.message(), "finding " + i);
        }
    }
    private static final long T0 = 1_740_823_200_000_000_000L;

    /** A request as a well-behaved client logs it: 812 prompt tokens, 240 generated at ~20 tok/s. */
    private static RequestRecord plausible(String id, long offsetMs) {
        RequestRecord r = record(id);
        r.provider = "llama.cpp";
        r.model = "qwen3:8b";
        long t = T0 + ms(offsetMs);
        r.arrivalNs = t;
        r.totalStartNs = t;
        r.prefillStartNs = t + ms(5);
        r.prefillEndNs = t + ms(405);       // 812 tokens / 0.4 s = 2030 tok/s
        r.genStartNs = t + ms(412);
        r.genEndNs = t + ms(412 + 11_950); // 239 / 11.95 s = 20.0 tok/s
        r.totalEndNs = t + ms(12_370);
        r.inputTokens = 812;
        r.outputTokens = 240;
        r.ttftMs = 412;
        r.e2eMs = 12_370;
        r.prefillTps = 2030;
        r.decodeTps = 240 / 11.95;
        r.finishReason = "stop";
        return r;
    }

    private static Trace cleanLog() {
        String a = "{\"request_id\":\"pd-1\"}";
        RequestRecord pd = record("pd-1");
        pd.inputTokens = 600;
        pd.outputTokens = 3;
        pd.ttftMs = 50; // from arrival: queue 10 + prefill 30 + transfer 5 + first step 2, and gaps
        return TestTraces.create()
                .bench(Check.tg("/models/Qwen3-8B-Q4_K_M.gguf", "qwen3 8B Q4_K_M", 21.3))
                .request(plausible("m-1", 0)).request(plausible("m-2", 1_000)).request(plausible("m-3", 2_000))
                .request(pd)
                .instant(1, 1, "request.queued", 0, a)
                .span(1, 1, "WorkerProcess.batch_prefill", 10, 30, a)
                .span(2, 1, "kv_transfer", 42, 5, a)
                .span(2, 1, "WorkerProcess.batch_decode", 48, 2, a)
                .span(2, 1, "WorkerProcess.batch_decode", 60, 2, a)
                .span(2, 1, "WorkerProcess.batch_decode", 72, 2, a)
                .instant(1, 1, "http.chat.finished", 75, a)
                .instant(3, 1, "request.start", 1000, "{\"req_id\":\"d-1\"}")
                .instant(3, 1, "request.round", 1100, "{\"req_id\":\"d-1\"}")
                .instant(3, 1, "request.round", 1150, "{\"req_id\":\"d-1\"}")
                .instant(3, 1, "request.end", 1160, "{\"req_id\":\"d-1\"}")
                .span(3, 2, "compute_layer", 1101, 3, null)
                .span(3, 2, "compute_layer", 1105, 2.8, null)
                .span(3, 2, "compute_layer", 1109, 3.1, null)
                .build();
    }

    @Test
    void aCleanPlausibleLogHasNoFindings() {
        AnalysisResult result = Analysis.run(cleanLog(), AnalysisOptions.defaults());
        assertEquals(List.of(), result.findings());
        assertEquals(5, result.requests().size());
        assertEquals(50.0, result.request("pd-1").metrics().ttftMs().value(), 1e-9);
        assertEquals(20.0, result.request("m-1").metrics().decodeTps().value(), 1e-9);
    }

    @Test
    void findingsAreSortedBySeverityThenTime() {
        RequestRecord late = plausible("late", 5_000);
        late.decodeTps = 900;  // impossible-generation-speed (error) and a speed mismatch (warning) at t0 + 5 s
        RequestRecord early = plausible("early", 0);
        early.ttftMs = 20_000; // ttft-exceeds-e2e (error) at t0
        RequestRecord failed = plausible("failed", 3_000);
        failed.failed = true;  // request-failures (warning) at t0 + 3 s
        List<Finding> f = Check.all(TestTraces.create().request(late).request(early).request(failed).build());
        assertEquals(List.of(TtftExceedsE2eRule.ID, ImpossibleGenerationSpeedRule.ID, RequestFailuresRule.ID,
                SpeedMismatchRule.ID), f.stream().map(Finding::ruleId).toList());
        assertEquals(List.of(Severity.ERROR, Severity.ERROR, Severity.WARNING, Severity.WARNING),
                f.stream().map(Finding::severity).toList());
    }

    @Test
    void everyRuleIsDescribedAndThresholdKeysAreUnique() {
        AnomalyEngine engine = AnomalyEngine.standard();
        Set<String> ids = new HashSet<>();
        for (Rule r : engine.rules()) {
            assertTrue(ids.add(r.id()), r.id());
            assertTrue(r.explanation().length() > 100, r.id());
            assertNotNull(r.severity());
        }
        assertEquals(15, ids.size());
        assertEquals(500.0, engine.thresholds().get("default-ceiling-tps").defaultValue());
        assertEquals(0.10, engine.thresholds().get("mismatch-tolerance").defaultValue());
        assertFalse(engine.thresholds().containsKey("unknown"));
        assertNotNull(engine.rule(BurstDeliveryRule.ID));
    }

    @Test
    void traceOnlyRulesFindTheSameWithOrWithoutTheRequestTimelines() {
        // the sample run has request failures, overlapping spans and requests joined from spans
        List<java.nio.file.Path> inputs = List.of(java.nio.file.Path.of("sample-traces", "serving-run"),
                java.nio.file.Path.of("sample-traces", "llm-metrics-impossible.jsonl"));
        Trace trace = dev.flarescope.io.TraceLoader.load(inputs).trace();
        AnomalyEngine engine = AnomalyEngine.standard();
        Thresholds defaults = AnalysisOptions.defaults().thresholds();
        AnalysisResult analysis = Analysis.run(trace, AnalysisOptions.defaults());
        assertFalse(analysis.requests().isEmpty());
        RuleContext full = new RuleContext(trace, analysis.requests(), defaults);
        List<Finding> oneByOne = new java.util.ArrayList<>();
        for (Rule r : engine.rules()) {
            oneByOne.addAll(r.check(full));
            if (r.traceOnly()) {
                assertEquals(describe(r.check(full)), describe(r.check(new RuleContext(trace, List.of(), defaults))),
                        r.id());
            }
        }
        assertFalse(oneByOne.isEmpty());
        // the overlapped run in Analysis finds exactly what running every rule in turn finds, in order
        List<Finding> sorted = engine.run(trace, analysis.requests(), defaults);
        assertEquals(oneByOne.size(), sorted.size());
        assertEquals(describe(sorted), describe(analysis.findings()));
    }

    private static List<String> describe(List<Finding> findings) {
        return findings.stream().map(f -> f.ruleId() + " " + f.evidence().requestId() + " " + f.message()).toList();
    }
}
