package dev.flarescope.analysis.flame;

import dev.flarescope.model.SampleTable;
import dev.flarescope.model.SpanTable;
import dev.flarescope.model.StackFrameTable;
import dev.flarescope.model.ThreadTrack;
import dev.flarescope.model.Trace;

import java.util.Arrays;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Aggregates a {@link FlameScope} of a trace into a {@link FlameTree}.
 *
 * <p>Spans: one pass per thread over its {@link SpanTable}. Spans are sorted by start with parents first,
 * so when a span is reached its parent already has a tree node; {@code nodeOf[span]} remembers it and the
 * span's own node is the child of that node with the span's name. Each span adds its (clipped) duration to
 * its node only: because a node is one call path, a span's ancestors were already charged by their own
 * spans, which contain it. Overlapping spans of concurrent tasks on one thread id hang under the span that
 * encloses them (or the root), as the span table records.
 *
 * <p>Samples: each sample's leaf frame is mapped to a tree node by walking the stack-frame parents up to
 * the first frame already mapped (a memo shared by all threads, since frames are trace-wide), then its
 * weight is added to that node and every ancestor. Samples without a known frame are left out.
 *
 * <p>The cancel flag is polled every {@value #CANCEL_CHECK_INTERVAL} spans or samples.
 */
public final class FlameTreeBuilder {
    static final int CANCEL_CHECK_INTERVAL = 4096;
    private static final int UNMAPPED = -1;
    private static final int IN_PROGRESS = -2;

    private final Trace trace;
    private final FlameScope scope;
    private final boolean collapse;
    private final BooleanSupplier cancel;
    private int sinceCheck;

    private FlameTreeBuilder(Trace trace, FlameScope scope, FlameOptions options, BooleanSupplier cancel) {
        this.trace = trace;
        this.scope = scope;
        this.collapse = options.collapseRecursion();
        this.cancel = cancel;
    }

    /**
     * Builds the tree of {@code scope}.
     *
     * @throws CancellationException when {@code cancel} turns true during the build
     */
    public static FlameTree build(Trace trace, FlameScope scope, FlameOptions options, BooleanSupplier cancel) {
        FlameTreeBuilder b = new FlameTreeBuilder(trace, scope, options, cancel);
        boolean spans = switch (options.source()) {
            case SPANS -> true;
            case SAMPLES -> false;
            case AUTO -> b.anySpans();
        };
        return spans ? b.fromSpans() : b.fromSamples();
    }

    /** Builds the tree of {@code scope} with no way to cancel. */
    public static FlameTree build(Trace trace, FlameScope scope, FlameOptions options) {
        return build(trace, scope, options, () -> false);
    }

    private ThreadTrack thread(FlameScope.ThreadRef ref) {
        return trace.processes().get(ref.process()).threads().get(ref.thread());
    }

    private boolean anySpans() {
        for (FlameScope.ThreadRef ref : scope.threads()) {
            if (thread(ref).spans().size() > 0) {
                return true;
            }
        }
        return false;
    }

    private void checkCancel() {
        if (++sinceCheck == CANCEL_CHECK_INTERVAL) {
            sinceCheck = 0;
            if (cancel.getAsBoolean()) {
                throw new CancellationException("flame graph build cancelled");
            }
        }
    }

    // ------------------------------------------------------------------ spans

    private FlameTree fromSpans() {
        int largest = 0;
        for (FlameScope.ThreadRef ref : scope.threads()) {
            largest = Math.max(largest, thread(ref).spans().size());
        }
        TreeAccumulator acc = new TreeAccumulator(1024, FlameTree.NO_NAME);
        int[] nodeOf = new int[largest];
        for (FlameScope.ThreadRef ref : scope.threads()) {
            addSpans(thread(ref).spans(), acc, nodeOf);
        }
        return acc.freeze(trace.strings(), FlameUnit.NANOSECONDS);
    }

    private void addSpans(SpanTable spans, TreeAccumulator acc, int[] nodeOf) {
        long t0 = scope.fromNs();
        long t1 = scope.toNs();
        boolean clip = scope.hasRange();
        int n = spans.size();
        for (int i = 0; i < n; i++) {
            checkCancel();
            long start = spans.start(i);
            long value = spans.dur(i);
            if (clip) {
                if (start >= t1) {
                    return; // sorted by start: no later span is in range
                }
                long end = start + value;
                boolean inRange = value == 0 ? start >= t0 : end > t0;
                if (!inRange) {
                    nodeOf[i] = UNMAPPED;
                    continue;
                }
                value = Math.min(end, t1) - Math.max(start, t0);
            }
            int parentNode = parentNode(spans, nodeOf, i);
            int nameId = spans.name(i);
            if (collapse && parentNode != FlameTree.ROOT && acc.name(parentNode) == nameId) {
                // direct recursion: the enclosing span of the same name already holds this time
                nodeOf[i] = parentNode;
                acc.add(parentNode, 0, 1);
                continue;
            }
            int node = acc.child(parentNode, nameId);
            nodeOf[i] = node;
            acc.add(node, value, 1);
            if (parentNode == FlameTree.ROOT) {
                acc.add(FlameTree.ROOT, value, 1);
            }
        }
    }

    /**
     * Tree node of the nearest ancestor span that is in range, or the root. Only a zero-length span at the
     * very start of the range can have a parent out of range (one that ends exactly there).
     */
    private static int parentNode(SpanTable spans, int[] nodeOf, int i) {
        for (int p = spans.parent(i); p >= 0; p = spans.parent(p)) {
            if (nodeOf[p] != UNMAPPED) {
                return nodeOf[p];
            }
        }
        return FlameTree.ROOT;
    }

    // ---------------------------------------------------------------- samples

    private FlameTree fromSamples() {
        StackFrameTable frames = trace.stackFrames();
        TreeAccumulator acc = new TreeAccumulator(Math.max(16, frames.size()), FlameTree.NO_NAME);
        int[] nodeOfFrame = new int[frames.size()];
        Arrays.fill(nodeOfFrame, UNMAPPED);
        int[] path = new int[16];
        long t0 = scope.fromNs();
        long t1 = scope.toNs();
        for (FlameScope.ThreadRef ref : scope.threads()) {
            SampleTable samples = thread(ref).samples();
            for (int i = 0; i < samples.size(); i++) {
                checkCancel();
                int frame = samples.frame(i);
                long ts = samples.ts(i);
                if (frame < 0 || frame >= frames.size() || ts < t0 || ts >= t1) {
                    continue;
                }
                if (nodeOfFrame[frame] == UNMAPPED) {
                    path = mapFrame(frames, frame, nodeOfFrame, acc, path);
                }
                acc.addToPath(nodeOfFrame[frame], FlameUnit.fromWeight(samples.weight(i)), 1);
            }
        }
        return acc.freeze(trace.strings(), FlameUnit.SAMPLE_WEIGHT);
    }

    /**
     * Maps {@code frame} and its unmapped ancestors to tree nodes. A parent chain that loops back on itself
     * (malformed input) is cut where it loops: the frame whose parent was already on the chain becomes a
     * top-level frame.
     */
    private int[] mapFrame(StackFrameTable frames, int frame, int[] nodeOfFrame, TreeAccumulator acc, int[] path) {
        int depth = 0;
        int top = frame;
        while (top >= 0 && nodeOfFrame[top] == UNMAPPED) {
            if (depth == path.length) {
                path = Arrays.copyOf(path, depth * 2);
            }
            path[depth++] = top;
            nodeOfFrame[top] = IN_PROGRESS;
            top = frames.parent(top);
        }
        int node = top < 0 || nodeOfFrame[top] == IN_PROGRESS ? FlameTree.ROOT : nodeOfFrame[top];
        for (int k = depth - 1; k >= 0; k--) {
            int f = path[k];
            int nameId = frames.name(f);
            if (!(collapse && node != FlameTree.ROOT && acc.name(node) == nameId)) {
                node = acc.child(node, nameId);
            }
            nodeOfFrame[f] = node;
        }
        return path;
    }
}
