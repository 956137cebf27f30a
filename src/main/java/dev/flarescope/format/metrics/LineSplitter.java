package dev.flarescope.format.metrics;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines without decoding it, so that every line keeps its exact byte offset
 * (what {@link dev.flarescope.model.TraceSink#malformed} reports) and JSON parsers can read the bytes
 * in place. Handles {@code \n} and {@code \r\n} endings, skips a UTF-8 byte order mark, and grows its
 * buffer for lines longer than a block.
 */
public final class LineSplitter {
    /** Receives one line; {@code buf} is only valid during the call. */
    @FunctionalInterface
    public interface Handler {
        /**
         * @param number 1-based line number
         * @param offset byte offset of the line's first byte
         * @param terminated false for a last line that ended without a newline (possibly cut short)
         */
        void line(byte[] buf, int start, int len, long number, long offset, boolean terminated) throws IOException;
    }

    private static final int BLOCK = 1 << 16;

    private LineSplitter() {
    }

    /** Feeds every line of {@code in} to {@code handler}; returns the number of bytes read. */
    public static long split(InputStream in, Handler handler) throws IOException {
        byte[] buf = new byte[BLOCK];
        int end = 0;          // valid bytes in buf
        int lineStart = 0;    // start of the current line in buf
        int scan = 0;         // where to continue looking for '\n'
        long bufBase = 0;     // input offset of buf[0]
        long lineNumber = 1;
        boolean first = true;
        while (true) {
            int n = in.read(buf, end, buf.length - end);
            if (n < 0) {
                break;
            }
            end += n;
            if (first && end >= 3) {
                first = false;
                if ((buf[0] & 0xff) == 0xEF && (buf[1] & 0xff) == 0xBB && (buf[2] & 0xff) == 0xBF) {
                    lineStart = 3;
                    scan = 3;
                }
            }
            for (int i = scan; i < end; i++) {
                if (buf[i] == '\n') {
                    int len = i - lineStart;
                    if (len > 0 && buf[i - 1] == '\r') {
                        len--;
                    }
                    handler.line(buf, lineStart, len, lineNumber++, bufBase + lineStart, true);
                    lineStart = i + 1;
                }
            }
            scan = end;
            if (end == buf.length) {
                int pending = end - lineStart;
                if (lineStart == 0) {
                    buf = Arrays.copyOf(buf, buf.length * 2);
                } else {
                    System.arraycopy(buf, lineStart, buf, 0, pending);
                    bufBase += lineStart;
                    lineStart = 0;
                    scan = pending;
                    end = pending;
                }
            }
        }
        if (lineStart < end) {
            int len = end - lineStart;
            if (buf[end - 1] == '\r') {
                len--;
            }
            handler.line(buf, lineStart, len, lineNumber, bufBase + lineStart, false);
        }
        return bufBase + end;
    }

    /** True when the bytes are only spaces, tabs or carriage returns. */
    public static boolean isBlank(byte[] buf, int start, int len) {
        for (int i = start; i < start + len; i++) {
            byte b = buf[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }
}
