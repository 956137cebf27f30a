package dev.flarescope.format.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flarescope.model.RequestRecord;
import java.math.BigDecimal;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ObjDoubleConsumer;
import java.util.function.ObjLongConsumer;

/**
 * The one place that knows which field names of which request-metrics formats mean the same thing,
 * and in which unit. Every metrics reader passes each member it meets through {@link #apply}, so a new
 * spelling or a new tool's field is added here once (and in the table in docs/formats.md) rather than
 * in four readers.
 *
 * <p>Names are compared after {@link #normalize}: lower case with {@code _} and {@code -} removed, so
 * {@code time_to_first_token}, {@code timeToFirstToken} and {@code time-to-first-token} are one name.
 * Each alias states its unit; values are converted to the canonical unit of {@link RequestRecord}
 * (milliseconds, tokens/s, nanoseconds). Nothing is derived here: a field the source did not give
 * stays unknown, and analysis computes what it can later. Members no alias matches, and recognised
 * members whose value has an unusable type, are kept in {@link RequestRecord#extra} as JSON text.
 */
public final class MetricsAliases {
    /** Canonical destination of an alias. */
    public enum Field {
        ID, PROVIDER, MODEL, INPUT_TOKENS, OUTPUT_TOKENS, CACHED_TOKENS, TTFT, E2E, QUEUE,
        PREFILL_TPS, DECODE_TPS, ITL, ARRIVAL, RAW_TIMESTAMPS, SERVER_TIMINGS, FINISH_REASON, STATUS,
        SUCCESS, ERROR
    }

    /** Unit (or shape) of an alias's value as the source writes it. */
    public enum Unit {
        TEXT("text"),
        TOKENS("tokens"),
        MS("ms"),
        SECONDS("s"),
        TOKENS_PER_SECOND("tokens/s"),
        /**
         * ISO-8601 text (a date-time without zone is taken as UTC), or an epoch number (or numeric text)
         * in s, ms, us or ns chosen by magnitude, see {@link DecimalTime#epochToNanos}.
         */
        EPOCH("ISO-8601 or epoch s/ms/us/ns"),
        /** Seconds on the producer's own clock (a simulator's or a trace's), not the wall clock. */
        TRACE_SECONDS("s, trace clock"),
        /** Object of epoch-millisecond phase times. */
        EPOCH_MS_OBJECT("object, epoch ms"),
        /** llama.cpp {@code timings} object. */
        TIMINGS_OBJECT("llama.cpp timings object"),
        /** String, or an object whose {@code type} is the reason. */
        REASON("text or {type}"),
        /** Text, or an HTTP status code. */
        STATUS_CODE("text or HTTP code"),
        BOOLEAN("boolean"),
        /** Text, or an object with a {@code message}. */
        ERROR_TEXT("text or {message}");

        private final String label;

        Unit(String label) {
            this.label = label;
        }

        /** How docs and tables print the unit. */
        public String label() {
            return label;
        }
    }

    /** One accepted spelling: the name as documented, its destination and its unit. */
    public record Alias(String name, Field field, Unit unit) {
    }

    /** Finish reasons and statuses that mean the request did not complete normally. */
    private static final Set<String> FAILED = Set.of(
            "abort", "aborted", "error", "failed", "failure", "timeout", "timedout", "cancelled", "canceled");

    private static final Map<String, Alias> BY_KEY = new LinkedHashMap<>();

    /** {@code rawTimestamps} members, by normalised name. */
    private static final Map<String, ObjLongConsumer<RequestRecord>> RAW_PHASES = Map.of(
            "totalstart", (r, ns) -> r.totalStartNs = ns,
            "prefillstart", (r, ns) -> r.prefillStartNs = ns,
            "prefillend", (r, ns) -> r.prefillEndNs = ns,
            "genstart", (r, ns) -> r.genStartNs = ns,
            "genend", (r, ns) -> r.genEndNs = ns,
            "totalend", (r, ns) -> r.totalEndNs = ns);

    /** llama.cpp {@code timings} counts, by normalised name. */
    private static final Map<String, ObjLongConsumer<RequestRecord.ServerTimings>> TIMING_COUNTS = Map.of(
            "promptn", (t, n) -> t.promptN = n,
            "predictedn", (t, n) -> t.predictedN = n,
            "cachen", (t, n) -> t.cacheN = n,
            "draftn", (t, n) -> t.draftN = n,
            "draftnaccepted", (t, n) -> t.draftNAccepted = n);

    /** llama.cpp {@code timings} times (ms) and speeds (tokens/s), by normalised name. */
    private static final Map<String, ObjDoubleConsumer<RequestRecord.ServerTimings>> TIMING_VALUES = Map.of(
            "promptms", (t, v) -> t.promptMs = v,
            "promptpersecond", (t, v) -> t.promptPerSecond = v,
            "predictedms", (t, v) -> t.predictedMs = v,
            "predictedpersecond", (t, v) -> t.predictedPerSecond = v);

    static {
        add(Field.ID, Unit.TEXT, "id", "request_id", "req_id", "rid");
        add(Field.PROVIDER, Unit.TEXT, "provider");
        add(Field.MODEL, Unit.TEXT, "model", "model_name", "model_id");
        add(Field.INPUT_TOKENS, Unit.TOKENS, "input_tokens", "prompt_tokens", "num_prefill_tokens",
                "num_input_tokens", "prompt_len");
        add(Field.OUTPUT_TOKENS, Unit.TOKENS, "output_tokens", "completion_tokens", "num_decode_tokens",
                "num_output_tokens", "output_len", "generated_tokens");
        add(Field.CACHED_TOKENS, Unit.TOKENS, "cached_tokens", "num_cached_tokens");
        add(Field.TTFT, Unit.MS, "time_to_first_token", "ttft_ms", "time_to_first_token_ms");
        add(Field.TTFT, Unit.SECONDS, "ttft", "first_token_latency");
        add(Field.E2E, Unit.MS, "total_duration", "e2e_ms", "e2e_latency_ms", "latency_ms");
        add(Field.E2E, Unit.SECONDS, "e2e_latency", "latency");
        add(Field.QUEUE, Unit.MS, "scheduling_delay_ms", "queue_ms", "queue_time_ms", "queue_delay_ms");
        add(Field.QUEUE, Unit.SECONDS, "queue_time", "scheduling_delay");
        add(Field.PREFILL_TPS, Unit.TOKENS_PER_SECOND, "prefill_tokens_per_sec", "prefill_tps",
                "prompt_tokens_per_sec");
        add(Field.DECODE_TPS, Unit.TOKENS_PER_SECOND, "generation_tokens_per_sec", "decode_tps",
                "decode_tokens_per_sec", "output_tokens_per_sec");
        add(Field.ITL, Unit.MS, "itl_ms", "inter_token_latency_ms");
        add(Field.ARRIVAL, Unit.EPOCH, "timestamp");
        add(Field.ARRIVAL, Unit.TRACE_SECONDS, "arrived_at", "arrival_time");
        add(Field.RAW_TIMESTAMPS, Unit.EPOCH_MS_OBJECT, "raw_timestamps");
        add(Field.SERVER_TIMINGS, Unit.TIMINGS_OBJECT, "server_timings", "timings");
        add(Field.FINISH_REASON, Unit.REASON, "finish_reason");
        add(Field.STATUS, Unit.STATUS_CODE, "status");
        add(Field.SUCCESS, Unit.BOOLEAN, "success");
        add(Field.ERROR, Unit.ERROR_TEXT, "error", "error_message");
    }

    private MetricsAliases() {
    }

    private static void add(Field field, Unit unit, String... names) {
        for (String name : names) {
            Alias previous = BY_KEY.put(normalize(name), new Alias(name, field, unit));
            if (previous != null) {
                throw new IllegalStateException("alias listed twice: " + name);
            }
        }
    }

    /** Lower case, {@code _} and {@code -} removed: the form names are compared in. */
    public static String normalize(String name) {
        StringBuilder b = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c != '_' && c != '-') {
                b.append(Character.toLowerCase(c));
            }
        }
        return b.toString();
    }

    /** The alias a member name matches, or null. */
    public static Alias lookup(String name) {
        return BY_KEY.get(normalize(name));
    }

    /** Every alias in table order, for documentation and tests. */
    public static List<Alias> table() {
        return Collections.unmodifiableList(new ArrayList<>(BY_KEY.values()));
    }

    /**
     * Stores one member of a request's source object into {@code r}: converted into its canonical field
     * when an alias matches and the value has a usable type, otherwise kept in {@link RequestRecord#extra}
     * under its own name. A JSON {@code null} for a known field means "not given" and is dropped.
     *
     * @return true when the value went into a canonical field
     */
    public static boolean apply(String name, JsonNode value, RequestRecord r) {
        Alias alias = lookup(name);
        if (alias == null) {
            r.extra.put(name, value.toString());
            return false;
        }
        if (value.isNull()) {
            return true;
        }
        if (!store(alias, name, value, r)) {
            r.extra.put(name, value.toString());
            return false;
        }
        return true;
    }

    private static boolean store(Alias alias, String name, JsonNode v, RequestRecord r) {
        switch (alias.field()) {
            case ID -> {
                if (!v.isTextual() && !v.isIntegralNumber()) {
                    return false;
                }
                r.id = v.asText();
            }
            case PROVIDER -> {
                if (!v.isTextual()) {
                    return false;
                }
                r.provider = v.asText();
            }
            case MODEL -> {
                if (!v.isTextual()) {
                    return false;
                }
                r.model = v.asText();
            }
            case INPUT_TOKENS, OUTPUT_TOKENS, CACHED_TOKENS -> {
                long n = count(v);
                if (n < 0) {
                    return false;
                }
                switch (alias.field()) {
                    case INPUT_TOKENS -> r.inputTokens = n;
                    case OUTPUT_TOKENS -> r.outputTokens = n;
                    default -> r.cachedTokens = n;
                }
            }
            case TTFT, E2E, QUEUE -> {
                double ms = millis(v, alias.unit());
                if (Double.isNaN(ms)) {
                    return false;
                }
                switch (alias.field()) {
                    case TTFT -> r.ttftMs = ms;
                    case E2E -> r.e2eMs = ms;
                    default -> r.queueMs = ms;
                }
            }
            case PREFILL_TPS, DECODE_TPS -> {
                if (!v.isNumber()) {
                    return false;
                }
                if (alias.field() == Field.PREFILL_TPS) {
                    r.prefillTps = v.doubleValue();
                } else {
                    r.decodeTps = v.doubleValue();
                }
            }
            case ITL -> {
                return itl(v, alias.unit(), r);
            }
            case ARRIVAL -> {
                return arrival(v, alias.unit(), r);
            }
            case RAW_TIMESTAMPS -> {
                return rawTimestamps(name, v, r);
            }
            case SERVER_TIMINGS -> {
                return serverTimings(name, v, r);
            }
            case FINISH_REASON -> {
                return finishReason(v, r);
            }
            case STATUS -> {
                return status(v, r);
            }
            case SUCCESS -> {
                if (!v.isBoolean()) {
                    return false;
                }
                r.failed |= !v.booleanValue();
            }
            case ERROR -> {
                return error(v, r);
            }
        }
        return true;
    }

    /** A whole non-negative count, or -1. */
    private static long count(JsonNode v) {
        if (v.isNumber() && v.canConvertToExactIntegral() && v.canConvertToLong() && v.longValue() >= 0) {
            return v.longValue();
        }
        return -1;
    }

    private static double millis(JsonNode v, Unit unit) {
        if (!v.isNumber()) {
            return Double.NaN;
        }
        return unit == Unit.SECONDS ? v.decimalValue().movePointRight(3).doubleValue() : v.doubleValue();
    }

    /**
     * Inter-token latencies must be a sequence; a single number is a mean, which has no canonical field
     * and therefore stays in {@code extra}.
     */
    private static boolean itl(JsonNode v, Unit unit, RequestRecord r) {
        if (!v.isArray()) {
            return false;
        }
        double[] out = new double[v.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = millis(v.get(i), unit);
            if (Double.isNaN(out[i])) {
                return false;
            }
        }
        r.itlMs = out;
        return true;
    }

    private static boolean arrival(JsonNode v, Unit unit, RequestRecord r) {
        try {
            if (unit == Unit.TRACE_SECONDS) {
                if (!v.isNumber()) {
                    return false;
                }
                r.arrivalNs = DecimalTime.toNanos(v.decimalValue(), DecimalTime.SECONDS);
                return true;
            }
            if (v.isNumber()) {
                r.arrivalNs = DecimalTime.epochToNanos(v.decimalValue());
                return true;
            }
            if (!v.isTextual()) {
                return false;
            }
            String text = v.asText().trim();
            if (!text.isEmpty() && Character.isDigit(text.charAt(0)) && text.indexOf('-') < 0) {
                r.arrivalNs = DecimalTime.epochToNanos(new BigDecimal(text));
                return true;
            }
            r.arrivalNs = DecimalTime.isoToNanos(text).epochNanos();
            return true;
        } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
            return false;
        }
    }

    /**
     * {@code rawTimestamps}: phase times in epoch milliseconds, kept to the nanosecond. Unknown members
     * and unusable values go to {@code extra} as {@code <name>.<member>}.
     */
    private static boolean rawTimestamps(String name, JsonNode v, RequestRecord r) {
        if (!v.isObject()) {
            return false;
        }
        for (Map.Entry<String, JsonNode> e : v.properties()) {
            ObjLongConsumer<RequestRecord> setPhase = RAW_PHASES.get(normalize(e.getKey()));
            JsonNode t = e.getValue();
            if (setPhase != null && t.isNumber()) {
                try {
                    setPhase.accept(r, DecimalTime.toNanos(t.decimalValue(), DecimalTime.MILLIS));
                    continue;
                } catch (NumberFormatException outOfRange) {
                    // kept in extra below
                }
            }
            if (!t.isNull()) {
                r.extra.put(name + "." + e.getKey(), t.toString());
            }
        }
        return true;
    }

    /**
     * Reads a llama.cpp {@code timings} object into {@link RequestRecord#serverTimings}. Members other
     * than the counts, times and speeds (such as {@code prompt_per_token_ms}) go to {@code extra} as
     * {@code <name>.<member>}.
     */
    public static boolean serverTimings(String name, JsonNode v, RequestRecord r) {
        if (!v.isObject()) {
            return false;
        }
        RequestRecord.ServerTimings t = r.serverTimings != null ? r.serverTimings : new RequestRecord.ServerTimings();
        for (Map.Entry<String, JsonNode> e : v.properties()) {
            if (!timing(t, normalize(e.getKey()), e.getValue()) && !e.getValue().isNull()) {
                r.extra.put(name + "." + e.getKey(), e.getValue().toString());
            }
        }
        r.serverTimings = t;
        return true;
    }

    /** Stores one {@code timings} member; false when the name or the value's type is not one it knows. */
    private static boolean timing(RequestRecord.ServerTimings t, String key, JsonNode x) {
        ObjLongConsumer<RequestRecord.ServerTimings> setCount = TIMING_COUNTS.get(key);
        if (setCount != null) {
            long n = count(x);
            if (n < 0) {
                return false;
            }
            setCount.accept(t, n);
            return true;
        }
        ObjDoubleConsumer<RequestRecord.ServerTimings> setValue = TIMING_VALUES.get(key);
        if (setValue != null && x.isNumber()) {
            setValue.accept(t, x.doubleValue());
            return true;
        }
        return false;
    }

    private static boolean finishReason(JsonNode v, RequestRecord r) {
        String reason;
        if (v.isTextual()) {
            reason = v.asText();
        } else if (v.isObject() && v.path("type").isTextual()) {
            reason = v.get("type").asText();
            JsonNode message = v.get("message");
            if (message != null && message.isTextual() && r.error == null) {
                r.error = message.asText();
            }
        } else {
            return false;
        }
        r.finishReason = reason;
        r.failed |= isFailure(reason);
        return true;
    }

    private static boolean status(JsonNode v, RequestRecord r) {
        if (v.isIntegralNumber()) {
            // an HTTP code has no canonical field of its own: keep it, and mark client/server errors
            r.extra.put("status", v.toString());
            r.failed |= v.intValue() >= 400;
            return true;
        }
        if (!v.isTextual()) {
            return false;
        }
        if (r.finishReason == null) {
            r.finishReason = v.asText();
        }
        r.failed |= isFailure(v.asText());
        return true;
    }

    private static boolean error(JsonNode v, RequestRecord r) {
        if (v.isBoolean()) {
            r.failed |= v.booleanValue();
            return true;
        }
        if (v.isTextual()) {
            if (!v.asText().isEmpty()) {
                r.error = v.asText();
                r.failed = true;
            }
            return true;
        }
        if (v.isObject()) {
            JsonNode message = v.get("message");
            r.error = message != null && message.isTextual() ? message.asText() : v.toString();
            r.failed = true;
            return true;
        }
        return false;
    }

    /** True for finish reasons and statuses that mean failure (abort, error, timeout, cancelled, ...). */
    public static boolean isFailure(String reasonOrStatus) {
        return FAILED.contains(normalize(reasonOrStatus).toLowerCase(Locale.ROOT));
    }
}
