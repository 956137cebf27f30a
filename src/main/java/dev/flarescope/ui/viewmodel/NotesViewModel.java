package dev.flarescope.ui.viewmodel;

import dev.flarescope.analysis.AnalysisResult;
import dev.flarescope.analysis.anomaly.Finding;
import dev.flarescope.analysis.requests.RequestTimeline;
import dev.flarescope.format.OutputFiles;
import dev.flarescope.model.Trace;
import dev.flarescope.notes.Note;
import dev.flarescope.notes.NoteAnchor;
import dev.flarescope.notes.NoteColor;
import dev.flarescope.notes.Sidecar;
import dev.flarescope.notes.TraceNotes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;

/**
 * The notes of the open trace: loaded from the sidecars of its inputs when a trace is opened, edited
 * by the views, and saved back at once after every change. The list is {@link TraceSession#notes()},
 * so every view (and the PNG export, which paints the views) draws the same notes.
 *
 * <p>Files are read and written on the background executor only, which must run tasks one at a time
 * in the order given ({@link dev.flarescope.ui.view.common.FxExecutors#background}): the
 * {@link TraceNotes} of the open trace lives there, and each change is applied to it in the order the
 * user made it. Changes made in a burst are written with one save. A live update of the trace
 * ({@link TraceSession#updateTrace}) keeps the notes; opening a trace ({@link TraceSession#setTrace})
 * replaces them. A trace with no input on disk (a live capture) keeps its notes in memory.
 *
 * <p>Problems (a sidecar that could not be read, a save that failed) are published as
 * {@link #messageProperty()} for the window to show; they never stop the trace from opening.
 */
public final class NotesViewModel {
    private final TraceSession session;
    private final Executor uiThread;
    private final Executor background;
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message");
    private final AtomicBoolean saveQueued = new AtomicBoolean();
    /** What went wrong loading the open trace's notes, and with the last save (UI thread); null when nothing. */
    private String loadProblem;
    private String saveProblem;
    /** Bumped on every opening (UI thread); a load result of an older opening is dropped. */
    private int opening;
    /** Whether the notes of the latest opening are still being read (UI thread). */
    private boolean loading;
    /** The open trace's notes on disk; read and written on the background executor only. */
    private TraceNotes store = TraceNotes.inMemory();
    private boolean persistent;

    public NotesViewModel(TraceSession session, Executor uiThread, Executor background) {
        this.session = session;
        this.uiThread = uiThread;
        this.background = background;
        session.openingsProperty().addListener(x -> opened());
        if (session.trace() != null) {
            opened();
        }
    }

    public TraceSession session() {
        return session;
    }

    /** The notes of the open trace, in the order they were made (read-only; change them here). */
    public ObservableList<Note> notes() {
        return session.notes();
    }

    /** What went wrong reading or saving notes, for the user; null when all is well. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Whether the notes of the trace opened last are still being read. */
    public boolean isLoading() {
        return loading;
    }

    /** The note with this id, if there is one. */
    public Optional<Note> find(String id) {
        return notes().stream().filter(n -> n.id().equals(id)).findFirst();
    }

    /** Adds a note and saves. */
    public void add(Note note) {
        session.editableNotes().add(note);
        change(s -> s.add(note));
    }

    /** Puts {@code note} in place of the note with its id and saves; no-op when there is none. */
    public void replace(Note note) {
        ObservableList<Note> list = session.editableNotes();
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).id().equals(note.id())) {
                if (!list.get(i).equals(note)) {
                    list.set(i, note);
                    change(s -> s.replace(note));
                }
                return;
            }
        }
    }

    /** Removes the note with this id and saves. */
    public void remove(String id) {
        if (session.editableNotes().removeIf(n -> n.id().equals(id))) {
            change(s -> s.remove(id));
        }
    }

    /** A new, empty note pinned to {@code anchor}, in the first colour; spans get an arrow by default. */
    public Note newNote(NoteAnchor anchor) {
        return Note.create("", NoteColor.PALETTE.get(0), anchor, anchor instanceof NoteAnchor.OnSpan);
    }

    /** The anchor for the selected span, if one is selected. */
    public Optional<NoteAnchor> anchorForSelectedSpan() {
        SpanRef ref = session.selectedSpan().get();
        Trace t = session.trace();
        return ref == null || t == null ? Optional.empty() : Optional.of(NoteAnchors.forSpan(t, ref));
    }

    /** The anchor for the time selection, if there is one. */
    public Optional<NoteAnchor> anchorForTimeSelection() {
        TimeRange r = session.timeSelection().get();
        return r == null ? Optional.empty() : Optional.of(NoteAnchors.forRange(r));
    }

    /** The anchor for span {@code ref} of the open trace. */
    public NoteAnchor anchorForSpan(SpanRef ref) {
        return NoteAnchors.forSpan(session.trace(), ref);
    }

    /** The anchor for a moment. */
    public NoteAnchor anchorAt(long tNs) {
        return new NoteAnchor.Moment(tNs);
    }

    /** The anchor for the request with this id, if the analysis knows it and it has times. */
    public Optional<NoteAnchor> anchorForRequest(String requestId) {
        AnalysisResult a = session.analysis().get();
        RequestTimeline r = a == null ? null : a.request(requestId);
        return r == null ? Optional.empty() : NoteAnchors.forRequest(r);
    }

    /** A note made from a finding: its rule, numbers and explanation written out, pinned to its evidence. */
    public Note fromFinding(Finding f) {
        return FindingNotes.fromFinding(f, session.analysis().get(), session.trace());
    }

    /** What {@code anchor} pins a note to, in words. */
    public String describe(NoteAnchor anchor) {
        return NoteAnchors.describe(session.trace(), anchor);
    }

    /** The span {@code note} is pinned to, when the open trace holds it. */
    public Optional<SpanRef> span(Note note) {
        return NoteAnchors.span(session.trace(), note);
    }

    /** Where the timeline goes to show {@code note}. */
    public TimelineTarget target(Note note) {
        return NoteAnchors.target(session.trace(), note, session.viewport().get());
    }

    /** UI thread: a trace was opened; its notes replace those shown. */
    private void opened() {
        int ticket = ++opening;
        loading = true;
        session.editableNotes().clear();
        List<String> inputs = List.copyOf(session.inputs());
        background.execute(() -> {
            // whatever happens below, edits from now on go to this opening's notes, never the last one's
            store = TraceNotes.inMemory();
            persistent = false;
            List<Note> loaded = List.of();
            List<String> problems = new ArrayList<>();
            try {
                List<Path> onDisk = new ArrayList<>();
                for (String in : inputs) {
                    Path p = InputNames.path(in);
                    if (p != null && Files.exists(p)) { // a live source's description names no file
                        onDisk.add(p);
                    }
                }
                if (!onDisk.isEmpty()) {
                    store = TraceNotes.load(onDisk, Map.of());
                    persistent = true;
                }
                loaded = store.notes();
                for (Sidecar.Problem p : store.problems()) {
                    problems.add(p.userMessage());
                }
            } catch (RuntimeException e) {
                problems.add(String.valueOf(e.getMessage()));
            } finally {
                List<Note> shown = loaded;
                uiThread.execute(() -> publish(ticket, shown, problems));
            }
        });
    }

    /** UI thread: shows the notes read for opening {@code ticket}, after any added while they were read. */
    private void publish(int ticket, List<Note> loaded, List<String> problems) {
        if (ticket != opening) {
            return;
        }
        loading = false;
        ObservableList<Note> list = session.editableNotes();
        List<Note> all = new ArrayList<>(loaded);
        Set<String> ids = new HashSet<>();
        loaded.forEach(n -> ids.add(n.id()));
        for (Note n : list) {
            if (!ids.contains(n.id())) {
                all.add(n); // made while the sidecars were read; the store has them too
            }
        }
        list.setAll(all);
        loadProblem = problems.isEmpty() ? null : "Some notes could not be loaded: " + String.join("; ", problems);
        saveProblem = null;
        showProblems();
    }

    /** UI thread: a failed save is shown before a load problem, which it would otherwise hide. */
    private void showProblems() {
        message.set(saveProblem != null ? saveProblem : loadProblem);
    }

    /** UI thread: applies a change to the store on the background executor and saves soon after. */
    private void change(Consumer<TraceNotes> edit) {
        background.execute(() -> {
            try {
                edit.accept(store);
            } catch (IllegalArgumentException e) {
                return; // the note was made for a trace opened since; it went with that trace
            }
            if (persistent && saveQueued.compareAndSet(false, true)) {
                background.execute(this::save);
            }
        });
    }

    /** Background: writes every change applied so far with one save. */
    private void save() {
        saveQueued.set(false);
        if (!store.isDirty()) {
            return;
        }
        String failure;
        try {
            store.save();
            failure = null;
        } catch (IOException e) {
            failure = "Notes could not be saved: " + OutputFiles.describe(e);
        } catch (RuntimeException e) {
            String why = e.getMessage();
            failure = "Notes could not be saved: " + (why == null || why.isBlank() ? e.getClass().getSimpleName() : why);
        }
        String text = failure;
        uiThread.execute(() -> {
            saveProblem = text;
            showProblems();
        });
    }

}
