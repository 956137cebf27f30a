package dev.flarescope.analysis.anomaly;

import dev.flarescope.analysis.requests.EventRef;
import dev.flarescope.analysis.requests.RequestTimeline;
import dev.flarescope.model.RawEvent;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a finding points and the numbers that convict, in the order a reader should see them. Each
 * part is optional: {@code requestId} null, process and thread -1, times {@link RawEvent#NO_TIME}.
 * Times are on the clock of the request timeline (or the trace) they came from.
 */
public record Evidence(String requestId, int process, int thread, long startNs, long endNs,
                       Map<String, Quantity> numbers) {

    public Evidence {
        numbers = Collections.unmodifiableMap(new LinkedHashMap<>(numbers));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder pointing at a request: its id, its first trace event's process and thread, arrival to end. */
    public static Builder of(RequestTimeline request) {
        Builder b = new Builder().request(request.id());
        EventRef first = request.firstEvent();
        if (first != null) {
            b.at(first.process(), first.thread());
        }
        return b.range(request.arrivalNs(), request.endNs());
    }

    /** Accumulates evidence; numbers keep the order they were added in. */
    public static final class Builder {
        private String requestId;
        private int process = -1;
        private int thread = -1;
        private long startNs = RawEvent.NO_TIME;
        private long endNs = RawEvent.NO_TIME;
        private final Map<String, Quantity> numbers = new LinkedHashMap<>();

        public Builder request(String id) {
            this.requestId = id;
            return this;
        }

        public Builder at(int process, int thread) {
            this.process = process;
            this.thread = thread;
            return this;
        }

        public Builder range(long startNs, long endNs) {
            this.startNs = startNs;
            this.endNs = endNs;
            return this;
        }

        public Builder number(String name, double value, String unit) {
            numbers.put(name, new Quantity(value, unit));
            return this;
        }

        public Evidence build() {
            return new Evidence(requestId, process, thread, startNs, endNs, numbers);
        }
    }
}
