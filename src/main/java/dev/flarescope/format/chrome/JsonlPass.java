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

    JsonlPass(ByteInput input, TraceSink sink, ReadContext ctx) {
        this.input = input;
        this.sink = sink;
        this.ctx = ctx;
        this.decoder = new ChromeEventDecoder(sink);
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
            int valueStart = -1;
            decoder.setOrigin(bufOffset + pos, line - 1);
            try (JsonParser p = ChromeJson.FACTORY.createParser(buf, pos, to - pos)) {
                JsonToken t;
                while ((t = p.nextToken()) != null) {
                    JsonLocation loc = p.currentTokenLocation();
                    valueStart = pos + (int) loc.getByteOffset();
                    if (t == JsonToken.START_ARRAY) {
                        while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
                            event(p, p.currentTokenLocation());
                        }
                    } else {
                        event(p, loc);
                    }
                    valueStart = -1;
                }
                line += p.currentLocation().getLineNr() - 1;
                return to;
            } catch (JsonProcessingException ex) {
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

    private void event(JsonParser p, JsonLocation start) throws IOException {
        if (decoder.decode(p, event, start, false)) {
            sink.event(event);
        } else {
            sink.malformed(event.line, event.offset, "line " + event.line + ": " + decoder.problem() + "; event skipped");
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
