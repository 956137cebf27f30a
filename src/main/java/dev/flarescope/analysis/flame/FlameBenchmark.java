package dev.flarescope.analysis.flame;

import dev.flarescope.model.ChunkBuilder;
import dev.flarescope.model.RawEvent;
import dev.flarescope.model.Trace;
import dev.flarescope.model.TraceAssembler;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Measures {@link FlameTreeBuilder} on a synthetic trace: {@code N} nested X spans (default one million)
 * spread over a few threads, each span named at random from a small vocabulary per depth. Few names
 * per depth give the repetitive paths of real serving code; more names give a tree with a node for
 * most spans, the costly case for the child lookup. Prints the time to build the whole-trace tree (best
 * of several runs, the first ones warming up), the node count and the time of a left-heavy layout.
 *
 * <p>Usage: {@code FlameBenchmark [spans=1000000] [threads=4] [namesPerDepth=5]}.
 */
public final class FlameBenchmark {
    private static final int MAX_DEPTH = 14;
    private static final int RUNS = 10;

    private final ChunkBuilder chunk = new ChunkBuilder();
    private final RawEvent event = new RawEvent();
    private final SplittableRandom random = new SplittableRandom(42);
    private final int[][] names;
    private long emitted;

    private FlameBenchmark(int namesPerDepth) {
        names = new int[MAX_DEPTH + 1][namesPerDepth];
        for (int d = 0; d <= MAX_DEPTH; d++) {
            for (int k = 0; k < namesPerDepth; k++) {
                names[d][k] = chunk.strings().intern("layer" + d + ".op" + k);
            }
        }
    }

    public static void main(String[] args) {
        int spans = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int namesPerDepth = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        long t = System.nanoTime();
        Trace trace = new FlameBenchmark(namesPerDepth).trace(spans, threads);
        System.out.printf(Locale.ROOT, "synthetic trace: %,d spans on %d threads, %d names per depth, assembled in %.0f ms%n",
                trace.spanCount(), threads, namesPerDepth, millis(System.nanoTime() - t));

        FlameScope scope = FlameScope.all(trace);
        FlameOptions options = new FlameOptions(FlameOptions.Source.SPANS, false);
        FlameTree tree = null;
        long best = Long.MAX_VALUE;
        for (int run = 0; run < RUNS; run++) {
            long s = System.nanoTime();
            tree = FlameTreeBuilder.build(trace, scope, options);
            long elapsed = System.nanoTime() - s;
            best = Math.min(best, elapsed);
            System.out.printf(Locale.ROOT, "build %d: %.1f ms%n", run + 1, millis(elapsed));
        }
        System.out.printf(Locale.ROOT, "best build: %.1f ms, %,d nodes, max depth %d%n", millis(best), tree.size(),
                tree.maxDepth());

        long s = System.nanoTime();
        FlameLayout layout = FlameLayout.of(tree, FlameOrder.LEFT_HEAVY, false, 0.0005);
        System.out.printf(Locale.ROOT, "left-heavy layout: %.1f ms, %,d frames of at least 0.05%%%n",
                millis(System.nanoTime() - s), layout.size());
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    private Trace trace(int spans, int threads) {
        long perThread = Math.max(1, spans / threads);
        for (int tid = 1; tid <= threads; tid++) {
            long time = 0;
            long target = emitted + perThread;
            while (emitted < target && emitted < spans) {
                long dur = 1_000_000 + random.nextLong(9_000_000);
                span(tid, 0, time, dur, spans);
                time += dur + random.nextLong(50_000);
            }
        }
        TraceAssembler.Input input = new TraceAssembler.Input("synthetic.json", "chrome-json", 0, 0, List.of(chunk));
        return TraceAssembler.assemble(List.of(input));
    }

    /** Emits one span and, depth allowing, children tiling part of it. */
    private void span(int tid, int depth, long start, long dur, int limit) {
        if (emitted >= limit) {
            return;
        }
        event.reset();
        event.ph = 'X';
        event.hasPid = true;
        event.pid = 1;
        event.hasTid = true;
        event.tid = tid;
        event.name = names[depth][random.nextInt(names[depth].length)];
        event.ts = start;
        event.dur = dur;
        chunk.event(event);
        emitted++;
        if (depth == MAX_DEPTH || dur < 8) {
            return;
        }
        int children = random.nextInt(4);
        long t = start;
        for (int c = 0; c < children; c++) {
            long room = start + dur - t;
            long childDur = room / (children - c + 1);
            span(tid, depth + 1, t + childDur / 8, childDur, limit);
            t += childDur + childDur / 8;
        }
    }
}
