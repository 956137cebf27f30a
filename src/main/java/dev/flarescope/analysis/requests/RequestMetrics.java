package dev.flarescope.analysis.requests;

/**
 * The numbers of one request, each with the {@link Basis} it follows.
 *
 * <p>Definitions (all durations in milliseconds, speeds in tokens per second):
 * <ul>
 *   <li>TTFT = first token - arrival. For a disaggregated request (one with a KV transfer) the first
 *       token is produced by the first decode step after the transfer, so TTFT includes prefill, the
 *       transfer and that step. dnet's own {@code perf stat} reports as TTFT the gap between the first
 *       two tokens; here TTFT is measured from {@code request.start}.</li>
 *   <li>E2E = end - arrival.</li>
 *   <li>ITL percentiles: nearest rank ({@link Percentiles}) over the gaps between consecutive tokens.</li>
 *   <li>prefill speed = input tokens / time spent in prefill.</li>
 *   <li>decode speed = (output tokens - 1) / (last token - first token): the first token is excluded
 *       because its cost is prefill, not decode.</li>
 * </ul>
 * Token counts come from the metrics record, or are counted from token events when there is none
 * (-1 when unknown).
 */
public record RequestMetrics(Measure queueMs, Measure ttftMs, Measure e2eMs, Measure itlP50Ms, Measure itlP90Ms,
                             Measure itlP99Ms, Measure prefillTps, Measure decodeTps, long inputTokens,
                             long outputTokens) {

    public static final RequestMetrics UNKNOWN = new RequestMetrics(Measure.UNKNOWN, Measure.UNKNOWN,
            Measure.UNKNOWN, Measure.UNKNOWN, Measure.UNKNOWN, Measure.UNKNOWN, Measure.UNKNOWN, Measure.UNKNOWN,
            -1, -1);

    /** Field by field: this one's value where known, else {@code other}'s. */
    public RequestMetrics orElse(RequestMetrics other) {
        return new RequestMetrics(queueMs.orElse(other.queueMs), ttftMs.orElse(other.ttftMs),
                e2eMs.orElse(other.e2eMs), itlP50Ms.orElse(other.itlP50Ms), itlP90Ms.orElse(other.itlP90Ms),
                itlP99Ms.orElse(other.itlP99Ms), prefillTps.orElse(other.prefillTps),
                decodeTps.orElse(other.decodeTps), inputTokens >= 0 ? inputTokens : other.inputTokens,
                outputTokens >= 0 ? outputTokens : other.outputTokens);
    }
}
