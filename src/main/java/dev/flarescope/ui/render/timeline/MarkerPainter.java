package dev.flarescope.ui.render.timeline;

import dev.flarescope.model.InstantTable;
import dev.flarescope.ui.viewmodel.TimeScale;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/**
 * Draws instants as markers: a small downward triangle over a hairline. E events that closed no span
 * (phase 'E' in an {@link InstantTable}) are drawn in a warning colour. Markers closer than a few pixels
 * are skipped by binary search, so a dense instant table costs one marker per few pixels at most. A
 * marker is built from pixel-aligned rectangles only: the software pipeline fills those without the
 * path set-up an antialiased polygon costs, which matters at a thousand markers a frame.
 */
final class MarkerPainter {
    static final Color INSTANT = Color.rgb(60, 72, 88);
    static final Color WARNING = Color.rgb(222, 84, 30);
    static final Color GLOBAL_LINE = Color.rgb(120, 90, 190, 0.45);
    private static final double MIN_GAP_PX = 3;

    /** Markers of {@code t} in the band [top, top + height). */
    void paint(GraphicsContext g, InstantTable t, double top, double height, TimeScale scale) {
        long ve = scale.viewport().end();
        int k = t.firstAtOrAfter(scale.viewport().start());
        while (k < t.size() && t.ts(k) <= ve) {
            double x = Math.round(scale.x(t.ts(k)));
            marker(g, x, top, height, t.phase(k) == 'E' ? WARNING : INSTANT);
            k = Math.max(k + 1, t.firstAtOrAfter(scale.time(x + MIN_GAP_PX)));
        }
    }

    /** Global instants: a line across the tracks and a marker in the ruler band. */
    void paintGlobal(GraphicsContext g, InstantTable t, double markerTop, double lineTop, double lineBottom,
                     TimeScale scale) {
        long ve = scale.viewport().end();
        int k = t.firstAtOrAfter(scale.viewport().start());
        g.setLineWidth(1);
        while (k < t.size() && t.ts(k) <= ve) {
            double x = Math.round(scale.x(t.ts(k)));
            g.setFill(GLOBAL_LINE);
            g.fillRect(x, lineTop, 1, lineBottom - lineTop);
            marker(g, x, markerTop, 10, t.phase(k) == 'E' ? WARNING : Color.rgb(120, 90, 190));
            k = Math.max(k + 1, t.firstAtOrAfter(scale.time(x + MIN_GAP_PX)));
        }
    }

    private static void marker(GraphicsContext g, double x, double top, double height, Color c) {
        double y = Math.round(top);
        g.setFill(c);
        g.fillRect(x, y + 2, 1, Math.max(1, height - 3));
        for (int r = 0; r < 5; r++) {
            g.fillRect(x - 4 + r, y + 1 + r, 9 - 2 * r, 1);
        }
    }
}
