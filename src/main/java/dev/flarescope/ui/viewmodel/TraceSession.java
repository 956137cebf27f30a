package dev.flarescope.ui.viewmodel;

import dev.flarescope.analysis.AnalysisResult;
import dev.flarescope.analysis.anomaly.Finding;
import dev.flarescope.model.Trace;
import dev.flarescope.notes.Note;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The state every view of one open trace shares, on the FX thread: the trace, what part of time is
 * shown, what the user selected, and what they search for. Views bind to these properties and set
 * them; none of them talks to another view directly.
 *
 * <ul>
 *   <li>{@link #viewport()}: the time range the timeline shows. Views that navigate set it.</li>
 *   <li>{@link #timeSelection()}: a range the user marked (drag on the ruler), or null. The
 *       statistics table and the flame graph follow it.</li>
 *   <li>{@link #selectedSpan()}: the span whose details are shown, or null.</li>
 *   <li>{@link #searchQuery()}: the text of the search box; views highlight matches.</li>
 *   <li>{@link #analysis()}: request timelines and findings of the trace, or null until computed
 *       (see {@link AnalysisViewModel}).</li>
 *   <li>{@link #selectedRequest()}: the id of the request the user picked, or null; the timeline
 *       highlights its spans.</li>
 *   <li>{@link #highlightedFinding()}: the finding the user picked, or null; views mark its evidence.</li>
 * </ul>
 */
public final class TraceSession {
    private final ReadOnlyObjectWrapper<Trace> trace = new ReadOnlyObjectWrapper<>(this, "trace");
    private final ObjectProperty<TimeRange> viewport = new SimpleObjectProperty<>(this, "viewport");
    private final ObjectProperty<TimeRange> timeSelection = new SimpleObjectProperty<>(this, "timeSelection");
    private final ObjectProperty<SpanRef> selectedSpan = new SimpleObjectProperty<>(this, "selectedSpan");
    private final StringProperty searchQuery = new SimpleStringProperty(this, "searchQuery", "");
    private final ObservableList<String> inputs = FXCollections.observableArrayList();
    private final ObjectProperty<AnalysisResult> analysis = new SimpleObjectProperty<>(this, "analysis");
    private final ObjectProperty<String> selectedRequest = new SimpleObjectProperty<>(this, "selectedRequest");
    private final ObjectProperty<Finding> highlightedFinding = new SimpleObjectProperty<>(this, "highlightedFinding");
    private final ReadOnlyIntegerWrapper openings = new ReadOnlyIntegerWrapper(this, "openings");
    private final ObservableList<Note> notes = FXCollections.observableArrayList();
    private final ObservableList<Note> notesView = FXCollections.unmodifiableObservableList(notes);

    /** The whole time span of the trace, never empty (1 ns for a trace with no timed events). */
    public static TimeRange bounds(Trace t) {
        long s = t.minTs();
        long e = Math.max(t.maxTs(), s + 1);
        return new TimeRange(s, e);
    }

    /** Shows a newly loaded trace: the viewport covers all of it and selections are cleared. */
    public void setTrace(Trace t, List<String> inputNames) {
        selectedSpan.set(null);
        timeSelection.set(null);
        trace.set(t);
        inputs.setAll(inputNames);
        viewport.set(t == null ? null : bounds(t));
        openings.set(openings.get() + 1);
    }

    /**
     * Shows a newer version of the same trace (a live capture that grew) without disturbing the user:
     * the viewport, the selections and the inputs stay as they are, so the timeline does not jump on
     * every update. Only when no viewport was set yet does it cover the whole trace.
     */
    public void updateTrace(Trace t) {
        trace.set(t);
        if (viewport.get() == null && t != null) {
            viewport.set(bounds(t));
        }
    }

    public ReadOnlyObjectProperty<Trace> traceProperty() {
        return trace.getReadOnlyProperty();
    }

    public Trace trace() {
        return trace.get();
    }

    /** Paths the user opened (files or folders), in order; adding inputs reloads all of them. */
    public ObservableList<String> inputs() {
        return inputs;
    }

    public ObjectProperty<TimeRange> viewport() {
        return viewport;
    }

    public ObjectProperty<TimeRange> timeSelection() {
        return timeSelection;
    }

    public ObjectProperty<SpanRef> selectedSpan() {
        return selectedSpan;
    }

    public StringProperty searchQuery() {
        return searchQuery;
    }

    /** Resets the viewport to the whole trace (Esc / 0 in the timeline). */
    public void showAll() {
        Trace t = trace.get();
        if (t != null) {
            viewport.set(bounds(t));
        }
    }

    /** Request timelines and findings of the open trace, or null while none are computed. */
    public ObjectProperty<AnalysisResult> analysis() {
        return analysis;
    }

    /** Id of the selected request, or null. */
    public ObjectProperty<String> selectedRequest() {
        return selectedRequest;
    }

    /** The finding whose evidence the views mark, or null. */
    public ObjectProperty<Finding> highlightedFinding() {
        return highlightedFinding;
    }

    /**
     * Counts the traces shown with {@link #setTrace}. State that belongs to one opened trace (its
     * notes) is reset when this changes, not when {@link #traceProperty()} does: live updates replace
     * the trace too, and must keep it.
     */
    public ReadOnlyIntegerProperty openingsProperty() {
        return openings.getReadOnlyProperty();
    }

    /** The notes pinned to the open trace, read-only; {@link NotesViewModel} loads, edits and saves them. */
    public ObservableList<Note> notes() {
        return notesView;
    }

    /**
     * Shows {@code shown} as the trace's notes without reading or saving any sidecar: for pictures drawn
     * without a window, whose notes come from the command line. In the app {@link NotesViewModel} owns
     * the list.
     */
    public void showNotes(List<Note> shown) {
        notes.setAll(shown);
    }

    /** The notes list itself, for {@link NotesViewModel}. */
    ObservableList<Note> editableNotes() {
        return notes;
    }
}
