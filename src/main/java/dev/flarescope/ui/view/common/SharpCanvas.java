package dev.flarescope.ui.view.common;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;

/**
 * A part of a view drawn on a canvas that can draw its current state again into any graphics context.
 * A snapshot of a canvas at 2x only enlarges its pixels; the PNG export asks each such part to paint
 * itself into a scaled context instead, so text and edges stay sharp at every scale.
 */
public interface SharpCanvas {
    /** The canvas on screen: where it sits in the view and its size in logical pixels. */
    Canvas canvas();

    /**
     * Draws what the canvas shows now, at {@code width} x {@code height} logical pixels, into {@code g}
     * (which may carry a scale). FX thread only.
     */
    void paint(GraphicsContext g, double width, double height);
}
