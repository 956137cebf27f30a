package dev.flarescope.ui.viewmodel;

import static dev.flarescope.analysis.requests.TestTraces.ms;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarescope.ui.viewmodel.PhaseTimelineModel.GroupKey;
import dev.flarescope.ui.viewmodel.PhaseTimelineModel.SortKey;
import dev.flarescope.model.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The phase timeline over {@link RequestFixture}'s four requests. */
class PhaseTimelineModelTest {
    private final AnalysisViewModel analysis = RequestFixture.analysed(RequestFixture.trace());
    private final PhaseTimelineModel model = new PhaseTimelineModel(analysis.session());

    @Test
    void requestsFromMetricsRecordsGetTheRecordsClockAndTheirOwnAxis() {
        assertEquals(List.of(RequestClock.RECORD), model.clocks());
        assertEquals(RequestClock.RECORD, model.clock().get());
        // 0 to 3010 ms with a fiftieth of that (60.2 ms) either side
        assertEquals(new TimeRange(-ms(60.2), ms(3070.2)), model.bounds());
        assertEquals(model.bounds(), model.viewport().get());
        assertEquals(0, model.origin());
        assertNotSame(analysis.session().viewport(), model.viewport(), "not the trace timeline's axis");
    }

    @Test
    void sortsByArrivalTtftAndE2e() {
        assertEquals(List.of("r1", "r2", "r3", "r4"), ids());
        model.sort().set(SortKey.TTFT); // 2000, 200, 100, unknown
        assertEquals(List.of("r3", "r2", "r1", "r4"), ids());
        model.sort().set(SortKey.E2E); // 2200, 2010, 1100, 100
        assertEquals(List.of("r2", "r3", "r1", "r4"), ids());
    }

    @Test
    void filtersByTextAndByFindings() {
        model.filter().set("IMPOSSIBLE");
        assertEquals(List.of("r3"), ids());
        model.filter().set("llama");
        assertEquals(List.of("r3"), ids());
        model.filter().set("");
        model.onlyWithFindings().set(true);
        assertEquals(List.of("r3", "r4"), ids());
    }

    @Test
    void groupsByModelUnderHeaders() {
        model.group().set(GroupKey.MODEL);
        List<String> labels = model.rows().stream()
                .map(r -> r.isHeader() ? "# " + r.label() : r.request().id()).toList();
        assertEquals(List.of("# (unknown)  \u00b7  1 request", "r4", "# llama-3-8b  \u00b7  1 request", "r3",
                "# qwen3-8b  \u00b7  2 requests", "r1", "r2"), labels);
        assertEquals(3, model.rowOf("r3"));
    }

    @Test
    void rowsCarryTheirFindingsWorstFirst() {
        PhaseRow r3 = model.rows().get(2);
        assertEquals("r3", r3.request().id());
        assertEquals(List.of("impossible-generation-speed", "burst-delivery"),
                r3.findings().stream().map(f -> f.ruleId()).toList());
        assertEquals(Severity.ERROR, r3.worst());
        assertNull(model.rows().get(0).worst());
    }

    @Test
    void distributionsOfTheShownRequests() {
        Histogram decode = model.decodeHistogram().get();
        // 20, 20 and 10000 tok/s (r4 has none): a ratio of 500, so log bins
        assertEquals(3, decode.n());
        assertTrue(decode.log());
        assertEquals(20, decode.p50(), 1e-9);
        assertEquals(10000, decode.p90(), 1e-6);
        Histogram ttft = model.ttftHistogram().get();
        // 100, 200, 2000 ms over 24 linear bins of 79.17 ms: bins 0, 1 and 23
        assertEquals(3, ttft.n());
        int[] expected = new int[24];
        expected[0] = 1;
        expected[1] = 1;
        expected[23] = 1;
        assertArrayEquals(expected, ttft.counts());
        assertEquals(200, ttft.p50(), 1e-9);
        assertTrue(model.itlHistogram().get().isEmpty(), "no token times, no reported ITLs");

        model.filter().set("qwen3");
        assertEquals(2, model.decodeHistogram().get().n());
    }

    @Test
    void revealClearsAFilterThatHidesTheRequest() {
        model.filter().set("llama");
        assertEquals(-1, model.rowOf("r1"));
        assertEquals(0, model.reveal("r1"));
        assertEquals("", model.filter().get());
        assertEquals(-1, model.reveal("nope"));
    }

    private List<String> ids() {
        return model.rows().stream().map(r -> r.request().id()).toList();
    }
}
