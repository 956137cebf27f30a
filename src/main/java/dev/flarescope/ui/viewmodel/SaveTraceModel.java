package dev.flarescope.ui.viewmodel;

import dev.flarescope.format.OutputFiles;
import dev.flarescope.format.chrome.ChromeTraceWriter;
import dev.flarescope.model.Trace;
import dev.flarescope.notes.Note;
import dev.flarescope.notes.Sidecar;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * "Save as…": writes what is shown, a loaded trace or a live capture so far, as one Chrome trace (object
 * form, as {@code flarescope merge} writes it) and its notes beside it in {@code <file>.flarescope.json}.
 * The trace and the notes are taken on the UI thread when asked, then written on the background
 * executor, so a live capture keeps running meanwhile and the file holds one consistent snapshot.
 */
public final class SaveTraceModel {
    /** What a save did: where, how many events and notes, or why it failed. */
    public record Outcome(Path path, long events, int notes, String problem) {
        public boolean ok() {
            return problem == null;
        }
    }

    private final TraceSession session;
    private final Executor uiThread;
    private final Executor background;
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(this, "saving");

    public SaveTraceModel(TraceSession session, Executor uiThread, Executor background) {
        this.session = session;
        this.uiThread = uiThread;
        this.background = background;
    }

    /** True while a save is being written. */
    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    /** Writes the session's trace and notes to {@code target}; {@code done} gets the outcome on the UI thread. */
    public void save(Path target, Consumer<Outcome> done) {
        Trace trace = session.trace();
        if (trace == null) {
            return;
        }
        List<Note> notes = List.copyOf(session.notes());
        saving.set(true);
        background.execute(() -> {
            Outcome o = new Outcome(target, trace.events(), notes.size(), "the trace could not be written");
            try {
                o = write(trace, notes, target.toAbsolutePath());
            } catch (RuntimeException e) {
                o = new Outcome(target, trace.events(), notes.size(), "cannot write " + target + ": " + e);
            } finally {
                Outcome outcome = o;
                uiThread.execute(() -> {
                    saving.set(false);
                    done.accept(outcome);
                });
            }
        });
    }

    private static Outcome write(Trace trace, List<Note> notes, Path target) {
        long events = trace.events();
        try {
            ChromeTraceWriter.writeFile(trace, target);
        } catch (IOException e) {
            return new Outcome(target, events, notes.size(), "cannot write " + target + ": " + OutputFiles.describe(e));
        }
        Path sidecar = Sidecar.pathFor(target);
        try {
            Sidecar.write(sidecar, notes);
        } catch (IOException e) {
            return new Outcome(target, events, notes.size(), "the trace was saved, but not its notes: cannot write "
                    + sidecar + ": " + OutputFiles.describe(e));
        }
        return new Outcome(target, events, notes.size(), null);
    }
}
