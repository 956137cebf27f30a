package dev.flarescope.ui.render.phases;

import static dev.flarescope.ui.render.phases.PhaseGeometry.GUTTER;
import static dev.flarescope.ui.render.phases.PhaseGeometry.NUMBERS;
import static dev.flarescope.ui.render.phases.PhaseGeometry.ROW;
import static dev.flarescope.ui.render.phases.PhaseGeometry.RULER;

import dev.flarescope.analysis.requests.RequestTimeline;
import dev.flarescope.model.RawEvent;
import dev.flarescope.notes.Note;
import dev.flarescope.notes.NoteAnchor;
import dev.flarescope.ui.render.notes.NoteArea;
import dev.flarescope.ui.render.notes.NoteMark;
import dev.flarescope.ui.viewmodel.PhaseRow;
import dev.flarescope.ui.viewmodel.RequestFacts;
import dev.flarescope.ui.viewmodel.TimeRange;
import dev.flarescope.ui.viewmodel.TimeScale;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The marks of a frame's notes on the phase timeline: a request's note outlines its row where the
 * request ran (on the row's own clock, whichever it is); other notes are a line or a band across the
 * rows. Notes whose row is scrolled away or whose time is outside the viewport get no mark.
 */
final class PhaseNotes {
    private PhaseNotes() {
    }

    /** Where notes and their labels go: the rows, between the label column and the numbers. */
    static NoteArea area(PhaseFrame f) {
        return new NoteArea(GUTTER, RULER, f.width() - NUMBERS, f.height());
    }

    static List<NoteMark> marks(PhaseFrame f, TimeScale scale) {
        if (f.notes().isEmpty() || scale == null) {
            return List.of();
        }
        TimeRange v = f.viewport();
        Map<String, Integer> rowOf = new HashMap<>();
        List<PhaseRow> rows = f.rows();
        for (int i = 0; i < rows.size(); i++) {
            if (!rows.get(i).isHeader()) {
                rowOf.putIfAbsent(rows.get(i).request().id(), i);
            }
        }
        List<NoteMark> out = new ArrayList<>();
        for (Note n : f.notes()) {
            NoteAnchor a = n.anchor();
            if (a instanceof NoteAnchor.OnRequest r) {
                Integer i = rowOf.get(r.requestId());
                NoteMark m = i == null ? null : rowMark(n, rows.get(i).request(), i, f, scale);
                if (m != null) {
                    out.add(m);
                }
            } else if (a.endNs() >= v.start() && a.startNs() <= v.end()) {
                double x0 = scale.x(a.startNs());
                out.add(a instanceof NoteAnchor.Moment
                        ? new NoteMark(n, NoteMark.Kind.LINE, x0, x0, RULER, f.height())
                        : new NoteMark(n, NoteMark.Kind.BAND, x0, scale.x(a.endNs()), RULER, f.height()));
            }
        }
        return out;
    }

    private static NoteMark rowMark(Note n, RequestTimeline t, int row, PhaseFrame f, TimeScale scale) {
        double y = PhaseGeometry.rowTop(row, f.scrollY());
        long s = RequestFacts.startNs(t);
        long e = RequestFacts.endNs(t);
        if (y + ROW < RULER || y > f.height() || s == RawEvent.NO_TIME) {
            return null;
        }
        if (e < f.viewport().start() || s > f.viewport().end()) {
            return null;
        }
        return new NoteMark(n, NoteMark.Kind.ROW, scale.x(s), scale.x(Math.max(s, e)), y + 3, y + ROW - 4);
    }
}
