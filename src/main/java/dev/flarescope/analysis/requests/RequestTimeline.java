package dev.flarescope.analysis.requests;

import dev.flarescope.model.RawEvent;
import dev.flarescope.model.RequestRecord;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Everything known about one request, joined by its id: the metrics records that name it, the trace
 * events whose args name it, its phases in time order, its token times, its {@link RequestMetrics} and
 * whether it failed.
 *
 * <p>Times ({@code arrivalNs}, token times, phase intervals) are all on one clock, named by
 * {@link #timesBasis()}: the trace's clock when the request has trace events, else the metrics
 * record's (usually the wall clock). The two are never mixed within a timeline.
 */
public final class RequestTimeline {
    private final String id;
    private final List<RequestRecord> records;
    private final List<RequestEvent> events;
    private final List<PhaseInterval> phases;
    private final Basis timesBasis;
    private final long arrivalNs;
    private final long firstTokenNs;
    private final long lastTokenNs;
    private final long endNs;
    private final long[] tokenTimesNs;
    private final RequestMetrics metrics;
    private final String failureReason;

    RequestTimeline(String id, List<RequestRecord> records, List<RequestEvent> events, List<PhaseInterval> phases,
                    Basis timesBasis, long arrivalNs, long firstTokenNs, long lastTokenNs, long endNs,
                    long[] tokenTimesNs, RequestMetrics metrics, String failureReason) {
        this.id = id;
        this.records = List.copyOf(records);
        this.events = List.copyOf(events);
        this.phases = List.copyOf(phases);
        this.timesBasis = timesBasis;
        this.arrivalNs = arrivalNs;
        this.firstTokenNs = firstTokenNs;
        this.lastTokenNs = lastTokenNs;
        this.endNs = endNs;
        this.tokenTimesNs = tokenTimesNs;
        this.metrics = metrics;
        this.failureReason = failureReason;
    }

    public String id() {
        return id;
    }

    /** Metrics records with this id, in load order; the first one supplies the reported numbers. */
    public List<RequestRecord> records() {
        return records;
    }

    /** The first metrics record with this id, or null when only trace events name the request. */
    public RequestRecord record() {
        return records.isEmpty() ? null : records.get(0);
    }

    /** Trace events naming this request, by start time. */
    public List<RequestEvent> events() {
        return events;
    }

    /** Phase intervals by start time. */
    public List<PhaseInterval> phases() {
        return phases;
    }

    /** Which clock the times of this timeline are on; null when it has no times at all. */
    public Basis timesBasis() {
        return timesBasis;
    }

    /** Arrival, or {@link RawEvent#NO_TIME}. */
    public long arrivalNs() {
        return arrivalNs;
    }

    public long firstTokenNs() {
        return firstTokenNs;
    }

    public long lastTokenNs() {
        return lastTokenNs;
    }

    public long endNs() {
        return endNs;
    }

    /** Time of each token where known (token events, decode steps, or a record's token times); may be empty. */
    public long[] tokenTimesNs() {
        return tokenTimesNs.clone();
    }

    public int tokenCount() {
        return tokenTimesNs.length;
    }

    public RequestMetrics metrics() {
        return metrics;
    }

    /**
     * True when the request failed or timed out: a metrics record says so, or the args of one of its
     * trace events do (an HTTP error status, a failing status or finish reason, an error,
     * {@code success: false}). A request known only from trace events can fail too.
     */
    public boolean failed() {
        return failureReason != null;
    }

    /**
     * Why the request failed, short enough to count failures by ({@code "HTTP 503"}, {@code "timeout"},
     * {@code "abort"}, {@code "error"}, {@code "failed"}); null when it did not. A failed record's
     * reason comes before the events'; among events the earliest wins.
     */
    public String failureReason() {
        return failureReason;
    }

    /** True when a KV transfer separates prefill from decode (prefill/decode disaggregation). */
    public boolean disaggregated() {
        return hasPhase(Phase.KV_TRANSFER);
    }

    public boolean hasPhase(Phase phase) {
        for (PhaseInterval p : phases) {
            if (p.phase() == phase) {
                return true;
            }
        }
        return false;
    }

    /** The intervals of one phase, by start time. */
    public List<PhaseInterval> phases(Phase phase) {
        List<PhaseInterval> out = null; // the rules ask this of every request, most often for nothing
        for (PhaseInterval p : phases) {
            if (p.phase() == phase) {
                if (out == null) {
                    out = new ArrayList<>(2);
                }
                out.add(p);
            }
        }
        return out == null ? List.of() : Collections.unmodifiableList(out);
    }

    /** Time spent in a phase: the sum of its intervals' durations, ns (0 when absent). */
    public long totalNs(Phase phase) {
        long sum = 0;
        for (PhaseInterval p : phases) {
            if (p.phase() == phase) {
                sum += p.durNs();
            }
        }
        return sum;
    }

    /** Earliest start of a phase, or {@link RawEvent#NO_TIME}. */
    public long firstStartNs(Phase phase) {
        long t = RawEvent.NO_TIME;
        for (PhaseInterval p : phases) {
            if (p.phase() == phase && (t == RawEvent.NO_TIME || p.startNs() < t)) {
                t = p.startNs();
            }
        }
        return t;
    }

    /** Latest end of a phase, or {@link RawEvent#NO_TIME}. */
    public long lastEndNs(Phase phase) {
        long t = RawEvent.NO_TIME;
        for (PhaseInterval p : phases) {
            if (p.phase() == phase && p.endNs() > t) {
                t = p.endNs();
            }
        }
        return t;
    }

    /** The first trace event of the request, for evidence; null when it has none. */
    public EventRef firstEvent() {
        return events.isEmpty() ? null : events.get(0).ref();
    }

    @Override
    public String toString() {
        return "RequestTimeline[" + id + ", " + phases.size() + " phases, " + events.size() + " events]";
    }
}
