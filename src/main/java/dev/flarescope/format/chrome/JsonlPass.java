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
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads a range of a one-event-per-line input into one sink.
 *
 * <p>The range is read in blocks of whole lines, and each block is parsed by one parser as a
 * sequence of root values, so the cost of a parser is paid per block rather than per line. A syntax
 * error costs the line where the broken value starts: it is reported with its line number, and a new
 * parser starts at the next line of the same block. A root value that runs past the block's last line
 * is carried into the next block; at the very end of the input, a last line without a line break that
 * does not parse is a cut line and is reported as truncation.
 *
 * <p>On inputs that can be re-read from any offset (files, in-memory bodies), lines that hold one event
 * each are decoded from the block's bytes ({@link ByteEventDecoder}) and Jackson parses only the other
 * lines, from their line start, as it would in a sequential parse. When a line starts with a scanned
 * event but goes on with something else, Jackson takes the line from its start and skips that event,
 * so errors are reported with the same lines and offsets.
 */
final class JsonlPass {
    private static final int INITIAL_BUFFER = 1 << 20;

    private final ByteInput input;
    private final TraceSink sink;
    private final ReadContext ctx;
    private final ChromeEventDecoder decoder;
    private final RawEvent event = new RawEvent();
    private long ticks;
    /** Line number of the first byte not yet consumed. */
    private long line;
    /** Decodes events from bytes when the input can be re-read (null: Jackson parses everything). */
    private final ByteEventDecoder bytes;
    /** Index in the block before which root values were already read by the scan; Jackson skips them. */
    private int skipBefore = -1;

    JsonlPass(ByteInput input, TraceSink sink, ReadContext ctx) {
        this.input = input;
        this.sink = sink;
        this.ctx = ctx;
        this.decoder = new ChromeEventDecoder(sink);
        this.bytes = input.isRandomAccess() ? new ByteEventDecoder(sink) : null;
    }

    /**
     * Reads {@code [start, end)} ({@code end} -1: to the end of input); {@code start} begins line
     * {@code startLine}. {@code endsInput} says the range ends where the input does.
     */
    void run(long start, long end, long startLine, boolean endsInput) throws IOException {
        line = startLine;
        byte[] buf = new byte[INITIAL_BUFFER];
        int len = 0;
        long bufOffset = start;
        boolean eof = false;
        ByteInput.Progress progress = input.progressFrom(start);
        try (InputStream in = input.openForParsing(start, end)) {
            while (true) {
                while (!eof && len < buf.length) {
                    int n = in.read(buf, len, buf.length - len);
                    if (n < 0) {
                        eof = true;
                    } else {
                        len += n;
                    }
                }
                int blockEnd = eof ? len : lastLineEnd(buf, len);
                int consumed = blockEnd == 0 ? 0 : parseBlock(buf, blockEnd, bufOffset, eof && endsInput, eof);
                System.arraycopy(buf, consumed, buf, 0, len - consumed);
                len -= consumed;
                bufOffset += consumed;
                progress.advanceTo(bufOffset);
                if (eof && (len == 0 || consumed == 0)) {
                    return;
                }
                if (len == buf.length) {
                    buf = Arrays.copyOf(buf, buf.length * 2); // a line longer than the buffer
                }
            }
        }
    }

    private static int lastLineEnd(byte[] buf, int len) {
        for (int i = len - 1; i >= 0; i--) {
            if (buf[i] == '\n') {
                return i + 1;
            }
        }
        return 0;
    }

    /**
     * Parses {@code buf[0, to)} whose first byte is at input offset {@code bufOffset}; returns how
     * many bytes were consumed ({@code to}, or less when a value runs past {@code to} and must be
     * carried into the next block). {@code cutMayEnd}: a last line without line break is a cut line.
     */
    private int parseBlock(byte[] buf, int to, long bufOffset, boolean cutMayEnd, boolean finalBlock) throws IOException {
        int pos = 0;
        while (pos < to) {
            if (bytes != null) {
                pos = scanLines(buf, pos, to, bufOffset);
                if (pos >= to) {
                    return to;
                }
            }
            int valueStart = -1;
            decoder.setOrigin(bufOffset + pos, line - 1);
            try (JsonParser p = ChromeJson.FACTORY.createParser(buf, pos, to - pos)) {
                JsonToken t;
                int resumeAt = -1;
                while (resumeAt < 0 && (t = p.nextToken()) != null) {
                    JsonLocation loc = p.currentTokenLocation();
                    valueStart = pos + (int) loc.getByteOffset();
                    if (valueStart < skipBefore) {
                        p.skipChildren();
                    } else if (t == JsonToken.START_ARRAY) {
                        while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
                            event(p, p.currentTokenLocation());
                        }
                    } else {
                        event(p, loc);
                    }
                    valueStart = -1;
                    if (bytes != null) {
                        resumeAt = nextLineIfBlank(buf, pos + (int) p.currentLocation().getByteOffset(), to);
                    }
                }
                skipBefore = -1;
                line += p.currentLocation().getLineNr() - 1;
                if (resumeAt < 0) {
                    return to;
                }
                line++; // the line break that ends the value's line
                pos = resumeAt;
            } catch (JsonProcessingException ex) {
                skipBefore = -1;
                JsonLocation where = ex.getLocation();
                int errorAt = where == null ? to : (int) Math.min(to, pos + where.getByteOffset());
                int failAt = valueStart >= 0 ? valueStart : Math.min(errorAt, to - 1);
                int lineStart = lineStart(buf, pos, failAt);
                int lineEnd = indexOfNewline(buf, failAt, to);
                long failLine = line + ByteScan.countLines(buf, pos, lineStart, false);
                boolean atBlockEnd = ex instanceof JsonEOFException || errorAt >= to;
                if (atBlockEnd && !finalBlock) {
                    line = failLine;
                    return lineStart; // the value goes on in the next block
                }
                if (lineEnd < 0 && cutMayEnd) {
                    sink.truncated(bufOffset + lineStart, "the last line (" + failLine
                            + ") is cut off: " + ChromeJson.describe(ex));
                    return to;
                }
                sink.malformed(failLine, bufOffset + lineStart, "line " + failLine + " is not valid JSON ("
                        + ChromeJson.describe(ex) + "); skipped");
                line = failLine + 1;
                pos = lineEnd < 0 ? to : lineEnd + 1;
            }
        }
        return to;
    }

    /**
     * Reads lines of one event each from bytes, starting at line start {@code pos}. Returns the start of
     * the first line that needs Jackson (setting {@link #skipBefore} when its event was read already),
     * or {@code to}.
     */
    private int scanLines(byte[] buf, int pos, int to, long bufOffset) throws IOException {
        while (pos < to) {
            int i = pos;
            while (i < to && (buf[i] == ' ' || buf[i] == '\t')) {
                i++;
            }
            int next = nextLineIfBlank(buf, i, to);
            if (next >= 0) {
                line++; // a blank line
                pos = next;
                continue;
            }
            if (i >= to || buf[i] != '{') {
                return pos;
            }
            int end = bytes.decode(buf, i, to, bufOffset + i, line, event);
            if (end < 0) {
                return pos; // incomplete or broken: Jackson carries or reports it
            }
            emit(event, bytes.usable(), bytes.problem());
            next = nextLineIfBlank(buf, end, to);
            if (next < 0) {
                skipBefore = end;
                return pos;
            }
            line += bytes.lines() + 1;
            pos = next;
        }
        return pos;
    }

    /** The start of the next line when only blanks follow {@code i} on its line, else -1. */
    private static int nextLineIfBlank(byte[] buf, int i, int to) {
        while (i < to && (buf[i] == ' ' || buf[i] == '\t')) {
            i++;
        }
        if (i < to && buf[i] == '\r') {
            i++;
        }
        return i < to && buf[i] == '\n' ? i + 1 : -1;
    }

    private void event(JsonParser p, JsonLocation start) throws IOException {
        emit(event, decoder.decode(p, event, start, false), decoder.problem());
    }

    private void emit(RawEvent e, boolean usable, String problem) {
        if (usable) {
            sink.event(e);
        } else {
            sink.malformed(e.line, e.offset, "line " + e.line + ": " + problem + "; event skipped");
        }
        if (++ticks % ChromeJson.CHECK_INTERVAL == 0) {
            ctx.checkCancelled();
        }
    }

    private static int lineStart(byte[] buf, int from, int at) {
        for (int i = at - 1; i >= from; i--) {
            if (buf[i] == '\n') {
                return i + 1;
            }
        }
        return from;
    }

    private static int indexOfNewline(byte[] buf, int from, int to) {
        for (int i = from; i < to; i++) {
            if (buf[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
