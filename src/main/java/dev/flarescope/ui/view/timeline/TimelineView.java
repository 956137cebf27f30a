package dev.flarescope.ui.view.timeline;

import dev.flarescope.model.SpanTable;
import dev.flarescope.model.Trace;
import dev.flarescope.notes.Note;
import dev.flarescope.ui.render.notes.NoteLabel;
import dev.flarescope.ui.render.timeline.TimelineFrame;
import dev.flarescope.ui.render.timeline.TimelineGeometry;
import dev.flarescope.ui.render.timeline.TimelineOverlay;
import dev.flarescope.ui.render.timeline.TimelineRenderer;
import dev.flarescope.ui.view.common.ScrollBars;
import dev.flarescope.ui.view.common.SharpCanvas;
import dev.flarescope.ui.view.notes.NoteCommands;
import dev.flarescope.ui.viewmodel.NoteAnchors;
import dev.flarescope.ui.viewmodel.PinnedNote;
import dev.flarescope.ui.viewmodel.SearchModel;
import dev.flarescope.ui.viewmodel.SpanRef;
import dev.flarescope.ui.viewmodel.TimeRange;
import dev.flarescope.ui.viewmodel.TimeScale;
import dev.flarescope.ui.viewmodel.TimelineLayout;
import dev.flarescope.ui.viewmodel.TimelineTarget;
import dev.flarescope.ui.viewmodel.TraceDensity;
import dev.flarescope.ui.viewmodel.TraceSession;
import dev.flarescope.ui.viewmodel.TrackModel;
import dev.flarescope.ui.viewmodel.ViewportMath;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.geometry.Orientation;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ScrollBar;
import javafx.scene.layout.Region;

/**
 * The track timeline: processes, threads, async tracks and counters along time, on one canvas drawn by
 * {@link TimelineRenderer}, with Perfetto-style navigation (see {@link TimelineInput}). It reads and
 * writes the shared {@link TraceSession}: the viewport, the selected span, the time selection, and it
 * highlights the matches of the search query. It also draws the request analysis over the trace
 * ({@link TimelineOverlay}): finding markers on the ruler, the selected request's spans and the
 * highlighted finding's evidence.
 *
 * <p>Redraws are coalesced: any number of changes in one pulse cause one frame.
 */
public final class TimelineView extends Region implements SharpCanvas {
    private static final int DENSITY_BINS = 600;

    private final TraceSession session;
    private final SearchModel search;
    private final Canvas canvas = new Canvas();
    private final ScrollBar vbar = new ScrollBar();
    private TimelineLayout layout;
    private TimelineRenderer renderer;
    private TraceDensity density;
    private SpanRef hovered;
    private TimelineOverlay overlay = TimelineOverlay.NONE;
    private List<PinnedNote> notes = List.of();
    private NoteCommands noteCommands;
    private boolean redrawQueued;

    public TimelineView(TraceSession session) {
        this.session = session;
        this.search = new SearchModel(session);
        getStyleClass().add("timeline-view");
        setFocusTraversable(true);
        setMinSize(240, TimelineGeometry.TRACKS_TOP + 40);
        vbar.setOrientation(Orientation.VERTICAL);
        vbar.setMin(0);
        getChildren().addAll(canvas, vbar);
        session.traceProperty().addListener((obs, was, now) -> rebuild());
        session.viewport().addListener((obs, was, now) -> requestRedraw());
        session.timeSelection().addListener((obs, was, now) -> requestRedraw());
        session.selectedSpan().addListener((obs, was, now) -> {
            reveal(now);
            requestRedraw();
        });
        search.matchesProperty().addListener((obs, was, now) -> requestRedraw());
        session.analysis().addListener(x -> {
            updateOverlay();
            pinNotes();
        });
        session.selectedRequest().addListener(x -> updateOverlay());
        session.highlightedFinding().addListener(x -> updateOverlay());
        vbar.valueProperty().addListener((obs, was, now) -> requestRedraw());
        session.notes().addListener((javafx.collections.ListChangeListener<Note>) c -> pinNotes());
        new TimelineInput(this).install(canvas);
        rebuild();
        updateOverlay();
    }

    /** Number of spans matching the search query (0 when the query is blank). */
    public ReadOnlyIntegerProperty matchCountProperty() {
        return search.matchCountProperty();
    }

    /** Index of the selected span among the matches, or -1 (for "3 of 17" in the toolbar). */
    public ReadOnlyIntegerProperty currentMatchProperty() {
        return search.currentProperty();
    }

    /** Selects the next match after the selection and scrolls it into view. */
    public void nextMatch() {
        select(search.next());
    }

    /** Selects the match before the selection and scrolls it into view. */
    public void previousMatch() {
        select(search.previous());
    }

    @Override
    public Canvas canvas() {
        return canvas;
    }

    /** Draws the current state at {@code width} x {@code height}, keeping the vertical scroll position. */
    @Override
    public void paint(GraphicsContext g, double width, double height) {
        if (renderer != null && session.viewport().get() != null) {
            renderer.render(g, frame(width, height));
        }
    }

    /**
     * Shows a place: fits the viewport to {@code target}'s range with a margin and, when it names a
     * thread, expands its process and scrolls its track into view.
     */
    public void reveal(TimelineTarget target) {
        Trace trace = session.trace();
        if (trace == null || layout == null) {
            return;
        }
        TimeRange r = target.range();
        session.viewport().set(ViewportMath.fit(r.start(), r.end(), 0.15, TraceSession.bounds(trace)));
        if (target.hasThread()) {
            scrollToThread(target.process(), target.thread());
        }
    }

    /** Expands the thread's process and scrolls its track to a quarter of the way down the tracks. */
    public void scrollToThread(int process, int thread) {
        Trace trace = session.trace();
        if (trace == null || layout == null || process < 0 || process >= trace.processes().size()) {
            return;
        }
        if (layout.isCollapsed(process)) {
            toggleProcess(process);
        }
        TrackModel t = layout.threadTrack(process, thread);
        if (t != null) {
            scrollTo(t.top() - TimelineGeometry.tracksHeight(canvas.getHeight()) / 4);
        }
    }

    /**
     * Lets the user add, edit and delete notes here: M, and the context menu on the tracks. Without
     * it the timeline only shows notes.
     */
    public void setNoteCommands(NoteCommands commands) {
        this.noteCommands = commands;
    }

    NoteCommands noteCommands() {
        return noteCommands;
    }

    /** The note whose label is drawn at canvas (x, y), or null. */
    Note noteAt(double x, double y) {
        if (notes.isEmpty() || renderer == null || session.viewport().get() == null) {
            return null;
        }
        return NoteLabel.at(renderer.noteLabels(frame(canvas.getWidth(), canvas.getHeight())), x, y);
    }

    /** What is drawn over the trace now (for tests). */
    TimelineOverlay overlay() {
        return overlay;
    }

    TraceSession session() {
        return session;
    }

    TimelineLayout trackLayout() {
        return layout;
    }

    /** Time-to-x mapping of the tracks for the current viewport, or null without a trace. */
    TimeScale scale() {
        TimeRange v = session.viewport().get();
        return v == null ? null : TimelineGeometry.tracksScale(v, canvas.getWidth());
    }

    double canvasWidth() {
        return canvas.getWidth();
    }

    double scrollY() {
        return vbar.getValue();
    }

    void scrollTo(double y) {
        vbar.setValue(Math.max(vbar.getMin(), Math.min(vbar.getMax(), y)));
    }

    void setHovered(SpanRef ref) {
        if (!java.util.Objects.equals(ref, hovered)) {
            hovered = ref;
            requestRedraw();
        }
    }

    void toggleProcess(int process) {
        layout = layout.toggle(process);
        updateScrollRange();
        requestRedraw();
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        double bw = vbar.prefWidth(-1);
        canvas.setWidth(Math.max(1, w - bw));
        canvas.setHeight(Math.max(1, h));
        vbar.resizeRelocate(w - bw, TimelineGeometry.TRACKS_TOP, bw, Math.max(0, h - TimelineGeometry.TRACKS_TOP));
        updateScrollRange();
        redraw();
    }

    @Override
    protected double computePrefWidth(double height) {
        return 900;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 480;
    }

    private void rebuild() {
        Trace trace = session.trace();
        layout = trace == null ? null : TimelineLayout.of(trace);
        renderer = trace == null ? null : new TimelineRenderer(trace);
        density = trace == null ? null : TraceDensity.of(trace, DENSITY_BINS);
        hovered = null;
        vbar.setValue(0);
        updateScrollRange();
        pinNotes();
    }

    /** Finds the notes' spans again (the notes or the trace changed) and redraws. */
    private void pinNotes() {
        Trace trace = session.trace();
        notes = trace == null ? List.of() : PinnedNote.pin(session.notes().stream()
                .filter(n -> NoteAnchors.onTraceClock(n, session.analysis().get())).toList(), trace);
        requestRedraw();
    }

    private void updateOverlay() {
        overlay = TimelineOverlay.of(session.analysis().get(), session.selectedRequest().get(),
                session.highlightedFinding().get());
        requestRedraw();
    }

    private void updateScrollRange() {
        ScrollBars.fit(vbar, layout == null ? 0 : layout.height(), TimelineGeometry.tracksHeight(canvas.getHeight()),
                TimelineLayout.ROW * 2, TimelineLayout.ROW);
    }

    private void requestRedraw() {
        if (!redrawQueued) {
            redrawQueued = true;
            Platform.runLater(this::redraw);
        }
    }

    private void redraw() {
        redrawQueued = false;
        if (renderer == null || session.viewport().get() == null) {
            canvas.getGraphicsContext2D().clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
            return;
        }
        renderer.render(canvas.getGraphicsContext2D(), frame(canvas.getWidth(), canvas.getHeight()));
    }

    private TimelineFrame frame(double w, double h) {
        return new TimelineFrame(layout, session.viewport().get(), w, h, vbar.getValue(),
                session.selectedSpan().get(), hovered, session.timeSelection().get(), search.matches(), density,
                overlay, notes);
    }

    private void select(SpanRef ref) {
        if (ref != null) {
            session.selectedSpan().set(ref);
        }
    }

    /** Brings a span on screen: pans (or zooms out) to it and scrolls to its row, expanding its process. */
    private void reveal(SpanRef ref) {
        Trace trace = session.trace();
        TimeRange v = session.viewport().get();
        if (ref == null || trace == null || v == null || layout == null) {
            return;
        }
        SpanTable spans = ref.table(trace);
        long s = spans.start(ref.span());
        long e = spans.end(ref.span());
        TimeRange bounds = TraceSession.bounds(trace);
        if (!v.overlaps(s, Math.max(e, s + 1))) {
            TimeRange next = e - s > v.duration() ? ViewportMath.fit(s, e, 0.1, bounds)
                    : ViewportMath.centreOn(v, s + (e - s) / 2, bounds);
            session.viewport().set(next);
        }
        if (layout.isCollapsed(ref.process())) {
            toggleProcess(ref.process());
        }
        TrackModel t = layout.threadTrack(ref.process(), ref.thread());
        if (t != null) {
            double rowTop = t.rowTop(spans.depth(ref.span()));
            double visible = TimelineGeometry.tracksHeight(canvas.getHeight());
            if (rowTop < scrollY() || rowTop + TimelineLayout.ROW > scrollY() + visible) {
                scrollTo(rowTop - visible / 3);
            }
        }
    }
}
