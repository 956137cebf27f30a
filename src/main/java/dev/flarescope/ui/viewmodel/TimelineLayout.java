package dev.flarescope.ui.viewmodel;

import dev.flarescope.model.CounterTrack;
import dev.flarescope.model.ProcessTrack;
import dev.flarescope.model.SpanTable;
import dev.flarescope.model.ThreadTrack;
import dev.flarescope.model.Trace;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The vertical arrangement of the timeline: a global track when the trace has global instants, then per
 * process (in the model's order: sort index, then name) a header, its counters, its async tracks and its
 * threads. A collapsed process keeps only its header. Tracks are stacked without gaps, so the track under
 * a y is found by binary search and only the tracks inside the visible band are ever drawn.
 *
 * <p>Immutable; collapsing a process makes a new layout that shares the per-trace indexes.
 */
public final class TimelineLayout {
    /** Height of one slice row. */
    public static final double ROW = 18;
    /** Space above the first row and below the last row of a slice track. */
    public static final double TRACK_PAD = 3;
    public static final double PROCESS_HEADER = 26;
    public static final double COUNTER = 40;
    public static final double GLOBAL = 22;

    private final Trace trace;
    private final AsyncRows[] async;
    private final Set<Integer> collapsed;
    private final List<TrackModel> tracks;
    private final double[] tops;
    private final int[][] threadTrack;
    private final int[] headerTrack;
    private final double height;

    private TimelineLayout(Trace trace, AsyncRows[] async, Set<Integer> collapsed) {
        this.trace = trace;
        this.async = async;
        this.collapsed = Set.copyOf(collapsed);
        List<TrackModel> list = new ArrayList<>();
        int np = trace.processes().size();
        threadTrack = new int[np][];
        headerTrack = new int[np];
        double y = 0;
        if (trace.globalInstants().size() > 0) {
            list.add(new TrackModel(TrackModel.Kind.GLOBAL, -1, 0, y, GLOBAL, 0, "Global", ""));
            y += GLOBAL;
        }
        for (int p = 0; p < np; p++) {
            ProcessTrack proc = trace.processes().get(p);
            headerTrack[p] = list.size();
            list.add(new TrackModel(TrackModel.Kind.PROCESS, p, 0, y, PROCESS_HEADER, 0, processTitle(proc),
                    proc.host()));
            y += PROCESS_HEADER;
            threadTrack[p] = new int[proc.threads().size()];
            Arrays.fill(threadTrack[p], -1);
            if (this.collapsed.contains(p)) {
                continue;
            }
            List<CounterTrack> counters = proc.counters();
            for (int c = 0; c < counters.size(); c++) {
                list.add(new TrackModel(TrackModel.Kind.COUNTER, p, c, y, COUNTER, 0, counters.get(c).name(), ""));
                y += COUNTER;
            }
            AsyncRows ar = async[p];
            for (int a = 0; a < ar.tracks(); a++) {
                int rows = Math.max(1, ar.rows(a));
                double h = rows * ROW + 2 * TRACK_PAD;
                list.add(new TrackModel(TrackModel.Kind.ASYNC, p, a, y, h, rows,
                        ar.table().trackNames().get(a), "async"));
                y += h;
            }
            for (int t = 0; t < proc.threads().size(); t++) {
                ThreadTrack th = proc.threads().get(t);
                int rows = Math.max(1, th.spans().maxDepth() + 1);
                double h = rows * ROW + 2 * TRACK_PAD;
                threadTrack[p][t] = list.size();
                list.add(new TrackModel(TrackModel.Kind.THREAD, p, t, y, h, rows, th.label(), ""));
                y += h;
            }
        }
        this.tracks = List.copyOf(list);
        this.tops = new double[list.size()];
        for (int i = 0; i < tops.length; i++) {
            tops[i] = list.get(i).top();
        }
        this.height = y;
    }

    /** A layout of {@code trace} with every process expanded. */
    public static TimelineLayout of(Trace trace) {
        AsyncRows[] async = new AsyncRows[trace.processes().size()];
        for (int p = 0; p < async.length; p++) {
            async[p] = AsyncRows.of(trace.processes().get(p).async());
        }
        return new TimelineLayout(trace, async, Set.of());
    }

    /** The same trace with exactly the processes in {@code processes} collapsed. */
    public TimelineLayout withCollapsed(Set<Integer> processes) {
        return new TimelineLayout(trace, async, processes);
    }

    /** This layout with process {@code p} collapsed if it was expanded, and expanded if it was collapsed. */
    public TimelineLayout toggle(int p) {
        Set<Integer> next = new java.util.HashSet<>(collapsed);
        if (!next.remove(p)) {
            next.add(p);
        }
        return withCollapsed(next);
    }

    public Trace trace() {
        return trace;
    }

    public List<TrackModel> tracks() {
        return tracks;
    }

    public boolean isCollapsed(int process) {
        return collapsed.contains(process);
    }

    public Set<Integer> collapsed() {
        return collapsed;
    }

    /** Total content height. */
    public double height() {
        return height;
    }

    public AsyncRows async(int process) {
        return async[process];
    }

    /** Index of the track under content y (clamped to the first/last track), or -1 when there are none. */
    public int trackIndexAt(double y) {
        if (tops.length == 0) {
            return -1;
        }
        int k = Arrays.binarySearch(tops, y);
        int i = k >= 0 ? k : -k - 2;
        return Math.max(0, Math.min(tops.length - 1, i));
    }

    /** The track containing content y, or null when y is above or below every track. */
    public TrackModel trackAt(double y) {
        if (y < 0 || y >= height) {
            return null;
        }
        int i = trackIndexAt(y);
        return i < 0 ? null : tracks.get(i);
    }

    /** The thread's track, or null when its process is collapsed. */
    public TrackModel threadTrack(int process, int thread) {
        int i = threadTrack[process][thread];
        return i < 0 ? null : tracks.get(i);
    }

    public TrackModel processHeader(int process) {
        return tracks.get(headerTrack[process]);
    }

    /**
     * Content y of the middle of a span's row; the middle of its process header when the process is
     * collapsed.
     */
    public double spanMidY(int process, int thread, int span) {
        TrackModel t = threadTrack(process, thread);
        if (t == null) {
            TrackModel h = processHeader(process);
            return h.top() + h.height() / 2;
        }
        int depth = span < 0 ? 0 : trace.processes().get(process).threads().get(thread).spans().depth(span);
        return t.rowTop(depth) + ROW / 2;
    }

    /**
     * The span under (x, content y): on the row under y, the span containing the time under x, else the
     * nearest one within {@code tolerancePx} pixels (so that spans narrower than a pixel can be clicked).
     */
    public SpanRef spanAt(double x, double y, TimeScale scale, double tolerancePx) {
        TrackModel track = trackAt(y);
        if (track == null || track.kind() != TrackModel.Kind.THREAD) {
            return null;
        }
        int depth = track.rowAt(y);
        SpanTable spans = trace.processes().get(track.process()).threads().get(track.index()).spans();
        if (depth < 0 || depth > spans.maxDepth()) {
            return null;
        }
        int[] row = spans.rows()[depth];
        long t = scale.time(x);
        long tol = Math.max(0, scale.nanos(tolerancePx));
        int best = -1;
        long bestDist = Long.MAX_VALUE;
        for (int k = spans.firstEndingAfter(row, t - tol); k < row.length && spans.start(row[k]) <= t + tol; k++) {
            int i = row[k];
            long dist = t < spans.start(i) ? spans.start(i) - t : t >= spans.end(i) ? t - spans.end(i) + 1 : 0;
            if (dist < bestDist) {
                best = i;
                bestDist = dist;
            }
            if (dist == 0) {
                break;
            }
        }
        return best < 0 ? null : new SpanRef(track.process(), track.index(), best);
    }

    private static String processTitle(ProcessTrack p) {
        return p.name() != null ? p.name() + " (pid " + p.pid() + ")" : "Process " + p.pid();
    }
}
