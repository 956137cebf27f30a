package dev.flarescope.analysis.requests;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flarescope.model.RequestRecord;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads why a request failed from the args of a trace event that names it, or from its metrics
 * record. A request known only from trace events is failed exactly when one of its events says so,
 * so these are the signals serving stacks actually write: an HTTP error status, a failing status or
 * finish reason, an error, or {@code success: false}.
 *
 * <p>Reasons are short and stable, so a run's failures can be counted by reason: {@code "HTTP 503"},
 * a failing status or finish reason in lower case with {@code _} between words ({@code "timeout"},
 * {@code "timed_out"}, {@code "abort"}), {@code "error"}, or {@code "failed"}.
 */
final class FailureSignals {
    /** Members that hold an HTTP status code. */
    private static final String[] HTTP_STATUS_KEYS = {"status", "status_code", "http_status"};
    private static final List<String> SIGNAL_KEYS = List.of("status", "status_code", "http_status", "finish_reason",
            "error", "success");
    private static final List<byte[]> SIGNAL_KEYS_UTF8 = SIGNAL_KEYS.stream()
            .map(k -> k.getBytes(StandardCharsets.UTF_8)).toList();
    /** Status and finish-reason words that mean the request did not complete normally. */
    private static final Set<String> FAILURE_WORDS = Set.of("error", "failed", "failure", "timeout", "timed_out",
            "timedout", "aborted", "abort", "cancelled", "canceled");
    private static final int FIRST_ERROR_STATUS = 400;
    private static final int LAST_HTTP_STATUS = 599;
    private static final String ERROR = "error";
    private static final String FAILED = "failed";

    private FailureSignals() {
    }

    /** Top-level args members {@link #reason(JsonNode)} reads; the scanner keeps only these as a tree. */
    static boolean isSignal(String member) {
        return SIGNAL_KEYS.contains(member);
    }

    /** {@link #isSignal(String)} of a member name given as the UTF-8 bytes {@code b[from, to)}. */
    static boolean isSignal(byte[] b, int from, int to) {
        for (byte[] key : SIGNAL_KEYS_UTF8) {
            if (Arrays.equals(b, from, to, key, 0, key.length)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Why the event with these top-level {@code args} says its request failed, or null when it does
     * not. When several signals are present the most specific wins: HTTP status, then {@code status}
     * word, then {@code finish_reason}, then {@code error}, then {@code success: false}.
     */
    static String reason(JsonNode args) {
        for (String key : HTTP_STATUS_KEYS) {
            int code = httpStatus(args.get(key));
            if (code >= FIRST_ERROR_STATUS) {
                return "HTTP " + code;
            }
        }
        String status = failureWord(args.get("status"));
        if (status != null) {
            return status;
        }
        JsonNode finish = args.get("finish_reason");
        String finishReason = failureWord(finish != null && finish.isObject() ? finish.get("type") : finish);
        if (finishReason != null) {
            return finishReason;
        }
        if (isError(args.get("error"))) {
            return ERROR;
        }
        JsonNode success = args.get("success");
        return success != null && success.isBoolean() && !success.booleanValue() ? FAILED : null;
    }

    /**
     * Why a metrics record failed, or null when its reader did not mark it failed. The reader's
     * judgement stands; this only names it, in the same terms as {@link #reason(JsonNode)}.
     */
    static String reason(RequestRecord r) {
        if (!r.failed) {
            return null;
        }
        String status = r.extra.get("status"); // where readers keep an HTTP status code, as JSON text
        if (status != null && isHttpError(status)) {
            return "HTTP " + status;
        }
        String finish = r.finishReason == null ? null : normalise(r.finishReason);
        if (finish != null && FAILURE_WORDS.contains(finish)) {
            return finish;
        }
        return r.error != null ? ERROR : FAILED;
    }

    /** The status code in {@code v} (a number or a numeric string) when it is an HTTP status, else -1. */
    private static int httpStatus(JsonNode v) {
        if (v == null) {
            return -1;
        }
        if (v.isIntegralNumber() && v.canConvertToInt()) {
            return inHttpRange(v.intValue());
        }
        if (v.isTextual() && isDigits(v.asText().trim())) {
            return inHttpRange(Integer.parseInt(v.asText().trim()));
        }
        return -1;
    }

    private static boolean isHttpError(String text) {
        return isDigits(text) && inHttpRange(Integer.parseInt(text)) >= FIRST_ERROR_STATUS;
    }

    /** Up to three digits: longer numbers are not HTTP statuses and might not fit an int. */
    private static boolean isDigits(String s) {
        if (s.isEmpty() || s.length() > 3) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static int inHttpRange(int code) {
        return code >= 100 && code <= LAST_HTTP_STATUS ? code : -1;
    }

    /** The normalised word when {@code v} is a string naming a failure, else null. */
    private static String failureWord(JsonNode v) {
        if (v == null || !v.isTextual()) {
            return null;
        }
        String word = normalise(v.asText());
        return FAILURE_WORDS.contains(word) ? word : null;
    }

    private static String normalise(String word) {
        return word.trim().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    }

    /** An error worth the name: a non-blank message, an object with content, or {@code true}. */
    private static boolean isError(JsonNode v) {
        if (v == null) {
            return false;
        }
        if (v.isTextual()) {
            return !v.asText().isBlank();
        }
        if (v.isObject()) {
            return !v.isEmpty();
        }
        return v.isBoolean() && v.booleanValue();
    }
}
