package dev.flarescope.analysis.stats;

import dev.flarescope.model.ProcessTrack;
import dev.flarescope.model.SpanTable;
import dev.flarescope.model.ThreadTrack;
import dev.flarescope.model.Trace;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Per-name span statistics (count, total, self, max, mean, percentiles) over a {@link SpanScope}, the
 * table a profiler shows as "where did the time go".
 *
 * <p>Built for traces with millions of spans: durations are bucketed by name id into one primitive
 * array (a counting sort: one pass counts, a second fills), and the exact percentiles of each bucket
 * are found in place by selection ({@link Selection}), without sorting it. Self times come from the {@link SpanTable} parent links in one pass per thread.
 * Spans without a name are counted under the empty name. Spans that never ended (a B without its E)
 * are left out: their length is unknown, and the one they are drawn with would skew every figure.
 */
public final class SpanStatistics {
    private static final Comparator<SpanStat> BY_TOTAL = Comparator.comparingLong(SpanStat::totalNs).reversed()
            .thenComparing(SpanStat::name);

    private final List<SpanStat> rows;
    private final long spanCount;
    private final long selfTotalNs;

    private SpanStatistics(List<SpanStat> rows, long spanCount, long selfTotalNs) {
        this.rows = List.copyOf(rows);
        this.spanCount = spanCount;
        this.selfTotalNs = selfTotalNs;
    }

    /** Statistics of every span of the trace. */
    public static SpanStatistics of(Trace trace) {
        return compute(trace, SpanScope.all());
    }

    public static SpanStatistics compute(Trace trace, SpanScope scope) {
        int names = trace.strings().size();
        long[] count = new long[names];
        long[] total = new long[names];
        long[] self = new long[names];
        long[] max = new long[names];
        long[] selfBuf = new long[0];
        long spans = 0;

        // pass 1: per-name counts and sums; self times need the whole thread, so compute them all
        List<ProcessTrack> processes = trace.processes();
        for (int p = 0; p < processes.size(); p++) {
            List<ThreadTrack> threads = processes.get(p).threads();
            for (int t = 0; t < threads.size(); t++) {
                if (!scope.includes(p, t)) {
                    continue;
                }
                SpanTable s = threads.get(t).spans();
                if (s.size() > selfBuf.length) {
                    selfBuf = new long[s.size()];
                }
                selfTimes(s, selfBuf);
                int end = s.firstStartingAtOrAfter(scope.toNs());
                for (int i = s.firstStartingAtOrAfter(scope.fromNs()); i < end; i++) {
                    if (s.hasFlag(i, SpanTable.UNFINISHED)) {
                        continue;
                    }
                    int k = slot(s.name(i));
                    long d = s.dur(i);
                    count[k]++;
                    total[k] += d;
                    self[k] += selfBuf[i];
                    max[k] = Math.max(max[k], d);
                    spans++;
                }
            }
        }
        if (spans > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("too many spans for one statistics table: " + spans);
        }

        // pass 2: durations bucketed by name
        int[] offset = new int[names + 1];
        for (int k = 0; k < names; k++) {
            offset[k + 1] = offset[k] + (int) count[k];
        }
        long[] durations = new long[(int) spans];
        int[] fill = Arrays.copyOf(offset, names);
        for (int p = 0; p < processes.size(); p++) {
            List<ThreadTrack> threads = processes.get(p).threads();
            for (int t = 0; t < threads.size(); t++) {
                if (!scope.includes(p, t)) {
                    continue;
                }
                SpanTable s = threads.get(t).spans();
                int end = s.firstStartingAtOrAfter(scope.toNs());
                for (int i = s.firstStartingAtOrAfter(scope.fromNs()); i < end; i++) {
                    if (!s.hasFlag(i, SpanTable.UNFINISHED)) {
                        durations[fill[slot(s.name(i))]++] = s.dur(i);
                    }
                }
            }
        }

        long selfAll = 0;
        for (int k = 0; k < names; k++) {
            selfAll += self[k];
        }
        List<SpanStat> rows = new ArrayList<>();
        for (int k = 0; k < names; k++) {
            int n = (int) count[k];
            if (n == 0) {
                continue;
            }
            int from = offset[k];
            int to = from + n;
            // each selection leaves only larger values after its index, so the next one searches there
            int p50 = from + rankIndex(50, n);
            int p90 = from + rankIndex(90, n);
            int p99 = from + rankIndex(99, n);
            Selection.select(durations, from, to, p50);
            Selection.select(durations, p50, to, p90);
            Selection.select(durations, p90, to, p99);
            rows.add(new SpanStat(trace.string(k), n, total[k], self[k], max[k], durations[p50], durations[p90],
                    durations[p99], selfAll == 0 ? 0 : (double) self[k] / selfAll));
        }
        rows.sort(BY_TOTAL);
        return new SpanStatistics(rows, spans, selfAll);
    }

    /** Rows by total time, longest first (ties by name). */
    public List<SpanStat> rows() {
        return rows;
    }

    /** Number of spans in scope. */
    public long spanCount() {
        return spanCount;
    }

    /** Self time of all spans in scope, ns. */
    public long selfTotalNs() {
        return selfTotalNs;
    }

    /**
     * 0-based index of the nearest-rank {@code p}-th percentile among {@code n} sorted values:
     * {@code ceil(p * n / 100) - 1}, at least 0.
     */
    static int rankIndex(int p, int n) {
        long rank = ((long) p * n + 99) / 100;
        return (int) Math.max(0, rank - 1);
    }

    /** Each span's duration minus its direct children's, clamped at zero, into {@code out}. */
    static void selfTimes(SpanTable s, long[] out) {
        int n = s.size();
        for (int i = 0; i < n; i++) {
            out[i] = s.dur(i);
        }
        for (int i = 0; i < n; i++) {
            int parent = s.parent(i);
            if (parent >= 0) {
                out[parent] -= s.dur(i);
            }
        }
        for (int i = 0; i < n; i++) {
            if (out[i] < 0) {
                out[i] = 0;
            }
        }
    }

    private static int slot(int nameId) {
        return nameId < 0 ? 0 : nameId;
    }
}
