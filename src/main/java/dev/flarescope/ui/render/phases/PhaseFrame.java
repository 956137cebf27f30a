package dev.flarescope.ui.render.phases;

import dev.flarescope.analysis.anomaly.Finding;
import dev.flarescope.notes.Note;
import dev.flarescope.ui.viewmodel.PhaseRow;
import dev.flarescope.ui.viewmodel.TimeRange;
import java.util.List;

/**
 * Everything one frame of the phase timeline depends on, so the live view and a PNG export draw the
 * same picture from the same frame.
 *
 * @param origin      time the ruler counts from
 * @param clockLabel  which clock the axis is on, shown in the ruler
 * @param scrollY     pixels of rows scrolled off the top
 * @param selectedId  id of the selected request or null
 * @param hoveredRow  index of the row under the mouse or -1
 * @param highlighted finding whose evidence is outlined, or null
 * @param notes       the user's notes: a request's note marks its row, the others are drawn along the axis,
 *                    so give those only when the axis is the trace's clock
 */
public record PhaseFrame(List<PhaseRow> rows, TimeRange viewport, long origin, String clockLabel, double width,
                         double height, double scrollY, String selectedId, int hoveredRow, Finding highlighted,
                         List<Note> notes) {
    public PhaseFrame {
        notes = List.copyOf(notes);
    }

    /** A frame without notes. */
    public PhaseFrame(List<PhaseRow> rows, TimeRange viewport, long origin, String clockLabel, double width,
                      double height, double scrollY, String selectedId, int hoveredRow, Finding highlighted) {
        this(rows, viewport, origin, clockLabel, width, height, scrollY, selectedId, hoveredRow, highlighted,
                List.of());
    }
}
