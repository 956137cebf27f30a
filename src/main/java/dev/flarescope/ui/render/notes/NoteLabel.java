package dev.flarescope.ui.render.notes;

import dev.flarescope.notes.Note;
import java.util.List;

/**
 * A note's label where it is drawn: its box, its lines of text, and the point its arrow (if any) ends
 * at. The views use these for hit testing (a right click or double click on a label).
 *
 * @param mark    the anchor's mark the label belongs to
 * @param lines   the wrapped text
 * @param box     where the label is drawn
 * @param targetX where its arrow points, x
 * @param targetY where its arrow points, y
 */
public record NoteLabel(NoteMark mark, List<String> lines, LabelPlacer.Box box, double targetX, double targetY) {
    public NoteLabel {
        lines = List.copyOf(lines);
    }

    public Note note() {
        return mark.note();
    }

    /** The note whose label is at (x, y), the topmost (last drawn) first; null when none. */
    public static Note at(List<NoteLabel> labels, double x, double y) {
        for (int i = labels.size() - 1; i >= 0; i--) {
            if (labels.get(i).box().contains(x, y)) {
                return labels.get(i).note();
            }
        }
        return null;
    }
}
