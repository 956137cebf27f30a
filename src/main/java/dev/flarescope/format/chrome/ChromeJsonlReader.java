package dev.flarescope.format.chrome;

import dev.flarescope.format.InputException;
import dev.flarescope.format.InputSource;
import dev.flarescope.format.ReadContext;
import dev.flarescope.format.TraceReader;
import dev.flarescope.model.TraceSink;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Future;

/**
 * Reads Chrome trace events written one JSON object per line, as tracers that append to a file as
 * they go do (a line may also hold an array of events). Blank lines are skipped; a line that is not
 * valid JSON, or not a usable event, is reported with its 1-based line number and byte offset and
 * skipped; a last line cut off before its line break is reported as truncation.
 *
 * <p>Large uncompressed inputs are split at line breaks (a raw line break cannot occur inside a JSON
 * string, so every split is safe) and the ranges are read in parallel into sinks made in input order.
 * Each chunk counts the line breaks before it first, so line numbers are exact in every chunk.
 */
public final class ChromeJsonlReader implements TraceReader {
    @Override
    public void read(InputSource source, ReadContext ctx) throws IOException, InputException {
        try (ByteInput input = ByteInput.open(source, ctx)) {
            long start = byteOrderMarkLength(input);
            if (input.isRandomAccess() && ctx.parallelism() > 1 && input.length() >= ChromeJson.MIN_PARALLEL_BYTES) {
                long[] starts = splitPoints(input, start, ctx.parallelism());
                if (starts.length > 1) {
                    readParallel(input, starts, ctx);
                    return;
                }
            }
            new JsonlPass(input, ctx.newSink(), ctx).run(start, -1, 1, true);
        }
    }

    private static long byteOrderMarkLength(ByteInput input) throws IOException {
        try (InputStream in = input.openAt(0)) {
            byte[] head = in.readNBytes(3);
            return head.length == 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF ? 3 : 0;
        }
    }

    private static long[] splitPoints(ByteInput input, long start, int parts) throws IOException {
        long length = input.length();
        long[] starts = new long[parts];
        starts[0] = start;
        int n = 1;
        for (int k = 1; k < parts; k++) {
            long next = ByteScan.nextLineStart(input, Math.max(length / parts * k, starts[n - 1] + 1));
            if (next < 0 || next >= length) {
                break;
            }
            starts[n++] = next;
        }
        return Arrays.copyOf(starts, n);
    }

    private static void readParallel(ByteInput input, long[] starts, ReadContext ctx) throws IOException {
        int n = starts.length;
        TraceSink[] sinks = new TraceSink[n];
        for (int k = 0; k < n; k++) {
            sinks[k] = ctx.newSink(); // in input order: the model joins sinks in creation order
        }
        List<Future<?>> futures = new ArrayList<>();
        for (int k = 1; k < n; k++) {
            int chunk = k;
            futures.add(ctx.executor().submit(() -> {
                readChunk(input, starts, chunk, sinks[chunk], ctx);
                return null;
            }));
        }
        Throwable error = null;
        try {
            readChunk(input, starts, 0, sinks[0], ctx);
        } catch (IOException | RuntimeException | Error e) {
            error = e;
        }
        for (Future<?> f : futures) {
            Throwable t = Chunks.await(f);
            if (error == null) {
                error = t;
            }
        }
        Chunks.rethrow(error);
    }

    private static void readChunk(ByteInput input, long[] starts, int k, TraceSink sink, ReadContext ctx) throws IOException {
        long line = k == 0 ? 1 : 1 + ByteScan.countLines(input, 0, starts[k]);
        boolean last = k == starts.length - 1;
        new JsonlPass(input, sink, ctx).run(starts[k], last ? -1 : starts[k + 1], line, last);
    }
}
