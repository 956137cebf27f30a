package dev.flarescope.format.chrome;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import dev.flarescope.format.ReadContext;
import dev.flarescope.model.RawEvent;
import dev.flarescope.model.TraceSink;
import java.io.IOException;

/**
 * One sequential read of a Chrome JSON document into one sink, either from its start or from an
 * offset in the middle of its events array (a chunk of a parallel read).
 *
 * <p>A pass that starts mid-document reads the input behind virtual bytes (<code>[</code> or
 * <code>&#123;"traceEvents":[</code>) that put the parser at the events array's depth, so the rest of the
 * document, including members after the array, is read by the same code as a whole document.
 *
 * <p>A pass given a stop offset verifies the split there: it stops when an event of the events array
 * starts exactly at that offset, which proves the next chunk started on an event boundary. If it gets
 * past the offset without that, the split was inside a string or a nested value; the pass reports it
 * through its {@link Link} and carries on to the end of the input, as a sequential read would.
 *
 * <p>A syntax error inside the events array costs the event it is in: the pass reports it, looks for
 * the next event start after the error ({@link ByteScan#nextEventStart}) and restarts there. Errors at
 * the end of the input are a cut document and are reported as truncation.
 */
final class JsonDocumentPass {
    /** How a pass ended. */
    enum Outcome {
        /** Read to the end of the input; there was no split to verify. */
        COMPLETE,
        /** Reached the stop offset exactly at an event start. */
        VERIFIED,
        /** Did not meet an event start at the stop offset, and read to the end of the input instead. */
        VERIFICATION_FAILED,
        /** Stopped early because an earlier chunk failed its verification; its sink is to be discarded. */
        ABANDONED
    }

    /** How a chunk learns about, and tells, failed verifications of the parallel read it belongs to. */
    interface Link {
        Link NONE = new Link() {
            @Override
            public boolean abandoned() {
                return false;
            }

            @Override
            public void verificationFailed() {
            }
        };

        /** True once an earlier chunk failed to verify its split, making this chunk's work useless. */
        boolean abandoned();

        void verificationFailed();
    }

    private static final String ARRAY_PREFIX = "[";
    private static final String OBJECT_PREFIX = "{\"traceEvents\":[";

    private final ByteInput input;
    private final TraceSink sink;
    private final ReadContext ctx;
    private final String eventsPrefix;
    private final Link link;
    private final ChromeEventDecoder decoder;
    private final RawEvent event = new RawEvent();

    private long stop = -1;
    private boolean stopMissed;
    private ByteInput.Progress progress;
    private TrackedStream stream;
    private long ticks;
    /** Where the parser is, for error recovery: inside the events array, and in which event. */
    private boolean inEvents;
    private long eventStart = -1;
    private long eventLine;
    private long eventsRead;

    JsonDocumentPass(ByteInput input, TraceSink sink, ReadContext ctx, boolean objectForm, Link link) {
        this.input = input;
        this.sink = sink;
        this.ctx = ctx;
        this.eventsPrefix = objectForm ? OBJECT_PREFIX : ARRAY_PREFIX;
        this.link = link;
        this.decoder = new ChromeEventDecoder(sink);
    }

    /**
     * Reads from {@code start} (whose line number is {@code startLine}) to the end of the input, or
     * until an event starts at {@code stopAt} (-1: no stop). {@code midDocument} says that
     * {@code start} is an event start inside the events array rather than the document's start.
     */
    Outcome run(long start, long startLine, boolean midDocument, long stopAt) throws IOException {
        stop = stopAt;
        progress = input.progressFrom(start);
        long pos = start;
        long line = startLine;
        String prefix = midDocument ? eventsPrefix : "";
        try {
            while (true) {
                TrackedStream in = new TrackedStream(input.openForParsing(pos, -1), pos, prefix);
                stream = in;
                inEvents = false;
                eventStart = -1;
                decoder.setOrigin(pos - prefix.length(), line - 1);
                try (JsonParser p = ChromeJson.FACTORY.createParser(in)) {
                    return walk(p);
                } catch (JsonProcessingException ex) {
                    long next = recover(ex, in, pos);
                    if (next < 0) {
                        return finish();
                    }
                    tick();
                    line += ByteScan.countLines(input, pos, next);
                    pos = next;
                    prefix = eventsPrefix;
                } finally {
                    reportProgress();
                }
            }
        } catch (Abandoned a) {
            return Outcome.ABANDONED;
        }
    }

    /** Reports progress up to what the parser has read, but never past a stop not yet passed (the next chunk's bytes). */
    private void reportProgress() {
        long position = stream.position();
        progress.advanceTo(stop >= 0 ? Math.min(position, stop) : position);
    }

    /** Reports a syntax error; returns where to restart (an event start) or -1 to stop reading. */
    private long recover(JsonProcessingException ex, TrackedStream in, long pos) throws IOException {
        JsonLocation where = ex.getLocation();
        long errorOffset = where == null ? Math.max(pos, eventStart) : Math.max(pos, decoder.offsetOf(where));
        long errorLine = where == null ? 0 : decoder.lineOf(where);
        String reason = ChromeJson.describe(ex);
        if (ex instanceof JsonEOFException || in.endsInsideToken(errorOffset)) {
            if (inEvents) {
                sink.truncated(eventStart >= 0 ? eventStart : errorOffset, eventStart >= 0
                        ? "the input ends inside the event starting at byte " + eventStart + "; "
                                + eventsRead + " complete events before it were read"
                        : "the input ends before the events array is closed; " + eventsRead + " events were read");
            } else {
                sink.truncated(errorOffset, "the input ends before the end of the JSON document (" + reason + ")");
            }
            return -1;
        }
        if (!inEvents) {
            sink.malformed(errorLine, errorOffset, "not valid JSON (" + reason + "); the rest of the document is ignored");
            return -1;
        }
        long badStart = eventStart >= 0 ? eventStart : errorOffset;
        long next = ByteScan.nextEventStart(input, Math.max(errorOffset, badStart + 1));
        sink.malformed(eventStart >= 0 ? eventLine : errorLine, badStart, "event is not valid JSON (" + reason + "); "
                + (next < 0 ? "no event start follows, the rest of the input is ignored" : "reading resumes at byte " + next));
        return next;
    }

    private Outcome walk(JsonParser p) throws IOException {
        JsonToken t = p.nextToken();
        if (t == JsonToken.START_ARRAY) {
            if (readEvents(p)) {
                return Outcome.VERIFIED;
            }
        } else if (t == JsonToken.START_OBJECT) {
            String key;
            while ((key = p.nextFieldName()) != null) {
                JsonToken value = p.nextToken();
                switch (key) {
                    case "traceEvents" -> {
                        if (value != JsonToken.START_ARRAY) {
                            sink.malformed(decoder.lineOf(p.currentTokenLocation()), decoder.offsetOf(p.currentTokenLocation()),
                                    "traceEvents is not an array; ignored");
                            p.skipChildren();
                        } else if (readEvents(p)) {
                            return Outcome.VERIFIED;
                        }
                    }
                    case "stackFrames" -> readStackFrames(p, key, value);
                    case "samples" -> readSamples(p, key, value);
                    default -> sink.traceMetadata(key, decoder.jsonText(p));
                }
            }
        }
        checkNothingFollows(p);
        return finish();
    }

    /** Reads the events array; returns true when it stopped at the stop offset. */
    private boolean readEvents(JsonParser p) throws IOException {
        inEvents = true;
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
            JsonLocation loc = p.currentTokenLocation();
            long offset = decoder.offsetOf(loc);
            if (stop >= 0 && offset >= stop) {
                if (offset == stop && t == JsonToken.START_OBJECT) {
                    return true;
                }
                missStop();
            }
            eventStart = offset;
            eventLine = decoder.lineOf(loc);
            if (decoder.decode(p, event, loc, false)) {
                sink.event(event);
                eventsRead++;
            } else {
                sink.malformed(event.line, event.offset, decoder.problem() + "; event skipped");
            }
            eventStart = -1;
            tick();
        }
        inEvents = false;
        if (stop >= 0) {
            missStop(); // the split point lies beyond the events array: it cannot be verified any more
        }
        return false;
    }

    private void readSamples(JsonParser p, String key, JsonToken t) throws IOException {
        if (t != JsonToken.START_ARRAY) {
            sink.traceMetadata(key, decoder.jsonText(p));
            return;
        }
        while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
            if (decoder.decode(p, event, p.currentTokenLocation(), true)) {
                sink.event(event);
            } else {
                sink.malformed(event.line, event.offset, "sample: " + decoder.problem() + "; skipped");
            }
            tick();
        }
    }

    private void readStackFrames(JsonParser p, String key, JsonToken t) throws IOException {
        if (t != JsonToken.START_OBJECT) {
            sink.traceMetadata(key, decoder.jsonText(p));
            return;
        }
        String id;
        while ((id = p.nextFieldName()) != null) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                p.skipChildren();
                continue;
            }
            String name = null;
            String parent = null;
            String category = null;
            String field;
            while ((field = p.nextFieldName()) != null) {
                JsonToken v = p.nextToken();
                switch (field) {
                    case "name" -> name = decoder.text(p, v);
                    case "parent" -> parent = decoder.text(p, v);
                    case "category" -> category = decoder.text(p, v);
                    default -> p.skipChildren();
                }
            }
            sink.stackFrame(id, name, parent, category);
        }
    }

    private void checkNothingFollows(JsonParser p) throws IOException {
        try {
            if (p.nextToken() != null) {
                sink.note("content after the end of the JSON document at byte "
                        + decoder.offsetOf(p.currentTokenLocation()) + " was ignored");
            }
        } catch (JsonProcessingException ex) {
            sink.note("content after the end of the JSON document was ignored (" + ChromeJson.describe(ex) + ")");
        }
    }

    private void missStop() {
        stop = -1;
        stopMissed = true;
        link.verificationFailed();
    }

    private Outcome finish() {
        if (stop >= 0) {
            missStop();
        }
        return stopMissed ? Outcome.VERIFICATION_FAILED : Outcome.COMPLETE;
    }

    private void tick() {
        if (++ticks % ChromeJson.CHECK_INTERVAL == 0) {
            ctx.checkCancelled();
            reportProgress();
            if (link.abandoned()) {
                throw new Abandoned();
            }
        }
    }

    /** Unwinds a chunk whose work an earlier chunk's failed verification made useless. */
    private static final class Abandoned extends RuntimeException {
        Abandoned() {
            super(null, null, false, false);
        }
    }
}
