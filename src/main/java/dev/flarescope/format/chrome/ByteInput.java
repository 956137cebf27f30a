package dev.flarescope.format.chrome;

import dev.flarescope.format.GzipInput;
import dev.flarescope.format.InputSource;
import dev.flarescope.format.ReadContext;
import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The decompressed bytes of one input, readable from any offset. Plain files are memory-mapped and
 * in-memory bodies are used in place, so opening at an offset is free and ranges can be read on
 * several threads at once; compressed inputs are re-decompressed from the start when a reader needs
 * to go back (rare: only to resynchronise after a syntax error).
 */
abstract class ByteInput implements Closeable {
    private static final int PROGRESS_STEP = 1 << 20;

    private final ReadContext ctx;

    ByteInput(ReadContext ctx) {
        this.ctx = ctx;
    }

    static ByteInput open(InputSource source, ReadContext ctx) throws IOException {
        if (source.isGzip()) {
            return new Compressed(source, ctx);
        }
        if (source.bytes() != null) {
            return new InMemory(source.bytes(), ctx);
        }
        return new Mapped(source.path(), ctx);
    }

    /** True when {@link #openAt} is cheap and {@link #length} is known, so the input can be split. */
    abstract boolean isRandomAccess();

    /** Decompressed length, or -1 when unknown. */
    abstract long length();

    /** The bytes from {@code pos} up to {@code end} (exclusive; -1 for the end of input). */
    abstract InputStream openAt(long pos, long end) throws IOException;

    InputStream openAt(long pos) throws IOException {
        return openAt(pos, -1);
    }

    /**
     * Same as {@link #openAt}, for the stream a pass parses. A compressed input counts the stored bytes
     * it consumes as progress itself (only when reading from the start, so that a re-read to
     * resynchronise does not count twice); for the others, the pass reports positions to a
     * {@link Progress}.
     */
    InputStream openForParsing(long pos, long end) throws IOException {
        return openAt(pos, end);
    }

    /** Progress reporting for a pass that starts reading at {@code start}. */
    Progress progressFrom(long start) {
        return new Progress(ctx, start);
    }

    /**
     * Reports how far a pass has read, as positions that only move forward, so that re-reading after
     * an error or reading ahead of a stop never counts a byte twice.
     */
    static class Progress {
        private final ReadContext ctx;
        private long mark;

        Progress(ReadContext ctx, long start) {
            this.ctx = ctx;
            this.mark = start;
        }

        /** The pass has consumed the input up to {@code position}. */
        void advanceTo(long position) {
            if (position > mark) {
                ctx.progressBytes(position - mark);
                mark = position;
            }
        }
    }

    @Override
    public void close() throws IOException {
    }

    /** Wraps {@code in} so that the bytes read through it are reported as progress in 1 MiB steps. */
    final InputStream countingProgress(InputStream in) {
        return new InputStream() {
            private long pending;

            @Override
            public int read() throws IOException {
                int b = in.read();
                if (b >= 0) {
                    count(1);
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = in.read(b, off, len);
                if (n > 0) {
                    count(n);
                }
                return n;
            }

            private void count(int n) {
                pending += n;
                if (pending >= PROGRESS_STEP) {
                    ctx.progressBytes(pending);
                    pending = 0;
                }
            }

            @Override
            public void close() throws IOException {
                if (pending > 0) {
                    ctx.progressBytes(pending);
                    pending = 0;
                }
                in.close();
            }
        };
    }

    /** A body already in memory (live ingest, tests). */
    private static final class InMemory extends ByteInput {
        private final byte[] bytes;

        InMemory(byte[] bytes, ReadContext ctx) {
            super(ctx);
            this.bytes = bytes;
        }

        @Override
        boolean isRandomAccess() {
            return true;
        }

        @Override
        long length() {
            return bytes.length;
        }

        @Override
        InputStream openAt(long pos, long end) {
            int from = (int) Math.min(pos, bytes.length);
            int to = end < 0 ? bytes.length : (int) Math.min(end, bytes.length);
            return new ByteArrayInputStream(bytes, from, Math.max(0, to - from));
        }
    }

    /** A plain file, mapped read-only in segments of up to 1 GiB so that files above 2 GiB work. */
    private static final class Mapped extends ByteInput {
        private static final int SEGMENT_BITS = 30;
        private static final long SEGMENT_SIZE = 1L << SEGMENT_BITS;

        private final MappedByteBuffer[] segments;
        private final long length;

        Mapped(Path path, ReadContext ctx) throws IOException {
            super(ctx);
            try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
                length = ch.size();
                int n = (int) ((length + SEGMENT_SIZE - 1) >>> SEGMENT_BITS);
                segments = new MappedByteBuffer[n];
                for (int i = 0; i < n; i++) {
                    long start = (long) i << SEGMENT_BITS;
                    segments[i] = ch.map(FileChannel.MapMode.READ_ONLY, start, Math.min(SEGMENT_SIZE, length - start));
                }
            }
        }

        @Override
        boolean isRandomAccess() {
            return true;
        }

        @Override
        long length() {
            return length;
        }

        @Override
        InputStream openAt(long pos, long end) {
            long limit = end < 0 ? length : Math.min(end, length);
            return new InputStream() {
                private long position = Math.min(pos, limit);

                @Override
                public int read() {
                    if (position >= limit) {
                        return -1;
                    }
                    int b = segments[(int) (position >>> SEGMENT_BITS)].get((int) (position & (SEGMENT_SIZE - 1))) & 0xff;
                    position++;
                    return b;
                }

                @Override
                public int read(byte[] dst, int off, int len) {
                    if (len == 0) {
                        return 0;
                    }
                    if (position >= limit) {
                        return -1;
                    }
                    int segmentOffset = (int) (position & (SEGMENT_SIZE - 1));
                    MappedByteBuffer segment = segments[(int) (position >>> SEGMENT_BITS)];
                    int n = (int) Math.min(Math.min(len, limit - position), segment.limit() - segmentOffset);
                    segment.get(segmentOffset, dst, off, n);
                    position += n;
                    return n;
                }

                @Override
                public int available() {
                    return (int) Math.min(Integer.MAX_VALUE, limit - position);
                }
            };
        }
    }

    /** A gzip file or body: only readable forwards, so opening at an offset decompresses up to it. */
    private static final class Compressed extends ByteInput {
        private final InputSource source;

        Compressed(InputSource source, ReadContext ctx) {
            super(ctx);
            this.source = source;
        }

        @Override
        boolean isRandomAccess() {
            return false;
        }

        @Override
        long length() {
            return -1;
        }

        @Override
        InputStream openAt(long pos, long end) throws IOException {
            return open(pos, end, false);
        }

        @Override
        InputStream openForParsing(long pos, long end) throws IOException {
            return open(pos, end, pos == 0);
        }

        @Override
        Progress progressFrom(long start) {
            return new Progress(null, start) {
                @Override
                void advanceTo(long position) {
                    // counted on the compressed stream instead
                }
            };
        }

        private InputStream open(long pos, long end, boolean countProgress) throws IOException {
            InputStream raw = source.path() != null
                    ? Files.newInputStream(source.path())
                    : new ByteArrayInputStream(source.bytes());
            if (countProgress) {
                raw = countingProgress(raw);
            }
            InputStream in = GzipInput.open(raw, source.size());
            in.skipNBytes(pos);
            return end < 0 ? in : new Limited(in, end - pos);
        }
    }

    private static final class Limited extends InputStream {
        private final InputStream in;
        private long remaining;

        Limited(InputStream in, long remaining) {
            this.in = in;
            this.remaining = remaining;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                remaining--;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (remaining <= 0) {
                return len == 0 ? 0 : -1;
            }
            int n = in.read(b, off, (int) Math.min(len, remaining));
            if (n > 0) {
                remaining -= n;
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
