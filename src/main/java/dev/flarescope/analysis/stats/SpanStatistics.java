package dev.flarescope.analysis.stats;

import dev.flarescope.model.ProcessTrack;
import dev.flarescope.model.SpanTable;
import dev.flarescope.model.ThreadTrack;
import dev.flarescope.model.Trace;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ForkJoinPool;

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
        List<Piece> pieces = new ArrayList<>();
        List<ProcessTrack> processes = trace.processes();
        for (int p = 0; p < processes.size(); p++) {
            List<ThreadTrack> threads = processes.get(p).threads();
            for (int t = 0; t < threads.size(); t++) {
                if (scope.includes(p, t)) {
                    SpanTable s = threads.get(t).spans();
                    int from = s.firstStartingAtOrAfter(scope.fromNs());
                    int to = s.firstStartingAtOrAfter(scope.toNs());
                    if (from < to) {
                        pieces.add(new Piece(s, from, to));
                    }
                }
            }
        }
        // threads are shared out among a few groups of about equal span counts, each group summed on its
        // own (sums, maxima and the multiset of each name's durations do not depend on the order)
        int threads = ForkJoinPool.getCommonPoolParallelism() + 1; // the pool's workers and this thread
        // ... but a second group only while its per-name sums and the merged ones (36 and 40 bytes a
        // name) stay within 64 MiB: a trace may have millions of names
        long perName = (64L << 20) / Math.max(1, names);
        int affordable = perName >= 2 * 36 + 40 ? (int) ((perName - 40) / 36) : 1;
        List<Group> groups = groups(pieces, names, Math.min(threads, affordable));

        // pass 1, per group: per-name counts and sums; self times need the whole thread
        groups.parallelStream().forEach(Group::sum);
        // with more than one group, merged into new arrays: each group's own counts place its durations below
        Group first = groups.get(0);
        boolean merged = groups.size() > 1;
        long[] count = merged ? first.count.clone() : first.count;
        long[] total = merged ? first.total.clone() : first.total;
        long[] self = merged ? first.self.clone() : first.self;
        long[] max = merged ? first.max.clone() : first.max;
        long spans = first.spans;
        if (merged) {
            for (Group g : groups.subList(1, groups.size())) {
                for (int k = 0; k < names; k++) {
                    count[k] += g.count[k];
                    total[k] += g.total[k];
                    self[k] += g.self[k];
                    max[k] = Math.max(max[k], g.max[k]);
                }
                spans += g.spans;
            }
        }
        if (spans > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("too many spans for one statistics table: " + spans);
        }

        // pass 2, per group: durations bucketed by name, each group filling its own part of every bucket
        int[] offset = new int[names + 1];
        for (int k = 0; k < names; k++) {
            offset[k + 1] = offset[k] + (int) count[k];
        }
        long[] durations = new long[(int) spans];
        int[] next = Arrays.copyOf(offset, names);
        for (int gi = 0; gi < groups.size(); gi++) {
            Group g = groups.get(gi);
            g.fill = gi + 1 < groups.size() ? next.clone() : next;
            if (gi + 1 < groups.size()) {
                for (int k = 0; k < names; k++) {
                    next[k] += (int) g.count[k];
                }
            }
        }
        groups.parallelStream().forEach(g -> g.bucket(durations));

        long selfAll = 0;
        for (int k = 0; k < names; k++) {
            selfAll += self[k];
        }
        List<Integer> present = new ArrayList<>();
        for (int k = 0; k < names; k++) {
            if (count[k] > 0) {
                present.add(k);
            }
        }
        long selfSum = selfAll;
        // each selection leaves only larger values after its index, so the next one searches there
        List<SpanStat> rows = new ArrayList<>(present.parallelStream().map(k -> {
            int n = (int) count[k];
            int from = offset[k];
            int to = from + n;
            int p50 = from + rankIndex(50, n);
            int p90 = from + rankIndex(90, n);
            int p99 = from + rankIndex(99, n);
            Selection.select(durations, from, to, p50);
            Selection.select(durations, p50, to, p90);
            Selection.select(durations, p90, to, p99);
            return new SpanStat(trace.string(k), n, total[k], self[k], max[k], durations[p50], durations[p90],
                    durations[p99], selfSum == 0 ? 0 : (double) self[k] / selfSum);
        }).toList());
        rows.sort(BY_TOTAL);
        return new SpanStatistics(rows, spans, selfAll);
    }

    /** The spans of one thread in scope: rows {@code [from, to)} of its table. */
    private record Piece(SpanTable spans, int from, int to) {
    }

    /** Threads summed together, and what they sum to per name id. */
    private static final class Group {
        final List<Piece> pieces = new ArrayList<>();
        final long[] count;
        final long[] total;
        final long[] self;
        final long[] max;
        long spans;
        long size;
        /** Where this group's next duration of each name goes, set between the two passes. */
        int[] fill;

        Group(int names) {
            count = new long[names];
            total = new long[names];
            self = new long[names];
            max = new long[names];
        }

        void sum() {
            long[] selfBuf = new long[0];
            for (Piece piece : pieces) {
                SpanTable s = piece.spans();
                if (s.size() > selfBuf.length) {
                    selfBuf = new long[s.size()];
                }
                selfTimes(s, selfBuf);
                for (int i = piece.from(); i < piece.to(); i++) {
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

        void bucket(long[] durations) {
            for (Piece piece : pieces) {
                SpanTable s = piece.spans();
                for (int i = piece.from(); i < piece.to(); i++) {
                    if (!s.hasFlag(i, SpanTable.UNFINISHED)) {
                        durations[fill[slot(s.name(i))]++] = s.dur(i);
                    }
                }
            }
        }
    }

    /**
     * Shares the pieces out among at most {@code most} groups, largest thread first to the group with the
     * fewest spans so far; fewer groups when there are fewer pieces. Each group holds per-name arrays,
     * so their number stays small however many threads there are.
     */
    private static List<Group> groups(List<Piece> pieces, int names, int most) {
        List<Piece> bySize = new ArrayList<>(pieces);
        bySize.sort(Comparator.comparingInt((Piece p) -> p.to() - p.from()).reversed());
        int n = Math.max(1, Math.min(most, pieces.size()));
        List<Group> groups = new ArrayList<>(n);
        for (int g = 0; g < n; g++) {
            groups.add(new Group(names));
        }
        for (Piece p : bySize) {
            Group least = groups.get(0);
            for (Group g : groups) {
                if (g.size < least.size) {
                    least = g;
                }
            }
            least.pieces.add(p);
            least.size += p.to() - p.from() + p.spans().size(); // self times read the whole thread
        }
        return groups;
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
