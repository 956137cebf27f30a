package dev.flarescope.ui.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarescope.model.Trace;
import dev.flarescope.notes.Note;
import dev.flarescope.notes.NoteAnchor;
import dev.flarescope.notes.NoteColor;
import dev.flarescope.notes.SpanKey;
import dev.flarescope.ui.view.timeline.TimelineFixture;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Anchors on {@link TimelineFixture}: api (pid 1) is process 0, its thread 1 "main" holds request
 * [0, 100 µs), tokenize [10, 30) µs and forward [40, 90) µs, spans 0, 1 and 2 by start. The trace starts
 * at 0.
 */
class NoteAnchorsTest {
    private final Trace trace = TimelineFixture.trace();
    private final SpanRef tokenize = new SpanRef(0, 0, 1);

    @Test
    void aSpanIsNamedByProcessThreadNameAndTimes() {
        NoteAnchor a = NoteAnchors.forSpan(trace, tokenize);
        assertEquals(new NoteAnchor.OnSpan(new SpanKey("", "1", "1", "tokenize", 10_000, 30_000)), a);
        assertEquals("span tokenize on pid 1 / tid 1 at 10.000 \u00b5s", NoteAnchors.describe(trace, a));
    }

    @Test
    void aSpanNoteFindsItsSpanAndTakesTheTimelineToItsThread() {
        Note n = Note.create("slow", NoteColor.RED, NoteAnchors.forSpan(trace, tokenize), true);
        assertEquals(Optional.of(tokenize), NoteAnchors.span(trace, n));
        assertEquals(new TimelineTarget(new TimeRange(10_000, 30_000), 0, 0),
                NoteAnchors.target(trace, n, new TimeRange(0, 100_000)));
        assertEquals(List.of(new PinnedNote(n, tokenize)), PinnedNote.pin(List.of(n), trace));
    }

    @Test
    void aSpanThatIsGoneLeavesTheNoteOnItsTimes() {
        Note n = Note.create("gone", NoteColor.RED,
                new NoteAnchor.OnSpan(new SpanKey("", "1", "1", "tokenize", 11_000, 30_000)), true);
        assertTrue(NoteAnchors.span(trace, n).isEmpty());
        assertEquals(new TimelineTarget(new TimeRange(11_000, 30_000), -1, -1),
                NoteAnchors.target(trace, n, new TimeRange(0, 100_000)));
    }

    @Test
    void aMomentKeepsTheZoomAndComesToTheMiddle() {
        Note n = Note.create("here", NoteColor.RED, new NoteAnchor.Moment(70_000), false);
        // viewport 20 µs wide: 10 µs either side of 70 µs
        assertEquals(new TimelineTarget(new TimeRange(60_000, 80_000), -1, -1),
                NoteAnchors.target(trace, n, new TimeRange(0, 20_000)));
        assertEquals("moment at 70.000 \u00b5s", NoteAnchors.describe(trace, n.anchor()));
    }

    @Test
    void aSelectionIsARangeAndAnEmptyOneAMoment() {
        assertEquals(new NoteAnchor.Range(10_000, 30_000), NoteAnchors.forRange(new TimeRange(10_000, 30_000)));
        assertEquals(new NoteAnchor.Moment(10_000), NoteAnchors.forRange(new TimeRange(10_000, 10_000)));
        assertEquals("10.000 \u00b5s \u2013 30.000 \u00b5s (20.0 \u00b5s)",
                NoteAnchors.describe(trace, new NoteAnchor.Range(10_000, 30_000)));
        assertEquals("request r7 at 1.204 s",
                NoteAnchors.describe(trace, new NoteAnchor.OnRequest("r7", 1_204_000_000L, 1_300_000_000L)));
    }

    @Test
    void clockTimesHaveThreeDecimalsInTheirUnit() {
        assertEquals("850 ns", NoteAnchors.clock(850));
        assertEquals("12.500 \u00b5s", NoteAnchors.clock(12_500));
        assertEquals("3.250 ms", NoteAnchors.clock(3_250_000));
        assertEquals("1.204 s", NoteAnchors.clock(1_204_000_000L));
    }

    @Test
    void theViewModelHelpersUseTheSelection() {
        TraceSession session = new TraceSession();
        NotesViewModel notes = new NotesViewModel(session, Runnable::run, Runnable::run);
        session.setTrace(trace, List.of("not-on-disk"));
        assertTrue(notes.anchorForSelectedSpan().isEmpty());
        session.selectedSpan().set(tokenize);
        session.timeSelection().set(new TimeRange(40_000, 90_000));
        assertEquals(NoteAnchors.forSpan(trace, tokenize), notes.anchorForSelectedSpan().orElseThrow());
        assertEquals(new NoteAnchor.Range(40_000, 90_000), notes.anchorForTimeSelection().orElseThrow());
        assertTrue(notes.anchorForRequest("r1").isEmpty()); // no analysis yet
        assertTrue(notes.newNote(notes.anchorForSpan(tokenize)).arrow());
    }
}
