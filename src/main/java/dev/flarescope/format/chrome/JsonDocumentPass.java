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
 *
 * <p>On inputs that can be re-read from any offset (files, in-memory bodies), the events array itself
 * is read by a byte-level scan ({@link ByteEventDecoder}) and Jackson reads only the rest of the
 * document. Whatever the scan does not handle with certainty (something other than an event or a
 * comma between events, a syntax error, the end of the array or of the input) it hands back to Jackson
 * at a point where Jackson is in the very state a sequential parse would be in: at the start of an
 * event, or at the start of the event just scanned, which Jackson then skips. Reports, offsets and
 * lines are therefore those of a pass that parses everything with Jackson. Jackson hands the array back
 * to the scan after each event it decodes itself.
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
    /** The line of the stop offset once the pass stopped there, in the numbering it started with. */
    private long stopLine = -1;
    private boolean stopMissed;
    private ByteInput.Progress progress;
    private TrackedStream stream;
    private long ticks;
    /** Where the parser is, for error recovery: inside the events array, and in which event. */
    private boolean inEvents;
    private long eventStart = -1;
    private long eventLine;
    private long eventsRead;

    /** Scan the events array from bytes (the input can be re-read at any offset). */
    private final boolean scanning;
    private final ByteEventDecoder bytes;
    private ScanWindow window;
    /** Start of the input the current Jackson parser reads, after its virtual prefix. */
    private long segmentStart;
    /** Events that start before this offset were read by the scan; Jackson skips them. */
    private long skipBefore = -1;
    /** How far the scan has read, while it reads. */
    private long scanPosition = -1;

    JsonDocumentPass(ByteInput input, TraceSink sink, ReadContext ctx, boolean objectForm, Link link) {
        this.input = input;
        this.sink = sink;
        this.ctx = ctx;
        this.eventsPrefix = objectForm ? OBJECT_PREFIX : ARRAY_PREFIX;
        this.link = link;
        this.decoder = new ChromeEventDecoder(sink);
        this.scanning = input.isRandomAccess();
        this.bytes = scanning ? new ByteEventDecoder(sink) : null;
    }

    /**
     * After a run that stopped at its stop offset ({@link Outcome#VERIFIED}): the line number there,
     * counted from the {@code startLine} the run was given. -1 otherwise.
     */
    long stopLine() {
        return stopLine;
    }

    /**
     * Reads from {@code start} (whose line number is {@code startLine}) to the end of the input, or
     * until an event starts at {@code stopAt} (-1: no stop). {@code midDocument} says that
     * {@code start} is an event start inside the events array rather than the document's start.
     */
    Outcome run(long start, long startLine, boolean midDocument, long stopAt) throws IOException {
        stopLine = -1;
        stop = stopAt;
        progress = input.progressFrom(start);
        long pos = start;
        long line = startLine;
        String prefix = midDocument ? eventsPrefix : "";
        ScanFrom scanFrom = midDocument && scanning ? ScanFrom.eventAt(start, startLine) : null;
        try {
            while (true) {
                skipBefore = -1;
                if (scanFrom != null) {
                    Handover handover = scan(scanFrom);
                    reportProgress();
                    if (handover == null) {
                        return Outcome.VERIFIED;
                    }
                    pos = handover.pos();
                    line = handover.line();
                    skipBefore = handover.skipBefore();
                    prefix = eventsPrefix;
                    scanFrom = null;
                }
                TrackedStream in = new TrackedStream(input.openForParsing(pos, -1), pos, prefix);
                stream = in;
                segmentStart = pos;
                inEvents = false;
                eventStart = -1;
                decoder.setOrigin(pos - prefix.length(), line - 1);
                try (JsonParser p = ChromeJson.FACTORY.createParser(in)) {
                    return walk(p);
                } catch (SwitchToScan s) {
                    scanFrom = s.from;
                } catch (JsonProcessingException ex) {
                    long next = recover(ex, in, pos);
                    if (next < 0) {
                        return finish();
                    }
                    tick();
                    line += ByteScan.countLines(input, pos, next);
                    pos = next;
                    prefix = eventsPrefix;
                    scanFrom = scanning ? ScanFrom.eventAt(next, line) : null;
                } finally {
                    reportProgress();
                }
            }
        } catch (Abandoned a) {
            return Outcome.ABANDONED;
        } finally {
            if (window != null) {
                window.close();
            }
        }
    }

    /** Where a scan of the events array starts: at an event (or the array's end), or after the event at {@code lastStart}. */
    private record ScanFrom(long pos, long line, long lastStart, long lastLine) {
        static ScanFrom eventAt(long pos, long line) {
            return new ScanFrom(pos, line, -1, 0);
        }
    }

    /** Where Jackson takes over from a scan; events that start before {@code skipBefore} are already read. */
    private record Handover(long pos, long line, long skipBefore) {
    }

    /**
     * Reads events from bytes, from {@code from} on, until Jackson is needed. Returns where Jackson
     * takes over, or null when an event starts exactly at the stop offset (the split is verified).
     */
    private Handover scan(ScanFrom from) throws IOException {
        if (window == null) {
            window = new ScanWindow(input);
        }
        stream = null;
        ScanWindow w = window;
        int i = w.moveTo(from.pos());
        long line = from.line();
        long lastStart = from.lastStart();
        long lastLine = from.lastLine();
        long lastEnd = lastStart >= 0 ? from.pos() : -1;
        boolean expectEvent = lastStart < 0;
        boolean afterCr = false;
        scanPosition = from.pos();
        while (true) {
            if (i >= w.len) {
                int shift = w.more(i);
                if (shift < 0) {
                    return anomaly(w.offset(i), line, lastStart, lastLine, lastEnd);
                }
                i -= shift;
                continue;
            }
            byte c = w.buf[i];
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                if (c == '\r' || (c == '\n' && !afterCr)) {
                    line++;
                }
                afterCr = c == '\r';
                i++;
                continue;
            }
            afterCr = false;
            long offset = w.offset(i);
            if (!expectEvent && c == ',') {
                expectEvent = true;
                i++;
                continue;
            }
            if (c == ']') {
                return new Handover(offset, line, -1); // the array ends: Jackson reads the rest of the document
            }
            if (!expectEvent || c != '{') {
                return anomaly(offset, line, lastStart, lastLine, lastEnd);
            }
            if (stop >= 0 && offset >= stop) {
                if (offset == stop) {
                    scanPosition = offset;
                    stopLine = line;
                    return null;
                }
                missStop();
            }
            i -= w.keepAhead(i);
            int next = bytes.decode(w.buf, i, w.len, offset, line, event);
            if (next == ByteEventDecoder.INCOMPLETE) {
                int shift = w.more(i);
                if (shift < 0) {
                    return new Handover(offset, line, -1); // cut short: Jackson reports the truncation
                }
                i -= shift;
                continue;
            }
            if (next == ByteEventDecoder.BROKEN) {
                return new Handover(offset, line, -1); // Jackson reports the error and resynchronises
            }
            if (bytes.usable()) {
                sink.event(event);
                eventsRead++;
            } else {
                sink.malformed(event.line, event.offset, bytes.problem() + "; event skipped");
            }
            lastStart = offset;
            lastLine = line;
            line += bytes.lines();
            i = next;
            lastEnd = w.offset(i);
            expectEvent = false;
            scanPosition = lastEnd;
            tick();
        }
    }

    /**
     * Hands an unexpected byte at {@code offset} (or the end of the input) to Jackson so that it reports it
     * as a sequential parse would: from the start of the event read last, if any, which Jackson skips.
     */
    private static Handover anomaly(long offset, long line, long lastStart, long lastLine, long lastEnd) {
        return lastStart >= 0 ? new Handover(lastStart, lastLine, lastEnd) : new Handover(offset, line, -1);
    }

    /** Reports progress up to what has been read, but never past a stop not yet passed (the next chunk's bytes). */
    private void reportProgress() {
        long position = stream != null ? stream.position() : scanPosition;
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
                    case FlarescopeMember.KEY -> FlarescopeMember.read(decoder.jsonText(p), sink);
                    default -> sink.traceMetadata(key, decoder.jsonText(p));
                }
            }
        }
        checkNothingFollows(p);
        return finish();
    }

    /** Reads the events array; returns true when it stopped at the stop offset. */
    private boolean readEvents(JsonParser p) throws IOException {
        if (scanning) {
            JsonLocation bracket = p.currentTokenLocation();
            long offset = decoder.offsetOf(bracket);
            if (offset >= segmentStart) { // a bracket of the input, not the virtual one in front of it
                throw new SwitchToScan(ScanFrom.eventAt(offset + 1, decoder.lineOf(bracket)));
            }
        }
        inEvents = true;
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
            JsonLocation loc = p.currentTokenLocation();
            long offset = decoder.offsetOf(loc);
            if (offset < skipBefore) {
                p.skipChildren();
                continue;
            }
            if (stop >= 0 && offset >= stop) {
                if (offset == stop && t == JsonToken.START_OBJECT) {
                    stopLine = decoder.lineOf(loc);
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
            if (scanning) {
                JsonLocation after = p.currentLocation();
                throw new SwitchToScan(new ScanFrom(decoder.offsetOf(after), decoder.lineOf(after), offset, eventLine));
            }
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

    /** Unwinds the parser when the byte scan can take the events array over. */
    private static final class SwitchToScan extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient ScanFrom from;

        SwitchToScan(ScanFrom from) {
            super(null, null, false, false);
            this.from = from;
        }
    }

    /** Unwinds a chunk whose work an earlier chunk's failed verification made useless. */
    private static final class Abandoned extends RuntimeException {
        Abandoned() {
            super(null, null, false, false);
        }
    }
}
