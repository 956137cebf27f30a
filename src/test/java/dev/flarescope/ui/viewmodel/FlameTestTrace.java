package dev.flarescope.ui.viewmodel;

import dev.flarescope.model.ChunkBuilder;
import dev.flarescope.model.ProcessTrack;
import dev.flarescope.model.RawEvent;
import dev.flarescope.model.Trace;
import dev.flarescope.model.TraceAssembler;
import java.util.ArrayList;
import java.util.List;

/**
 * The small trace the flame view tests share, built event by event as a reader would (times in µs):
 * <pre>
 * pid 1 tid 1  main      0..100   parse 0..30 (tokenize 5..25), forward 30..90 (attention 30..50, mlp 50..80)
 *              main    200..250   forward 200..240 (mlp 210..230)
 * pid 1 tid 2  idle      0..40
 * pid 2 tid 1  main      0..10
 * </pre>
 * Worked by hand for thread 1/1: main total 150 self 20 count 2; forward total 100 self 30 count 2;
 * mlp 50 (count 2), attention 20, parse 30 (self 10), tokenize 20. All threads: root 200, main 160.
 */
public final class FlameTestTrace {
    private final ChunkBuilder chunk = new ChunkBuilder();
    private final RawEvent e = new RawEvent();

    /** An empty trace to add spans to; {@link #build()} gives the shared one. */
    public static FlameTestTrace events() {
        return new FlameTestTrace();
    }

    public static Trace build() {
        return events()
                .x(1, 1, "main", 0, 100)
                .x(1, 1, "parse", 0, 30)
                .x(1, 1, "tokenize", 5, 20)
                .x(1, 1, "forward", 30, 60)
                .x(1, 1, "attention", 30, 20)
                .x(1, 1, "mlp", 50, 30)
                .x(1, 1, "main", 200, 50)
                .x(1, 1, "forward", 200, 40)
                .x(1, 1, "mlp", 210, 20)
                .x(1, 2, "idle", 0, 40)
                .x(2, 1, "main", 0, 10)
                .trace();
    }

    /** The scope choice for thread {@code tid} of process {@code pid}. */
    public static FlameScopeChoice thread(Trace trace, String pid, String tid) {
        for (int p = 0; p < trace.processes().size(); p++) {
            ProcessTrack process = trace.processes().get(p);
            if (process.pid().equals(pid)) {
                for (int t = 0; t < process.threads().size(); t++) {
                    if (process.threads().get(t).tid().equals(tid)) {
                        return FlameScopeChoice.thread(trace, p, t);
                    }
                }
            }
        }
        throw new AssertionError("no thread " + pid + "/" + tid);
    }

    /** The frame at a path of names from the top ("main>forward>mlp"), or -1. */
    public static int frame(FlameFrames frames, String path) {
        String[] names = path.split(">");
        for (int f = 0; f < frames.layout().size(); f++) {
            if (path(frames, f).equals(String.join(">", names))) {
                return f;
            }
        }
        return -1;
    }

    private static String path(FlameFrames frames, int frame) {
        StringBuilder sb = new StringBuilder(frames.name(frame));
        for (int p = frames.parentFrame(frame); p >= 0 && p != frames.rootFrame(); p = frames.parentFrame(p)) {
            sb.insert(0, frames.name(p) + ">");
        }
        return sb.toString();
    }

    /** Adds an X span; times in microseconds (fractions allowed). */
    public FlameTestTrace x(long pid, long tid, String name, double tsUs, double durUs) {
        e.reset();
        e.ph = 'X';
        e.hasPid = true;
        e.pid = pid;
        e.hasTid = true;
        e.tid = tid;
        e.name = chunk.strings().intern(name);
        e.ts = Math.round(tsUs * 1000);
        e.dur = Math.round(durUs * 1000);
        chunk.event(e);
        return this;
    }

    public Trace trace() {
        return TraceAssembler.assemble(List.of(new TraceAssembler.Input("flame-test.json", "chrome-json", 0, 0,
                new ArrayList<>(List.of(chunk)))));
    }
}
