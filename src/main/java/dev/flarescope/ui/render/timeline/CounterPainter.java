package dev.flarescope.ui.render.timeline;

import dev.flarescope.model.CounterTrack;
import dev.flarescope.ui.viewmodel.TimeScale;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/**
 * Draws a counter as a step-wise area chart: each value holds until the next sample. Samples closer
 * than a pixel fold into one column showing their maximum, so a dense counter costs one rectangle per
 * pixel column at most.
 */
final class CounterPainter {
    private GraphicsContext g;
    private Color fill;
    private Color line;
    private double base;
    private double yScale;
    private double lo;

    void paint(GraphicsContext gc, CounterTrack c, Color color, double top, double height, TimeScale scale,
               long traceEnd) {
        int n = c.size();
        if (n == 0) {
            return;
        }
        this.g = gc;
        this.fill = color.deriveColor(0, 1, 1, 0.55);
        this.line = color.deriveColor(0, 1.2, 0.65, 1);
        this.lo = Math.min(0, c.min());
        double hi = Math.max(c.max(), lo + 1e-9);
        this.base = top + height - 3;
        this.yScale = (height - 8) / (hi - lo);
        double left = scale.x0();
        double right = scale.x0() + scale.width();
        long vs = scale.viewport().start();
        int i = Math.max(0, c.indexAt(vs));
        double segX = Math.max(left, scale.x(c.ts(i)));
        double v = value(c, i);
        int j = i + 1;
        for (; j < n; j++) {
            double nx = scale.x(c.ts(j));
            if (nx >= right) {
                step(segX, right, v);
                return;
            }
            if (nx - segX >= 1) {
                step(segX, nx, v);
                segX = nx;
                v = value(c, j);
            } else {
                v = Math.max(v, value(c, j));
            }
        }
        step(segX, Math.min(right, scale.x(traceEnd)), v);
    }

    private void step(double x0, double x1, double v) {
        // whole pixels: the software pipeline fills aligned rectangles much faster than antialiased ones
        double px0 = Math.round(x0);
        double px1 = Math.round(x1);
        if (px1 <= px0) {
            return;
        }
        double yv = Math.round(base - (v - lo) * yScale);
        g.setFill(fill);
        g.fillRect(px0, yv, px1 - px0, base - yv);
        g.setFill(line);
        g.fillRect(px0, yv, px1 - px0, 1);
    }

    private static double value(CounterTrack c, int i) {
        double v = c.value(i);
        return Double.isNaN(v) ? 0 : v;
    }
}
