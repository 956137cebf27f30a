package dev.flarescope.ui.view.common;

import javafx.scene.control.ScrollBar;

/** Sets up the vertical scroll bar of a view that draws its own rows on a canvas. */
public final class ScrollBars {
    private ScrollBars() {
    }

    /**
     * Fits {@code bar} to {@code content} pixels of which {@code visible} show: its range, thumb size,
     * steps (a click moves {@code unit}, a page 90% of what shows but at least {@code minBlock}), hidden
     * when everything shows, and its value kept within the range.
     */
    public static void fit(ScrollBar bar, double content, double visible, double unit, double minBlock) {
        double max = Math.max(0, content - visible);
        bar.setMax(max);
        bar.setVisibleAmount(content <= 0 ? 1 : max * visible / Math.max(1, content));
        bar.setUnitIncrement(unit);
        bar.setBlockIncrement(Math.max(minBlock, visible * 0.9));
        bar.setVisible(max > 0);
        if (bar.getValue() > max) {
            bar.setValue(max);
        }
    }
}
