package dev.flarescope.ui.render.notes;

import dev.flarescope.notes.NoteColor;
import dev.flarescope.ui.render.Palette;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * Draws notes for any view that works out their {@link NoteMark marks}: the marks (a line, a band, an
 * outline in the note's colour), a flag for each on the ruler, and a label per note (the text in a box
 * of the note's colour, at most three lines, 280 pixels wide), placed near its mark by
 * {@link LabelPlacer} so labels never cover each other, with an arrow to the anchor when the note asks
 * for one. Pure: it draws what it is given into any {@link GraphicsContext} and keeps no state between
 * frames, so the screen and the PNG export show the same notes.
 */
public final class NotePainter {
    public static final double MAX_WIDTH = 280;
    public static final int MAX_LINES = 3;
    static final double PAD_X = 6;
    static final double PAD_Y = 4;
    static final double LINE_HEIGHT = 15;
    /** Room left between a mark and its label, for the arrow. */
    static final double ARROW_ROOM = 18;
    private static final double ARROW_HEAD = 7;

    private static final int WRAPPED_KEPT = 256;

    private final Font font = Font.font("System", 12);
    private final Text probe = new Text();
    /**
     * Labels wrapped before, by text and width: wrapping measures text dozens of times, which each frame
     * of a pan or zoom would otherwise repeat for every visible note.
     */
    private final Map<WrapKey, Wrapped> wrapped = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<WrapKey, Wrapped> eldest) {
            return size() > WRAPPED_KEPT;
        }
    };

    private record WrapKey(String text, double maxWidth) {
    }

    /** A note's label lines and the width of the widest. */
    private record Wrapped(List<String> lines, double width) {
        static final Wrapped NONE = new Wrapped(List.of(), 0);
    }

    public NotePainter() {
        probe.setFont(font);
    }

    private Wrapped wrap(WrapKey key) {
        List<String> lines = LabelText.wrap(key.text(), key.maxWidth(), MAX_LINES, this::width);
        double w = 0;
        for (String l : lines) {
            w = Math.max(w, width(l));
        }
        return new Wrapped(lines, w);
    }

    /** The labels of {@code marks} as they are drawn in {@code area}. */
    public List<NoteLabel> layout(List<NoteMark> marks, NoteArea area) {
        if (marks.isEmpty()) {
            return List.of();
        }
        List<NoteMark> withText = new ArrayList<>();
        List<List<String>> texts = new ArrayList<>();
        List<LabelPlacer.Wish> wishes = new ArrayList<>();
        double maxText = Math.min(MAX_WIDTH, area.width()) - 2 * PAD_X;
        for (NoteMark m : marks) {
            Wrapped wrap = maxText <= 0 ? Wrapped.NONE
                    : wrapped.computeIfAbsent(new WrapKey(m.note().text(), maxText), this::wrap);
            List<String> lines = wrap.lines();
            if (lines.isEmpty()) {
                continue;
            }
            double bw = Math.ceil(wrap.width() + 2 * PAD_X);
            double bh = lines.size() * LINE_HEIGHT + 2 * PAD_Y;
            withText.add(m);
            texts.add(lines);
            wishes.add(wish(m, bw, bh, area));
        }
        List<LabelPlacer.Box> boxes = LabelPlacer.place(wishes, area);
        List<NoteLabel> out = new ArrayList<>();
        for (int i = 0; i < boxes.size(); i++) {
            LabelPlacer.Box b = boxes.get(i);
            if (b != null) {
                NoteMark m = withText.get(i);
                double[] t = target(m, b, area);
                out.add(new NoteLabel(m, texts.get(i), b, t[0], t[1]));
            }
        }
        return out;
    }

    /** Marks, arrows and labels, clipped to {@code area}. */
    public void paint(GraphicsContext g, List<NoteMark> marks, List<NoteLabel> labels, NoteArea area) {
        if (marks.isEmpty()) {
            return;
        }
        g.save();
        g.beginPath();
        g.rect(area.left(), area.top(), area.width(), area.height());
        g.clip();
        for (NoteMark m : marks) {
            mark(g, m, area);
        }
        g.setFont(font);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        for (NoteLabel l : labels) {
            if (l.note().arrow()) {
                arrow(g, l);
            }
        }
        for (NoteLabel l : labels) {
            label(g, l);
        }
        g.restore();
    }

    /**
     * A flag on the ruler band [top, bottom) at the start of each mark visible between {@code left} and
     * {@code right}, with a bar under the ruler for marks that last.
     */
    public void paintFlags(GraphicsContext g, List<NoteMark> marks, double left, double right, double top,
                           double bottom) {
        for (NoteMark m : marks) {
            if (m.x1() < left || m.x0() > right) {
                continue;
            }
            Color c = color(m.note().color());
            if (m.kind() != NoteMark.Kind.LINE) {
                double x0 = Math.max(left, m.x0());
                double x1 = Math.min(right, Math.max(m.x1(), m.x0() + 2));
                g.setFill(c.deriveColor(0, 1, 1, 0.55));
                g.fillRect(x0, bottom - 3, x1 - x0, 3);
            }
            if (m.x0() < left) {
                continue; // the start is off to the left: the bar shows it
            }
            double x = Math.round(m.x0());
            g.setFill(c);
            g.fillRect(x, top + 2, 2, bottom - top - 2);
            g.fillRect(x, top + 2, 10, 8);
        }
    }

    /** Text width in the label font. */
    double width(String s) {
        probe.setText(s);
        return probe.getLayoutBounds().getWidth();
    }

    /**
     * Where a label would like to be: right of a line, at the start of a band, near the top of the area;
     * above an outlined box (below it when there is no room above), starting where the box starts.
     */
    static LabelPlacer.Wish wish(NoteMark m, double w, double h, NoteArea area) {
        return switch (m.kind()) {
            case LINE -> new LabelPlacer.Wish(m.x0() + (m.note().arrow() ? ARROW_ROOM : 4), area.top() + 6, w, h);
            case BAND -> new LabelPlacer.Wish(Math.max(m.x0(), area.left()) + 4, area.top() + 6, w, h);
            case OUTLINE -> outlineWish(m, w, h, area);
            case ROW -> {
                double y = (m.top() + m.bottom()) / 2 - h / 2;
                if (m.x1() + ARROW_ROOM + w <= area.right()) {
                    yield new LabelPlacer.Wish(m.x1() + ARROW_ROOM, y, w, h);
                }
                if (m.x0() - ARROW_ROOM - w >= area.left()) {
                    yield new LabelPlacer.Wish(m.x0() - ARROW_ROOM - w, y, w, h);
                }
                yield outlineWish(m, w, h, area);
            }
        };
    }

    private static LabelPlacer.Wish outlineWish(NoteMark m, double w, double h, NoteArea area) {
        double x = Math.max(m.x0(), area.left());
        double above = m.top() - ARROW_ROOM - h;
        return new LabelPlacer.Wish(x, above >= area.top() ? above : m.bottom() + ARROW_ROOM, w, h);
    }

    /**
     * Where the arrow of a label placed at {@code b} points: at the line, into the band's middle, at the
     * near edge of the box (a row's end or start when the label is beside it).
     */
    static double[] target(NoteMark m, LabelPlacer.Box b, NoteArea area) {
        double mx = NoteArea.clamp(m.midX(), area.left(), area.right());
        return switch (m.kind()) {
            case LINE -> new double[] {m.x0(), NoteArea.clamp(b.y() + b.height() / 2, m.top(), m.bottom())};
            case BAND -> new double[] {mx, NoteArea.clamp(b.bottom() + 3 * ARROW_ROOM, m.top(), m.bottom())};
            case OUTLINE -> new double[] {mx, b.bottom() <= m.top() ? m.top() : m.bottom()};
            case ROW -> {
                double my = (m.top() + m.bottom()) / 2;
                if (b.x() >= m.x1()) {
                    yield new double[] {m.x1(), my};
                }
                if (b.right() <= m.x0()) {
                    yield new double[] {m.x0(), my};
                }
                yield new double[] {mx, b.bottom() <= m.top() ? m.top() : m.bottom()};
            }
        };
    }

    private static void mark(GraphicsContext g, NoteMark m, NoteArea area) {
        if (m.x1() < area.left() - 2 || m.x0() > area.right() + 2) {
            return;
        }
        Color c = color(m.note().color());
        switch (m.kind()) {
            case LINE -> {
                g.setFill(c);
                g.fillRect(Math.round(m.x0()), m.top(), 2, m.bottom() - m.top());
            }
            case BAND -> {
                double x0 = Math.max(area.left(), m.x0());
                double x1 = Math.min(area.right(), Math.max(m.x1(), m.x0() + 2));
                g.setFill(c.deriveColor(0, 1, 1, 0.12));
                g.fillRect(x0, m.top(), x1 - x0, m.bottom() - m.top());
                g.setFill(c.deriveColor(0, 1, 1, 0.8));
                g.fillRect(Math.round(m.x0()), m.top(), 1, m.bottom() - m.top());
                g.fillRect(Math.round(Math.max(m.x1(), m.x0() + 2)), m.top(), 1, m.bottom() - m.top());
            }
            case OUTLINE, ROW -> {
                double x0 = Math.max(area.left() - 2, m.x0());
                double x1 = Math.min(area.right() + 2, Math.max(m.x1(), m.x0() + 2));
                g.setStroke(c);
                g.setLineWidth(2.5);
                g.strokeRect(x0 - 1.25, m.top() - 1.25, x1 - x0 + 2.5, m.bottom() - m.top() + 2.5);
            }
        }
    }

    private static void arrow(GraphicsContext g, NoteLabel l) {
        LabelPlacer.Box b = l.box();
        double tx = l.targetX();
        double ty = l.targetY();
        double fx = NoteArea.clamp(tx, b.x(), b.right());
        double fy = NoteArea.clamp(ty, b.y(), b.bottom());
        double len = Math.hypot(tx - fx, ty - fy);
        if (len < ARROW_HEAD + 3) {
            return;
        }
        Color c = color(l.note().color());
        double ux = (tx - fx) / len;
        double uy = (ty - fy) / len;
        g.setStroke(c);
        g.setLineWidth(1.5);
        g.strokeLine(fx, fy, tx - ux * ARROW_HEAD * 0.8, ty - uy * ARROW_HEAD * 0.8);
        double bx = tx - ux * ARROW_HEAD;
        double by = ty - uy * ARROW_HEAD;
        double half = ARROW_HEAD * 0.5;
        g.setFill(c);
        g.fillPolygon(new double[] {tx, bx - uy * half, bx + uy * half}, new double[] {ty, by + ux * half,
            by - ux * half}, 3);
    }

    private static void label(GraphicsContext g, NoteLabel l) {
        LabelPlacer.Box b = l.box();
        Color c = color(l.note().color());
        g.setFill(Color.rgb(0, 0, 0, 0.18));
        g.fillRoundRect(b.x() + 1, b.y() + 1.5, b.width(), b.height(), 6, 6);
        g.setFill(c);
        g.fillRoundRect(b.x(), b.y(), b.width(), b.height(), 6, 6);
        g.setFill(Palette.textOn(c));
        double y = b.y() + PAD_Y + LINE_HEIGHT / 2;
        for (String line : l.lines()) {
            g.fillText(line, b.x() + PAD_X, Math.round(y));
            y += LINE_HEIGHT;
        }
    }

    /** The toolkit colour of a note colour. */
    public static Color color(NoteColor c) {
        return Color.rgb(c.red(), c.green(), c.blue());
    }
}
