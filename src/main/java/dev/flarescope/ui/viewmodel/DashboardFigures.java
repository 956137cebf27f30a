package dev.flarescope.ui.viewmodel;

import dev.flarescope.analysis.anomaly.Finding;
import dev.flarescope.model.Severity;
import java.util.List;
import java.util.Map;

/**
 * One snapshot of the dashboard's numbers. Percentiles are nearest-rank over the requests that have
 * the number; unknown numbers are NaN.
 *
 * @param requests      requests in the snapshot
 * @param failed        those that failed or timed out
 * @param inFlightNow   requests begun and not ended at {@code nowNs}, the latest time in the snapshot
 * @param inFlightPeak  the most requests in flight at any one time
 * @param seriesStartNs start of the first bucket of the series, on {@code clock}
 * @param bucketNs      width of one bucket
 * @param tokensPerS    tokens delivered per second in each bucket
 * @param inFlight      average requests in flight over each bucket
 * @param alarms        for each number, the findings that say it is wrong (empty when none do)
 */
public record DashboardFigures(int requests, int failed, double ttftP50Ms, double ttftP99Ms, double decodeP50Tps,
                               double prefillP50Tps, int inFlightNow, int inFlightPeak, long nowNs,
                               RequestClock clock, long seriesStartNs, long bucketNs, double[] tokensPerS,
                               double[] inFlight, Map<Severity, Integer> findingCounts,
                               Map<DashboardMetric, List<Finding>> alarms) {
    public static final DashboardFigures EMPTY = new DashboardFigures(0, 0, Double.NaN, Double.NaN, Double.NaN,
            Double.NaN, 0, 0, 0, null, 0, 0, new double[0], new double[0], Map.of(), Map.of());

    /** Share of requests that succeeded, 0 to 1; NaN without requests. */
    public double successRate() {
        return requests == 0 ? Double.NaN : (requests - failed) / (double) requests;
    }

    /** The findings that say {@code metric} is wrong. */
    public List<Finding> alarms(DashboardMetric metric) {
        return alarms.getOrDefault(metric, List.of());
    }

    public int findingCount(Severity s) {
        return findingCounts.getOrDefault(s, 0);
    }
}
