package dev.flarescope.ui.render.timeline;

import dev.flarescope.model.FlowTable;
import dev.flarescope.ui.viewmodel.SpanRef;
import dev.flarescope.ui.viewmodel.TimeScale;
import dev.flarescope.ui.viewmodel.TimelineLayout;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/**
 * Draws flow arrows between the slices (or points) a flow binds: a curve from the source's row to the
 * target's row with an arrowhead at the target. Flows of the selected span are always drawn, strong and
 * on top; the others only while at most {@link #MAX_FLOWS} of them cross the viewport, since a screen
 * full of arrows reads as noise (and curves are the costliest thing to rasterise).
 */
final class FlowPainter {
    static final int MAX_FLOWS = 200;
    private static final Color FLOW = Color.rgb(70, 90, 120, 0.4);
    private static final Color SELECTED = Color.rgb(25, 103, 210);

    private final double[] xs = new double[3];
    private final double[] ys = new double[3];

    void paint(GraphicsContext g, FlowTable flows, TimelineLayout layout, TimeScale scale, double contentTop,
               double visibleTop, double visibleBottom, SpanRef selected) {
        long vs = scale.viewport().start();
        long ve = scale.viewport().end();
        int crossing = 0;
        for (int i = 0; i < flows.size() && crossing <= MAX_FLOWS; i++) {
            if (Math.max(flows.fromTs(i), flows.toTs(i)) >= vs && Math.min(flows.fromTs(i), flows.toTs(i)) <= ve) {
                crossing++;
            }
        }
        boolean all = crossing <= MAX_FLOWS;
        if (!all && selected == null) {
            return;
        }
        for (int pass = all ? 0 : 1; pass < 2; pass++) {
            boolean selectedPass = pass == 1;
            for (int i = 0; i < flows.size(); i++) {
                long a = flows.fromTs(i);
                long b = flows.toTs(i);
                if (Math.max(a, b) < vs || Math.min(a, b) > ve) {
                    continue;
                }
                boolean touches = selected != null && (bound(flows.fromProcess(i), flows.fromThread(i),
                        flows.fromSpan(i), selected) || bound(flows.toProcess(i), flows.toThread(i), flows.toSpan(i), selected));
                if (touches != selectedPass) {
                    continue;
                }
                double y1 = contentTop + layout.spanMidY(flows.fromProcess(i), flows.fromThread(i), flows.fromSpan(i));
                double y2 = contentTop + layout.spanMidY(flows.toProcess(i), flows.toThread(i), flows.toSpan(i));
                if ((y1 < visibleTop && y2 < visibleTop) || (y1 > visibleBottom && y2 > visibleBottom)) {
                    continue;
                }
                arrow(g, scale.x(a), y1, scale.x(b), y2, touches ? SELECTED : FLOW, touches ? 2 : 1);
            }
        }
    }

    private static boolean bound(int p, int t, int span, SpanRef s) {
        return span >= 0 && p == s.process() && t == s.thread() && span == s.span();
    }

    private void arrow(GraphicsContext g, double x1, double y1, double x2, double y2, Color c, double width) {
        double dx = Math.max(12, Math.abs(x2 - x1) / 2);
        g.setStroke(c);
        g.setLineWidth(width);
        g.beginPath();
        g.moveTo(x1, y1);
        g.bezierCurveTo(x1 + dx, y1, x2 - dx, y2, x2, y2);
        g.stroke();
        xs[0] = x2;
        ys[0] = y2;
        xs[1] = x2 - 7;
        ys[1] = y2 - 4;
        xs[2] = x2 - 7;
        ys[2] = y2 + 4;
        g.setFill(c);
        g.fillPolygon(xs, ys, 3);
    }
}
