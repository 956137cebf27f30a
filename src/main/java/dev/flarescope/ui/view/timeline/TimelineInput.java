package dev.flarescope.ui.view.timeline;

import static dev.flarescope.ui.render.timeline.TimelineGeometry.GUTTER;
import static dev.flarescope.ui.render.timeline.TimelineGeometry.MINIMAP;
import static dev.flarescope.ui.render.timeline.TimelineGeometry.TRACKS_TOP;

import dev.flarescope.model.SpanTable;
import dev.flarescope.model.Trace;
import dev.flarescope.notes.Note;
import dev.flarescope.ui.view.notes.NoteCommands;
import dev.flarescope.ui.render.timeline.TimelineGeometry;
import dev.flarescope.ui.viewmodel.SpanRef;
import dev.flarescope.ui.viewmodel.TimeRange;
import dev.flarescope.ui.viewmodel.TimeScale;
import dev.flarescope.ui.viewmodel.TraceSession;
import dev.flarescope.ui.viewmodel.TrackModel;
import dev.flarescope.ui.viewmodel.ViewportMath;
import javafx.scene.Cursor;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.ContextMenu;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;

/**
 * Mouse and keyboard navigation of the {@link TimelineView}, as in Perfetto: W/S zoom about the mouse,
 * A/D pan, Ctrl+wheel zooms and the plain wheel scrolls the tracks, dragging pans, a click selects the
 * span under the mouse and a double click zooms to it, Esc clears the time selection or else shows the
 * whole trace (as does 0). Dragging on the ruler marks a time selection; clicking or dragging on the
 * mini-map moves the viewport; clicking a process header collapses or expands it.
 *
 * <p>Notes (when the view has {@link NoteCommands}): M adds a note to the selected span, else to the time
 * selection, else at the mouse's time; the context menu on the tracks adds one at the click, on the span
 * under the mouse or on the selection, and on a note's label edits or deletes it, as does a double click.
 */
final class TimelineInput {
    static final double ZOOM_STEP = 0.8;
    static final double PAN_STEP = 0.15;
    private static final double CLICK_SLOP_PX = 3;
    private static final double HIT_TOLERANCE_PX = 2;

    private enum Drag { NONE, MINIMAP, RULER, TRACKS, GUTTER }

    private final TimelineView view;
    private final TraceSession session;
    private Canvas canvas;
    private double mouseX = Double.NaN;
    private Drag drag = Drag.NONE;
    private double pressX;
    private double pressY;
    private boolean moved;
    private TimeRange pressViewport;
    private double pressScroll;
    private long rulerAnchor;
    private ContextMenu menu;

    TimelineInput(TimelineView view) {
        this.view = view;
        this.session = view.session();
    }

    void install(Canvas target) {
        this.canvas = target;
        canvas.setOnMouseMoved(this::moved);
        canvas.setOnMouseExited(e -> {
            mouseX = Double.NaN;
            view.setHovered(null);
        });
        canvas.setOnMousePressed(this::pressed);
        canvas.setOnMouseDragged(this::dragged);
        canvas.setOnMouseReleased(this::released);
        canvas.setOnScroll(this::scrolled);
        canvas.setOnContextMenuRequested(this::contextMenu);
        view.addEventHandler(KeyEvent.KEY_PRESSED, this::keyPressed);
    }

    private void moved(MouseEvent e) {
        mouseX = e.getX();
        view.setHovered(spanAt(e.getX(), e.getY()));
    }

    private void pressed(MouseEvent e) {
        view.requestFocus();
        mouseX = e.getX();
        pressX = e.getX();
        pressY = e.getY();
        moved = false;
        pressViewport = session.viewport().get();
        pressScroll = view.scrollY();
        if (pressViewport == null || e.getButton() != MouseButton.PRIMARY) {
            drag = Drag.NONE;
        } else if (e.getX() < GUTTER) {
            drag = e.getY() >= TRACKS_TOP ? Drag.GUTTER : Drag.NONE;
        } else if (e.getY() < MINIMAP) {
            drag = Drag.MINIMAP;
            moveViewportTo(e.getX());
        } else if (e.getY() < TRACKS_TOP) {
            drag = Drag.RULER;
            rulerAnchor = view.scale().time(e.getX());
        } else {
            drag = Drag.TRACKS;
        }
    }

    private void dragged(MouseEvent e) {
        mouseX = e.getX();
        if (Math.abs(e.getX() - pressX) > CLICK_SLOP_PX || Math.abs(e.getY() - pressY) > CLICK_SLOP_PX) {
            moved = true;
        }
        switch (drag) {
            case MINIMAP -> moveViewportTo(e.getX());
            case RULER -> {
                if (moved) {
                    long t = clampToTrace(view.scale().time(Math.max(GUTTER, e.getX())));
                    session.timeSelection().set(new TimeRange(Math.min(rulerAnchor, t), Math.max(rulerAnchor, t)));
                }
            }
            case TRACKS -> {
                if (moved) {
                    canvas.setCursor(Cursor.CLOSED_HAND);
                    TimeScale s = TimelineGeometry.tracksScale(pressViewport, view.canvasWidth());
                    session.viewport().set(ViewportMath.pan(pressViewport, -s.nanos(e.getX() - pressX), bounds()));
                    view.scrollTo(pressScroll - (e.getY() - pressY));
                }
            }
            default -> {
            }
        }
    }

    private void released(MouseEvent e) {
        canvas.setCursor(Cursor.DEFAULT);
        if (!moved) {
            switch (drag) {
                case TRACKS -> clicked(e);
                case RULER -> session.timeSelection().set(null);
                case GUTTER -> toggleHeader(e.getY());
                default -> {
                }
            }
        }
        drag = Drag.NONE;
    }

    private void clicked(MouseEvent e) {
        Note note = view.noteCommands() == null ? null : view.noteAt(e.getX(), e.getY());
        if (note != null) {
            if (e.getClickCount() >= 2) {
                view.noteCommands().edit(note);
            }
            return;
        }
        SpanRef hit = spanAt(e.getX(), e.getY());
        if (e.getClickCount() >= 2 && hit != null) {
            SpanTable spans = hit.table(session.trace());
            session.viewport().set(ViewportMath.fit(spans.start(hit.span()), spans.end(hit.span()), 0.1, bounds()));
            return;
        }
        TrackModel t = view.trackLayout().trackAt(e.getY() - TRACKS_TOP + view.scrollY());
        if (hit == null && t != null && t.kind() == TrackModel.Kind.PROCESS) {
            view.toggleProcess(t.process());
            return;
        }
        session.selectedSpan().set(hit);
    }

    private void toggleHeader(double y) {
        TrackModel t = view.trackLayout() == null ? null : view.trackLayout().trackAt(y - TRACKS_TOP + view.scrollY());
        if (t != null && t.kind() == TrackModel.Kind.PROCESS) {
            view.toggleProcess(t.process());
        }
    }

    private void scrolled(ScrollEvent e) {
        TimeRange v = session.viewport().get();
        if (v == null) {
            return;
        }
        if (e.isControlDown() || e.isShortcutDown()) {
            if (e.getDeltaY() != 0) {
                double factor = Math.pow(ZOOM_STEP, e.getDeltaY() / 40.0);
                session.viewport().set(ViewportMath.zoom(v, factor, anchor(e.getX()), bounds()));
            }
        } else if (e.isShiftDown() || Math.abs(e.getDeltaX()) > Math.abs(e.getDeltaY())) {
            double dx = e.getDeltaX() != 0 ? e.getDeltaX() : e.getDeltaY();
            session.viewport().set(ViewportMath.pan(v, -view.scale().nanos(dx), bounds()));
        } else {
            view.scrollTo(view.scrollY() - e.getDeltaY());
        }
        e.consume();
    }

    private void keyPressed(KeyEvent e) {
        TimeRange v = session.viewport().get();
        if (v == null) {
            return;
        }
        switch (e.getCode()) {
            case W -> session.viewport().set(ViewportMath.zoom(v, ZOOM_STEP, anchor(mouseX), bounds()));
            case S -> session.viewport().set(ViewportMath.zoom(v, 1 / ZOOM_STEP, anchor(mouseX), bounds()));
            case A -> session.viewport().set(ViewportMath.pan(v, -Math.round(v.duration() * PAN_STEP), bounds()));
            case D -> session.viewport().set(ViewportMath.pan(v, Math.round(v.duration() * PAN_STEP), bounds()));
            case ESCAPE -> {
                if (session.timeSelection().get() != null) {
                    session.timeSelection().set(null);
                } else {
                    session.showAll();
                }
            }
            case DIGIT0, NUMPAD0 -> session.showAll();
            case M -> {
                if (view.noteCommands() == null || e.isShortcutDown() || e.isAltDown()) {
                    return;
                }
                view.noteCommands().addHere(anchor(mouseX));
            }
            default -> {
                return;
            }
        }
        e.consume();
    }

    /** The note items for a right click on the tracks: on a note's label edit or delete it, else add one. */
    private void contextMenu(ContextMenuEvent e) {
        NoteCommands notes = view.noteCommands();
        if (menu != null) {
            menu.hide();
        }
        if (notes == null || session.viewport().get() == null || e.getX() < GUTTER || e.getY() < TRACKS_TOP) {
            return;
        }
        menu = new ContextMenu();
        Note note = view.noteAt(e.getX(), e.getY());
        if (note != null) {
            menu.getItems().addAll(NoteCommands.menuItem("Edit note\u2026", () -> notes.edit(note)),
                    NoteCommands.menuItem("Delete note", () -> notes.delete(note)));
        } else {
            long t = view.scale().time(e.getX());
            menu.getItems().add(NoteCommands.menuItem("Add note here", () -> notes.add(notes.model().anchorAt(t))));
            SpanRef span = spanAt(e.getX(), e.getY());
            if (span != null) {
                menu.getItems().add(NoteCommands.menuItem("Add note on " + clip(span.name(session.trace())),
                        () -> notes.add(notes.model().anchorForSpan(span))));
            }
            notes.model().anchorForTimeSelection().ifPresent(a ->
                    menu.getItems().add(NoteCommands.menuItem("Add note on selection", () -> notes.add(a))));
        }
        menu.show(canvas, e.getScreenX(), e.getScreenY());
        e.consume();
    }

    private static String clip(String name) {
        return name.length() <= 40 ? name : name.substring(0, 39) + "\u2026";
    }

    /** The time under x when x is over the tracks, else the middle of the viewport. */
    private long anchor(double x) {
        TimeRange v = session.viewport().get();
        if (Double.isNaN(x) || x < GUTTER) {
            return v.start() + v.duration() / 2;
        }
        return view.scale().time(x);
    }

    private void moveViewportTo(double x) {
        Trace trace = session.trace();
        TimeScale mini = TimelineGeometry.minimapScale(TraceSession.bounds(trace), view.canvasWidth());
        session.viewport().set(ViewportMath.centreOn(session.viewport().get(), mini.time(x), bounds()));
    }

    private SpanRef spanAt(double x, double y) {
        if (x < GUTTER || y < TRACKS_TOP || view.trackLayout() == null || view.scale() == null) {
            return null;
        }
        return view.trackLayout().spanAt(x, y - TRACKS_TOP + view.scrollY(), view.scale(), HIT_TOLERANCE_PX);
    }

    private long clampToTrace(long t) {
        TimeRange b = bounds();
        return Math.max(b.start(), Math.min(b.end(), t));
    }

    private TimeRange bounds() {
        return TraceSession.bounds(session.trace());
    }
}
