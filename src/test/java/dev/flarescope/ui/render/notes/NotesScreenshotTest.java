package dev.flarescope.ui.render.notes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarescope.io.TraceLoader;
import dev.flarescope.model.SpanTable;
import dev.flarescope.model.Trace;
import dev.flarescope.notes.Note;
import dev.flarescope.notes.NoteAnchor;
import dev.flarescope.notes.NoteColor;
import dev.flarescope.ui.render.timeline.TimelineFrame;
import dev.flarescope.ui.render.timeline.TimelineRenderer;
import dev.flarescope.ui.viewmodel.NoteAnchors;
import dev.flarescope.ui.viewmodel.PinnedNote;
import dev.flarescope.ui.viewmodel.SpanRef;
import dev.flarescope.ui.viewmodel.TimeRange;
import dev.flarescope.ui.viewmodel.TimelineLayout;
import dev.flarescope.ui.viewmodel.TraceDensity;
import dev.flarescope.ui.viewmodel.TrackModel;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
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
 * The bundled serving-run sample drawn off-screen with notes of every kind, as the PNG export draws it:
 * labels are where {@link TimelineRenderer#noteLabels} says, in their notes' colours, apart from each
 * other. With the system property {@code flarescope.screenshots} set to a folder, the frame is also
 * written there.
 */
class NotesScreenshotTest {
    private static final Path SAMPLE = Path.of("sample-traces", "serving-run");
    private static Trace trace;

    @BeforeAll
    static void load() throws Exception {
        FxToolkit.registerPrimaryStage();
        trace = TraceLoader.load(List.of(SAMPLE)).trace();
    }

    @Test
    void notesOfEveryKindAreDrawnWithTheirLabelsApart() throws Exception {
        TimelineLayout layout = TimelineLayout.of(trace);
        TrackModel track = layout.tracks().stream().filter(t -> t.kind() == TrackModel.Kind.THREAD).findFirst()
                .orElseThrow();
        SpanTable spans = trace.processes().get(track.process()).threads().get(track.index()).spans();
        int span = spans.size() / 3;
        SpanRef ref = new SpanRef(track.process(), track.index(), span);
        long s = spans.start(span);
        long e = spans.end(span);
        long w = Math.max(e - s, 1_000_000);
        TimeRange view = new TimeRange(s - 2 * w, e + 3 * w);
        long mid = view.start() + view.duration() / 2;
        List<Note> notes = List.of(
                Note.create("decode stalls here\nsee the red marker", NoteColor.RED,
                        NoteAnchors.forSpan(trace, ref), true),
                Note.create("scheduler wakes up late", NoteColor.BLUE, new NoteAnchor.Moment(s - w), true),
                Note.create("This window is where the batch is rebuilt after the KV cache was evicted; every "
                        + "request waiting here pays for it with a longer time to first token.", NoteColor.GREEN,
                        new NoteAnchor.Range(mid, mid + w), true),
                Note.create("second note at the same moment", NoteColor.PURPLE, new NoteAnchor.Moment(s - w), false));
        TimelineFrame f = new TimelineFrame(layout, view, 1400, 700, 0, null, null, null, null,
                TraceDensity.of(trace, 600), dev.flarescope.ui.render.timeline.TimelineOverlay.NONE,
                PinnedNote.pin(notes, trace));
        TimelineRenderer renderer = new TimelineRenderer(trace);
        Object[] out = WaitForAsyncUtils.asyncFx(() -> {
            Canvas c = new Canvas(f.width(), f.height());
            renderer.render(c.getGraphicsContext2D(), f);
            return new Object[] {c.snapshot(null, null), renderer.noteLabels(f)};
        }).get();
        WritableImage img = (WritableImage) out[0];
        @SuppressWarnings("unchecked")
        List<NoteLabel> labels = (List<NoteLabel>) out[1];
        String dir = System.getProperty("flarescope.screenshots");
        if (dir != null) {
            ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", new File(dir, "timeline-notes.png"));
        }

        assertEquals(4, labels.size());
        for (int i = 0; i < labels.size(); i++) {
            LabelPlacer.Box a = labels.get(i).box();
            assertTrue(a.x() >= 220 && a.right() <= f.width() && a.bottom() <= f.height(), a.toString());
            assertTrue(labels.get(i).lines().size() <= NotePainter.MAX_LINES);
            for (int j = i + 1; j < labels.size(); j++) {
                LabelPlacer.Box b = labels.get(j).box();
                assertTrue(a.right() <= b.x() || b.right() <= a.x() || a.bottom() <= b.y() || b.bottom() <= a.y(),
                        a + " overlaps " + b);
            }
            // the box's left padding is filled with the note's colour
            Color c = img.getPixelReader().getColor((int) a.x() + 2, (int) (a.y() + a.height() / 2));
            assertClose(NotePainter.color(labels.get(i).note().color()), c);
        }
    }

    private static void assertClose(Color expected, Color actual) {
        double d = Math.abs(expected.getRed() - actual.getRed()) + Math.abs(expected.getGreen() - actual.getGreen())
                + Math.abs(expected.getBlue() - actual.getBlue());
        assertTrue(d < 0.05, "expected " + expected + " but saw " + actual);
    }
}
