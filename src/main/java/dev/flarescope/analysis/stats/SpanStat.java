package dev.flarescope.analysis.stats;

/**
 * Statistics of the spans of one name within a {@link SpanScope}. Times are nanoseconds.
 *
 * <p>Percentiles use the nearest-rank definition: with the {@code count} durations sorted ascending,
 * the p-th percentile is the element at 1-based rank {@code ceil(p / 100 * count)}. It is always a
 * duration that occurred (never an interpolation), and p50 of an even count is the lower middle value.
 *
 * @param name    span name ("" for spans without one)
 * @param count   number of spans
 * @param totalNs sum of durations (nested spans of the same name are each counted in full)
 * @param selfNs  sum of self times: each span's duration minus its direct children's durations
 * @param maxNs   longest duration
 * @param p50Ns   median duration (nearest rank)
 * @param p90Ns   90th percentile duration (nearest rank)
 * @param p99Ns   99th percentile duration (nearest rank)
 * @param share   {@code selfNs} as a fraction of the self time of all spans in scope: where busy time
 *                goes, adding up to 1 over all names
 */
public record SpanStat(String name, long count, long totalNs, long selfNs, long maxNs, long p50Ns, long p90Ns,
                       long p99Ns, double share) {

    /** Mean duration, ns. */
    public double meanNs() {
        return count == 0 ? 0 : (double) totalNs / count;
    }
}
