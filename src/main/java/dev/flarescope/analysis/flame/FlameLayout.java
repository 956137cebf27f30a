package dev.flarescope.analysis.flame;

import dev.flarescope.model.SpanTable;

import java.util.Arrays;

/**
 * Where each frame of a flame graph or flame chart goes, as flat arrays, so one view draws merged trees
 * and a thread's unmerged spans alike. Frame i spans {@code [x0(i), x1(i))} in layout units on row
 * {@code depth(i)} and stands for {@code id(i)}: a {@link FlameTree} node, or a span index of the thread's
 * {@link SpanTable} for {@link FlameOrder#TIME_ORDER}.
 *
 * <p>Layout units are the tree's value units counted from 0 (the root covers {@code [0, rootTotal)}), or
 * absolute ns for time order. Views work in fractions of a {@link Viewport}: {@link #fullView()} shows
 * everything and {@link #zoomTo} focuses one frame, which then spans 0..1 while its ancestors extend past
 * both edges (to be clipped by the view) and its siblings fall outside. Zooming is a pure function of the
 * layout and the viewport; nothing is laid out again.
 *
 * <p>Frames narrower than {@code minWidthFraction} of the whole width are left out, and with them their
 * descendants, which are narrower still; this keeps a graph of a million spans to what can be seen. A view
 * that zooms in beyond {@code 1 / minWidthFraction} lays out again with a smaller fraction.
 *
 * <p>{@code inverted} asks for an icicle (root at the top) instead of a flame (root at the bottom). The
 * layout only records it; depth always counts from the root and the view flips rows.
 */
public final class FlameLayout {
    /** A horizontal window onto the layout, in layout units: {@code [from, to)}. */
    public record Viewport(long from, long to) {
        /** Position of {@code x} in the window: 0 at {@code from}, 1 at {@code to}. 0 for an empty window. */
        public double fraction(long x) {
            long width = to - from;
            return width == 0 ? 0 : (double) (x - from) / width;
        }
    }

    private final FlameOrder order;
    private final boolean inverted;
    private final long from;
    private final long to;
    private final int size;
    private final long[] x0;
    private final long[] x1;
    private final int[] depth;
    private final int[] id;
    private final int maxDepth;

    private FlameLayout(FlameOrder order, boolean inverted, long from, long to, Frames f) {
        this.order = order;
        this.inverted = inverted;
        this.from = from;
        this.to = to;
        this.size = f.size;
        this.x0 = Arrays.copyOf(f.x0, f.size);
        this.x1 = Arrays.copyOf(f.x1, f.size);
        this.depth = Arrays.copyOf(f.depth, f.size);
        this.id = Arrays.copyOf(f.id, f.size);
        int deepest = -1;
        for (int i = 0; i < size; i++) {
            deepest = Math.max(deepest, depth[i]);
        }
        this.maxDepth = deepest;
    }

    /**
     * Lays out a merged tree: the root at depth 0 across the whole width, each node's children side by side
     * from its left edge in {@code order} (LEFT_HEAVY or ALPHABETICAL), each as wide as its total. Frames
     * are listed depth-first, parents before children.
     */
    public static FlameLayout of(FlameTree tree, FlameOrder order, boolean inverted, double minWidthFraction) {
        long rootTotal = tree.rootTotal();
        double minWidth = minWidthFraction * rootTotal;
        Frames f = new Frames();
        IntStack nodes = new IntStack();
        LongStack lefts = new LongStack();
        nodes.push(FlameTree.ROOT);
        lefts.push(0);
        while (nodes.size > 0) {
            int node = nodes.pop();
            long x = lefts.pop();
            f.add(x, x + tree.total(node), tree.depth(node), node);
            int[] children = tree.children(node, order);
            long[] childX = new long[children.length];
            long next = x;
            for (int k = 0; k < children.length; k++) {
                childX[k] = next;
                next += tree.total(children[k]);
            }
            // pushed last to first, so the first child in order is laid out (and listed) first
            for (int k = children.length - 1; k >= 0; k--) {
                if (tree.total(children[k]) >= minWidth) {
                    nodes.push(children[k]);
                    lefts.push(childX[k]);
                }
            }
        }
        return new FlameLayout(order, inverted, 0, rootTotal, f);
    }

    /**
     * Lays out a thread's spans where they happened, each on its own row ({@link SpanTable#depth}), clipped
     * to {@code [fromNs, toNs)}; spans outside it are left out. Frames are listed in span order.
     */
    public static FlameLayout timeOrder(SpanTable spans, long fromNs, long toNs, boolean inverted,
                                        double minWidthFraction) {
        if (fromNs > toNs) {
            throw new IllegalArgumentException("empty time range: " + fromNs + " > " + toNs);
        }
        double minWidth = minWidthFraction * (toNs - fromNs);
        Frames f = new Frames();
        for (int i = 0; i < spans.size(); i++) {
            long s = spans.start(i);
            if (s >= toNs) {
                break;
            }
            long e = spans.end(i);
            boolean inRange = e == s ? s >= fromNs : e > fromNs;
            long a = Math.max(s, fromNs);
            long b = Math.min(e, toNs);
            if (inRange && b - a >= minWidth) {
                f.add(a, b, spans.depth(i), i);
            }
        }
        return new FlameLayout(FlameOrder.TIME_ORDER, inverted, fromNs, toNs, f);
    }

    /** Lays out all of a thread's spans: the range is from the first start to the latest end. */
    public static FlameLayout timeOrder(SpanTable spans, boolean inverted, double minWidthFraction) {
        long first = spans.size() == 0 ? 0 : spans.start(0);
        long last = first;
        for (int i = 0; i < spans.size(); i++) {
            last = Math.max(last, spans.end(i));
        }
        return timeOrder(spans, first, last, inverted, minWidthFraction);
    }

    public FlameOrder order() {
        return order;
    }

    public boolean inverted() {
        return inverted;
    }

    public int size() {
        return size;
    }

    /** Left edge of frame i, layout units. */
    public long x0(int i) {
        return x0[i];
    }

    /** Right edge (exclusive) of frame i, layout units. */
    public long x1(int i) {
        return x1[i];
    }

    /** Row of frame i: 0 for the root of a tree, the span's depth in time order. */
    public int depth(int i) {
        return depth[i];
    }

    /** Tree node, or span index in time order, of frame i. */
    public int id(int i) {
        return id[i];
    }

    /** Deepest row used, or -1 when there are no frames. */
    public int maxDepth() {
        return maxDepth;
    }

    /** The whole layout: the root's extent, or the time range. */
    public Viewport fullView() {
        return new Viewport(from, to);
    }

    /** A viewport that fits frame i to the full width. */
    public Viewport zoomTo(int frame) {
        return new Viewport(x0[frame], x1[frame]);
    }

    /** Left edge of frame i as a fraction of the viewport (below 0 when it starts left of it). */
    public double x0(int i, Viewport view) {
        return view.fraction(x0[i]);
    }

    /** Right edge of frame i as a fraction of the viewport (above 1 when it ends right of it). */
    public double x1(int i, Viewport view) {
        return view.fraction(x1[i]);
    }

    /** True when frame i overlaps the viewport. */
    public boolean visible(int i, Viewport view) {
        return x1[i] > view.from() && x0[i] < view.to();
    }

    /** Index of the frame standing for {@code id} (tree node or span), or -1 when it was left out. */
    public int frameOf(int nodeOrSpan) {
        for (int i = 0; i < size; i++) {
            if (id[i] == nodeOrSpan) {
                return i;
            }
        }
        return -1;
    }

    /** The frame on row {@code row} under the position {@code fraction} of the viewport, or -1. */
    public int frameAt(double fraction, int row, Viewport view) {
        for (int i = 0; i < size; i++) {
            if (depth[i] == row && x0(i, view) <= fraction && fraction < x1(i, view)) {
                return i;
            }
        }
        return -1;
    }

    /** Depth-first work list of nodes. */
    private static final class IntStack {
        int size;
        int[] values = new int[64];

        void push(int v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        int pop() {
            return values[--size];
        }
    }

    /** Left edges matching an {@link IntStack}. */
    private static final class LongStack {
        int size;
        long[] values = new long[64];

        void push(long v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        long pop() {
            return values[--size];
        }
    }

    /** Growable frame columns. */
    private static final class Frames {
        int size;
        long[] x0 = new long[64];
        long[] x1 = new long[64];
        int[] depth = new int[64];
        int[] id = new int[64];

        void add(long a, long b, int d, int i) {
            if (size == id.length) {
                int n = size * 2;
                x0 = Arrays.copyOf(x0, n);
                x1 = Arrays.copyOf(x1, n);
                depth = Arrays.copyOf(depth, n);
                id = Arrays.copyOf(id, n);
            }
            x0[size] = a;
            x1[size] = b;
            depth[size] = d;
            id[size] = i;
            size++;
        }
    }
}
