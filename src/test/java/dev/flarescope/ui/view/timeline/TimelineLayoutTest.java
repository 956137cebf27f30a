package dev.flarescope.ui.view.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.flarescope.model.Trace;
import dev.flarescope.ui.viewmodel.SpanRef;
import dev.flarescope.ui.viewmodel.TimeRange;
import dev.flarescope.ui.viewmodel.TimeScale;
import dev.flarescope.ui.viewmodel.TimelineLayout;
import dev.flarescope.ui.viewmodel.TrackModel;
import dev.flarescope.ui.viewmodel.TrackModel.Kind;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Track positions worked out by hand from the constants (row 18, padding 3, process header 26, counter
 * 40, global 22) for {@link TimelineFixture}, and hit-testing on a 200 ns per pixel scale.
 */
class TimelineLayoutTest {
    private final Trace trace = TimelineFixture.trace();
    private final TimelineLayout layout = TimelineLayout.of(trace);

    @Test
    void tracksStackInModelOrder() {
        List<TrackModel> t = layout.tracks();
        assertEquals(List.of(Kind.GLOBAL, Kind.PROCESS, Kind.COUNTER, Kind.ASYNC, Kind.THREAD, Kind.PROCESS, Kind.THREAD),
                t.stream().map(TrackModel::kind).toList());
        // global 0+22, api header 22+26, counter 48+40, async (1 row) 88+24, main (2 rows) 112+42,
        // worker header 154+26, gpu (1 row) 180+24
        assertEquals(List.of(0.0, 22.0, 48.0, 88.0, 112.0, 154.0, 180.0), t.stream().map(TrackModel::top).toList());
        assertEquals(List.of(22.0, 26.0, 40.0, 24.0, 42.0, 26.0, 24.0), t.stream().map(TrackModel::height).toList());
        assertEquals(204.0, layout.height());
        assertEquals("api (pid 1)", t.get(1).label());
        assertEquals("worker (pid 2)", t.get(5).label());
        assertEquals("main 1", t.get(4).label());
    }

    @Test
    void collapsingKeepsOnlyTheHeader() {
        TimelineLayout c = layout.withCollapsed(Set.of(0));
        assertEquals(List.of(Kind.GLOBAL, Kind.PROCESS, Kind.PROCESS, Kind.THREAD),
                c.tracks().stream().map(TrackModel::kind).toList());
        assertEquals(List.of(0.0, 22.0, 48.0, 74.0), c.tracks().stream().map(TrackModel::top).toList());
        assertEquals(98.0, c.height());
        assertNull(c.threadTrack(0, 0));
        // a span of a collapsed process sits on its header's middle: 22 + 13
        assertEquals(35.0, c.spanMidY(0, 0, 0));
        assertEquals(layout.tracks(), c.toggle(0).tracks());
    }

    @Test
    void trackUnderY() {
        assertEquals(Kind.GLOBAL, layout.trackAt(0).kind());
        assertEquals(Kind.COUNTER, layout.trackAt(87.9).kind());
        assertEquals(Kind.ASYNC, layout.trackAt(88).kind());
        assertEquals(Kind.THREAD, layout.trackAt(203).kind());
        assertNull(layout.trackAt(204));
        assertNull(layout.trackAt(-1));
    }

    @Test
    void hitTestingFindsTheSpanUnderThePointer() {
        // 200 ns per pixel from x = 0
        TimeScale scale = new TimeScale(new TimeRange(0, 200_000), 0, 1000);
        double depth0 = 112 + 3 + 9;
        double depth1 = 112 + 3 + 18 + 9;
        assertEquals("request", name(layout.spanAt(100, depth0, scale, 2)));
        assertEquals("tokenize", name(layout.spanAt(100, depth1, scale, 2)));   // 20,000 ns
        assertEquals("forward", name(layout.spanAt(300, depth1, scale, 2)));    // 60,000 ns
        // 90,200 ns is 200 ns (1 px) after forward ends: within the 2 px tolerance
        assertEquals("forward", name(layout.spanAt(451, depth1, scale, 2)));
        // 96,000 ns is 30 px from any span on that row
        assertNull(layout.spanAt(480, depth1, scale, 2));
        // worker's gpu thread: 180 + 3 + 9; forward there covers [50,000, 130,000)
        SpanRef gpu = layout.spanAt(600, 192, scale, 2);
        assertEquals(new SpanRef(1, 0, 0), gpu);
        // the async track is not a span track
        assertNull(layout.spanAt(100, 95, scale, 2));
    }

    private String name(SpanRef ref) {
        return ref == null ? null : ref.name(trace);
    }
}
