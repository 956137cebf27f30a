package dev.flarescope.ui.render.flame;

import dev.flarescope.analysis.flame.FlameLayout;
import dev.flarescope.ui.render.Palette;
import java.util.Arrays;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * Draws a {@link FlameContent} into a {@link GraphicsContext} of a given size. It keeps no state about a
 * scene, so the view, a PNG export and a benchmark draw alike, each into its own canvas.
 *
 * <p>Rows are {@link #ROW_HEIGHT} pixels; row 0 (the root) sits at the bottom of a flame and at the top of
 * an icicle. Frames narrower than a pixel are not drawn one by one: neighbours on a row that together
 * cover at least half a pixel are drawn as one sliver in the first one's colour, so that a thread of a
 * thousand short spans still shows where they are. Labels appear on frames wide enough for a few
 * characters, cut with an ellipsis to the visible part of the frame.
 */
public final class FlameRenderer {
    /** Height of a row, gap included. */
    public static final double ROW_HEIGHT = 18;
    /** Space between rows and between neighbouring frames wide enough to show it. */
    private static final double GAP = 1;
    private static final double MIN_FRAME_PX = 1;
    private static final double MIN_RUN_PX = 0.5;
    private static final double MIN_LABEL_PX = 22;
    private static final double LABEL_PAD = 4;
    /** How far a frame that does not match the search fades toward the background. */
    private static final double DIM = 0.72;
    private static final Color BACKGROUND = Color.WHITE;
    private static final Color HOVER_OUTLINE = Color.rgb(20, 20, 20);
    private static final Color DIM_TEXT = Color.rgb(120, 120, 120);

    private final LabelFitter labels;

    public FlameRenderer() {
        this(Font.font(Font.getDefault().getFamily(), 12));
    }

    public FlameRenderer(Font font) {
        this.labels = new LabelFitter(font);
    }

    /** Height all rows of the layout need, in pixels. */
    public double contentHeight(FlameContent c) {
        return (c.layout().maxDepth() + 1) * ROW_HEIGHT;
    }

    /** Top edge of row {@code depth} in a canvas {@code height} pixels tall. */
    public double rowTop(FlameContent c, int depth, double height) {
        return c.inverted()
                ? depth * ROW_HEIGHT - c.scrollY()
                : height - (depth + 1) * ROW_HEIGHT + c.scrollY();
    }

    /** Paints the whole canvas area {@code width} x {@code height}. */
    public void draw(GraphicsContext g, FlameContent c, double width, double height) {
        g.setFill(BACKGROUND);
        g.fillRect(0, 0, width, height);
        FlameLayout layout = c.layout();
        FlameLayout.Viewport view = c.viewport();
        if (layout == null || view == null || layout.size() == 0 || width <= 0) {
            return;
        }
        g.setFont(labels.font());
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        Runs runs = new Runs(layout.maxDepth() + 1);
        for (int i = 0; i < layout.size(); i++) {
            if (!layout.visible(i, view)) {
                continue;
            }
            int depth = layout.depth(i);
            double top = rowTop(c, depth, height);
            if (top >= height || top + ROW_HEIGHT <= 0) {
                continue;
            }
            double x0 = layout.x0(i, view) * width;
            double x1 = layout.x1(i, view) * width;
            if (x1 - x0 < MIN_FRAME_PX) {
                if (!runs.extend(depth, x0, x1, matches(c, i))) {
                    drawRun(g, c, runs, depth, top);
                    runs.start(depth, i, x0, x1, matches(c, i));
                }
                continue;
            }
            drawFrame(g, c, i, x0, x1, top, width);
        }
        for (int depth = 0; depth < runs.frame.length; depth++) {
            drawRun(g, c, runs, depth, rowTop(c, depth, height));
        }
    }

    /**
     * The frame under pixel ({@code x}, {@code y}) of a canvas of the given size, or -1. Frames too narrow
     * to be drawn on their own are still found, so a tooltip can name a sliver.
     */
    public int frameAt(FlameContent c, double width, double height, double x, double y) {
        FlameLayout layout = c.layout();
        if (layout == null || c.viewport() == null || width <= 0) {
            return -1;
        }
        double fromRoot = c.inverted() ? y + c.scrollY() : height - y + c.scrollY();
        if (fromRoot < 0) {
            return -1;
        }
        int row = (int) (fromRoot / ROW_HEIGHT);
        return layout.frameAt(x / width, row, c.viewport());
    }

    private static boolean matches(FlameContent c, int frame) {
        return c.matches() == null || c.matches().test(frame);
    }

    private void drawFrame(GraphicsContext g, FlameContent c, int i, double x0, double x1, double top, double width) {
        boolean match = matches(c, i);
        Color base = c.colors().apply(i);
        Color fill = match ? base : base.interpolate(BACKGROUND, DIM);
        // clip to the canvas (plus a pixel) so that zoomed-in ancestors do not ask for huge rectangles
        double left = Math.max(x0, -1);
        double right = Math.min(x1, width + 1);
        double w = right - left;
        double boxWidth = w > 3 * GAP ? w - GAP : w;
        double boxHeight = ROW_HEIGHT - GAP;
        g.setFill(fill);
        g.fillRect(left, top, boxWidth, boxHeight);
        if (i == c.hovered()) {
            g.setStroke(HOVER_OUTLINE);
            g.setLineWidth(1.5);
            g.strokeRect(left + 0.75, top + 0.75, Math.max(0, boxWidth - 1.5), boxHeight - 1.5);
        }
        double visibleLeft = Math.max(left, 0);
        double visibleRight = Math.min(left + boxWidth, width);
        double room = visibleRight - visibleLeft - 2 * LABEL_PAD;
        if (visibleRight - visibleLeft >= MIN_LABEL_PX && room > 0) {
            String text = labels.fit(c.names().apply(i), room);
            if (!text.isEmpty()) {
                g.setFill(match ? Palette.textOn(fill) : DIM_TEXT);
                g.fillText(text, visibleLeft + LABEL_PAD, top + boxHeight / 2);
            }
        }
    }

    private static void drawRun(GraphicsContext g, FlameContent c, Runs runs, int depth, double top) {
        int frame = runs.frame[depth];
        if (frame < 0) {
            return;
        }
        runs.frame[depth] = -1;
        double w = runs.right[depth] - runs.left[depth];
        if (w < MIN_RUN_PX) {
            return;
        }
        Color base = c.colors().apply(frame);
        g.setFill(runs.matched[depth] ? base : base.interpolate(BACKGROUND, DIM));
        g.fillRect(runs.left[depth], top, Math.max(1, w), ROW_HEIGHT - GAP);
    }

    /** Per row, the sliver of sub-pixel frames being gathered: first frame and extent. */
    private static final class Runs {
        final int[] frame;
        final double[] left;
        final double[] right;
        final boolean[] matched;

        Runs(int rows) {
            frame = new int[rows];
            Arrays.fill(frame, -1);
            left = new double[rows];
            right = new double[rows];
            matched = new boolean[rows];
        }

        /** Adds a frame to the row's sliver when it touches it; false when the row has none or it is apart. */
        boolean extend(int row, double x0, double x1, boolean match) {
            if (frame[row] < 0 || x0 > right[row] + MIN_RUN_PX) {
                return false;
            }
            right[row] = Math.max(right[row], x1);
            matched[row] |= match;
            return true;
        }

        void start(int row, int i, double x0, double x1, boolean match) {
            frame[row] = i;
            left[row] = x0;
            right[row] = x1;
            matched[row] = match;
        }
    }
}
