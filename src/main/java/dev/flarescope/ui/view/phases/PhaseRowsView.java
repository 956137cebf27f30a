package dev.flarescope.ui.view.phases;

import static dev.flarescope.ui.render.phases.PhaseGeometry.GUTTER;
import static dev.flarescope.ui.render.phases.PhaseGeometry.ROW;
import static dev.flarescope.ui.render.phases.PhaseGeometry.RULER;

import dev.flarescope.notes.Note;
import dev.flarescope.notes.NoteAnchor;
import dev.flarescope.ui.render.notes.NoteLabel;
import dev.flarescope.ui.render.phases.PhaseFrame;
import dev.flarescope.ui.render.phases.PhaseGeometry;
import dev.flarescope.ui.render.phases.PhaseRenderer;
import dev.flarescope.ui.view.common.ScrollBars;
import dev.flarescope.ui.view.common.SharpCanvas;
import dev.flarescope.ui.view.notes.NoteCommands;
import dev.flarescope.ui.viewmodel.PhaseRow;
import dev.flarescope.ui.viewmodel.PhaseTimelineModel;
import dev.flarescope.ui.viewmodel.RequestClock;
import dev.flarescope.ui.viewmodel.RequestFacts;
import dev.flarescope.ui.viewmodel.RequestText;
import dev.flarescope.ui.viewmodel.TimeRange;
import dev.flarescope.ui.viewmodel.TimeScale;
import dev.flarescope.ui.viewmodel.TimelineTarget;
import dev.flarescope.ui.viewmodel.ViewportMath;
import java.util.List;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Orientation;
import javafx.scene.Cursor;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.util.Duration;

/**
 * The request rows of the phase timeline on one canvas, navigated like the trace timeline: W/S and
 * Ctrl+wheel zoom about the mouse, A/D, Shift+wheel and dragging pan, the wheel scrolls rows, Esc or 0
 * shows everything. A click selects a request, Up/Down move the selection, a double click (or Enter)
 * takes the user to the request's spans in the trace timeline. Hovering a row explains it and its
 * findings in a tooltip. With {@link NoteCommands}, the context menu adds a note on the request under
 * the mouse, and on a note's label edits or deletes it.
 */
final class PhaseRowsView extends Region implements SharpCanvas {
    private static final double ZOOM_STEP = 0.8;
    private static final double PAN_STEP = 0.15;
    private static final double CLICK_SLOP_PX = 3;

    private final PhaseTimelineModel model;
    private final PhaseRenderer renderer = new PhaseRenderer();
    private final Canvas canvas = new Canvas();
    private final ScrollBar vbar = new ScrollBar();
    private final Tooltip tooltip = new Tooltip();
    private Consumer<TimelineTarget> onReveal = t -> { };
    private int hovered = -1;
    private double mouseX = Double.NaN;
    private double pressX;
    private double pressY;
    private double pressScroll;
    private TimeRange pressViewport;
    private boolean dragged;
    private boolean redrawQueued;
    private NoteCommands noteCommands;
    private ContextMenu menu;

    PhaseRowsView(PhaseTimelineModel model) {
        this.model = model;
        setFocusTraversable(true);
        getStyleClass().add("phase-rows");
        vbar.setOrientation(Orientation.VERTICAL);
        getChildren().addAll(canvas, vbar);
        tooltip.setShowDelay(Duration.millis(250));
        tooltip.setShowDuration(Duration.seconds(60));
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(560);
        tooltip.getStyleClass().add("phase-tooltip");
        model.rowsProperty().addListener(x -> {
            hovered = -1;
            updateScrollRange();
            requestRedraw();
        });
        model.clock().addListener(x -> requestRedraw());
        model.session().viewport().addListener(x -> requestRedraw());
        model.recordViewport().addListener(x -> requestRedraw());
        model.session().highlightedFinding().addListener(x -> requestRedraw());
        model.session().selectedRequest().addListener((obs, was, id) -> {
            scrollToRow(model.rowOf(id));
            requestRedraw();
        });
        vbar.valueProperty().addListener(x -> requestRedraw());
        canvas.setOnMouseMoved(this::moved);
        canvas.setOnMouseExited(e -> hover(-1));
        canvas.setOnMousePressed(this::pressed);
        canvas.setOnMouseDragged(this::dragging);
        canvas.setOnMouseReleased(this::released);
        canvas.setOnScroll(this::scrolled);
        canvas.setOnContextMenuRequested(this::contextMenu);
        model.session().notes().addListener((javafx.collections.ListChangeListener<Note>) c -> requestRedraw());
        addEventHandler(KeyEvent.KEY_PRESSED, this::keyPressed);
    }

    /** Called with the request's place in the trace timeline on double click or Enter. */
    void setOnReveal(Consumer<TimelineTarget> action) {
        this.onReveal = action;
    }

    /** Lets the user add, edit and delete notes from the context menu. */
    void setNoteCommands(NoteCommands commands) {
        this.noteCommands = commands;
    }

    /** The time axis in force: the session's viewport on the trace clock, the model's own on the records'. */
    private ObjectProperty<TimeRange> axis() {
        return model.viewport();
    }

    @Override
    public Canvas canvas() {
        return canvas;
    }

    @Override
    public void paint(GraphicsContext g, double width, double height) {
        renderer.render(g, frame(width, height));
    }

    TimeScale scale() {
        TimeRange v = axis().get();
        return v == null ? null : PhaseGeometry.scale(v, canvas.getWidth());
    }

    double scrollY() {
        return vbar.getValue();
    }

    /** Scrolls so that row {@code i} is visible (no-op for -1). */
    void scrollToRow(int i) {
        if (i < 0) {
            return;
        }
        double top = i * ROW;
        double visible = canvas.getHeight() - RULER;
        if (top < vbar.getValue() || top + ROW > vbar.getValue() + visible) {
            vbar.setValue(Math.max(0, Math.min(vbar.getMax(), top - visible / 3)));
        }
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        double bw = vbar.prefWidth(-1);
        canvas.setWidth(Math.max(1, w - bw));
        canvas.setHeight(Math.max(1, h));
        vbar.resizeRelocate(w - bw, RULER, bw, Math.max(0, h - RULER));
        updateScrollRange();
        redraw();
    }

    @Override
    protected double computePrefWidth(double height) {
        return 1000;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 500;
    }

    private PhaseFrame frame(double w, double h) {
        RequestClock c = model.clock().get();
        return new PhaseFrame(model.rows(), axis().get(), model.origin(), c == null ? "" : c.label(), w, h,
                vbar.getValue(), model.session().selectedRequest().get(), hovered,
                model.session().highlightedFinding().get(), notes());
    }

    /** Request notes always (they mark their rows); the others only on the trace's clock. */
    private List<Note> notes() {
        List<Note> all = model.session().notes();
        if (all.isEmpty() || model.clock().get() == RequestClock.TRACE) {
            return all;
        }
        return all.stream().filter(n -> n.anchor() instanceof NoteAnchor.OnRequest).toList();
    }

    private void contextMenu(ContextMenuEvent e) {
        if (menu != null) {
            menu.hide();
        }
        if (noteCommands == null) {
            return;
        }
        menu = new ContextMenu();
        Note note = NoteLabel.at(renderer.noteLabels(frame(canvas.getWidth(), canvas.getHeight())), e.getX(),
                e.getY());
        PhaseRow row = rowAt(e.getY());
        if (note != null) {
            menu.getItems().addAll(NoteCommands.menuItem("Edit note\u2026", () -> noteCommands.edit(note)),
                    NoteCommands.menuItem("Delete note", () -> noteCommands.delete(note)));
        } else if (row != null && !row.isHeader()) {
            String id = row.request().id();
            MenuItem add = NoteCommands.menuItem("Add note on request " + id, () -> noteCommands.addForRequest(id));
            add.setDisable(noteCommands.model().anchorForRequest(id).isEmpty());
            menu.getItems().add(add);
        } else {
            return;
        }
        menu.show(canvas, e.getScreenX(), e.getScreenY());
        e.consume();
    }

    private void updateScrollRange() {
        ScrollBars.fit(vbar, PhaseGeometry.contentHeight(model.rows().size()), Math.max(0, canvas.getHeight() - RULER),
                ROW, ROW);
    }

    private void requestRedraw() {
        if (!redrawQueued) {
            redrawQueued = true;
            Platform.runLater(this::redraw);
        }
    }

    private void redraw() {
        redrawQueued = false;
        renderer.render(canvas.getGraphicsContext2D(), frame(canvas.getWidth(), canvas.getHeight()));
    }

    private PhaseRow rowAt(double y) {
        int i = PhaseGeometry.rowAt(y, vbar.getValue());
        List<PhaseRow> rows = model.rows();
        return i >= 0 && i < rows.size() ? rows.get(i) : null;
    }

    private void hover(int row) {
        if (row != hovered) {
            hovered = row;
            PhaseRow r = row >= 0 && row < model.rows().size() ? model.rows().get(row) : null;
            if (r == null || r.isHeader()) {
                Tooltip.uninstall(canvas, tooltip);
            } else {
                tooltip.setText(RequestText.describe(r));
                Tooltip.install(canvas, tooltip);
            }
            requestRedraw();
        }
    }

    private void moved(MouseEvent e) {
        mouseX = e.getX();
        int i = PhaseGeometry.rowAt(e.getY(), vbar.getValue());
        hover(i >= 0 && i < model.rows().size() ? i : -1);
    }

    private void pressed(MouseEvent e) {
        requestFocus();
        pressX = e.getX();
        pressY = e.getY();
        pressScroll = vbar.getValue();
        pressViewport = axis().get();
        dragged = false;
    }

    private void dragging(MouseEvent e) {
        if (Math.abs(e.getX() - pressX) > CLICK_SLOP_PX || Math.abs(e.getY() - pressY) > CLICK_SLOP_PX) {
            dragged = true;
        }
        if (dragged && pressViewport != null && e.getButton() == MouseButton.PRIMARY) {
            canvas.setCursor(Cursor.CLOSED_HAND);
            TimeScale s = PhaseGeometry.scale(pressViewport, canvas.getWidth());
            axis().set(ViewportMath.pan(pressViewport, -s.nanos(e.getX() - pressX), model.bounds()));
            vbar.setValue(Math.max(0, Math.min(vbar.getMax(), pressScroll - (e.getY() - pressY))));
        }
    }

    private void released(MouseEvent e) {
        canvas.setCursor(Cursor.DEFAULT);
        if (dragged || e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        PhaseRow row = rowAt(e.getY());
        if (row == null || row.isHeader()) {
            return;
        }
        model.select(row.request().id());
        if (e.getClickCount() >= 2) {
            revealSelected();
        }
    }

    private void revealSelected() {
        String id = model.session().selectedRequest().get();
        int i = model.rowOf(id);
        if (i >= 0) {
            TimelineTarget target = RequestFacts.timelineTarget(model.rows().get(i).request());
            if (target != null) {
                onReveal.accept(target);
            }
        }
    }

    private void scrolled(ScrollEvent e) {
        TimeRange v = axis().get();
        if (v == null) {
            return;
        }
        if (e.isControlDown() || e.isShortcutDown()) {
            if (e.getDeltaY() != 0) {
                double factor = Math.pow(ZOOM_STEP, e.getDeltaY() / 40.0);
                axis().set(ViewportMath.zoom(v, factor, anchor(e.getX()), model.bounds()));
            }
        } else if (e.isShiftDown() || Math.abs(e.getDeltaX()) > Math.abs(e.getDeltaY())) {
            double dx = e.getDeltaX() != 0 ? e.getDeltaX() : e.getDeltaY();
            axis().set(ViewportMath.pan(v, -scale().nanos(dx), model.bounds()));
        } else {
            vbar.setValue(Math.max(0, Math.min(vbar.getMax(), vbar.getValue() - e.getDeltaY())));
        }
        e.consume();
    }

    private void keyPressed(KeyEvent e) {
        TimeRange v = axis().get();
        if (v == null) {
            return;
        }
        switch (e.getCode()) {
            case W -> axis().set(ViewportMath.zoom(v, ZOOM_STEP, anchor(mouseX), model.bounds()));
            case S -> axis().set(ViewportMath.zoom(v, 1 / ZOOM_STEP, anchor(mouseX), model.bounds()));
            case A -> axis().set(ViewportMath.pan(v, -Math.round(v.duration() * PAN_STEP), model.bounds()));
            case D -> axis().set(ViewportMath.pan(v, Math.round(v.duration() * PAN_STEP), model.bounds()));
            case ESCAPE, DIGIT0, NUMPAD0 -> model.showAll();
            case UP -> moveSelection(-1);
            case DOWN -> moveSelection(1);
            case ENTER -> revealSelected();
            default -> {
                return;
            }
        }
        e.consume();
    }

    private void moveSelection(int step) {
        List<PhaseRow> rows = model.rows();
        int i = model.rowOf(model.session().selectedRequest().get());
        for (int k = i + step; k >= 0 && k < rows.size(); k += step) {
            if (!rows.get(k).isHeader()) {
                model.select(rows.get(k).request().id());
                return;
            }
        }
    }

    private long anchor(double x) {
        TimeRange v = axis().get();
        TimeScale s = scale();
        if (Double.isNaN(x) || x < GUTTER || s == null || x > s.x0() + s.width()) {
            return v.start() + v.duration() / 2;
        }
        return s.time(x);
    }
}
