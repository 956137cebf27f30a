package dev.flarescope.format;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Decompresses gzip input with a bound on how far it may expand, so that a small crafted file (a
 * "gzip bomb": deflate reaches about 1000 to 1) cannot keep a reader busy for hours or fill the heap.
 *
 * <p>The bound is {@value #MAX_RATIO} times the compressed size, and never less than
 * {@value #MIN_LIMIT_MB} MB: real traces compress 5 to 30 times, so no real trace comes near it. Past
 * the bound reading stops with {@link TooLarge}, whose message the loader shows for that input.
 */
public final class GzipInput {
    /** How many times its compressed size an input may expand to. */
    public static final int MAX_RATIO = 100;
    /** The bound for small inputs, in MB. */
    public static final long MIN_LIMIT_MB = 1024;

    private GzipInput() {
    }

    /** The most decompressed bytes read from gzip data of {@code storedSize} bytes. */
    public static long limitFor(long storedSize) {
        long byRatio = storedSize > Long.MAX_VALUE / MAX_RATIO ? Long.MAX_VALUE : storedSize * MAX_RATIO;
        return Math.max(MIN_LIMIT_MB << 20, byRatio);
    }

    /** Decompresses {@code raw}, gzip data of {@code storedSize} bytes, up to {@link #limitFor}. */
    public static InputStream open(InputStream raw, long storedSize) throws IOException {
        return new Bounded(new GZIPInputStream(raw, 1 << 16), storedSize, limitFor(storedSize));
    }

    /** Reading went past the expansion bound. */
    public static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge(long storedSize, long limit) {
            super(String.format(Locale.ROOT, "gzip data expands past %,d MB, the limit for %,d compressed bytes "
                    + "(%d times the compressed size, at least %,d MB): reading stopped as a guard against a "
                    + "decompression bomb; decompress the file yourself to read it anyway", limit >> 20, storedSize,
                    MAX_RATIO, MIN_LIMIT_MB));
        }
    }

    /** Counts decompressed bytes and fails on the first byte past the bound. */
    private static final class Bounded extends FilterInputStream {
        private final long storedSize;
        private final long limit;
        private long count;

        Bounded(InputStream in, long storedSize, long limit) {
            super(in);
            this.storedSize = storedSize;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                advance(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                advance(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = in.skip(n);
            if (skipped > 0) {
                advance(skipped);
            }
            return skipped;
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        private void advance(long n) throws TooLarge {
            count += n;
            if (count > limit) {
                throw new TooLarge(storedSize, limit);
            }
        }
    }
}
