package dev.flarescope.ui.render.timeline;

import static dev.flarescope.ui.render.timeline.TimelineGeometry.GUTTER;
import static dev.flarescope.ui.render.timeline.TimelineGeometry.MINIMAP;
import static dev.flarescope.ui.render.timeline.TimelineGeometry.TRACKS_TOP;

import dev.flarescope.model.ProcessTrack;
import dev.flarescope.model.SpanTable;
import dev.flarescope.model.ThreadTrack;
import dev.flarescope.model.Trace;
import dev.flarescope.ui.render.notes.NoteArea;
import dev.flarescope.ui.render.notes.NoteLabel;
import dev.flarescope.ui.render.notes.NoteMark;
import dev.flarescope.ui.render.notes.NotePainter;
import dev.flarescope.ui.viewmodel.AsyncRows;
import dev.flarescope.ui.viewmodel.RulerTicks;
import dev.flarescope.ui.viewmodel.SearchMatches;
import dev.flarescope.ui.viewmodel.SpanRef;
import dev.flarescope.ui.viewmodel.SpanRow;
import dev.flarescope.ui.viewmodel.TimeScale;
import dev.flarescope.ui.viewmodel.TimelineLayout;
import dev.flarescope.ui.viewmodel.TraceSession;
import dev.flarescope.ui.viewmodel.TrackModel;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * Draws a whole timeline frame into any {@link GraphicsContext}: the live view's canvas, an off-screen
 * canvas for PNG export, or the frame benchmark's. It depends only on the {@link TimelineFrame}, never on
 * a scene, and touches only what is visible: tracks outside the vertical band are skipped and each row
 * is walked with {@link LodWalker}.
 *
 * <p>One renderer serves one trace (it caches colours by the trace's name ids). Must be used on the
 * thread that owns the target canvas.
 */
public final class TimelineRenderer {
    private static final Color BACKGROUND = Color.WHITE;
    private static final Color SEPARATOR = Color.rgb(230, 233, 238);
    private static final Color HOST_TEXT = Color.rgb(110, 116, 126);
    private static final Color SELECTED = Color.rgb(15, 20, 30);
    private static final Color HOVERED = Color.rgb(15, 20, 30, 0.55);

    private final Trace trace;
    private final Font font = Font.font("System", 11);
    private final Font labelFont = Font.font("System", 12);
    private final Font bold = Font.font("System", FontWeight.BOLD, 12);
    private final SlicePainter slices;
    private final CounterPainter counters = new CounterPainter();
    private final MarkerPainter markers = new MarkerPainter();
    private final FlowPainter flows = new FlowPainter();
    private final OverlayPainter overlay = new OverlayPainter();
    private final NotePainter notes = new NotePainter();
    private final RulerPainter ruler = new RulerPainter(font, bold);
    private final GutterPainter gutter;
    private final SpanColors colors;

    public TimelineRenderer(Trace trace) {
        this.trace = trace;
        this.colors = new SpanColors(trace);
        this.slices = new SlicePainter(trace, colors, new TextFitter(font));
        this.gutter = new GutterPainter(labelFont, bold, new TextFitter(bold));
    }

    public Trace trace() {
        return trace;
    }

    public void render(GraphicsContext g, TimelineFrame f) {
        if (f.layout().trace() != trace) {
            throw new IllegalArgumentException("frame is of another trace");
        }
        double w = f.width();
        double h = f.height();
        TimeScale scale = TimelineGeometry.tracksScale(f.viewport(), w);
        RulerTicks ticks = RulerTicks.of(f.viewport(), scale.width(), RulerPainter.MIN_TICK_SPACING, trace.minTs());
        g.setFill(BACKGROUND);
        g.fillRect(0, 0, w, h);
        ruler.paintGrid(g, ticks, scale, h);

        double contentTop = TRACKS_TOP - f.scrollY();
        g.save();
        g.beginPath();
        g.rect(0, TRACKS_TOP, w, h - TRACKS_TOP);
        g.clip();
        List<TrackModel> tracks = f.layout().tracks();
        int first = Math.max(0, f.layout().trackIndexAt(f.scrollY()));
        int last = first;
        for (int k = first; k < tracks.size() && contentTop + tracks.get(k).top() < h; k++) {
            paintTrack(g, f, tracks.get(k), contentTop + tracks.get(k).top(), scale);
            last = k;
        }
        markers.paintGlobal(g, trace.globalInstants(), MINIMAP, TRACKS_TOP, h, scale);
        flows.paint(g, trace.flows(), f.layout(), scale, contentTop, TRACKS_TOP, h, f.selected());
        overlay.paintTracks(g, f.overlay(), trace, f.layout(), scale, contentTop, w, h);
        outline(g, f, f.hovered(), contentTop, scale, HOVERED, 1);
        outline(g, f, f.selected(), contentTop, scale, SELECTED, 2);
        for (int k = first; k <= last && k < tracks.size(); k++) {
            gutter.paint(g, trace, f.layout(), tracks.get(k), contentTop + tracks.get(k).top());
        }
        g.restore();

        ruler.paintRuler(g, ticks, scale, w);
        overlay.paintRuler(g, f.overlay(), scale);
        markers.paintGlobal(g, trace.globalInstants(), MINIMAP + 1, MINIMAP, MINIMAP, scale);
        ruler.paintMinimap(g, f.density(), TimelineGeometry.minimapScale(TraceSession.bounds(trace), w),
                f.viewport(), f.timeSelection(), w);
        if (f.timeSelection() != null) {
            ruler.paintSelection(g, f.timeSelection(), scale, h);
        }
        paintNotes(g, f, scale);
    }

    /** The labels of the frame's notes where {@link #render} draws them, for hit testing. */
    public List<NoteLabel> noteLabels(TimelineFrame f) {
        TimeScale scale = TimelineGeometry.tracksScale(f.viewport(), f.width());
        return notes.layout(TimelineNotes.marks(f, trace, scale), TimelineNotes.area(f));
    }

    /** The user's notes over everything else: marks and labels on the tracks, flags on the ruler. */
    private void paintNotes(GraphicsContext g, TimelineFrame f, TimeScale scale) {
        List<NoteMark> marks = TimelineNotes.marks(f, trace, scale);
        if (marks.isEmpty()) {
            return;
        }
        NoteArea area = TimelineNotes.area(f);
        notes.paint(g, marks, notes.layout(marks, area), area);
        notes.paintFlags(g, marks, GUTTER, f.width(), MINIMAP, TRACKS_TOP);
    }

    private void paintTrack(GraphicsContext g, TimelineFrame f, TrackModel t, double y, TimeScale scale) {
        ProcessTrack proc = t.process() >= 0 ? trace.processes().get(t.process()) : null;
        switch (t.kind()) {
            case GLOBAL -> markers.paint(g, trace.globalInstants(), y + 2, t.height() - 4, scale);
            case PROCESS -> {
                g.setFill(GutterPainter.HEADER_BG);
                g.fillRect(GUTTER, y, f.width() - GUTTER, t.height());
                if (!proc.host().isEmpty() || !proc.labels().isEmpty()) {
                    g.setFont(font);
                    g.setFill(HOST_TEXT);
                    g.setTextAlign(TextAlignment.LEFT);
                    g.setTextBaseline(VPos.CENTER);
                    g.fillText(hostLine(proc), GUTTER + 8, y + t.height() / 2);
                }
                markers.paint(g, proc.instants(), y + 2, t.height() - 4, scale);
            }
            case COUNTER -> counters.paint(g, proc.counters().get(t.index()), colors.forName(t.label()), y,
                    t.height(), scale, trace.maxTs());
            case ASYNC -> {
                AsyncRows ar = f.layout().async(t.process());
                SliceAttributes attrs = SliceAttributes.of(ar.table());
                g.setFont(font);
                for (int r = 0; r < ar.rows(t.index()); r++) {
                    double ry = t.rowTop(r) - t.top() + y;
                    if (visible(ry, f.height())) {
                        slices.paint(g, ar.row(t.index(), r), attrs, null, ry, TimelineLayout.ROW - 1, scale);
                    }
                }
            }
            case THREAD -> paintThread(g, f, t, y, scale, proc.threads().get(t.index()));
        }
        g.setFill(SEPARATOR);
        g.fillRect(0, y + t.height() - 1, f.width(), 1);
    }

    private void paintThread(GraphicsContext g, TimelineFrame f, TrackModel t, double y, TimeScale scale,
                             ThreadTrack thread) {
        SpanTable spans = thread.spans();
        SliceAttributes attrs = SliceAttributes.of(spans);
        int[][] rows = spans.maxDepth() < 0 ? new int[0][] : spans.rows();
        SearchMatches m = f.matches();
        g.setFont(font);
        for (int d = 0; d < rows.length; d++) {
            double ry = t.rowTop(d) - t.top() + y;
            if (!visible(ry, f.height())) {
                continue;
            }
            int depth = d;
            SlicePainter.RowMatches match = m == null ? null
                    : (from, to) -> m.anyInRow(t.process(), t.index(), depth, from, to);
            slices.paint(g, SpanRow.of(spans, rows[d]), attrs, match, ry, TimelineLayout.ROW - 1, scale);
        }
        if (thread.instants().size() > 0) {
            markers.paint(g, thread.instants(), y + TimelineLayout.TRACK_PAD, TimelineLayout.ROW, scale);
        }
    }

    private void outline(GraphicsContext g, TimelineFrame f, SpanRef ref, double contentTop, TimeScale scale,
                         Color color, double width) {
        if (ref == null) {
            return;
        }
        TrackModel t = f.layout().threadTrack(ref.process(), ref.thread());
        if (t == null) {
            return;
        }
        SpanTable spans = ref.table(trace);
        double y = contentTop + t.rowTop(spans.depth(ref.span()));
        double x0 = Math.max(GUTTER - 2, scale.x(spans.start(ref.span())));
        double x1 = Math.min(f.width() + 2, scale.x(spans.end(ref.span())));
        if (x1 < GUTTER || x0 > f.width()) {
            return;
        }
        x1 = Math.max(x1, x0 + 2);
        g.setStroke(color);
        g.setLineWidth(width);
        g.strokeRect(Math.round(x0) - width / 2, y - width / 2, Math.round(x1 - x0) + width - 1,
                TimelineLayout.ROW - 1 + width);
    }

    private static boolean visible(double rowY, double height) {
        return rowY + TimelineLayout.ROW >= TRACKS_TOP && rowY <= height;
    }

    private static String hostLine(ProcessTrack p) {
        StringBuilder sb = new StringBuilder();
        if (!p.host().isEmpty()) {
            sb.append("host ").append(p.host());
        }
        for (String l : p.labels()) {
            if (l.equals("host=" + p.host())) {
                continue; // already shown
            }
            sb.append(sb.length() > 0 ? "  ·  " : "").append(l);
        }
        return sb.toString();
    }
}
