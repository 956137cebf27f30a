package dev.flarescope.format.chrome;

import dev.flarescope.format.InputException;
import dev.flarescope.format.InputSource;
import dev.flarescope.format.ReadContext;
import dev.flarescope.format.TraceReader;
import dev.flarescope.model.TraceSink;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads Chrome Trace Event Format JSON: the array form {@code [ev, ...]} and the object form
 * {@code {"traceEvents": [...], ...}} with its other members in any order ({@code stackFrames},
 * {@code samples}, {@code metadata}, {@code otherData}, {@code displayTimeUnit}, unknown keys).
 *
 * <p>Traces are often written by processes that crash or are killed, so the reader keeps whatever is
 * complete: a document cut anywhere yields its complete events plus a truncation report, a bad event
 * is reported and skipped. Only input that is not a JSON array or object at all is refused.
 *
 * <p>Large uncompressed inputs are read in parallel: the file is cut at byte offsets (a few chunks per
 * reading thread, which take the next chunk as they finish one) moved forward to the next "closing
 * brace, comma, opening brace" (an event start in the usual layouts), each range is parsed into its own
 * sink, and each chunk checks that the next chunk really started on an event of the events array. When
 * a check fails (the cut fell inside a string or a nested array), the later chunks are discarded and
 * the checking chunk reads on to the end, so the result is always that of a sequential read.
 *
 * <p>Line numbers count from the start of the input. In parallel reads each chunk numbers its lines
 * from 1 and notes the line at which the next chunk starts; once all are read, each chunk's sink moves
 * its lines by the lines of the chunks before it ({@link TraceSink#shiftLines}), so no chunk waits to
 * count the lines before it. Messages therefore never quote line numbers.
 */
public final class ChromeJsonReader implements TraceReader {
    private static final int UTF8_BOM_LENGTH = 3;
    /**
     * Chunks per reading thread: cut finer than one per thread, so that a thread that finishes early
     * takes another chunk instead of waiting for the slowest one.
     */
    private static final int CHUNKS_PER_THREAD = 4;
    /** The smallest chunk worth a sink of its own. */
    private static final long MIN_CHUNK_BYTES = 4L << 20;

    @Override
    public void read(InputSource source, ReadContext ctx) throws IOException, InputException {
        try (ByteInput input = ByteInput.open(source, ctx)) {
            DocumentStart doc = DocumentStart.probe(input, source.name());
            if (input.isRandomAccess() && ctx.parallelism() > 1 && input.length() >= ChromeJson.MIN_PARALLEL_BYTES) {
                long[] starts = splitPoints(input, doc.start(), chunks(input.length(), ctx.parallelism()));
                if (starts.length > 1) {
                    readParallel(input, doc, starts, ctx);
                    return;
                }
            }
            new JsonDocumentPass(input, ctx.newSink(), ctx, doc.objectForm(), JsonDocumentPass.Link.NONE)
                    .run(doc.start(), 1, false, -1);
        }
    }

    /** Where the document starts (after a byte order mark) and which form it has. */
    private record DocumentStart(long start, boolean objectForm) {
        static DocumentStart probe(ByteInput input, String name) throws IOException, InputException {
            try (InputStream in = input.openAt(0)) {
                long offset = 0;
                int b = in.read();
                if (b == 0xEF) {
                    if (in.read() != 0xBB || in.read() != 0xBF) {
                        throw notJson(name, 0, "a byte 0xEF that does not start a UTF-8 byte order mark");
                    }
                    offset = UTF8_BOM_LENGTH;
                    b = in.read();
                }
                long start = offset;
                while (b == ' ' || b == '\n' || b == '\r' || b == '\t') {
                    offset++;
                    b = in.read();
                }
                if (b < 0) {
                    throw new InputException(name, offset,
                            "the input is empty: expected a Chrome trace (a JSON array '[' or object '{' of events)");
                }
                if (b != '[' && b != '{') {
                    throw notJson(name, offset, describeByte(b));
                }
                return new DocumentStart(start, b == '{');
            }
        }

        private static InputException notJson(String name, long offset, String found) {
            return new InputException(name, offset, "not a Chrome JSON trace: expected '[' or '{' but found " + found);
        }

        private static String describeByte(int b) {
            return b >= 0x20 && b < 0x7F ? "'" + (char) b + "'" : String.format("byte 0x%02X", b);
        }
    }

    /**
     * How many chunks a parallel read of {@code length} bytes cuts: a multiple of the threads, up to
     * {@link #CHUNKS_PER_THREAD} each while chunks stay at least {@link #MIN_CHUNK_BYTES} long.
     */
    static int chunks(long length, int threads) {
        long perThread = Math.max(1, Math.min(CHUNKS_PER_THREAD, length / ((long) threads * MIN_CHUNK_BYTES)));
        return (int) (threads * perThread);
    }

    /** Chunk starts: {@code start}, then each 1/parts of the input moved forward to the next event start. */
    private static long[] splitPoints(ByteInput input, long start, int parts) throws IOException {
        long length = input.length();
        long[] starts = new long[parts];
        starts[0] = start;
        int n = 1;
        for (int k = 1; k < parts; k++) {
            long from = Math.max(length / parts * k, starts[n - 1] + 1);
            long candidate = ByteScan.nextEventStart(input, from);
            if (candidate < 0) {
                break;
            }
            starts[n++] = candidate;
        }
        return java.util.Arrays.copyOf(starts, n);
    }

    private static void readParallel(ByteInput input, DocumentStart doc, long[] starts, ReadContext ctx) throws IOException {
        int n = starts.length;
        TraceSink[] sinks = new TraceSink[n];
        for (int k = 0; k < n; k++) {
            sinks[k] = ctx.newSink(); // in file order: the model joins sinks in creation order
        }
        AtomicInteger firstFailed = new AtomicInteger(n);
        Throwable[] errors = new Throwable[n];
        long[] stopLines = new long[n]; // each chunk's line count up to the next chunk, numbered from 1
        // every reading thread, this one included, takes the next chunk not taken until none is left
        AtomicInteger next = new AtomicInteger();
        Runnable reader = () -> {
            for (int k = next.getAndIncrement(); k < n; k = next.getAndIncrement()) {
                if (firstFailed.get() < k) {
                    continue; // a chunk before this one failed or reads on over it: its work is not needed
                }
                try {
                    stopLines[k] = readChunk(input, doc, starts, k, sinks[k], ctx, firstFailed);
                } catch (IOException | RuntimeException | Error e) {
                    errors[k] = e;
                    firstFailed.accumulateAndGet(k, Math::min); // later chunks stop soon
                }
            }
        };
        List<Future<?>> helpers = new ArrayList<>();
        for (int h = 1; h < Math.min(ctx.parallelism(), n); h++) {
            helpers.add(ctx.executor().submit(reader));
        }
        reader.run();
        Throwable lost = null; // a helper that could not be waited for (interrupted, cancelled)
        for (Future<?> helper : helpers) {
            Throwable t = Chunks.await(helper);
            lost = lost == null ? t : lost;
        }
        Chunks.rethrow(lost);
        int failed = firstFailed.get();
        for (int k = failed + 1; k < n; k++) {
            ctx.discard(sinks[k]);
        }
        for (int k = 0; k <= Math.min(failed, n - 1); k++) {
            Chunks.rethrow(errors[k]);
        }
        // every kept chunk numbered its lines from 1: move each to where its part of the input starts
        long before = 0;
        for (int k = 1; k <= Math.min(failed, n - 1); k++) {
            before += stopLines[k - 1] - 1;
            sinks[k].shiftLines(before);
        }
    }

    /**
     * Reads chunk {@code k} with its lines numbered from 1 (the caller moves them); returns the line of
     * the next chunk's start in that numbering, or -1 when the chunk did not stop there.
     */
    private static long readChunk(ByteInput input, DocumentStart doc, long[] starts, int k, TraceSink sink,
                                  ReadContext ctx, AtomicInteger firstFailed) throws IOException {
        JsonDocumentPass.Link link = new JsonDocumentPass.Link() {
            @Override
            public boolean abandoned() {
                return firstFailed.get() < k;
            }

            @Override
            public void verificationFailed() {
                firstFailed.accumulateAndGet(k, Math::min);
            }
        };
        long stop = k + 1 < starts.length ? starts[k + 1] : -1;
        JsonDocumentPass pass = new JsonDocumentPass(input, sink, ctx, doc.objectForm(), link);
        pass.run(starts[k], 1, k > 0, stop);
        return pass.stopLine();
    }
}
