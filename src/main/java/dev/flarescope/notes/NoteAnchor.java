package dev.flarescope.notes;

import java.util.Objects;

/**
 * What a note is pinned to: a moment, a time range, a span or a request. Every anchor knows the time it
 * covers on the trace clock (nanoseconds), so a note can be placed on any time axis even when the span
 * or request it names cannot be found in the loaded trace.
 */
public sealed interface NoteAnchor {
    /** Where the anchor starts, in trace nanoseconds. */
    long startNs();

    /** Where it ends ({@code == startNs()} for a moment). */
    long endNs();

    /** The same anchor {@code deltaNs} later (a clock offset applied to its input). */
    NoteAnchor shift(long deltaNs);

    /** A point in time (Perfetto's "mark"). */
    record Moment(long tsNs) implements NoteAnchor {
        @Override
        public long startNs() {
            return tsNs;
        }

        @Override
        public long endNs() {
            return tsNs;
        }

        @Override
        public Moment shift(long deltaNs) {
            return new Moment(tsNs + deltaNs);
        }
    }

    /** A time range, as marked on the ruler. */
    record Range(long startNs, long endNs) implements NoteAnchor {
        public Range {
            if (endNs < startNs) {
                throw new IllegalArgumentException("range ends (" + endNs + " ns) before it starts (" + startNs + " ns)");
            }
        }

        @Override
        public Range shift(long deltaNs) {
            return new Range(startNs + deltaNs, endNs + deltaNs);
        }
    }

    /** One span of one thread. */
    record OnSpan(SpanKey span) implements NoteAnchor {
        public OnSpan {
            Objects.requireNonNull(span, "span");
        }

        @Override
        public long startNs() {
            return span.startNs();
        }

        @Override
        public long endNs() {
            return span.endNs();
        }

        @Override
        public OnSpan shift(long deltaNs) {
            return new OnSpan(span.shift(deltaNs));
        }
    }

    /**
     * One request, by the id the request analysis gives it; the range is where it ran on the trace clock
     * when the note was made, so the note keeps its place when the request is not found again.
     */
    record OnRequest(String requestId, long startNs, long endNs) implements NoteAnchor {
        public OnRequest {
            Objects.requireNonNull(requestId, "requestId");
            if (endNs < startNs) {
                throw new IllegalArgumentException("request ends (" + endNs + " ns) before it starts (" + startNs + " ns)");
            }
        }

        @Override
        public OnRequest shift(long deltaNs) {
            return new OnRequest(requestId, startNs + deltaNs, endNs + deltaNs);
        }
    }
}
