package dev.flarescope.ui.viewmodel;

import dev.flarescope.model.ProcessTrack;
import dev.flarescope.model.SpanTable;
import dev.flarescope.model.ThreadTrack;
import dev.flarescope.model.Trace;

/**
 * How busy the trace is over time, for the mini-map: the trace is cut into equal bins and each bin holds
 * the time covered by top-level spans of all threads in it (so a bin where every thread is busy reads
 * fullest), scaled to 0..1 by the busiest bin. Computed once per trace, in one pass over the depth-0
 * rows.
 */
public final class TraceDensity {
    private final TimeRange bounds;
    private final double[] level;

    private TraceDensity(TimeRange bounds, double[] level) {
        this.bounds = bounds;
        this.level = level;
    }

    public static TraceDensity of(Trace trace, int bins) {
        TimeRange b = TraceSession.bounds(trace);
        double[] busy = new double[bins];
        double binNs = b.duration() / (double) bins;
        for (ProcessTrack p : trace.processes()) {
            for (ThreadTrack t : p.threads()) {
                SpanTable s = t.spans();
                if (s.maxDepth() < 0) {
                    continue;
                }
                for (int i : s.rows()[0]) {
                    addCoverage(busy, binNs, s.start(i) - b.start(), s.end(i) - b.start());
                }
            }
        }
        double max = 0;
        for (double v : busy) {
            max = Math.max(max, v);
        }
        if (max > 0) {
            for (int k = 0; k < bins; k++) {
                busy[k] /= max;
            }
        }
        return new TraceDensity(b, busy);
    }

    private static void addCoverage(double[] busy, double binNs, long from, long to) {
        int n = busy.length;
        int k0 = (int) Math.min(n - 1, Math.max(0, from / binNs));
        int k1 = (int) Math.min(n - 1, Math.max(0, to / binNs));
        if (k0 == k1) {
            busy[k0] += Math.max(1, to - from);
            return;
        }
        busy[k0] += (k0 + 1) * binNs - from;
        for (int k = k0 + 1; k < k1; k++) {
            busy[k] += binNs;
        }
        busy[k1] += to - k1 * binNs;
    }

    public TimeRange bounds() {
        return bounds;
    }

    public int bins() {
        return level.length;
    }

    /** Busyness of bin {@code k}, 0..1. */
    public double level(int k) {
        return level[k];
    }
}
