package dev.flarescope.analysis.requests;

import static dev.flarescope.model.RawEvent.NO_TIME;

import dev.flarescope.model.LongList;
import dev.flarescope.model.RequestRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Builds one {@link RequestTimeline}. Each metric is taken from the first source that has it: trace
 * events, then the record's raw timestamps, then the record's reported value.
 *
 * <p>From trace events: arrival is {@code request.start}, else the earliest event naming the request
 * (usually the server's span for the HTTP request, which begins before queueing). Tokens are the token events ({@code request.round}); without them, two or more decode
 * intervals are read as decode steps of one token each, preceded (when prefill and decode share a
 * worker) by the token the prefill pass samples. A disaggregated request's first token is the end of
 * its first decode step: the prefill worker's token reaches the client only through the decode
 * worker. An instant that maps to a phase opens that phase until the next event of the request.
 *
 * <p>A request failed when a record says so or any of its events' args do ({@link FailureSignals}); the
 * reason is the first failed record's, else the earliest such event's.
 *
 * <p>From raw timestamps: prefill is {@code prefill_end - prefill_start}, the first token arrives at
 * {@code gen_start}, the last at {@code gen_end}, arrival is {@code total_start} (else the record's
 * arrival) and the end {@code total_end}.
 */
final class TimelineBuilder {
    private static final double NS_PER_MS = 1e6;
    private static final double NS_PER_S = 1e9;
    private static final Comparator<RequestEvent> BY_TIME = Comparator.comparingLong(RequestEvent::startNs)
            .thenComparing(Comparator.comparingLong(RequestEvent::durNs).reversed());

    private TimelineBuilder() {
    }

    static RequestTimeline build(String id, List<RequestEvent> unsorted, List<RequestRecord> records) {
        List<RequestEvent> events = new ArrayList<>(unsorted);
        events.sort(BY_TIME);
        RequestRecord record = records.isEmpty() ? null : records.get(0);
        RequestMetrics reported = record == null ? RequestMetrics.UNKNOWN : reported(record);
        Times raw = record == null ? null : fromRawTimestamps(record);
        Times spans = events.isEmpty() ? null : fromEvents(events);

        RequestMetrics metrics = reported;
        if (raw != null) {
            metrics = raw.metrics(record, Basis.DERIVED_FROM_RAW_TIMESTAMPS).orElse(metrics);
        }
        if (spans != null) {
            metrics = spans.metrics(record, Basis.DERIVED_FROM_SPANS).orElse(metrics);
        }
        String failure = failureReason(records, events);
        Times times = spans != null ? spans : raw;
        if (times == null) {
            long arrival = record == null ? NO_TIME : record.arrivalNs;
            return new RequestTimeline(id, records, events, List.of(), arrival == NO_TIME ? null : Basis.REPORTED,
                    arrival, NO_TIME, NO_TIME, NO_TIME, new long[0], metrics, failure);
        }
        return new RequestTimeline(id, records, events, times.phases, spans != null ? Basis.DERIVED_FROM_SPANS
                : Basis.DERIVED_FROM_RAW_TIMESTAMPS, times.arrival, times.firstToken, times.lastToken, times.end,
                times.tokens, metrics, failure);
    }

    /** The first failed record's reason, else that of the earliest event whose args say it failed; null if none. */
    private static String failureReason(List<RequestRecord> records, List<RequestEvent> eventsByTime) {
        for (RequestRecord r : records) {
            String why = FailureSignals.reason(r);
            if (why != null) {
                return why;
            }
        }
        for (RequestEvent e : eventsByTime) {
            if (e.failureReason() != null) {
                return e.failureReason();
            }
        }
        return null;
    }

    /** Times of one request on one clock, and what can be computed from them alone. */
    private static final class Times {
        final List<PhaseInterval> phases = new ArrayList<>();
        long arrival = NO_TIME;
        long firstToken = NO_TIME;
        long lastToken = NO_TIME;
        long end = NO_TIME;
        long[] tokens = new long[0];
        /** Token count the times themselves show, -1 when they show none. */
        long countedTokens = -1;

        RequestMetrics metrics(RequestRecord record, Basis basis) {
            long input = record != null ? record.inputTokens : -1;
            long output = record != null && record.outputTokens >= 0 ? record.outputTokens : countedTokens;
            Measure queue = Measure.UNKNOWN;
            long prefillNs = 0;
            for (PhaseInterval p : phases) {
                if (p.phase() == Phase.QUEUE) {
                    queue = Measure.of((queue.known() ? queue.value() : 0) + p.durNs() / NS_PER_MS, basis);
                } else if (p.phase() == Phase.PREFILL) {
                    prefillNs += p.durNs();
                }
            }
            double[] itl = new double[Math.max(0, tokens.length - 1)];
            for (int i = 1; i < tokens.length; i++) {
                itl[i - 1] = (tokens[i] - tokens[i - 1]) / NS_PER_MS;
            }
            Arrays.sort(itl);
            double decodeWindowS = (lastToken - firstToken) / NS_PER_S;
            return new RequestMetrics(queue,
                    Measure.of(gapMs(arrival, firstToken), basis),
                    Measure.of(gapMs(arrival, end), basis),
                    Measure.of(Percentiles.nearestRank(itl, 50), basis),
                    Measure.of(Percentiles.nearestRank(itl, 90), basis),
                    Measure.of(Percentiles.nearestRank(itl, 99), basis),
                    Measure.of(input > 0 && prefillNs > 0 ? input / (prefillNs / NS_PER_S) : Double.NaN, basis),
                    Measure.of(output >= 2 && firstToken != NO_TIME && lastToken != NO_TIME && decodeWindowS > 0
                            ? (output - 1) / decodeWindowS : Double.NaN, basis),
                    input, output);
        }
    }

    private static double gapMs(long from, long to) {
        return from == NO_TIME || to == NO_TIME ? Double.NaN : (to - from) / NS_PER_MS;
    }

    private static Times fromEvents(List<RequestEvent> events) {
        Times t = new Times();
        long start = NO_TIME;
        long endMarker = NO_TIME;
        long lastEnd = Long.MIN_VALUE;
        LongList tokenEvents = new LongList(4); // primitive lists: this runs once per request
        for (int i = 0; i < events.size(); i++) {
            RequestEvent e = events.get(i);
            lastEnd = Math.max(lastEnd, e.endNs());
            Role role = e.role();
            if (role == null) {
                continue;
            }
            switch (role) {
                case START -> start = start == NO_TIME ? e.startNs() : start;
                case END -> endMarker = Math.max(endMarker, e.endNs());
                case TOKEN -> tokenEvents.add(e.endNs());
                default -> {
                    long dur = e.instant() ? nextStartAfter(events, i) - e.startNs() : e.durNs();
                    t.phases.add(new PhaseInterval(role.phase(), e.startNs(), dur, e.ref()));
                }
            }
        }
        boolean disaggregated = false;
        long prefillEnd = NO_TIME;
        LongList decodeEnds = new LongList(4);
        long lastDecodeEnd = NO_TIME;
        for (PhaseInterval p : t.phases) {
            switch (p.phase()) {
                case PREFILL -> prefillEnd = Math.max(prefillEnd, p.endNs());
                case KV_TRANSFER -> disaggregated = true;
                case DECODE -> {
                    decodeEnds.add(p.endNs());
                    lastDecodeEnd = Math.max(lastDecodeEnd, p.endNs());
                }
                default -> {
                    // queueing says nothing about tokens
                }
            }
        }
        long[] tokens;
        if (tokenEvents.size() > 0) {
            tokens = tokenEvents.toArray();
        } else if (decodeEnds.size() >= 2) {
            boolean withPrefill = !disaggregated && prefillEnd != NO_TIME;
            tokens = new long[decodeEnds.size() + (withPrefill ? 1 : 0)];
            int k = 0;
            if (withPrefill) {
                tokens[k++] = prefillEnd;
            }
            for (int i = 0; i < decodeEnds.size(); i++) {
                tokens[k++] = decodeEnds.get(i);
            }
        } else {
            tokens = new long[0];
        }
        Arrays.sort(tokens);
        t.tokens = tokens;
        t.countedTokens = t.tokens.length > 0 ? t.tokens.length : -1;
        if (t.tokens.length > 0) {
            t.firstToken = t.tokens[0];
            t.lastToken = t.tokens[t.tokens.length - 1];
        } else {
            t.firstToken = disaggregated ? NO_TIME : prefillEnd;
            t.lastToken = lastDecodeEnd;
        }
        t.arrival = start != NO_TIME ? start : events.get(0).startNs();
        t.end = endMarker != NO_TIME ? endMarker : lastEnd;
        return t;
    }

    /** Start of the first event after {@code events[i]} that starts later than it; its own start if none. */
    private static long nextStartAfter(List<RequestEvent> events, int i) {
        long at = events.get(i).startNs();
        for (int j = i + 1; j < events.size(); j++) {
            if (events.get(j).startNs() > at) {
                return events.get(j).startNs();
            }
        }
        return at;
    }

    /** Times from the record's raw timestamps and token times, or null when it has neither. */
    private static Times fromRawTimestamps(RequestRecord r) {
        boolean any = r.totalStartNs != NO_TIME || r.prefillStartNs != NO_TIME || r.prefillEndNs != NO_TIME
                || r.genStartNs != NO_TIME || r.genEndNs != NO_TIME || r.totalEndNs != NO_TIME
                || r.tokenTimesNs != null && r.tokenTimesNs.length > 0;
        if (!any) {
            return null;
        }
        Times t = new Times();
        if (r.prefillStartNs != NO_TIME && r.prefillEndNs != NO_TIME && r.prefillEndNs >= r.prefillStartNs) {
            t.phases.add(new PhaseInterval(Phase.PREFILL, r.prefillStartNs, r.prefillEndNs - r.prefillStartNs, null));
        }
        if (r.genStartNs != NO_TIME && r.genEndNs != NO_TIME && r.genEndNs >= r.genStartNs) {
            t.phases.add(new PhaseInterval(Phase.DECODE, r.genStartNs, r.genEndNs - r.genStartNs, null));
        }
        t.phases.sort(Comparator.comparingLong(PhaseInterval::startNs));
        if (r.tokenTimesNs != null) {
            t.tokens = r.tokenTimesNs.clone();
            Arrays.sort(t.tokens);
            t.countedTokens = t.tokens.length > 0 ? t.tokens.length : -1;
        }
        boolean hasTokens = t.tokens.length > 0;
        t.arrival = r.totalStartNs != NO_TIME ? r.totalStartNs : r.arrivalNs;
        t.firstToken = r.genStartNs != NO_TIME ? r.genStartNs : hasTokens ? t.tokens[0] : NO_TIME;
        t.lastToken = r.genEndNs != NO_TIME ? r.genEndNs : hasTokens ? t.tokens[t.tokens.length - 1] : NO_TIME;
        t.end = r.totalEndNs;
        return t;
    }

    private static RequestMetrics reported(RequestRecord r) {
        double[] itl = r.itlMs == null ? new double[0] : r.itlMs.clone();
        Arrays.sort(itl);
        Basis b = Basis.REPORTED;
        return new RequestMetrics(Measure.of(r.queueMs, b), Measure.of(r.ttftMs, b), Measure.of(r.e2eMs, b),
                Measure.of(Percentiles.nearestRank(itl, 50), b), Measure.of(Percentiles.nearestRank(itl, 90), b),
                Measure.of(Percentiles.nearestRank(itl, 99), b), Measure.of(r.prefillTps, b),
                Measure.of(r.decodeTps, b), r.inputTokens, r.outputTokens);
    }
}
