package dev.flarescope.ui.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarescope.analysis.anomaly.DecodeCeilings;
import dev.flarescope.analysis.anomaly.Finding;
import dev.flarescope.analysis.anomaly.ImpossibleGenerationSpeedRule;
import dev.flarescope.model.Severity;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The findings panel over {@link RequestFixture}: one error and two warnings. */
class FindingsModelTest {
    @Test
    void countsPerSeverityAndFilters() {
        FindingsModel model = new FindingsModel(RequestFixture.analysed(RequestFixture.trace()));
        assertEquals(1, model.count(Severity.ERROR).get());
        assertEquals(2, model.count(Severity.WARNING).get());
        assertEquals(0, model.count(Severity.INFO).get());
        // most severe first, then by time: r4's failure (1500 ms) before r3's burst (its generation at 3000 ms)
        assertEquals(List.of("impossible-generation-speed", "request-failures", "burst-delivery"), rules(model));

        model.showSeverity(Severity.WARNING).set(false);
        assertEquals(List.of("impossible-generation-speed"), rules(model));
        model.showSeverity(Severity.WARNING).set(true);
        model.ruleFilter().set(model.ruleFilters().stream().filter(f -> f.label().equals("request-failures"))
                .findFirst().orElseThrow());
        assertEquals(List.of("request-failures"), rules(model));

        model.showSeverity(Severity.ERROR).set(false);
        model.showRules("Decode speed tile", Set.of("impossible-generation-speed", "burst-delivery"));
        assertEquals(List.of("impossible-generation-speed", "burst-delivery"), rules(model));
        assertEquals("Decode speed tile", model.ruleFilter().get().label());
    }

    @Test
    void selectingHighlightsTheFindingAndSelectsItsRequest() {
        AnalysisViewModel analysis = RequestFixture.analysed(RequestFixture.trace());
        FindingsModel model = new FindingsModel(analysis);
        Finding impossible = model.shown().get(0);
        model.select(impossible);
        assertEquals(impossible, analysis.session().highlightedFinding().get());
        assertEquals("r3", analysis.session().selectedRequest().get());
        FindingsModel.Target where = model.target(impossible);
        assertEquals("r3", where.requestId());
        assertNull(where.timeline(), "r3 is on the records' clock, not on the trace timeline");
    }

    @Test
    void explainsWithTheRulesOwnTextAndListsTheConvictingNumbers() {
        FindingsModel model = new FindingsModel(RequestFixture.analysed(RequestFixture.trace()));
        Finding impossible = model.shown().get(0);
        assertEquals(new ImpossibleGenerationSpeedRule().explanation(), FindingsModel.explanation(impossible));
        // (101 - 1) tokens over 10 ms; the default ceiling 500 tok/s
        assertEquals(List.of("decode speed: 10000 tok/s", "ceiling: 500 tok/s", "output tokens: 101 tokens"),
                FindingsModel.numbers(impossible));
    }

    @Test
    void ceilingLineNamesTheLlamaBenchBaseline() {
        FindingsModel model = new FindingsModel(RequestFixture.analysed(RequestFixture.withBench(20.0)));
        // 1.5 x 20 = 30 tok/s is the limit the rules apply
        assertEquals(List.of("ceiling: 20.0 tok/s measured by llama-bench (qwen3 8B Q4_K - Medium); "
                + "decode above 30.0 tok/s (1.5 \u00d7) is flagged"), model.ceilingLines());
        FindingsModel without = new FindingsModel(RequestFixture.analysed(RequestFixture.trace()));
        assertTrue(without.ceilingLines().get(0).startsWith("ceiling: 500 tok/s default"));
    }

    @Test
    void editingThresholdsReRunsTheRules() {
        AnalysisViewModel analysis = RequestFixture.analysed(RequestFixture.trace());
        FindingsModel model = new FindingsModel(analysis);
        // r3: 10000 tok/s under a 20000 tok/s ceiling, and 10000 / 50 = 200x its prefill under a limit of 1000x
        analysis.setThreshold(DecodeCeilings.DEFAULT_CEILING, 20000);
        analysis.setThreshold(ImpossibleGenerationSpeedRule.DECODE_OVER_PREFILL, 1000);
        assertEquals(0, model.count(Severity.ERROR).get());
        assertEquals(List.of("request-failures", "burst-delivery"), rules(model));
        analysis.resetThresholds();
        assertEquals(1, model.count(Severity.ERROR).get());
    }

    private static List<String> rules(FindingsModel model) {
        return model.shown().stream().map(Finding::ruleId).toList();
    }
}
