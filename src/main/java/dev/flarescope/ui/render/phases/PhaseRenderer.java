package dev.flarescope.ui.render.phases;

import static dev.flarescope.ui.render.phases.PhaseGeometry.COLUMNS;
import static dev.flarescope.ui.render.phases.PhaseGeometry.GUTTER;
import static dev.flarescope.ui.render.phases.PhaseGeometry.NUMBERS;
import static dev.flarescope.ui.render.phases.PhaseGeometry.ROW;
import static dev.flarescope.ui.render.phases.PhaseGeometry.RULER;

import dev.flarescope.analysis.anomaly.Finding;
import dev.flarescope.analysis.requests.Phase;
import dev.flarescope.analysis.requests.PhaseInterval;
import dev.flarescope.analysis.requests.RequestMetrics;
import dev.flarescope.analysis.requests.RequestTimeline;
import dev.flarescope.model.RawEvent;
import dev.flarescope.model.Severity;
import dev.flarescope.ui.render.notes.NoteArea;
import dev.flarescope.ui.render.notes.NoteLabel;
import dev.flarescope.ui.render.notes.NoteMark;
import dev.flarescope.ui.render.notes.NotePainter;
import dev.flarescope.ui.viewmodel.DashboardMetric;
import dev.flarescope.ui.viewmodel.PhaseRow;
import dev.flarescope.ui.viewmodel.RequestFacts;
import dev.flarescope.ui.viewmodel.RequestText;
import dev.flarescope.ui.viewmodel.RulerTicks;
import dev.flarescope.ui.viewmodel.TimeFormat;
import dev.flarescope.ui.viewmodel.TimeScale;
import java.util.List;
import java.util.function.Predicate;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * Draws a frame of the phase timeline into any {@link GraphicsContext}: the live canvas or an
 * off-screen one for PNG export. Each request row shows its lifetime as a hairline, its phases as
 * coloured segments (queue, prefill, KV transfer, decode), a marker at the first token and a tick for
 * each later token where token times are known, and its numbers in columns at the row end; numbers a
 * finding convicts are drawn in the finding's colour, and a row with findings is tinted and carries the
 * severity icon. Only visible rows are drawn.
 */
public final class PhaseRenderer {
    /** Segment colours by phase, in {@link Phase} order; also the legend's. */
    public static final Color[] PHASE_COLORS = {
        Color.rgb(160, 172, 189), Color.rgb(99, 102, 241), Color.rgb(245, 158, 11), Color.rgb(16, 163, 127)};
    private static final Color BACKGROUND = Color.WHITE;
    private static final Color GRID = Color.rgb(0, 0, 0, 0.06);
    private static final Color LINE = Color.rgb(203, 210, 217);
    private static final Color TEXT = Color.rgb(31, 41, 51);
    private static final Color MUTED = Color.rgb(110, 118, 130);
    private static final Color HEADER_BG = Color.rgb(243, 244, 246);
    private static final Color SELECTED_BG = Color.rgb(219, 234, 254);
    private static final Color HOVER_BG = Color.rgb(0, 0, 0, 0.035);
    private static final Color FIRST_TOKEN = Color.rgb(17, 24, 39);
    private static final Color TOKEN_TICK = Color.rgb(255, 255, 255, 0.75);
    private static final Color FAILED = Color.rgb(220, 38, 38);
    private static final double MIN_TICK_SPACING = 96;
    private static final double MIN_TOKEN_GAP_PX = 3;
    private static final String[] COLUMN_TITLES = {"TTFT ms", "E2E ms", "prefill tok/s", "decode tok/s", "in \u2192 out"};

    private final Font font = Font.font("System", 11.5);
    private final Font small = Font.font("System", 10.5);
    private final Font bold = Font.font("System", FontWeight.BOLD, 11.5);
    private final NotePainter notes = new NotePainter();

    public void render(GraphicsContext g, PhaseFrame f) {
        double w = f.width();
        double h = f.height();
        g.setFill(BACKGROUND);
        g.fillRect(0, 0, w, h);
        TimeScale scale = f.viewport() == null ? null : PhaseGeometry.scale(f.viewport(), w);
        RulerTicks ticks = scale == null ? null
                : RulerTicks.of(f.viewport(), scale.width(), MIN_TICK_SPACING, f.origin());
        if (ticks != null) {
            g.setFill(GRID);
            for (long t = ticks.first(); t <= f.viewport().end(); t += ticks.step()) {
                g.fillRect(Math.round(scale.x(t)), RULER, 1, h - RULER);
            }
        }
        List<PhaseRow> rows = f.rows();
        int first = Math.max(0, PhaseGeometry.rowAt(RULER, f.scrollY()));
        for (int i = first; i < rows.size(); i++) {
            double y = PhaseGeometry.rowTop(i, f.scrollY());
            if (y > h) {
                break;
            }
            PhaseRow row = rows.get(i);
            if (row.isHeader()) {
                header(g, row, y, w);
            } else {
                request(g, f, row, i, y, scale);
            }
        }
        ruler(g, f, scale, ticks);
        List<NoteMark> marks = PhaseNotes.marks(f, scale);
        if (!marks.isEmpty()) {
            NoteArea area = PhaseNotes.area(f);
            notes.paint(g, marks, notes.layout(marks, area), area);
            notes.paintFlags(g, marks, area.left(), area.right(), 0, RULER);
        }
    }

    /** The labels of the frame's notes where {@link #render} draws them, for hit testing. */
    public List<NoteLabel> noteLabels(PhaseFrame f) {
        TimeScale scale = f.viewport() == null ? null : PhaseGeometry.scale(f.viewport(), f.width());
        return notes.layout(PhaseNotes.marks(f, scale), PhaseNotes.area(f));
    }

    private void header(GraphicsContext g, PhaseRow row, double y, double w) {
        g.setFill(HEADER_BG);
        g.fillRect(0, y, w, ROW);
        g.setFill(LINE);
        g.fillRect(0, y + ROW - 1, w, 1);
        g.setFill(TEXT);
        g.setFont(bold);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(row.label(), 10, y + ROW / 2);
    }

    private void request(GraphicsContext g, PhaseFrame f, PhaseRow row, int index, double y, TimeScale scale) {
        RequestTimeline t = row.request();
        double w = f.width();
        Severity worst = row.worst();
        boolean selected = t.id().equals(f.selectedId());
        if (selected) {
            g.setFill(SELECTED_BG);
            g.fillRect(0, y, w, ROW);
        } else if (worst != null && worst != Severity.INFO) {
            g.setFill(SeverityStyle.tint(worst));
            g.fillRect(0, y, w, ROW);
        }
        if (index == f.hoveredRow()) {
            g.setFill(HOVER_BG);
            g.fillRect(0, y, w, ROW);
        }
        g.setFill(Color.rgb(0, 0, 0, 0.05));
        g.fillRect(0, y + ROW - 1, w, 1);
        if (scale != null) {
            g.save();
            g.beginPath();
            g.rect(GUTTER, y, scale.width(), ROW);
            g.clip();
            bars(g, t, y, scale);
            evidence(g, f.highlighted(), t, y, scale);
            g.restore();
        }
        label(g, row, y, selected);
        numbers(g, f, row, y, w);
    }

    private void bars(GraphicsContext g, RequestTimeline t, double y, TimeScale scale) {
        long start = RequestFacts.startNs(t);
        long end = RequestFacts.endNs(t);
        double mid = Math.round(y + ROW / 2);
        if (start != RawEvent.NO_TIME && end != RawEvent.NO_TIME) {
            g.setFill(LINE);
            double x0 = scale.x(start);
            g.fillRect(x0, mid, Math.max(1, scale.x(end) - x0), 1);
            g.fillRect(Math.round(x0), mid - 4, 1, 9);
        }
        double top = y + 6;
        double height = ROW - 12;
        for (PhaseInterval p : t.phases()) {
            double x0 = scale.x(p.startNs());
            double x1 = Math.max(x0 + 1.5, scale.x(p.endNs()));
            g.setFill(PHASE_COLORS[p.phase().ordinal()]);
            g.fillRect(x0, top, x1 - x0, height);
        }
        long[] tokens = t.tokenTimesNs();
        double last = Double.NEGATIVE_INFINITY;
        g.setFill(TOKEN_TICK);
        for (int k = 1; k < tokens.length; k++) {
            double x = Math.round(scale.x(tokens[k]));
            if (x - last >= MIN_TOKEN_GAP_PX) {
                g.fillRect(x, top + 1, 1, height - 2);
                last = x;
            }
        }
        if (t.firstTokenNs() != RawEvent.NO_TIME) {
            double x = Math.round(scale.x(t.firstTokenNs()));
            g.setFill(FIRST_TOKEN);
            g.fillRect(x - 1, y + 3, 2, ROW - 6);
            g.fillPolygon(new double[] {x - 4, x + 4, x}, new double[] {y + 2, y + 2, y + 7}, 3);
        }
        if (t.failed() && end != RawEvent.NO_TIME) {
            double x = scale.x(end);
            g.setStroke(FAILED);
            g.setLineWidth(2);
            g.strokeLine(x - 4, mid - 4, x + 4, mid + 4);
            g.strokeLine(x - 4, mid + 4, x + 4, mid - 4);
        }
    }

    /** Outlines the time range of the highlighted finding when it is about this request. */
    private static void evidence(GraphicsContext g, Finding f, RequestTimeline t, double y, TimeScale scale) {
        if (f == null || !t.id().equals(f.evidence().requestId()) || f.evidence().startNs() == RawEvent.NO_TIME) {
            return;
        }
        long s = f.evidence().startNs();
        long e = f.evidence().endNs() == RawEvent.NO_TIME ? s : f.evidence().endNs();
        double x0 = scale.x(s);
        double x1 = Math.max(x0 + 3, scale.x(e));
        g.setStroke(SeverityStyle.color(f.severity()));
        g.setLineWidth(2);
        g.strokeRect(x0 - 1, y + 2, x1 - x0 + 2, ROW - 4);
    }

    private void label(GraphicsContext g, PhaseRow row, double y, boolean selected) {
        g.setFill(selected ? SELECTED_BG : BACKGROUND);
        Severity worst = row.worst();
        if (!selected && worst != null && worst != Severity.INFO) {
            g.setFill(SeverityStyle.tint(worst));
        }
        g.fillRect(0, y, GUTTER, ROW - 1);
        g.setFill(LINE);
        g.fillRect(GUTTER - 1, y, 1, ROW);
        if (worst != null) {
            SeverityStyle.icon(g, worst, 8, y + 5, 14);
        }
        RequestTimeline t = row.request();
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.setFont(selected ? bold : font);
        g.setFill(TEXT);
        String id = clip(t.id(), 24);
        g.fillText(id, 28, y + ROW / 2);
        if (t.failed()) {
            g.setFont(small);
            g.setFill(FAILED);
            g.fillText("failed", GUTTER - 42, y + ROW / 2);
        }
    }

    private void numbers(GraphicsContext g, PhaseFrame f, PhaseRow row, double y, double w) {
        double x = w - NUMBERS;
        g.setFill(row.request().id().equals(f.selectedId()) ? SELECTED_BG : BACKGROUND);
        g.fillRect(x, y, NUMBERS, ROW - 1);
        Severity worst = row.worst();
        if (worst != null && worst != Severity.INFO && !row.request().id().equals(f.selectedId())) {
            g.setFill(SeverityStyle.tint(worst));
            g.fillRect(x, y, NUMBERS, ROW - 1);
        }
        g.setFill(LINE);
        g.fillRect(x, y, 1, ROW);
        RequestMetrics m = row.request().metrics();
        String[] cells = {RequestText.value(m.ttftMs()), RequestText.value(m.e2eMs()),
            RequestText.value(m.prefillTps()), RequestText.value(m.decodeTps()), RequestText.tokens(m)};
        List<Predicate<Finding>> convicts = List.of(DashboardMetric.TTFT_P50::concerns,
                k -> k.ruleId().equals("ttft-exceeds-e2e"), DashboardMetric.PREFILL::concerns,
                DashboardMetric.DECODE::concerns, k -> false);
        g.setFont(font);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        double right = x + 4;
        for (int c = 0; c < cells.length; c++) { // numbers a finding convicts take its colour
            right += COLUMNS[c];
            Finding worstHere = worstFinding(row.findings(), convicts.get(c));
            g.setFont(worstHere != null ? bold : font);
            g.setFill(worstHere != null ? SeverityStyle.color(worstHere.severity()) : TEXT);
            g.fillText(cells[c], right - 4, y + ROW / 2);
        }
        g.setTextAlign(TextAlignment.LEFT);
    }

    private static Finding worstFinding(List<Finding> findings, Predicate<Finding> which) {
        Finding worst = null;
        for (Finding f : findings) {
            if (which.test(f) && (worst == null || f.severity().compareTo(worst.severity()) > 0)) {
                worst = f;
            }
        }
        return worst;
    }

    private void ruler(GraphicsContext g, PhaseFrame f, TimeScale scale, RulerTicks ticks) {
        double w = f.width();
        g.setFill(Color.rgb(250, 250, 251));
        g.fillRect(0, 0, w, RULER);
        g.setFill(LINE);
        g.fillRect(0, RULER - 1, w, 1);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        if (scale != null) {
            g.save();
            g.beginPath();
            g.rect(GUTTER, 0, scale.width(), RULER);
            g.clip();
            g.setFont(small);
            for (long t = ticks.first(); t <= f.viewport().end(); t += ticks.step()) {
                double x = Math.round(scale.x(t));
                g.setFill(MUTED);
                g.fillRect(x, 6, 1, RULER - 7);
                g.setFill(TEXT);
                g.fillText(ticks.label(t), x + 4, RULER / 2 - 1);
            }
            g.restore();
        }
        g.setFill(LINE);
        g.fillRect(GUTTER - 1, 0, 1, RULER);
        g.fillRect(w - NUMBERS, 0, 1, RULER);
        g.setFill(TEXT);
        g.setFont(bold);
        long requests = f.rows().stream().filter(r -> !r.isHeader()).count();
        g.fillText(requests + (requests == 1 ? " request" : " requests"), 10, RULER / 2 - 6);
        g.setFont(small);
        g.setFill(MUTED);
        String visible = f.viewport() == null ? "" : "  \u00b7  " + TimeFormat.duration(f.viewport().duration());
        g.fillText(f.clockLabel() + visible, 10, RULER / 2 + 7);
        g.setFont(small);
        g.setTextAlign(TextAlignment.RIGHT);
        double right = w - NUMBERS + 4;
        for (int c = 0; c < COLUMNS.length; c++) {
            right += COLUMNS[c];
            g.setFill(MUTED);
            g.fillText(COLUMN_TITLES[c], right - 4, RULER / 2);
        }
        g.setTextAlign(TextAlignment.LEFT);
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
    }
}
