package dev.flarescope.live;

import dev.flarescope.format.Format;
import dev.flarescope.format.InputException;
import dev.flarescope.format.InputSource;
import dev.flarescope.format.ReadContext;
import dev.flarescope.io.TraceLoader;
import dev.flarescope.model.ForwardingSink;
import dev.flarescope.model.RawEvent;
import dev.flarescope.model.RequestRecord;
import dev.flarescope.model.TraceSink;
import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;

/**
 * A received piece of one input (an HTTP body, the lines a file grew by, the lines a stream sent)
 * decoded by the normal reader of its format, so live data means exactly what the same bytes mean
 * when loaded from disk.
 *
 * <p>Pieces of a growing input are read one by one, so the reader sees line 1 and byte 0 at the start
 * of each. The batch shifts what it reports by where the piece starts in the whole input
 * ({@code firstLine}, {@code firstOffset}): problems name the real line of the file, and records that
 * had no id get the synthetic id their line in the whole input gives ({@code llm-metrics#1042}), so
 * two pieces never make two requests of one id.
 */
public final class ReaderBatch implements Batch {
    private final String name;
    private final byte[] bytes;
    private final Format format;
    private final long lineBase;
    private final long offsetBase;

    /**
     * @param firstLine   1-based line of the input the piece starts at
     * @param firstOffset byte offset of the input the piece starts at
     */
    ReaderBatch(String name, byte[] bytes, Format format, long firstLine, long firstOffset) {
        this.name = name;
        this.bytes = bytes;
        this.format = format;
        this.lineBase = firstLine - 1;
        this.offsetBase = firstOffset;
    }

    /** A whole input, or the first piece of one. */
    public ReaderBatch(String name, byte[] bytes, Format format) {
        this(name, bytes, format, 1, 0);
    }

    @Override
    public void writeTo(TraceSink sink) throws IOException, InputException {
        TraceSink target = lineBase == 0 && offsetBase == 0 ? sink : new ShiftingSink(sink, lineBase, offsetBase);
        TraceLoader.readerFor(format).read(InputSource.of(name, bytes), new SingleSinkContext(target));
    }

    /** Hands the one sink to the reader and keeps it sequential. */
    private record SingleSinkContext(TraceSink sink) implements ReadContext {
        @Override
        public TraceSink newSink() {
            return sink;
        }

        @Override
        public void discard(TraceSink s) {
            // a sequential reader never discards its only sink
        }

        @Override
        public ExecutorService executor() {
            return ForkJoinPool.commonPool();
        }

        @Override
        public int parallelism() {
            return 1;
        }

        @Override
        public void progressBytes(long n) {
            // live pieces are small; progress is the store's event count
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    }

    /** Moves lines and offsets of one piece to where the piece sits in the whole input. */
    private static final class ShiftingSink extends ForwardingSink {
        private final long lines;
        private final long offset;

        ShiftingSink(TraceSink sink, long lines, long offset) {
            super(sink);
            this.lines = lines;
            this.offset = offset;
        }

        @Override
        public void event(RawEvent e) {
            if (e.line > 0) {
                e.line += lines;
            }
            e.offset += offset;
            super.event(e);
        }

        @Override
        public void request(RequestRecord r) {
            if (r.line > 0) {
                String synthetic = r.sourceFormat + "#" + r.line;
                r.line += lines;
                if (r.id != null && r.id.startsWith(synthetic)
                        && (r.id.length() == synthetic.length() || r.id.charAt(synthetic.length()) == '/')) {
                    r.id = r.sourceFormat + "#" + r.line + r.id.substring(synthetic.length());
                }
            }
            super.request(r);
        }

        @Override
        public void malformed(long line, long off, String message) {
            super.malformed(line > 0 ? line + lines : line, off + offset, message);
        }

        @Override
        public void truncated(long off, String message) {
            super.truncated(off + offset, message);
        }
    }
}
