package dev.flarescope.format.metrics;

import dev.flarescope.format.ReadContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reports every byte read to {@link ReadContext#progressBytes} and stops with a
 * {@link java.util.concurrent.CancellationException} once the user cancels. Wrapping the stream once
 * keeps progress and cancellation out of every reader's parsing loop; reads come in blocks of
 * kilobytes, so the check costs nothing measurable.
 */
public final class ProgressInputStream extends FilterInputStream {
    private final ReadContext ctx;

    public ProgressInputStream(InputStream in, ReadContext ctx) {
        super(in);
        this.ctx = ctx;
    }

    @Override
    public int read() throws IOException {
        ctx.checkCancelled();
        int b = super.read();
        if (b >= 0) {
            ctx.progressBytes(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        ctx.checkCancelled();
        int n = super.read(b, off, len);
        if (n > 0) {
            ctx.progressBytes(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        ctx.progressBytes(skipped);
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
