package dev.flarescope.ui.render.timeline;

import static dev.flarescope.ui.render.timeline.TimelineGeometry.GUTTER;
import static dev.flarescope.ui.render.timeline.TimelineGeometry.MINIMAP;
import static dev.flarescope.ui.render.timeline.TimelineGeometry.RULER;
import static dev.flarescope.ui.render.timeline.TimelineGeometry.TRACKS_TOP;

import dev.flarescope.model.Severity;
import dev.flarescope.model.SpanTable;
import dev.flarescope.model.Trace;
import dev.flarescope.ui.render.phases.SeverityStyle;
import dev.flarescope.ui.viewmodel.SpanRef;
import dev.flarescope.ui.viewmodel.TimeRange;
import dev.flarescope.ui.viewmodel.TimeScale;
import dev.flarescope.ui.viewmodel.TimelineLayout;
import dev.flarescope.ui.viewmodel.TrackModel;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/**
 * Draws a {@link TimelineOverlay}: finding markers along the bottom of the ruler (a flag in the
 * severity's colour, with a bar under it for findings that last), the selected request as a tinted band
 * with its spans outlined, and the highlighted finding's evidence as a band in its severity's colour,
 * on its thread's track when the thread is known. Markers closer than a few pixels share one flag (the
 * worst of them).
 */
final class OverlayPainter {
    private static final Color REQUEST_BAND = Color.rgb(37, 99, 235, 0.08);
    private static final Color REQUEST_EDGE = Color.rgb(37, 99, 235, 0.7);
    private static final Color REQUEST_SPAN = Color.rgb(37, 99, 235);
    private static final double MIN_GAP_PX = 4;

    /** Bands and outlines over the tracks (clipped to the tracks area by the caller). */
    void paintTracks(GraphicsContext g, TimelineOverlay o, Trace trace, TimelineLayout layout, TimeScale scale,
                     double contentTop, double width, double height) {
        if (o.requestRange() != null) {
            band(g, o.requestRange(), scale, TRACKS_TOP, height, REQUEST_BAND, REQUEST_EDGE);
            g.setStroke(REQUEST_SPAN);
            g.setLineWidth(1.5);
            for (SpanRef ref : o.requestSpans()) {
                TrackModel t = layout.threadTrack(ref.process(), ref.thread());
                if (t == null) {
                    continue;
                }
                SpanTable spans = ref.table(trace);
                double x0 = Math.max(GUTTER - 2, scale.x(spans.start(ref.span())));
                double x1 = Math.min(width + 2, Math.max(x0 + 2, scale.x(spans.end(ref.span()))));
                double y = contentTop + t.rowTop(spans.depth(ref.span()));
                if (x1 >= GUTTER && x0 <= width && y + TimelineLayout.ROW >= TRACKS_TOP && y <= height) {
                    g.strokeRect(x0 - 0.75, y - 0.75, x1 - x0 + 0.5, TimelineLayout.ROW + 0.5);
                }
            }
        }
        if (o.evidence() != null) {
            Color c = SeverityStyle.color(o.evidenceLevel());
            double top = TRACKS_TOP;
            double bottom = height;
            TrackModel t = o.evidence().hasThread()
                    ? layout.threadTrack(o.evidence().process(), o.evidence().thread()) : null;
            if (t != null) {
                top = Math.max(TRACKS_TOP, contentTop + t.top());
                bottom = Math.min(height, contentTop + t.bottom());
            }
            if (bottom > top) {
                band(g, o.evidence().range(), scale, top, bottom, c.deriveColor(0, 1, 1, 0.16),
                        c.deriveColor(0, 1, 1, 0.85));
            }
        }
    }

    /** Finding markers in the ruler band. */
    void paintRuler(GraphicsContext g, TimelineOverlay o, TimeScale scale) {
        TimeRange v = scale.viewport();
        double right = scale.x0() + scale.width();
        Severity pending = null;
        double pendingX = 0;
        for (TimelineOverlay.Marker m : o.markers()) {
            if (m.endNs() < v.start() || m.startNs() > v.end()) {
                continue;
            }
            double x0 = Math.max(scale.x0(), scale.x(m.startNs()));
            double x1 = Math.min(right, scale.x(m.endNs()));
            if (x1 - x0 >= 2) {
                g.setFill(SeverityStyle.color(m.severity()).deriveColor(0, 1, 1, 0.5));
                g.fillRect(x0, MINIMAP + RULER - 3, x1 - x0, 2);
            }
            double x = Math.round(x0);
            if (pending != null && x - pendingX < MIN_GAP_PX) {
                pending = worse(pending, m.severity());
                continue;
            }
            if (pending != null) {
                flag(g, pendingX, pending);
            }
            pending = m.severity();
            pendingX = x;
        }
        if (pending != null) {
            flag(g, pendingX, pending);
        }
    }

    private static void flag(GraphicsContext g, double x, Severity s) {
        double top = MINIMAP + RULER - 13;
        g.setFill(SeverityStyle.color(s));
        g.fillRect(x, top, 1.5, 12);
        g.fillPolygon(new double[] {x + 1, x + 8, x + 1}, new double[] {top, top + 3.5, top + 7}, 3);
    }

    private static Severity worse(Severity a, Severity b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static void band(GraphicsContext g, TimeRange r, TimeScale scale, double top, double bottom, Color fill,
                             Color edge) {
        double left = scale.x0();
        double right = left + scale.width();
        double x0 = scale.x(r.start());
        double x1 = Math.max(x0 + 2, scale.x(r.end()));
        if (x1 < left || x0 > right) {
            return;
        }
        double cx0 = Math.max(left, x0);
        double cx1 = Math.min(right, x1);
        g.setFill(fill);
        g.fillRect(cx0, top, cx1 - cx0, bottom - top);
        g.setFill(edge);
        if (x0 >= left) {
            g.fillRect(Math.round(x0), top, 1, bottom - top);
        }
        if (x1 <= right) {
            g.fillRect(Math.round(x1), top, 1, bottom - top);
        }
    }
}
