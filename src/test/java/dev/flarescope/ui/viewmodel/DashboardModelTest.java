package dev.flarescope.ui.viewmodel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarescope.analysis.Analysis;
import dev.flarescope.analysis.AnalysisOptions;
import dev.flarescope.analysis.AnalysisResult;
import dev.flarescope.model.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The dashboard over {@link RequestFixture}'s four requests, with series of four buckets. */
class DashboardModelTest {
    private static final double BUCKET_MS = 3010 / 4.0; // first arrival 0 to latest end 3010 ms

    private final AnalysisResult analysis = Analysis.run(RequestFixture.trace(), AnalysisOptions.defaults());
    private final DashboardFigures f = DashboardModel.compute(analysis, 4);

    @Test
    void percentilesCountsAndSuccessRate() {
        assertEquals(4, f.requests());
        assertEquals(1, f.failed());
        assertEquals(0.75, f.successRate(), 1e-12);
        assertEquals(200, f.ttftP50Ms(), 1e-9); // of 100, 200, 2000: rank 2
        assertEquals(2000, f.ttftP99Ms(), 1e-9); // rank 3
        assertEquals(20, f.decodeP50Tps(), 1e-9); // of 20, 20, 10000
        assertEquals(1000, f.prefillP50Tps(), 1e-9); // of 50, 1000, 2000
        assertEquals(1, f.findingCount(Severity.ERROR));
        assertEquals(2, f.findingCount(Severity.WARNING));
    }

    @Test
    void inFlightFromArrivalsAndEnds() {
        assertEquals(RequestClock.RECORD, f.clock());
        assertEquals(0, f.inFlightNow(), "every request has ended");
        assertEquals(3, f.inFlightPeak()); // r1, r2, r3 at 1000 ms; r1 ends at 1100 before r4 arrives at 1500
        assertEquals(Math.round(BUCKET_MS * 1e6), f.bucketNs());
        // time each request spends in each bucket [0, 752.5) [752.5, 1505) [1505, 2257.5) [2257.5, 3010), ms
        double[] expected = {
            (752.5 + 252.5) / BUCKET_MS,
            (347.5 + 752.5 + 505 + 5) / BUCKET_MS,
            (752.5 + 752.5 + 95) / BUCKET_MS,
            (442.5 + 752.5) / BUCKET_MS};
        assertArrayEquals(expected, f.inFlight(), 1e-9);
    }

    @Test
    void tokensPerSecondSpreadOverEachRequestsGeneration() {
        double s = BUCKET_MS / 1000;
        // r1: 21 tokens over 100..1100 ms; r2: 41 over 700..2700; r3: 101 over 3000..3010
        double[] expected = {
            (21 * 652.5 / 1000 + 41 * 52.5 / 2000) / s,
            (21 * 347.5 / 1000 + 41 * 752.5 / 2000) / s,
            (41 * 752.5 / 2000) / s,
            (41 * 442.5 / 2000 + 101) / s};
        assertArrayEquals(expected, f.tokensPerS(), 1e-6);
    }

    @Test
    void tilesInAlarmListTheFindingsBehindThem() {
        assertEquals(List.of("impossible-generation-speed", "burst-delivery"),
                f.alarms(DashboardMetric.DECODE).stream().map(x -> x.ruleId()).toList());
        assertEquals(List.of("request-failures"),
                f.alarms(DashboardMetric.SUCCESS_RATE).stream().map(x -> x.ruleId()).toList());
        assertTrue(f.alarms(DashboardMetric.TTFT_P50).isEmpty());
        assertTrue(f.alarms(DashboardMetric.PREFILL).isEmpty());
        assertEquals(1, f.alarms(DashboardMetric.FINDINGS).size(), "errors only");
    }

    @Test
    void acceptsSnapshotsRepeatedly() {
        DashboardModel model = new DashboardModel();
        model.accept(analysis);
        assertEquals(4, model.figures().requests());
        model.accept(null);
        assertEquals(0, model.figures().requests());
        model.accept(analysis);
        assertEquals(0.75, model.figures().successRate(), 1e-12);
    }
}
