package dev.flarescope.ui.render.flame;

import dev.flarescope.analysis.flame.FlameLayout;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import javafx.scene.paint.Color;

/**
 * Everything {@link FlameRenderer} draws from: the layout and the part of it shown, which way up, the
 * name and colour of each frame, the search matches and the hovered frame. Built by a view for every
 * repaint, or once for an export.
 *
 * @param layout   frames to draw
 * @param viewport part of the layout spanning the width
 * @param inverted true for an icicle (root row at the top), false for a flame (root row at the bottom)
 * @param names    name of frame i
 * @param colors   fill colour of frame i
 * @param matches  frames that match the search (drawn in full colour, the rest dimmed), or null when there is
 *                 no search
 * @param hovered  frame under the mouse (outlined), or -1
 * @param scrollY  pixels the rows are scrolled away from the root side, 0 or more
 */
public record FlameContent(FlameLayout layout, FlameLayout.Viewport viewport, boolean inverted,
                           IntFunction<String> names, IntFunction<Color> colors, IntPredicate matches, int hovered,
                           double scrollY) {
}
