package dev.flarescope.ui.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarescope.io.TraceLoader;
import dev.flarescope.model.Trace;
import dev.flarescope.notes.Note;
import dev.flarescope.notes.NoteAnchor;
import dev.flarescope.notes.NoteColor;
import dev.flarescope.notes.Sidecar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Save as…" writes the shown trace as one file that loads back the same, with its notes beside it. */
class SaveTraceModelTest {
    @TempDir
    Path dir;

    @Test
    void theSavedTraceLoadsBackWithItsNotes() throws Exception {
        Path in = dir.resolve("in.json");
        // 3 spans on two threads of pid 1, an instant and a counter: 5 events
        Files.writeString(in, """
                [{"ph":"X","name":"decode","pid":1,"tid":1,"ts":10,"dur":5},
                 {"ph":"X","name":"decode","pid":1,"tid":1,"ts":20,"dur":5},
                 {"ph":"X","name":"prefill","pid":1,"tid":2,"ts":12,"dur":3},
                 {"ph":"i","name":"mark","pid":1,"tid":2,"ts":13,"s":"t"},
                 {"ph":"C","name":"kv","pid":1,"ts":14,"args":{"used":3}}]""");
        Trace trace = TraceLoader.load(List.of(in), TraceLoader.Options.defaults()).trace();
        TraceSession session = new TraceSession();
        session.setTrace(trace, List.of(in.toString()));
        Note note = Note.create("slow step", NoteColor.BLUE, new NoteAnchor.Range(10_000, 15_000), true);
        session.showNotes(List.of(note));

        SaveTraceModel model = new SaveTraceModel(session, Runnable::run, Runnable::run);
        Path out = dir.resolve("saved.json");
        AtomicReference<SaveTraceModel.Outcome> outcome = new AtomicReference<>();
        model.save(out, outcome::set);

        assertTrue(outcome.get().ok(), outcome.get().problem());
        assertEquals(5, outcome.get().events());
        assertEquals(1, outcome.get().notes());
        Trace back = TraceLoader.load(List.of(out), TraceLoader.Options.defaults()).trace();
        assertEquals(5, back.events());
        assertEquals(3, back.spanCount());
        assertEquals(List.of(note), Sidecar.read(Sidecar.pathFor(out)).notes());
        assertFalse(model.savingProperty().get());
    }

    @Test
    void aFolderThatIsNotThereIsReportedAndNothingIsWritten() throws Exception {
        Path in = dir.resolve("in.json");
        Files.writeString(in, "[{\"ph\":\"X\",\"name\":\"a\",\"pid\":1,\"tid\":1,\"ts\":1,\"dur\":1}]");
        TraceSession session = new TraceSession();
        session.setTrace(TraceLoader.load(List.of(in), TraceLoader.Options.defaults()).trace(), List.of(in.toString()));
        AtomicReference<SaveTraceModel.Outcome> outcome = new AtomicReference<>();
        Path out = dir.resolve("missing/saved.json");
        new SaveTraceModel(session, Runnable::run, Runnable::run).save(out, outcome::set);
        assertNotNull(outcome.get().problem());
        assertEquals("cannot write " + out + ": no such folder", outcome.get().problem());
        assertFalse(Files.exists(out));
    }
}
