package dev.flarescope.ui.render.timeline;

import static dev.flarescope.ui.render.timeline.TimelineGeometry.GUTTER;
import static dev.flarescope.ui.render.timeline.TimelineGeometry.TRACKS_TOP;

import dev.flarescope.model.SpanTable;
import dev.flarescope.model.Trace;
import dev.flarescope.notes.NoteAnchor;
import dev.flarescope.ui.render.notes.NoteArea;
import dev.flarescope.ui.render.notes.NoteMark;
import dev.flarescope.ui.viewmodel.PinnedNote;
import dev.flarescope.ui.viewmodel.SpanRef;
import dev.flarescope.ui.viewmodel.TimeRange;
import dev.flarescope.ui.viewmodel.TimeScale;
import dev.flarescope.ui.viewmodel.TimelineLayout;
import dev.flarescope.ui.viewmodel.TrackModel;
import java.util.ArrayList;
import java.util.List;

/**
 * The marks of a frame's notes on the timeline: a moment is a line across the tracks, a range or a
 * request a band, a span the outline of its slice when it is on screen (else a band over its time).
 * Notes wholly outside the viewport get no mark.
 */
final class TimelineNotes {
    private TimelineNotes() {
    }

    /** Where notes and their labels go: the tracks, right of the label column. */
    static NoteArea area(TimelineFrame f) {
        return new NoteArea(GUTTER, TRACKS_TOP, f.width(), f.height());
    }

    static List<NoteMark> marks(TimelineFrame f, Trace trace, TimeScale scale) {
        if (f.notes().isEmpty()) {
            return List.of();
        }
        TimeRange v = f.viewport();
        double contentTop = TRACKS_TOP - f.scrollY();
        List<NoteMark> out = new ArrayList<>();
        for (PinnedNote p : f.notes()) {
            NoteAnchor a = p.note().anchor();
            if (a.endNs() < v.start() || a.startNs() > v.end()) {
                continue;
            }
            double x0 = scale.x(a.startNs());
            double x1 = scale.x(a.endNs());
            NoteMark outline = p.span() == null ? null : outline(p, f, trace, scale, contentTop);
            if (outline != null) {
                out.add(outline);
            } else if (a instanceof NoteAnchor.Moment) {
                out.add(new NoteMark(p.note(), NoteMark.Kind.LINE, x0, x0, TRACKS_TOP, f.height()));
            } else {
                out.add(new NoteMark(p.note(), NoteMark.Kind.BAND, x0, x1, TRACKS_TOP, f.height()));
            }
        }
        return out;
    }

    /** The outline of a pinned span, or null when its row is not on screen (its process is collapsed or scrolled away). */
    private static NoteMark outline(PinnedNote p, TimelineFrame f, Trace trace, TimeScale scale, double contentTop) {
        SpanRef ref = p.span();
        TrackModel t = f.layout().threadTrack(ref.process(), ref.thread());
        if (t == null) {
            return null;
        }
        SpanTable spans = ref.table(trace);
        double y = contentTop + t.rowTop(spans.depth(ref.span()));
        if (y + TimelineLayout.ROW < TRACKS_TOP || y > f.height()) {
            return null;
        }
        return new NoteMark(p.note(), NoteMark.Kind.OUTLINE, scale.x(spans.start(ref.span())),
                scale.x(spans.end(ref.span())), y, y + TimelineLayout.ROW - 1);
    }
}
