package dev.flarescope.ui.viewmodel;

import dev.flarescope.analysis.flame.FlameLayout;
import dev.flarescope.analysis.flame.FlameTree;
import dev.flarescope.analysis.flame.FlameUnit;
import dev.flarescope.model.SpanTable;
import dev.flarescope.model.Trace;
import dev.flarescope.ui.render.Palette;
import java.util.function.IntPredicate;
import java.util.function.Predicate;
import javafx.scene.paint.Color;

/**
 * The frames of one laid-out graph and what they stand for. A merged tree's frames are tree nodes; a
 * flame chart's frames are spans of one thread. Views, tooltips, breadcrumbs and search work through this
 * one interface and need not know which of the two they show.
 */
public interface FlameFrames {

    /** Frames of a merged tree (left-heavy or alphabetical, or a half of a sandwich). */
    static FlameFrames ofTree(FlameTree tree, FlameLayout layout) {
        return new TreeFrames(tree, layout);
    }

    /** Frames of a thread's spans in time order; {@code rootLabel} names the whole range (the thread). */
    static FlameFrames ofSpans(Trace trace, SpanTable spans, FlameLayout layout, String rootLabel) {
        return new SpanFrames(trace, spans, layout, rootLabel);
    }

    FlameLayout layout();

    FlameUnit unit();

    /** Display name of frame i. */
    String name(int frame);

    /** Fill colour of frame i, the same as the timeline gives the span or function. */
    Color color(int frame, Palette palette);

    /** Value in and below frame i, in {@link #unit()}s (for time order, the part inside the range). */
    long total(int frame);

    long self(int frame);

    /** Span instances (or samples) merged into frame i: 1 for a span of a flame chart. */
    long count(int frame);

    /** The frame of frame i's parent, or -1 at the top (the root of a tree, a top-level span). */
    int parentFrame(int frame);

    /** What the whole graph adds up to: the root's total, or the length of the time range. */
    long rootTotal();

    /** Name of the whole graph for the first breadcrumb. */
    String rootLabel();

    /** The frame whose zoom shows everything (the root of a tree), or -1 when the full view has no frame. */
    int rootFrame();

    /** Frames whose name matches, frame by frame. */
    IntPredicate matches(Predicate<String> nameMatches);

    /** Share of {@link #rootTotal()} under a matching frame, a match inside a match counted once. */
    double matchShare(Predicate<String> nameMatches);

    /** The id (tree node or span) of frame i, stable across layouts of the same data. */
    default int id(int frame) {
        return layout().id(frame);
    }

    /** The frame standing for {@code id}, or -1 when this layout left it out. */
    default int frameOf(int id) {
        return layout().frameOf(id);
    }

    /** The tree or span table the frames come from: layouts of the same source can keep their zoom. */
    Object source();
}
