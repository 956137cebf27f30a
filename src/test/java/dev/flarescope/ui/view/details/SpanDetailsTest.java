package dev.flarescope.ui.view.details;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.flarescope.model.Trace;
import dev.flarescope.ui.view.timeline.TimelineFixture;
import dev.flarescope.ui.viewmodel.SpanDetails;
import dev.flarescope.ui.viewmodel.SpanRef;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The text of the details pane for spans of {@code TimelineFixture}, worked out by hand. */
class SpanDetailsTest {
    private final Trace trace = TimelineFixture.trace();

    @Test
    void requestSelfTimeExcludesItsChildren() {
        SpanDetails d = SpanDetails.of(trace, new SpanRef(0, 0, 0));
        assertEquals("request", d.name());
        assertEquals("0 ns", d.start());
        assertEquals("100 µs", d.duration());
        assertEquals("30.0 µs", d.selfTime()); // 100 - 20 - 50
        assertEquals("main 1", d.thread());
        assertEquals("api (pid 1)", d.process());
        assertEquals(List.of(), d.flags());
        assertNull(d.argsJson());
    }

    @Test
    void tokenizeCarriesItsArgs() {
        SpanDetails d = SpanDetails.of(trace, new SpanRef(0, 0, 1));
        assertEquals("tokenize", d.name());
        assertEquals("10.0 µs", d.start());
        assertEquals("20.0 µs", d.duration());
        assertEquals("{\"model\":\"Qwen3-8B\"}", d.argsJson());
    }

    @Test
    void flowsLinkBothEnds() {
        // the flow leaves api's forward [40,000, 90,000) at 45,000 and arrives in gpu's forward at 60,000
        SpanDetails from = SpanDetails.of(trace, new SpanRef(0, 0, 2));
        assertEquals(1, from.flows().size());
        assertEquals(true, from.flows().get(0).outgoing());
        assertEquals(new SpanRef(1, 0, 0), from.flows().get(0).other());
        assertEquals("forward on gpu 7 · worker", from.flows().get(0).description());
        SpanDetails to = SpanDetails.of(trace, new SpanRef(1, 0, 0));
        assertEquals(false, to.flows().get(0).outgoing());
        assertEquals(new SpanRef(0, 0, 2), to.flows().get(0).other());
    }
}
