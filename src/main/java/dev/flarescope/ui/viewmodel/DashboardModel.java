package dev.flarescope.ui.viewmodel;

import dev.flarescope.analysis.AnalysisResult;
import dev.flarescope.analysis.anomaly.Finding;
import dev.flarescope.analysis.requests.Measure;
import dev.flarescope.analysis.requests.Percentiles;
import dev.flarescope.analysis.requests.RequestTimeline;
import dev.flarescope.model.RawEvent;
import dev.flarescope.model.Severity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The numbers of the metrics dashboard. It takes whole snapshots ({@link #accept}) as often as they
 * come: once for a loaded trace, again and again for a live source, and everything, including the
 * requests in flight and the tokens-per-second series, is computed from the requests' own arrival,
 * token and end times, so a static trace and a live one give the same picture of the same data.
 *
 * <p>The series are over the clock most requests are timed on (the trace's when any request has trace
 * events), cut into {@link #BUCKETS} buckets from the first arrival to the latest time seen. A request
 * with no end yet counts as in flight up to that latest time.
 */
public final class DashboardModel {
    public static final int BUCKETS = 60;
    private static final double NS_PER_S = 1e9;

    private final ReadOnlyObjectWrapper<DashboardFigures> figures = new ReadOnlyObjectWrapper<>(this, "figures",
            DashboardFigures.EMPTY);

    public ReadOnlyObjectProperty<DashboardFigures> figuresProperty() {
        return figures.getReadOnlyProperty();
    }

    public DashboardFigures figures() {
        return figures.get();
    }

    /** Replaces the numbers with those of a new snapshot (null clears them). FX thread. */
    public void accept(AnalysisResult snapshot) {
        figures.set(snapshot == null ? DashboardFigures.EMPTY : compute(snapshot, BUCKETS));
    }

    /** The figures of one snapshot with series of {@code buckets} buckets. Pure; any thread. */
    public static DashboardFigures compute(AnalysisResult a, int buckets) {
        List<RequestTimeline> requests = a.requests();
        int failed = (int) requests.stream().filter(RequestTimeline::failed).count();
        double[] ttft = sorted(requests, t -> t.metrics().ttftMs());
        double[] decode = sorted(requests, t -> t.metrics().decodeTps());
        double[] prefill = sorted(requests, t -> t.metrics().prefillTps());

        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        a.findings().forEach(f -> counts.merge(f.severity(), 1, Integer::sum));
        Map<DashboardMetric, List<Finding>> alarms = new EnumMap<>(DashboardMetric.class);
        for (DashboardMetric m : DashboardMetric.values()) {
            List<Finding> behind = a.findings().stream().filter(m::concerns).toList();
            if (!behind.isEmpty()) {
                alarms.put(m, behind);
            }
        }

        RequestClock clock = mainClock(requests);
        List<RequestTimeline> timed = requests.stream()
                .filter(t -> RequestClock.of(t) == clock && RequestFacts.startNs(t) != RawEvent.NO_TIME).toList();
        if (timed.isEmpty()) {
            return new DashboardFigures(requests.size(), failed, Percentiles.nearestRank(ttft, 50),
                    Percentiles.nearestRank(ttft, 99), Percentiles.nearestRank(decode, 50),
                    Percentiles.nearestRank(prefill, 50), 0, 0, 0, null, 0, 0, new double[0], new double[0], counts,
                    alarms);
        }
        long start = Long.MAX_VALUE;
        long now = Long.MIN_VALUE;
        for (RequestTimeline t : timed) {
            start = Math.min(start, RequestFacts.startNs(t));
            now = Math.max(now, RequestFacts.endNs(t));
        }
        long bucket = Math.max(1, (now - start + buckets - 1) / buckets);
        double[] inFlight = new double[buckets];
        double[] tokens = new double[buckets];
        int inFlightNow = 0;
        for (RequestTimeline t : timed) {
            long s = RequestFacts.startNs(t);
            boolean open = t.endNs() == RawEvent.NO_TIME;
            long e = open ? now : RequestFacts.endNs(t);
            if (open) {
                inFlightNow++;
            }
            addInterval(inFlight, start, bucket, s, e);
            addTokens(tokens, start, bucket, t);
        }
        for (int i = 0; i < buckets; i++) {
            inFlight[i] /= bucket;
            tokens[i] /= bucket / NS_PER_S;
        }
        return new DashboardFigures(requests.size(), failed, Percentiles.nearestRank(ttft, 50),
                Percentiles.nearestRank(ttft, 99), Percentiles.nearestRank(decode, 50),
                Percentiles.nearestRank(prefill, 50), inFlightNow, peak(timed), now, clock, start, bucket, tokens,
                inFlight, counts, alarms);
    }

    /** The trace clock when any request is timed on it, else the records' clock (null when none is timed). */
    static RequestClock mainClock(List<RequestTimeline> requests) {
        RequestClock found = null;
        for (RequestTimeline t : requests) {
            RequestClock c = RequestClock.of(t);
            if (c == RequestClock.TRACE) {
                return c;
            }
            found = c != null ? c : found;
        }
        return found;
    }

    /** Adds the time [s, e) overlaps each bucket to that bucket, ns. */
    private static void addInterval(double[] into, long origin, long bucket, long s, long e) {
        for (int i = (int) ((s - origin) / bucket); i < into.length && origin + i * bucket < e; i++) {
            long b0 = origin + i * bucket;
            long overlap = Math.min(e, b0 + bucket) - Math.max(s, b0);
            into[i] += Math.max(0, overlap);
        }
    }

    /**
     * Adds a request's tokens to the buckets they were delivered in: at their own times when known,
     * else spread evenly from the first token to the last (all at the first when that is all we know).
     */
    private static void addTokens(double[] into, long origin, long bucket, RequestTimeline t) {
        long[] times = t.tokenTimesNs();
        if (times.length > 0) {
            for (long x : times) {
                into[index(x, origin, bucket, into.length)] += 1;
            }
            return;
        }
        long n = t.metrics().outputTokens();
        long first = t.firstTokenNs();
        if (n <= 0 || first == RawEvent.NO_TIME) {
            return;
        }
        long last = t.lastTokenNs() == RawEvent.NO_TIME ? first : t.lastTokenNs();
        if (last <= first) {
            into[index(first, origin, bucket, into.length)] += n;
            return;
        }
        double perNs = n / (double) (last - first);
        for (int i = index(first, origin, bucket, into.length); i < into.length && origin + i * bucket < last; i++) {
            long b0 = origin + i * bucket;
            into[i] += perNs * Math.max(0, Math.min(last, b0 + bucket) - Math.max(first, b0));
        }
    }

    private static int index(long t, long origin, long bucket, int n) {
        return (int) Math.max(0, Math.min(n - 1, (t - origin) / bucket));
    }

    /** The most requests in flight at once: a sweep over starts (+1) and ends (-1), ends first at a tie. */
    private static int peak(List<RequestTimeline> timed) {
        long[] starts = new long[timed.size()];
        long[] ends = new long[timed.size()];
        for (int i = 0; i < timed.size(); i++) {
            RequestTimeline t = timed.get(i);
            starts[i] = RequestFacts.startNs(t);
            ends[i] = t.endNs() == RawEvent.NO_TIME ? Long.MAX_VALUE : Math.max(starts[i] + 1, RequestFacts.endNs(t));
        }
        Arrays.sort(starts);
        Arrays.sort(ends);
        int best = 0;
        int current = 0;
        int j = 0;
        for (long s : starts) {
            while (j < ends.length && ends[j] <= s) {
                current--;
                j++;
            }
            current++;
            best = Math.max(best, current);
        }
        return best;
    }

    private static double[] sorted(List<RequestTimeline> requests, Function<RequestTimeline, Measure> f) {
        List<Double> values = new ArrayList<>();
        for (RequestTimeline t : requests) {
            Measure m = f.apply(t);
            if (m.known()) {
                values.add(m.value());
            }
        }
        return values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }
}
