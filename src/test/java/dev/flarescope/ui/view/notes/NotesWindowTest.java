package dev.flarescope.ui.view.notes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarescope.io.TraceLoader;
import dev.flarescope.model.Trace;
import dev.flarescope.notes.Note;
import dev.flarescope.notes.NoteAnchor;
import dev.flarescope.notes.NoteColor;
import dev.flarescope.notes.Sidecar;
import dev.flarescope.ui.TestTraces;
import dev.flarescope.ui.render.timeline.TimelineGeometry;
import dev.flarescope.ui.view.timeline.TimelineView;
import dev.flarescope.ui.viewmodel.NotesViewModel;
import dev.flarescope.ui.viewmodel.SpanRef;
import dev.flarescope.ui.viewmodel.TimeRange;
import dev.flarescope.ui.viewmodel.TimeScale;
import dev.flarescope.ui.viewmodel.TraceSession;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The timeline and the notes panel in a window: M on a selected span opens the editor, the saved note
 * is listed, drawn (its flag on the ruler in its colour) and written beside the trace. The trace is
 * {@link TestTraces#SERVING}: api thread 1 holds tokenize [10, 30) µs, span 1 of process 0, thread 0.
 */
@ExtendWith(ApplicationExtension.class)
class NotesWindowTest {
    private static final long US = 1000;
    @TempDir
    static Path dir;
    private static Path input;
    private static Trace trace;

    private final TraceSession session = new TraceSession();
    private NotesViewModel notes;
    private TimelineView view;
    private NotesPanel panel;

    @BeforeAll
    static void load() throws Exception {
        input = TestTraces.write(dir, "serving.json", TestTraces.SERVING);
        trace = TraceLoader.load(List.of(input)).trace();
    }

    @Start
    void start(Stage stage) {
        notes = new NotesViewModel(session, Runnable::run, Runnable::run);
        NoteCommands commands = new NoteCommands(notes, () -> stage);
        view = new TimelineView(session);
        view.setNoteCommands(commands);
        panel = new NotesPanel(commands);
        view.setPrefSize(1000, 360);
        panel.setPrefSize(1000, 200);
        session.setTrace(trace, List.of(input.toString()));
        stage.setScene(new Scene(new VBox(view, panel), 1000, 560));
        stage.show();
    }

    @Test
    void mOnASelectedSpanAddsANoteThatIsListedDrawnAndSaved(FxRobot robot) throws Exception {
        SpanRef tokenize = new SpanRef(0, 0, 1);
        robot.interact(() -> {
            session.viewport().set(new TimeRange(0, 100 * US));
            session.selectedSpan().set(tokenize);
        });
        robot.clickOn(view.localToScreen(TimelineGeometry.GUTTER + 600, 20)); // focus, on the mini-map's edge
        robot.interact(() -> session.viewport().set(new TimeRange(0, 100 * US)));
        robot.press(KeyCode.M).release(KeyCode.M);
        WaitForAsyncUtils.waitForFxEvents();

        TextArea text = robot.lookup("#note-text").queryAs(TextArea.class);
        robot.clickOn(text).write("tokenize is slow");
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(1, notes.notes().size());
        Note n = notes.notes().get(0);
        assertEquals("tokenize is slow", n.text());
        assertEquals(NoteColor.RED, n.color());
        assertTrue(n.anchor() instanceof NoteAnchor.OnSpan on && on.span().name().equals("tokenize"));
        @SuppressWarnings("unchecked")
        ListView<Note> list = robot.lookup(".notes-list").queryAs(ListView.class);
        assertEquals(List.of(n), list.getItems());
        assertEquals(List.of(n), Sidecar.read(Sidecar.pathFor(input)).notes());

        // the flag's stem on the ruler, at the span's start: 10 µs of 100 µs across the tracks
        TimeScale scale = TimelineGeometry.tracksScale(session.viewport().get(), view.canvas().getWidth());
        int x = (int) Math.round(scale.x(10 * US));
        int y = (int) (TimelineGeometry.MINIMAP + TimelineGeometry.RULER / 2 + 4);
        WritableImage[] shot = new WritableImage[1];
        robot.interact(() -> shot[0] = view.canvas().snapshot(null, null));
        PixelReader px = shot[0].getPixelReader();
        assertColor(Color.rgb(0xD3, 0x2F, 0x2F), px.getColor(x, y));
    }

    private static void assertColor(Color expected, Color actual) {
        double d = Math.abs(expected.getRed() - actual.getRed()) + Math.abs(expected.getGreen() - actual.getGreen())
                + Math.abs(expected.getBlue() - actual.getBlue());
        assertTrue(d < 0.05, "expected " + expected + ", found " + actual);
    }
}
