package dev.flarescope.ui.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarescope.analysis.anomaly.DecodeCeilings;
import dev.flarescope.model.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnalysisViewModelTest {
    @Test
    void aStaleRunIsDroppedAndTheLatestThresholdsWin() {
        TraceSession session = new TraceSession();
        ManualExecutor background = new ManualExecutor();
        AnalysisViewModel analysis = new AnalysisViewModel(session, Runnable::run, background);
        session.setTrace(RequestFixture.trace(), List.of("metrics.jsonl"));
        analysis.setThreshold(DecodeCeilings.DEFAULT_CEILING, 20000);
        assertTrue(analysis.runningProperty().get());
        assertEquals(2, background.pending());
        background.runNext(); // the run for the default thresholds: stale, skipped
        assertNull(session.analysis().get());
        background.runNext();
        assertFalse(analysis.runningProperty().get());
        // r3 is still flagged by decode / prefill = 200x (limit 10x), not by the ceiling
        assertEquals(1, session.analysis().get().findingsAtLeast(Severity.ERROR).size());
        assertTrue(session.analysis().get().findings().get(0).message().contains("prefill speed"));
    }

    @Test
    void aNewTraceClearsTheSelection() {
        AnalysisViewModel analysis = RequestFixture.analysed(RequestFixture.trace());
        TraceSession session = analysis.session();
        session.selectedRequest().set("r3");
        session.highlightedFinding().set(session.analysis().get().findings().get(0));
        session.setTrace(RequestFixture.trace(), List.of("again.jsonl"));
        assertNull(session.selectedRequest().get());
        assertNull(session.highlightedFinding().get());
        assertEquals(4, session.analysis().get().requests().size());
    }
}
