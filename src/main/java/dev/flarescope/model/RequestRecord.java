package dev.flarescope.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One request's metrics in canonical form, whatever format it came from (see docs/formats.md for
 * the alias table). Unknown numbers are {@code NaN}, unknown counts {@code -1}, unknown times
 * {@link RawEvent#NO_TIME}. Times are nanoseconds: epoch-based when the source gave wall-clock times,
 * otherwise on the trace's clock.
 */
public final class RequestRecord {
    /** Request id as given, or a synthetic one ({@code <format>#<line>}) when the source has none. */
    public String id;
    public String provider;
    public String model;
    /** Which reader made this record ("llm-metrics", "llama.cpp-timings", "inference-sim", "sglang", "proxy"). */
    public String sourceFormat;
    /** Input path and 1-based line the record came from. */
    public String source;
    public long line;

    public long inputTokens = -1;
    public long outputTokens = -1;
    public long cachedTokens = -1;

    /** Reported time to first token, ms. */
    public double ttftMs = Double.NaN;
    /** Reported end-to-end latency, ms. */
    public double e2eMs = Double.NaN;
    /** Reported queueing / scheduling delay, ms. */
    public double queueMs = Double.NaN;
    /** Reported prefill speed, tokens/s. */
    public double prefillTps = Double.NaN;
    /** Reported generation (decode) speed, tokens/s. */
    public double decodeTps = Double.NaN;
    /** Reported inter-token latencies, ms, in order; null when not given. */
    public double[] itlMs;

    /** When the request arrived (wall clock or trace clock), ns. */
    public long arrivalNs = RawEvent.NO_TIME;
    /** Phase timestamps from {@code rawTimestamps}, ns. */
    public long totalStartNs = RawEvent.NO_TIME;
    public long prefillStartNs = RawEvent.NO_TIME;
    public long prefillEndNs = RawEvent.NO_TIME;
    public long genStartNs = RawEvent.NO_TIME;
    public long genEndNs = RawEvent.NO_TIME;
    public long totalEndNs = RawEvent.NO_TIME;
    /** Arrival time of each output token, ns, when a source measured them (the proxy does). */
    public long[] tokenTimesNs;

    /** The server's own {@code timings} object (llama.cpp), or null. */
    public ServerTimings serverTimings;

    /** {@code finish_reason} / status as given ("stop", "length", "error", "timeout", ...), or null. */
    public String finishReason;
    /** True when the source says the request failed or timed out. */
    public boolean failed;
    public String error;

    /** Fields no alias matched, kept as JSON text by name. */
    public final Map<String, String> extra = new LinkedHashMap<>();

    /** llama.cpp {@code timings}: the server's own measurement of one request. */
    public static final class ServerTimings {
        public long promptN = -1;
        public double promptMs = Double.NaN;
        public double promptPerSecond = Double.NaN;
        public long predictedN = -1;
        public double predictedMs = Double.NaN;
        public double predictedPerSecond = Double.NaN;
        public long cacheN = -1;
        public long draftN = -1;
        public long draftNAccepted = -1;
    }
}
