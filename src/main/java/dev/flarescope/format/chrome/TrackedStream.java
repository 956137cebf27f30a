package dev.flarescope.format.chrome;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The stream a pass parses: optional virtual leading bytes (the brackets that put a parser started
 * in the middle of an events array at the right depth) followed by the input from a file offset. It
 * remembers where the input ended and its last bytes, so that a syntax error can be told apart from
 * a document cut off in the middle of a token.
 */
final class TrackedStream extends InputStream {
    private static final int TAIL = 64;

    private final InputStream in;
    private final byte[] prefix;
    private int prefixPos;
    /** File offset of the next input byte. */
    private long position;
    private boolean eof;
    private final byte[] tail = new byte[TAIL];
    private int tailLen;

    TrackedStream(InputStream in, long start, String prefix) {
        this.in = in;
        this.prefix = prefix.getBytes(StandardCharsets.US_ASCII);
        this.position = start;
    }

    /** File offset of the next input byte the parser will get: how far the input has been read. */
    long position() {
        return position;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (prefixPos < prefix.length) {
            int n = Math.min(len, prefix.length - prefixPos);
            System.arraycopy(prefix, prefixPos, b, off, n);
            prefixPos += n;
            return n;
        }
        int n = in.read(b, off, len);
        if (n < 0) {
            eof = true;
            return -1;
        }
        position += n;
        remember(b, off, n);
        return n;
    }

    private void remember(byte[] b, int off, int n) {
        if (n >= TAIL) {
            System.arraycopy(b, off + n - TAIL, tail, 0, TAIL);
            tailLen = TAIL;
            return;
        }
        int keep = Math.min(tailLen, TAIL - n);
        System.arraycopy(tail, tailLen - keep, tail, 0, keep);
        System.arraycopy(b, off, tail, keep, n);
        tailLen = keep + n;
    }

    /**
     * True when a syntax error at file offset {@code errorOffset} is explained by the input ending:
     * the parser read to the end and nothing but one unfinished token lies between the error and the end.
     */
    boolean endsInsideToken(long errorOffset) {
        if (!eof) {
            return false;
        }
        long distance = position - errorOffset;
        if (distance <= 0) {
            return true;
        }
        if (distance > tailLen) {
            return false;
        }
        for (int i = tailLen - (int) distance; i < tailLen; i++) {
            byte c = tail[i];
            if (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == ',' || c == ':'
                    || c == '{' || c == '}' || c == '[' || c == ']') {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
