package dev.flarescope.ui.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarescope.model.Trace;
import dev.flarescope.notes.Note;
import dev.flarescope.notes.NoteAnchor;
import dev.flarescope.notes.NoteColor;
import dev.flarescope.notes.Sidecar;
import dev.flarescope.ui.view.timeline.TimelineFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The notes of the open trace: loaded from the sidecar, saved after every change, kept on live updates. */
class NotesViewModelTest {
    @TempDir
    Path dir;
    private final TraceSession session = new TraceSession();
    private final ManualExecutor background = new ManualExecutor();
    private final Trace trace = TimelineFixture.trace();
    private Path input;

    @BeforeEach
    void input() throws Exception {
        input = Files.writeString(dir.resolve("trace.json"), "[]");
    }

    private NotesViewModel model() {
        return new NotesViewModel(session, Runnable::run, background);
    }

    private void runAll() {
        while (background.pending() > 0) {
            background.runNext();
        }
    }

    private List<Note> onDisk() throws Exception {
        return Sidecar.read(Sidecar.pathFor(input)).notes();
    }

    @Test
    void openingATraceLoadsItsSidecarOnTheBackground() throws Exception {
        Note kept = new Note("n1", "decode stalls here", NoteColor.RED, new NoteAnchor.Moment(40_000), false);
        Sidecar.write(Sidecar.pathFor(input), List.of(kept));
        NotesViewModel notes = model();
        session.setTrace(trace, List.of(input.toString()));
        assertTrue(notes.notes().isEmpty());
        assertTrue(notes.isLoading());
        assertEquals(1, background.pending());
        background.runNext();
        assertEquals(List.of(kept), notes.notes());
        assertNull(notes.messageProperty().get());
    }

    @Test
    void everyChangeIsSavedAndABurstIsSavedOnce() throws Exception {
        NotesViewModel notes = model();
        session.setTrace(trace, List.of(input.toString()));
        runAll();
        Note a = Note.create("first", NoteColor.BLUE, new NoteAnchor.Range(10_000, 30_000), false);
        Note b = Note.create("second", NoteColor.GREEN, new NoteAnchor.Moment(50_000), true);
        Note c = Note.create("third", NoteColor.GREY, new NoteAnchor.Moment(60_000), true);
        notes.add(a);
        notes.add(b);
        notes.add(c);
        assertEquals(3, background.pending()); // one change each, applied in order
        background.runNext();
        background.runNext();
        background.runNext();
        assertEquals(1, background.pending()); // a single save for the three
        background.runNext();
        assertEquals(List.of(a, b, c), onDisk());

        Note edited = b.withText("second, edited").withColor(NoteColor.PURPLE);
        notes.replace(edited);
        notes.remove(a.id());
        runAll();
        assertEquals(List.of(edited, c), notes.notes());
        assertEquals(List.of(edited, c), onDisk());
    }

    @Test
    void aLiveUpdateKeepsTheNotesAndANewTraceReplacesThem() throws Exception {
        Path other = Files.writeString(dir.resolve("other.json"), "[]");
        Note there = new Note("o1", "other trace", NoteColor.ORANGE, new NoteAnchor.Moment(1), false);
        Sidecar.write(Sidecar.pathFor(other), List.of(there));
        NotesViewModel notes = model();
        session.setTrace(trace, List.of(input.toString()));
        runAll();
        Note mine = Note.create("mine", NoteColor.RED, new NoteAnchor.Moment(5_000), false);
        notes.add(mine);
        runAll();

        session.updateTrace(TimelineFixture.trace());
        assertEquals(0, background.pending());
        assertEquals(List.of(mine), notes.notes());

        session.setTrace(TimelineFixture.trace(), List.of(other.toString()));
        assertTrue(notes.notes().isEmpty());
        runAll();
        assertEquals(List.of(there), notes.notes());
        assertEquals(List.of(mine), onDisk()); // the first trace's notes stayed with it
    }

    @Test
    void aLiveCaptureKeepsItsNotesInMemory() {
        NotesViewModel notes = model();
        session.setTrace(trace, List.of("follow " + dir.resolve("growing.jsonl")));
        runAll();
        notes.add(Note.create("live", NoteColor.RED, new NoteAnchor.Moment(5_000), false));
        background.runNext();
        assertEquals(0, background.pending()); // nothing to save to
        assertEquals(1, notes.notes().size());
        assertNull(notes.messageProperty().get());
    }

    @Test
    void aSidecarThatCannotBeReadOrWrittenIsReportedNotThrown() throws Exception {
        Files.createDirectory(Sidecar.pathFor(input)); // a folder where the notes file should be
        NotesViewModel notes = model();
        session.setTrace(trace, List.of(input.toString()));
        runAll();
        String loadProblem = notes.messageProperty().get();
        assertNotNull(loadProblem);
        assertTrue(loadProblem.startsWith("Some notes could not be loaded: "), loadProblem);
        assertTrue(loadProblem.contains("trace.json.flarescope.json"), loadProblem);

        notes.add(Note.create("kept in the window", NoteColor.RED, new NoteAnchor.Moment(5_000), false));
        runAll();
        String saveProblem = notes.messageProperty().get();
        assertTrue(saveProblem.startsWith("Notes could not be saved: "), saveProblem);
        assertEquals(1, notes.notes().size());
    }

    @Test
    void aNoteAddedWhileTheSidecarIsReadIsKept() throws Exception {
        Note kept = new Note("n1", "from the file", NoteColor.RED, new NoteAnchor.Moment(40_000), false);
        Sidecar.write(Sidecar.pathFor(input), List.of(kept));
        NotesViewModel notes = model();
        session.setTrace(trace, List.of(input.toString()));
        Note early = Note.create("early", NoteColor.BLUE, new NoteAnchor.Moment(1_000), false);
        notes.add(early);
        runAll();
        assertEquals(List.of(kept, early), notes.notes());
        assertEquals(List.of(kept, early), onDisk());
    }
}
