package dev.flarescope.ui.render.timeline;

import dev.flarescope.ui.viewmodel.SpanRow;
import dev.flarescope.ui.viewmodel.TimeScale;

/**
 * Level of detail for one row of slices: visits only what the viewport shows, and hands slices at least
 * a pixel wide to the sink one by one while slices narrower than a pixel are merged into blocks, so the
 * work per row is bounded by the pixels on screen rather than by the slices in the trace.
 *
 * <p>The walk starts at the first slice ending after the viewport start (binary search) and stops at the
 * first slice starting after its end. Once a block reaches into a pixel column, every further slice that
 * ends inside that column can only widen the block, so the walk jumps past all of them with one more
 * binary search: a row of ten million slices costs a few thousand steps at whole-trace zoom.
 */
public final class LodWalker {
    /** Slices at least this many pixels wide are drawn individually. */
    public static final double MIN_SLICE_PX = 1.0;
    /** Blocks closer than this many pixels join. */
    public static final double JOIN_GAP_PX = 1.0;

    /** Receives what to draw, in left-to-right order. */
    public interface Sink {
        /** One slice, at row position {@code pos}, from x0 to x1. */
        void slice(int pos, double x0, double x1);

        /** Slices at positions [fromPos, toPos) merged into one block from x0 to x1 (x1 - x0 >= 1). */
        void block(int fromPos, int toPos, double x0, double x1);
    }

    private LodWalker() {
    }

    public static void walk(SpanRow row, TimeScale scale, Sink sink) {
        long vs = scale.viewport().start();
        long ve = scale.viewport().end();
        double ppn = scale.pxPerNs();
        double x0 = scale.x0();
        int n = row.size();
        int k = row.firstEndingAfter(vs, 0);
        boolean inBlock = false;
        int blockFrom = 0;
        double bx0 = 0;
        double bx1 = 0;
        while (k < n) {
            long s = row.start(k);
            if (s > ve) {
                break;
            }
            double sx = x0 + (s - vs) * ppn;
            double ex = x0 + (row.end(k) - vs) * ppn;
            if (ex - sx >= MIN_SLICE_PX) {
                if (inBlock) {
                    sink.block(blockFrom, k, bx0, Math.max(bx1, bx0 + 1));
                    inBlock = false;
                }
                sink.slice(k, sx, ex);
                k++;
                continue;
            }
            if (inBlock && sx <= bx1 + JOIN_GAP_PX) {
                bx1 = Math.max(bx1, ex);
            } else {
                if (inBlock) {
                    sink.block(blockFrom, k, bx0, Math.max(bx1, bx0 + 1));
                }
                inBlock = true;
                blockFrom = k;
                bx0 = sx;
                bx1 = ex;
            }
            // every later slice ending before the next pixel edge falls inside this block
            double edgeX = Math.floor(bx1) + 1;
            long edgeT = vs + (long) Math.floor((edgeX - x0) / ppn);
            int next = row.firstEndingAfter(edgeT, k + 1);
            if (next > k + 1) {
                bx1 = Math.max(bx1, x0 + (row.endMax(next - 1) - vs) * ppn);
            }
            k = next;
        }
        if (inBlock) {
            sink.block(blockFrom, k, bx0, Math.max(bx1, bx0 + 1));
        }
    }
}
