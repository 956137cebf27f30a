package dev.flarescope.format.chrome;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import dev.flarescope.model.RawEvent;
import dev.flarescope.model.TraceSink;
import java.io.IOException;

/**
 * Decodes the event object at a position of a byte buffer: with {@link EventScanner} when it can,
 * otherwise with {@link ChromeEventDecoder} over the same bytes, so the result is always the decoder's.
 * Syntax errors are not reported here: the caller hands the event to its Jackson pass, which reports
 * them (and recovers) exactly as it always has.
 */
final class ByteEventDecoder {
    /** {@link #decode} result: the buffer ends before the event does. */
    static final int INCOMPLETE = EventScanner.INCOMPLETE;
    /** {@link #decode} result: the event is not valid JSON. */
    static final int BROKEN = -3;

    private final EventScanner scanner;
    private final ChromeEventDecoder decoder;
    private boolean usable;
    private long lines;

    ByteEventDecoder(TraceSink sink) {
        this.scanner = new EventScanner(sink);
        this.decoder = new ChromeEventDecoder(sink);
    }

    /**
     * Decodes the event whose opening brace is {@code buf[from]}, at input {@code offset} on {@code line},
     * reading no further than {@code to}. Returns the index after it, {@link #INCOMPLETE} or
     * {@link #BROKEN}. After a decode, {@link #usable()} says whether {@code e} is an event or a
     * problem ({@link #problem()}), and {@link #lines()} counts the line breaks inside it.
     */
    int decode(byte[] buf, int from, int to, long offset, long line, RawEvent e) throws IOException {
        int next = scanner.decode(buf, from, to, e);
        if (next >= 0) {
            e.offset = offset;
            e.line = line;
            usable = true;
            lines = scanner.lines();
            return next;
        }
        if (next == INCOMPLETE) {
            return INCOMPLETE;
        }
        decoder.setOrigin(offset, line - 1);
        try (JsonParser p = ChromeJson.FACTORY.createParser(buf, from, to - from)) {
            p.nextToken();
            usable = decoder.decode(p, e);
            JsonLocation after = p.currentLocation();
            lines = after.getLineNr() - 1;
            return from + (int) after.getByteOffset();
        } catch (JsonEOFException ex) {
            return INCOMPLETE;
        } catch (JsonProcessingException ex) {
            return BROKEN;
        }
    }

    boolean usable() {
        return usable;
    }

    /** Why the last event was not usable. */
    String problem() {
        return decoder.problem();
    }

    long lines() {
        return lines;
    }
}
