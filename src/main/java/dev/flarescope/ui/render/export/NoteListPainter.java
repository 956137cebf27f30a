package dev.flarescope.ui.render.export;

import dev.flarescope.notes.Note;
import dev.flarescope.ui.render.notes.NotePainter;
import dev.flarescope.ui.viewmodel.NoteAnchors;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * Lists the notes under an exported view that has no time axis to pin them to (flame graph, findings,
 * dashboard, statistics): one line per note with its colour, its first line and what it marks. Long
 * lists end with "and N more notes" rather than growing past {@link #MAX_ROWS}.
 */
public final class NoteListPainter {
    /** Most lines the list takes, the "more" line included. */
    public static final int MAX_ROWS = 8;
    private static final double ROW = 19;
    private static final double PAD = 8;
    private static final double LEFT = 14;
    private static final Color BACKGROUND = Color.rgb(246, 247, 249);
    private static final Color RULE = Color.rgb(214, 219, 226);
    private static final Color TEXT = Color.rgb(30, 37, 48);
    private static final Color MUTED = Color.rgb(98, 108, 122);

    private final Font bold = Font.font("System", FontWeight.BOLD, 12);
    private final Font body = Font.font("System", 12);

    /** Height of the list of {@code notes} notes, 0 for none. */
    public static double height(int notes) {
        return notes == 0 ? 0 : 2 * PAD + ROW * Math.min(notes, MAX_ROWS) + ROW;
    }

    /** Paints the list into {@code (0, top, width, height(notes.size()))}. */
    public void paint(GraphicsContext g, List<Note> notes, long traceStartNs, double top, double width) {
        if (notes.isEmpty()) {
            return;
        }
        g.setFill(BACKGROUND);
        g.fillRect(0, top, width, height(notes.size()));
        g.setFill(RULE);
        g.fillRect(0, top, width, 1);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFont(bold);
        g.setFill(TEXT);
        double y = top + PAD + ROW / 2;
        g.fillText(notes.size() == 1 ? "Note" : notes.size() + " notes", LEFT, y);
        int shown = notes.size() <= MAX_ROWS ? notes.size() : MAX_ROWS - 1;
        for (int i = 0; i < shown; i++) {
            y += ROW;
            Note n = notes.get(i);
            g.setFill(NotePainter.color(n.color()));
            g.fillRoundRect(LEFT, y - 6, 12, 12, 4, 4);
            double x = LEFT + 20;
            g.setFont(bold);
            g.setFill(TEXT);
            String title = TextLine.fit(n.title().isEmpty() ? "(no text)" : n.title(), bold, (width - x - LEFT) * 0.6);
            g.fillText(title, x, y);
            x += TextLine.width(title, bold) + 10;
            g.setFont(body);
            g.setFill(MUTED);
            g.fillText(TextLine.fit(NoteAnchors.describe(traceStartNs, n.anchor()), body, Math.max(0, width - x - LEFT)), x, y);
        }
        if (shown < notes.size()) {
            y += ROW;
            g.setFont(body);
            g.setFill(MUTED);
            g.fillText("and " + (notes.size() - shown) + " more notes", LEFT + 20, y);
        }
    }
}
