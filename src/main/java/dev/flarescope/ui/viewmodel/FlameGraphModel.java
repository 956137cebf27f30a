package dev.flarescope.ui.viewmodel;

import dev.flarescope.analysis.flame.FlameLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntPredicate;
import java.util.function.Predicate;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One flame graph on screen: its frames, where it is zoomed, the breadcrumbs back out, the hovered frame
 * and the search matches. The flame tab shows one; the sandwich shows two (callers and callees), each
 * zooming on its own.
 *
 * <p>Zooming is a viewport onto the layout, never a new layout. When new frames arrive from the same
 * tree (the user flipped flame and icicle, or the search changed), the zoom is kept; frames from another
 * tree or thread start unzoomed.
 */
public final class FlameGraphModel {

    /** One breadcrumb: a label and the frame it zooms to (-1: the whole graph). */
    public record Crumb(String label, int frame) {
    }

    private final ReadOnlyObjectWrapper<FlameFrames> frames = new ReadOnlyObjectWrapper<>(this, "frames");
    private final ReadOnlyObjectWrapper<FlameLayout.Viewport> viewport = new ReadOnlyObjectWrapper<>(this, "viewport");
    private final ReadOnlyIntegerWrapper zoomedFrame = new ReadOnlyIntegerWrapper(this, "zoomedFrame", -1);
    private final ReadOnlyObjectWrapper<IntPredicate> matches = new ReadOnlyObjectWrapper<>(this, "matches");
    private final IntegerProperty hoveredFrame = new SimpleIntegerProperty(this, "hoveredFrame", -1);
    private final ObservableList<Crumb> crumbs = FXCollections.observableArrayList();
    private final ObservableList<Crumb> readOnlyCrumbs = FXCollections.unmodifiableObservableList(crumbs);
    private Predicate<String> search;

    /** Shows {@code f}, or nothing for null. */
    public void show(FlameFrames f) {
        FlameFrames old = frames.get();
        int keepId = old != null && f != null && old.source() == f.source() && zoomedFrame.get() >= 0
                ? old.id(zoomedFrame.get()) : -1;
        hoveredFrame.set(-1);
        frames.set(f);
        updateMatches();
        int keep = keepId < 0 ? -1 : f.frameOf(keepId);
        zoomTo(keep);
    }

    /** Zooms frame {@code frame} to the full width; -1 (or the root of a tree) shows everything. */
    public void zoomTo(int frame) {
        FlameFrames f = frames.get();
        if (f == null) {
            zoomedFrame.set(-1);
            viewport.set(null);
            crumbs.clear();
            return;
        }
        int target = frame == f.rootFrame() ? -1 : frame;
        zoomedFrame.set(target);
        viewport.set(target < 0 ? f.layout().fullView() : f.layout().zoomTo(target));
        List<Crumb> path = new ArrayList<>();
        for (int k = target; k >= 0 && k != f.rootFrame(); k = f.parentFrame(k)) {
            path.add(0, new Crumb(f.name(k), k));
        }
        path.add(0, new Crumb(f.rootLabel(), -1));
        crumbs.setAll(path);
    }

    /** Zooms to breadcrumb {@code index}: 0 is the whole graph. */
    public void zoomToCrumb(int index) {
        zoomTo(crumbs.get(index).frame());
    }

    /** Zooms out one level (to the parent breadcrumb); does nothing when showing everything. */
    public void zoomOut() {
        if (crumbs.size() > 1) {
            zoomToCrumb(crumbs.size() - 2);
        }
    }

    /** Sets the search: frames whose name contains {@code query} (ignoring case) match; blank clears it. */
    public void setSearch(String query) {
        String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        search = q.isEmpty() ? null : name -> name.toLowerCase(Locale.ROOT).contains(q);
        updateMatches();
    }

    /** Share of the whole graph under a match, or NaN without a search or frames. */
    public double matchShare() {
        FlameFrames f = frames.get();
        return f == null || search == null ? Double.NaN : f.matchShare(search);
    }

    /** What the tooltip says about {@code frame}. */
    public FlameFrameInfo info(int frame) {
        FlameFrames f = frames.get();
        long total = f.total(frame);
        long root = f.rootTotal();
        int zoomed = zoomedFrame.get();
        String zoomedName = zoomed < 0 ? null : f.name(zoomed);
        double ofZoom = zoomed < 0 ? Double.NaN : share(total, f.total(zoomed));
        return new FlameFrameInfo(f.name(frame), total, f.self(frame), f.count(frame), share(total, root), zoomedName,
                ofZoom, f.unit());
    }

    public ReadOnlyObjectProperty<FlameFrames> framesProperty() {
        return frames.getReadOnlyProperty();
    }

    public FlameFrames frames() {
        return frames.get();
    }

    /** The part of the layout shown, or null with no frames. */
    public ReadOnlyObjectProperty<FlameLayout.Viewport> viewportProperty() {
        return viewport.getReadOnlyProperty();
    }

    public FlameLayout.Viewport viewport() {
        return viewport.get();
    }

    /** The frame zoomed into, or -1 when the whole graph is shown. */
    public ReadOnlyIntegerProperty zoomedFrameProperty() {
        return zoomedFrame.getReadOnlyProperty();
    }

    /** Frames matching the search, or null when there is no search. */
    public ReadOnlyObjectProperty<IntPredicate> matchesProperty() {
        return matches.getReadOnlyProperty();
    }

    public IntegerProperty hoveredFrameProperty() {
        return hoveredFrame;
    }

    /** From the whole graph to the zoomed frame; always starts with the whole graph. */
    public ObservableList<Crumb> crumbs() {
        return readOnlyCrumbs;
    }

    private void updateMatches() {
        FlameFrames f = frames.get();
        matches.set(f == null || search == null ? null : f.matches(search));
    }

    private static double share(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}
