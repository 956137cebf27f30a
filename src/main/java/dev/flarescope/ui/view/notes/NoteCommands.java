package dev.flarescope.ui.view.notes;

import dev.flarescope.analysis.AnalysisResult;
import dev.flarescope.analysis.anomaly.Finding;
import dev.flarescope.analysis.requests.RequestTimeline;
import dev.flarescope.notes.Note;
import dev.flarescope.notes.NoteAnchor;
import dev.flarescope.ui.viewmodel.NotesViewModel;
import dev.flarescope.ui.viewmodel.RequestFacts;
import dev.flarescope.ui.viewmodel.TimelineTarget;
import dev.flarescope.ui.viewmodel.TraceSession;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.control.MenuItem;
import javafx.stage.Window;

/**
 * What the views do with notes, in one place: add one (opening the editor), edit, delete, and go to
 * one. The timeline, the request rows, the findings and the notes panel all call these, so a note is
 * made and shown the same way wherever the user starts.
 */
public final class NoteCommands {
    private final NotesViewModel model;
    private final Supplier<Window> owner;
    private Consumer<TimelineTarget> reveal = t -> { };

    /**
     * @param owner the window editors open over (may supply null)
     */
    public NoteCommands(NotesViewModel model, Supplier<Window> owner) {
        this.model = model;
        this.owner = owner;
    }

    public NotesViewModel model() {
        return model;
    }

    /** How the app shows a place in the trace timeline (bring the tab forward, reveal it). */
    public void setOnReveal(Consumer<TimelineTarget> action) {
        this.reveal = action;
    }

    /**
     * What M does: a note on the selected span, else on the time selection, else at {@code tNs} (the
     * time under the mouse, or the middle of the viewport).
     */
    public void addHere(long tNs) {
        NoteAnchor a = model.anchorForSelectedSpan().or(model::anchorForTimeSelection)
                .orElseGet(() -> model.anchorAt(tNs));
        add(a);
    }

    /** Opens the editor for a new note pinned to {@code anchor}; saving adds it. */
    public void add(NoteAnchor anchor) {
        edit(model.newNote(anchor), "Add note", model::add);
    }

    /** Opens the editor for a new note on the request with this id; false when it has no times. */
    public boolean addForRequest(String requestId) {
        Optional<NoteAnchor> a = model.anchorForRequest(requestId);
        a.ifPresent(this::add);
        return a.isPresent();
    }

    /** Opens the editor with a note made from {@code finding} (rule, numbers, explanation); saving adds it. */
    public void addFromFinding(Finding finding) {
        edit(model.fromFinding(finding), "Add finding as note", model::add);
    }

    /** Opens the editor on an existing note; saving replaces it. */
    public void edit(Note note) {
        edit(note, "Edit note", model::replace);
    }

    public void delete(Note note) {
        model.remove(note.id());
    }

    /**
     * Shows a note: selects its request or span and reveals its place in the timeline (a request's
     * whole range on its first thread when the analysis knows it).
     */
    public void navigate(Note note) {
        TraceSession session = model.session();
        TimelineTarget target = model.target(note);
        if (note.anchor() instanceof NoteAnchor.OnRequest r) {
            session.selectedRequest().set(r.requestId());
            AnalysisResult a = session.analysis().get();
            RequestTimeline t = a == null ? null : a.request(r.requestId());
            TimelineTarget place = t == null ? null : RequestFacts.timelineTarget(t);
            if (place != null) {
                target = place;
            }
        }
        reveal.accept(target);
        model.span(note).ifPresent(session.selectedSpan()::set);
    }

    /** The editor for {@code note}; the text in the editor's title says what the note is pinned to. */
    public NoteEditor editor(Note note) {
        return new NoteEditor(note, model.describe(note.anchor()));
    }

    private void edit(Note note, String title, Consumer<Note> onSave) {
        NoteEditor.open(owner.get(), title, editor(note), onSave);
    }

    /** A context menu item that runs {@code action}; underscores in {@code text} are shown, not mnemonics. */
    public static MenuItem menuItem(String text, Runnable action) {
        MenuItem i = new MenuItem(text);
        i.setMnemonicParsing(false);
        i.setOnAction(x -> action.run());
        return i;
    }
}
