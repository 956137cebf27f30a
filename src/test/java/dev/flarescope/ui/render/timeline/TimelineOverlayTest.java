package dev.flarescope.ui.render.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarescope.analysis.Analysis;
import dev.flarescope.analysis.AnalysisOptions;
import dev.flarescope.analysis.AnalysisResult;
import dev.flarescope.analysis.anomaly.Finding;
import dev.flarescope.io.TraceLoader;
import dev.flarescope.model.Severity;
import dev.flarescope.model.SpanTable;
import dev.flarescope.model.Trace;
import dev.flarescope.ui.render.phases.SeverityStyle;
import dev.flarescope.ui.viewmodel.SpanRef;
import dev.flarescope.ui.viewmodel.TimelineLayout;
import dev.flarescope.ui.viewmodel.TimeRange;
import dev.flarescope.ui.viewmodel.TimeScale;
import dev.flarescope.ui.viewmodel.TraceDensity;
import dev.flarescope.ui.viewmodel.TraceSession;
import java.util.List;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/**
 * Findings and the selected request over the serving-run sample's timeline. The command line's report
 * of the sample lists three findings, all warnings: overlapping-spans at 4027.987 ms, request-failures
 * (chatcmpl-3855a785) at 17126.865 ms, and malformed-input with no time.
 */
class TimelineOverlayTest {
    private static final String FAILED = "chatcmpl-3855a785";
    private static Trace trace;
    private static AnalysisResult analysis;

    @BeforeAll
    static void load() throws Exception {
        FxToolkit.registerPrimaryStage();
        trace = TraceLoader.load(List.of(TimelineScreenshotTest.SAMPLE)).trace();
        analysis = Analysis.run(trace, AnalysisOptions.defaults());
    }

    @Test
    void findingsWithATimeOnTheTraceClockBecomeRulerMarkers() {
        TimelineOverlay o = TimelineOverlay.of(analysis, null, null);
        assertEquals(2, o.markers().size());
        assertEquals(trace.minTs() + 4_027_987_000L, o.markers().get(0).startNs(), 1_000);
        assertEquals(trace.minTs() + 17_126_865_000L, o.markers().get(1).startNs(), 1_000);
        assertTrue(o.markers().stream().allMatch(m -> m.severity() == Severity.WARNING));
        assertNull(o.requestRange());
        assertEquals(TimelineOverlay.NONE, TimelineOverlay.of(null, FAILED, null));
    }

    @Test
    void theSelectedRequestBringsItsRangeAndSpans() {
        TimelineOverlay o = TimelineOverlay.of(analysis, FAILED, null);
        assertNotNull(o.requestRange());
        assertFalse(o.requestSpans().isEmpty());
        for (SpanRef ref : o.requestSpans()) {
            SpanTable spans = ref.table(trace);
            assertTrue(spans.start(ref.span()) >= o.requestRange().start()
                    && spans.start(ref.span()) <= o.requestRange().end(), "span inside the request");
        }
    }

    @Test
    void markersAreDrawnInTheirSeverityColourAndEvidenceAsABand() throws Exception {
        Finding failures = analysis.findings().stream().filter(f -> f.ruleId().equals("request-failures"))
                .findFirst().orElseThrow();
        TimelineOverlay o = TimelineOverlay.of(analysis, FAILED, failures);
        assertEquals(Severity.WARNING, o.evidenceLevel());
        TimelineLayout layout = TimelineLayout.of(trace);
        TimeRange all = TraceSession.bounds(trace);
        TimelineFrame f = new TimelineFrame(layout, all, 1600, 900, 0, null, null, null, null,
                TraceDensity.of(trace, 600), o);
        WritableImage img = TimelineScreenshotTest.onFx(() -> {
            Canvas c = new Canvas(1600, 900);
            new TimelineRenderer(trace).render(c.getGraphicsContext2D(), f);
            return c.snapshot(null, null);
        });
        TimelineScreenshotTest.save(img, "timeline-overlay.png");
        TimeScale scale = TimelineGeometry.tracksScale(all, 1600);
        double x = Math.round(scale.x(o.markers().get(1).startNs()));
        double flagTop = TimelineGeometry.MINIMAP + TimelineGeometry.RULER - 13;
        Color flag = img.getPixelReader().getColor((int) x + 2, (int) (flagTop + 3));
        Color warning = SeverityStyle.color(Severity.WARNING);
        assertEquals(warning.getRed(), flag.getRed(), 0.08);
        assertEquals(warning.getGreen(), flag.getGreen(), 0.08);
        assertEquals(warning.getBlue(), flag.getBlue(), 0.08);
    }
}
