package dev.flarescope.ui.render.timeline;

import dev.flarescope.ui.viewmodel.PinnedNote;
import dev.flarescope.ui.viewmodel.SearchMatches;
import dev.flarescope.ui.viewmodel.SpanRef;
import dev.flarescope.ui.viewmodel.TimeRange;
import dev.flarescope.ui.viewmodel.TimelineLayout;
import dev.flarescope.ui.viewmodel.TraceDensity;
import java.util.List;

/**
 * Everything one frame of the timeline depends on, so that the renderer is a pure function of it: the
 * live view, the PNG export and the frame benchmark all draw the same picture from the same frame.
 *
 * @param scrollY       content pixels scrolled off the top of the tracks area
 * @param selected      selected span or null
 * @param hovered       span under the mouse or null
 * @param timeSelection range marked on the ruler or null
 * @param matches       search matches or null when no search is active
 * @param density       mini-map histogram or null to leave the mini-map empty
 * @param overlay       findings and the selected request drawn over the trace ({@link TimelineOverlay#NONE})
 * @param notes         the user's notes, their spans found in the trace (empty for none)
 */
public record TimelineFrame(TimelineLayout layout, TimeRange viewport, double width, double height, double scrollY,
                            SpanRef selected, SpanRef hovered, TimeRange timeSelection, SearchMatches matches,
                            TraceDensity density, TimelineOverlay overlay, List<PinnedNote> notes) {

    public TimelineFrame {
        notes = List.copyOf(notes);
    }

    /** A frame without notes. */
    public TimelineFrame(TimelineLayout layout, TimeRange viewport, double width, double height, double scrollY,
                         SpanRef selected, SpanRef hovered, TimeRange timeSelection, SearchMatches matches,
                         TraceDensity density, TimelineOverlay overlay) {
        this(layout, viewport, width, height, scrollY, selected, hovered, timeSelection, matches, density, overlay,
                List.of());
    }

    /** A frame with nothing drawn over the trace. */
    public TimelineFrame(TimelineLayout layout, TimeRange viewport, double width, double height, double scrollY,
                         SpanRef selected, SpanRef hovered, TimeRange timeSelection, SearchMatches matches,
                         TraceDensity density) {
        this(layout, viewport, width, height, scrollY, selected, hovered, timeSelection, matches, density,
                TimelineOverlay.NONE);
    }

    /** A frame with nothing selected, hovered or searched. */
    public static TimelineFrame plain(TimelineLayout layout, TimeRange viewport, double width, double height,
                                      TraceDensity density) {
        return new TimelineFrame(layout, viewport, width, height, 0, null, null, null, null, density);
    }
}
