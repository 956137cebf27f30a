package dev.flarescope.ui.viewmodel;

import dev.flarescope.analysis.AnalysisResult;
import dev.flarescope.analysis.requests.RequestTimeline;
import dev.flarescope.model.RawEvent;
import dev.flarescope.model.Trace;
import dev.flarescope.notes.Note;
import dev.flarescope.notes.NoteAnchor;
import dev.flarescope.notes.SpanKey;
import dev.flarescope.notes.SpanLocator;
import java.util.Optional;

/**
 * Between notes and what the views show: the anchor for a span, a time selection, a moment or a
 * request; a span anchor found again in the loaded trace; where the timeline goes to show a note; and
 * what a note is pinned to, in words ("span decode on pid 12 / tid 3 at 1.204 s"). Times in words
 * count from the trace's start, as the ruler does.
 */
public final class NoteAnchors {
    private NoteAnchors() {
    }

    /** The anchor for a span of {@code trace}: it names the span by process, thread, name and start. */
    public static NoteAnchor forSpan(Trace trace, SpanRef ref) {
        return new NoteAnchor.OnSpan(SpanLocator.keyOf(trace, ref.process(), ref.thread(), ref.span()));
    }

    /** The anchor for a marked time range; an empty range is a moment. */
    public static NoteAnchor forRange(TimeRange r) {
        return r.duration() == 0 ? new NoteAnchor.Moment(r.start()) : new NoteAnchor.Range(r.start(), r.end());
    }

    /** The anchor for a request, or empty when it has no times to place the note at. */
    public static Optional<NoteAnchor> forRequest(RequestTimeline request) {
        long s = RequestFacts.startNs(request);
        long e = RequestFacts.endNs(request);
        if (s == RawEvent.NO_TIME) {
            return Optional.empty();
        }
        return Optional.of(new NoteAnchor.OnRequest(request.id(), s, e == RawEvent.NO_TIME ? s : Math.max(s, e)));
    }

    /**
     * Whether {@code note}'s times are on the trace's clock: all are, but a note on a request that
     * {@code analysis} (may be null) knows only from a metrics record, whose clock is its own.
     */
    public static boolean onTraceClock(Note note, AnalysisResult analysis) {
        if (!(note.anchor() instanceof NoteAnchor.OnRequest r) || analysis == null) {
            return true;
        }
        RequestTimeline t = analysis.request(r.requestId());
        return t == null || RequestClock.of(t) != RequestClock.RECORD;
    }

    /** The span a note is pinned to, when it is pinned to one that {@code trace} holds. */
    public static Optional<SpanRef> span(Trace trace, Note note) {
        if (trace == null || !(note.anchor() instanceof NoteAnchor.OnSpan on)) {
            return Optional.empty();
        }
        return SpanLocator.find(trace, on.span()).map(p -> new SpanRef(p.process(), p.thread(), p.span()));
    }

    /**
     * Where the timeline goes to show {@code note}: its span's range and thread when the span is found,
     * else its time range; a moment keeps the width of {@code viewport} and centres on it.
     */
    public static TimelineTarget target(Trace trace, Note note, TimeRange viewport) {
        NoteAnchor a = note.anchor();
        Optional<SpanRef> span = span(trace, note);
        if (span.isPresent()) {
            SpanRef ref = span.get();
            long s = ref.start(trace);
            return new TimelineTarget(new TimeRange(s, Math.max(s + 1, ref.end(trace))), ref.process(), ref.thread());
        }
        if (a instanceof NoteAnchor.Moment m && viewport != null) {
            long half = viewport.duration() / 2;
            return new TimelineTarget(new TimeRange(m.tsNs() - half, m.tsNs() + half), -1, -1);
        }
        return new TimelineTarget(new TimeRange(a.startNs(), Math.max(a.startNs() + 1, a.endNs())), -1, -1);
    }

    /** What {@code anchor} pins a note to, in words, with times from the start of {@code trace} (may be null). */
    public static String describe(Trace trace, NoteAnchor anchor) {
        return describe(trace == null ? 0 : trace.minTs(), anchor);
    }

    /** What {@code anchor} pins a note to, in words, with times from {@code origin} (the trace's start). */
    public static String describe(long origin, NoteAnchor anchor) {
        if (anchor instanceof NoteAnchor.OnSpan on) {
            SpanKey k = on.span();
            return "span " + k.name() + " on " + process(k) + " / tid " + k.tid() + " at "
                    + clock(k.startNs() - origin);
        }
        if (anchor instanceof NoteAnchor.OnRequest r) {
            return "request " + r.requestId() + " at " + clock(r.startNs() - origin);
        }
        if (anchor instanceof NoteAnchor.Range r) {
            return clock(r.startNs() - origin) + " \u2013 " + clock(r.endNs() - origin) + " ("
                    + TimeFormat.duration(r.endNs() - r.startNs()) + ")";
        }
        return "moment at " + clock(anchor.startNs() - origin);
    }

    /**
     * A time on the ruler's clock with three decimals in the unit its size calls for: "850 ns",
     * "12.500 µs", "1.204 s".
     */
    public static String clock(long ns) {
        long a = Math.abs(ns);
        if (a < 1_000) {
            return ns + " ns";
        }
        TimeFormat.TimeUnitName unit = a < 1_000_000 ? TimeFormat.TimeUnitName.US
                : a < 1_000_000_000 ? TimeFormat.TimeUnitName.MS : TimeFormat.TimeUnitName.S;
        return TimeFormat.fixed(ns, unit, 3);
    }

    private static String process(SpanKey k) {
        return (k.host().isEmpty() ? "" : k.host() + " ") + "pid " + k.pid();
    }
}
