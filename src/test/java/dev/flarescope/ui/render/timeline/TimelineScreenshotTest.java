package dev.flarescope.ui.render.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarescope.io.TraceLoader;
import dev.flarescope.model.AsyncTable;
import dev.flarescope.model.ProcessTrack;
import dev.flarescope.model.SpanTable;
import dev.flarescope.model.Trace;
import dev.flarescope.ui.render.Palette;
import dev.flarescope.ui.viewmodel.SpanRef;
import dev.flarescope.ui.viewmodel.TimeRange;
import dev.flarescope.ui.viewmodel.TimeScale;
import dev.flarescope.ui.viewmodel.TimelineLayout;
import dev.flarescope.ui.viewmodel.TraceDensity;
import dev.flarescope.ui.viewmodel.TraceSession;
import dev.flarescope.ui.viewmodel.TrackModel;
import dev.flarescope.ui.viewmodel.ViewportMath;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Renders the bundled serving-run sample off-screen, as PNG export does, and checks pixels of the result
 * against the layout: a wide span shows its palette colour where the layout puts it. With the system
 * property {@code flarescope.screenshots} set to a folder, the frames are also written there as PNGs.
 */
class TimelineScreenshotTest {
    static final Path SAMPLE = Path.of("sample-traces", "serving-run");
    private static Trace trace;

    @BeforeAll
    static void load() throws Exception {
        FxToolkit.registerPrimaryStage();
        trace = TraceLoader.load(List.of(SAMPLE)).trace();
    }

    @Test
    void wholeTraceShowsSpansInTheirColours() throws Exception {
        TimelineLayout layout = TimelineLayout.of(trace);
        TimeRange all = TraceSession.bounds(trace);
        WritableImage img = render(TimelineFrame.plain(layout, all, 1600, 900, TraceDensity.of(trace, 600)));
        save(img, "timeline-full.png");

        // the widest depth-0 span of the first thread track on screen is drawn in its name's colour
        TrackModel track = firstThreadTrack(layout);
        SpanTable spans = trace.processes().get(track.process()).threads().get(track.index()).spans();
        int widest = widestAtDepth0(spans);
        TimeScale scale = TimelineGeometry.tracksScale(all, 1600);
        double x = (scale.x(spans.start(widest)) + scale.x(spans.end(widest))) / 2;
        double y = TimelineGeometry.TRACKS_TOP + track.rowTop(0) + 2;
        Color expected = new Palette().forName(trace.string(spans.name(widest)));
        assertColor(expected, img.getPixelReader().getColor((int) x, (int) y));
    }

    @Test
    void zoomedIntoOneRequestLabelsItsSpans() throws Exception {
        ProcessTrack api = trace.processes().get(0);
        AsyncTable requests = api.async();
        int r = shortestFinished(requests);
        TimeRange view = ViewportMath.fit(requests.start(r), requests.end(r), 0.05, TraceSession.bounds(trace));
        TimelineLayout layout = TimelineLayout.of(trace);
        SpanRef selected = firstSpanIn(view, layout);
        TimelineFrame f = new TimelineFrame(layout, view, 1600, 900, 0, selected, null,
                new TimeRange(requests.start(r), requests.end(r)), null, TraceDensity.of(trace, 600));
        WritableImage img = render(f);
        save(img, "timeline-request.png");
        // the request's async slice starts at the left margin of the fitted view: 5% of the width in
        double x = TimelineGeometry.tracksScale(view, 1600).x(requests.start(r) + requests.dur(r) / 2);
        TrackModel async = layout.tracks().stream().filter(t -> t.kind() == TrackModel.Kind.ASYNC).findFirst()
                .orElseThrow();
        double y = TimelineGeometry.TRACKS_TOP + async.rowTop(requests.row(r)) + 3;
        Color drawn = img.getPixelReader().getColor((int) x, (int) y);
        assertTrue(drawn.getSaturation() > 0.15, "async request slice is coloured: " + drawn);
    }

    private static int shortestFinished(AsyncTable t) {
        int best = -1;
        for (int i = 0; i < t.size(); i++) {
            if (t.flags(i) == 0 && t.row(i) >= 0 && (best < 0 || t.dur(i) < t.dur(best))) {
                best = i;
            }
        }
        return best;
    }

    private static SpanRef firstSpanIn(TimeRange view, TimelineLayout layout) {
        for (TrackModel t : layout.tracks()) {
            if (t.kind() == TrackModel.Kind.THREAD) {
                SpanTable s = trace.processes().get(t.process()).threads().get(t.index()).spans();
                for (int i = 0; i < s.size(); i++) {
                    if (view.contains(s.start(i)) && s.end(i) <= view.end() && s.depth(i) == 0) {
                        return new SpanRef(t.process(), t.index(), i);
                    }
                }
            }
        }
        return null;
    }

    private static TrackModel firstThreadTrack(TimelineLayout layout) {
        return layout.tracks().stream().filter(t -> t.kind() == TrackModel.Kind.THREAD).findFirst().orElseThrow();
    }

    private static int widestAtDepth0(SpanTable spans) {
        int best = -1;
        for (int i : spans.rows()[0]) {
            if (best < 0 || spans.dur(i) > spans.dur(best)) {
                best = i;
            }
        }
        return best;
    }

    private static WritableImage render(TimelineFrame f) throws Exception {
        return onFx(() -> {
            Canvas c = new Canvas(f.width(), f.height());
            new TimelineRenderer(trace).render(c.getGraphicsContext2D(), f);
            return c.snapshot(null, null);
        });
    }

    static <T> T onFx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get();
    }

    static void save(WritableImage img, String name) throws IOException {
        String dir = System.getProperty("flarescope.screenshots");
        if (dir != null) {
            ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", new File(dir, name));
        }
    }

    private static void assertColor(Color expected, Color actual) {
        double d = Math.abs(expected.getRed() - actual.getRed()) + Math.abs(expected.getGreen() - actual.getGreen())
                + Math.abs(expected.getBlue() - actual.getBlue());
        assertEquals(0, d, 0.03, "expected " + expected + " but saw " + actual);
    }
}
