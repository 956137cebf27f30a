package dev.flarescope.ui.viewmodel;

import dev.flarescope.analysis.flame.FlameLayout;
import dev.flarescope.analysis.flame.FlameMatch;
import dev.flarescope.analysis.flame.FlameTree;
import dev.flarescope.analysis.flame.FlameUnit;
import dev.flarescope.ui.render.Palette;
import java.util.function.IntPredicate;
import java.util.function.Predicate;
import javafx.scene.paint.Color;

/** {@link FlameFrames} of a merged {@link FlameTree}: frame ids are tree nodes. */
final class TreeFrames implements FlameFrames {
    /** The root stands for everything rather than a function, so it gets no function's colour. */
    private static final Color ROOT_COLOR = Color.rgb(208, 212, 218);

    private final FlameTree tree;
    private final FlameLayout layout;

    TreeFrames(FlameTree tree, FlameLayout layout) {
        this.tree = tree;
        this.layout = layout;
    }

    @Override
    public FlameLayout layout() {
        return layout;
    }

    @Override
    public FlameUnit unit() {
        return tree.unit();
    }

    @Override
    public String name(int frame) {
        return tree.name(layout.id(frame));
    }

    @Override
    public Color color(int frame, Palette palette) {
        int node = layout.id(frame);
        return node == FlameTree.ROOT && "all".equals(tree.name(node)) ? ROOT_COLOR : palette.forName(tree.name(node));
    }

    @Override
    public long total(int frame) {
        return tree.total(layout.id(frame));
    }

    @Override
    public long self(int frame) {
        return tree.self(layout.id(frame));
    }

    @Override
    public long count(int frame) {
        return tree.count(layout.id(frame));
    }

    @Override
    public int parentFrame(int frame) {
        int parent = tree.parent(layout.id(frame));
        return parent < 0 ? -1 : layout.frameOf(parent);
    }

    @Override
    public long rootTotal() {
        return tree.rootTotal();
    }

    @Override
    public String rootLabel() {
        return tree.name(FlameTree.ROOT);
    }

    @Override
    public int rootFrame() {
        return layout.size() == 0 ? -1 : layout.frameOf(FlameTree.ROOT);
    }

    @Override
    public IntPredicate matches(Predicate<String> nameMatches) {
        FlameMatch match = tree.matching(nameMatches);
        return frame -> match.matches(layout.id(frame));
    }

    @Override
    public double matchShare(Predicate<String> nameMatches) {
        return tree.matching(nameMatches).share();
    }

    @Override
    public Object source() {
        return tree;
    }
}
