package dev.flarescope.ui.view.timeline;

import dev.flarescope.analysis.stats.TraceFixture;
import dev.flarescope.model.Trace;

/**
 * A small hand-built trace for the timeline and details tests (times in ns).
 *
 * <pre>
 * global instant "deploy" at 5,000
 * api (pid 1): counter "queue" (0 at 0, 3 at 50,000); async "req" id r1 [0, 90,000)
 *   thread 1 "main": request [0, 100,000) holding tokenize [10,000, 30,000) {"model":"Qwen3-8B"}
 *                    and forward [40,000, 90,000); flow "handoff" leaves at 45,000 (inside forward)
 * worker (pid 2):
 *   thread 7 "gpu": forward [50,000, 130,000) {"request_id":"chatcmpl-7"}; the flow arrives at 60,000
 * </pre>
 *
 * Processes sort by name (no sort index): api, then worker.
 */
public final class TimelineFixture {
    private TimelineFixture() {
    }

    public static Trace trace() {
        TraceFixture f = new TraceFixture("fixture.json")
                .processName(1, "api").threadName(1, 1, "main")
                .processName(2, "worker").threadName(2, 7, "gpu")
                .complete(1, 1, "request", 0, 100_000)
                .complete(1, 1, "tokenize", 10_000, 20_000, "{\"model\":\"Qwen3-8B\"}")
                .complete(1, 1, "forward", 40_000, 50_000)
                .complete(2, 7, "forward", 50_000, 80_000, "{\"request_id\":\"chatcmpl-7\"}")
                .counter(1, "queue", 0, "value", 0)
                .counter(1, "queue", 50_000, "value", 3)
                .async('b', 1, "request", "req", "r1", 0)
                .async('e', 1, "request", "req", "r1", 90_000)
                .instant(1, 1, "deploy", 5_000, 'g')
                .flow('s', 1, 1, "handoff", "handoff", "f1", 45_000, false)
                .flow('f', 2, 7, "handoff", "handoff", "f1", 60_000, true);
        return TraceFixture.assemble(f);
    }
}
