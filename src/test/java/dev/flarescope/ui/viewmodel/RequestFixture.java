package dev.flarescope.ui.viewmodel;

import static dev.flarescope.analysis.requests.TestTraces.ms;

import dev.flarescope.analysis.requests.TestTraces;
import dev.flarescope.model.BenchResult;
import dev.flarescope.model.RequestRecord;
import dev.flarescope.model.Trace;
import java.util.List;

/**
 * Four requests known only from metrics records (so on the records' clock), with figures worked out by
 * hand. Times in ms from the first arrival:
 *
 * <pre>
 * id  model       start  prefill      generation    end   in   out  TTFT  E2E   prefill tok/s  decode tok/s
 * r1  qwen3-8b        0  0-100        100-1100      1100  100   21   100  1100   1000           (21-1)/1 s = 20
 * r2  qwen3-8b      500  500-700      700-2700      2700  400   41   200  2200   2000           40/2 s = 20
 * r3  llama-3-8b   1000  1000-3000    3000-3010     3010  100  101  2000  2010     50           100/0.01 s = 10000
 * r4  (none)       1500  -            -             1600  failed ("error")                       E2E 100
 * </pre>
 *
 * r3 decodes at 10,000 tok/s, above the default ceiling of 500 tok/s: one error
 * (impossible-generation-speed); its 101 tokens in 10 ms also need at least 101 ms at 1 ms per token:
 * one warning (burst-delivery). r4 failed: one warning (request-failures, 1 of 4). Three findings.
 */
final class RequestFixture {
    private RequestFixture() {
    }

    static Trace trace() {
        return withBench(null);
    }

    /** The same requests and a llama-bench tg128 result of {@code tgTps} for "qwen3 8B Q4_K - Medium". */
    static Trace withBench(Double tgTps) {
        TestTraces t = TestTraces.create()
                .request(record("r1", "qwen3-8b", 0, 100, 1100, 100, 21))
                .request(record("r2", "qwen3-8b", 500, 700, 2700, 400, 41))
                .request(record("r3", "llama-3-8b", 1000, 3000, 3010, 100, 101));
        RequestRecord failed = TestTraces.record("r4");
        failed.totalStartNs = ms(1500);
        failed.totalEndNs = ms(1600);
        failed.failed = true;
        failed.error = "boom";
        t.request(failed);
        if (tgTps != null) {
            BenchResult b = new BenchResult();
            b.model = "/models/Qwen3-8B-Q4_K_M.gguf";
            b.modelType = "qwen3 8B Q4_K - Medium";
            b.nGen = 128;
            b.test = "tg128";
            b.avgTps = tgTps;
            t.bench(b);
        }
        return t.build();
    }

    /** Prefill from start to {@code genStart}, generation to {@code end}, which is also the request's end. */
    private static RequestRecord record(String id, String model, double start, double genStart, double end,
                                        long in, long out) {
        RequestRecord r = TestTraces.record(id);
        r.model = model;
        r.totalStartNs = ms(start);
        r.prefillStartNs = ms(start);
        r.prefillEndNs = ms(genStart);
        r.genStartNs = ms(genStart);
        r.genEndNs = ms(end);
        r.totalEndNs = ms(end);
        r.inputTokens = in;
        r.outputTokens = out;
        return r;
    }

    /** A session showing {@code trace}, analysed on the calling thread. */
    static AnalysisViewModel analysed(Trace trace) {
        TraceSession session = new TraceSession();
        AnalysisViewModel analysis = new AnalysisViewModel(session, Runnable::run, Runnable::run);
        session.setTrace(trace, List.of("metrics.jsonl"));
        return analysis;
    }
}
