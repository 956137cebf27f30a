package dev.flarescope.ui.view.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarescope.model.Trace;
import dev.flarescope.ui.viewmodel.SearchMatches;
import dev.flarescope.ui.viewmodel.SearchModel;
import dev.flarescope.ui.viewmodel.SpanRef;
import dev.flarescope.ui.viewmodel.SpanTextSearch;
import dev.flarescope.ui.viewmodel.TraceSession;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Search on {@link TimelineFixture}: names, argument values (not keys), case, order and stepping. */
class SearchTest {
    private final Trace trace = TimelineFixture.trace();
    private static final SpanRef API_FORWARD = new SpanRef(0, 0, 2);
    private static final SpanRef GPU_FORWARD = new SpanRef(1, 0, 0);

    @Test
    void namesMatchIgnoringCaseInTimeOrder() {
        SearchMatches m = SpanTextSearch.find(trace, "FORWARD", () -> false);
        assertEquals(2, m.count());
        assertEquals(API_FORWARD, m.get(0)); // starts at 40,000
        assertEquals(GPU_FORWARD, m.get(1)); // starts at 50,000
        assertEquals("forward", m.get(0).name(trace));
        // row 1 of api's main thread: tokenize (position 0), forward (position 1)
        assertFalse(m.anyInRow(0, 0, 1, 0, 1));
        assertTrue(m.anyInRow(0, 0, 1, 1, 2));
        assertFalse(m.anyInRow(0, 0, 0, 0, 1));
    }

    @Test
    void argumentValuesMatchButKeysDoNot() {
        assertEquals(List.of("tokenize"), names(SpanTextSearch.find(trace, "qwen3", () -> false)));
        assertEquals(List.of("forward"), names(SpanTextSearch.find(trace, "chatcmpl-7", () -> false)));
        assertEquals(0, SpanTextSearch.find(trace, "model", () -> false).count());
        assertEquals(0, SpanTextSearch.find(trace, "request_id", () -> false).count());
    }

    @Test
    void aCancelledSearchReturnsNothing() {
        assertNull(SpanTextSearch.find(trace, "forward", () -> true));
    }

    @Test
    void modelFollowsTheQueryAndStepsThroughMatches() {
        TraceSession session = new TraceSession();
        session.setTrace(trace, List.of("fixture.json"));
        SearchModel model = new SearchModel(session);
        assertEquals(0, model.matchCountProperty().get());
        session.searchQuery().set("forward");
        assertEquals(2, model.matchCountProperty().get());
        assertEquals(API_FORWARD, model.next());
        session.selectedSpan().set(API_FORWARD);
        assertEquals(0, model.currentProperty().get());
        assertEquals(GPU_FORWARD, model.next());
        assertEquals(GPU_FORWARD, model.previous()); // wraps around
        session.selectedSpan().set(GPU_FORWARD);
        assertEquals(API_FORWARD, model.next());     // wraps around
        // from a span that does not match: the first match starting at or after it
        session.selectedSpan().set(new SpanRef(0, 0, 1)); // tokenize at 10,000
        assertEquals(API_FORWARD, model.next());
        session.searchQuery().set("  ");
        assertNull(model.matches());
        assertEquals(0, model.matchCountProperty().get());
    }

    private List<String> names(SearchMatches m) {
        return java.util.stream.IntStream.range(0, m.count()).mapToObj(k -> m.get(k).name(trace)).toList();
    }
}
