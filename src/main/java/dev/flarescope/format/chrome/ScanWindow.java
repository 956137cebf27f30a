package dev.flarescope.format.chrome;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * A window of an input's bytes that slides forward, for the byte-level scan of an events array:
 * the input is copied in blocks that stay in cache while they are scanned. Moving to an offset the
 * window already holds costs nothing, so switching between the scan and Jackson for an odd event
 * does not re-read the input.
 */
final class ScanWindow implements Closeable {
    private static final int BLOCK = 1 << 18;
    /**
     * Bytes that should be ahead of an event before it is decoded. Refilling before the window runs
     * that low means events rarely straddle its end, so the scanner seldom gives up on one half-read
     * (an exit path that, when taken at a new place, also costs recompiling the scanner's hot code).
     */
    private static final int AHEAD = 1 << 14;

    private final ByteInput input;
    private InputStream in;
    private long base;
    private boolean eof;
    byte[] buf = new byte[BLOCK];
    /** Bytes held: {@code buf[0, len)} are the input from {@link #offset(int) offset(0)}. */
    int len;

    ScanWindow(ByteInput input) {
        this.input = input;
    }

    /** Makes the input at {@code pos} available and returns its index in {@link #buf}. */
    int moveTo(long pos) throws IOException {
        if (in != null && pos >= base && pos <= base + len) {
            return (int) (pos - base);
        }
        close();
        in = input.openAt(pos);
        base = pos;
        len = 0;
        eof = false;
        fill();
        return 0;
    }

    /**
     * Refills when fewer than {@link #AHEAD} bytes follow index {@code i}; returns by how much indexes
     * moved down (0 when nothing was done).
     */
    int keepAhead(int i) throws IOException {
        if (len - i >= AHEAD || eof) {
            return 0;
        }
        return Math.max(0, more(i));
    }

    /** Input offset of {@code buf[index]}. */
    long offset(int index) {
        return base + index;
    }

    /**
     * Drops the bytes before index {@code keep} and reads more (growing the buffer when {@code keep}
     * is 0 and it is full). Returns by how much indexes moved down, or -1 (and changes nothing) when
     * the input has been read to its end.
     */
    int more(int keep) throws IOException {
        if (eof) {
            return -1;
        }
        System.arraycopy(buf, keep, buf, 0, len - keep);
        len -= keep;
        base += keep;
        if (len == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        fill();
        return keep;
    }

    private void fill() throws IOException {
        while (len < buf.length) {
            int n = in.read(buf, len, buf.length - len);
            if (n < 0) {
                eof = true;
                return;
            }
            len += n;
        }
    }

    @Override
    public void close() throws IOException {
        if (in != null) {
            in.close();
            in = null;
        }
    }
}
