package dev.flarescope.analysis.requests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarescope.model.RequestRecord;
import dev.flarescope.model.Trace;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Requests marked failed by what their trace events' args say, and by their metrics records. */
class RequestFailureTest {

    /**
     * One request per case: an HTTP span from {@code at} ms, then a finishing instant 10 ms later whose
     * args are {@code {"request_id": id, <signal>}}.
     */
    private static Trace finishedWith(Map<String, String> signalById) {
        TestTraces t = TestTraces.create();
        int at = 0;
        for (Map.Entry<String, String> c : signalById.entrySet()) {
            String id = "{\"request_id\":\"" + c.getKey() + "\"";
            t.span(1, 1, "http.chat_completions", at, 10, id + "}");
            t.instant(1, 1, "http.chat_completions.finished", at + 10, id + "," + c.getValue() + "}");
            at += 20;
        }
        return t.build();
    }

    /** The failure reason of every request, "-" for the ones not failed. */
    private static Map<String, String> reasons(List<RequestTimeline> all) {
        Map<String, String> reasons = new TreeMap<>();
        for (RequestTimeline t : all) {
            assertEquals(t.failureReason() != null, t.failed(), t.id());
            reasons.put(t.id(), t.failed() ? t.failureReason() : "-");
        }
        return reasons;
    }

    private static RequestTimeline only(List<RequestTimeline> all, String id) {
        return all.stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void everyFailureSignalMarksTheRequestFailedWithItsReason() {
        Map<String, String> signals = new LinkedHashMap<>();
        Map<String, String> expected = new TreeMap<>();
        signals.put("status-503", "\"status\":503");
        expected.put("status-503", "HTTP 503");
        signals.put("status-text-504", "\"status\":\"504\"");
        expected.put("status-text-504", "HTTP 504");
        signals.put("status-code-429", "\"status_code\":429");
        expected.put("status-code-429", "HTTP 429");
        signals.put("http-status-400", "\"http_status\":\" 400\"");
        expected.put("http-status-400", "HTTP 400");
        signals.put("status-word-TIMEOUT", "\"status\":\"TIMEOUT\"");
        expected.put("status-word-TIMEOUT", "timeout");
        signals.put("status-word-Timed_Out", "\"status\":\"Timed_Out\"");
        expected.put("status-word-Timed_Out", "timed_out");
        for (String word : List.of("error", "failed", "failure", "aborted", "abort", "cancelled", "canceled")) {
            signals.put("status-word-" + word, "\"status\":\"" + word + "\"");
            expected.put("status-word-" + word, word);
        }
        signals.put("error-text", "\"error\":\"prefill worker exited\"");
        expected.put("error-text", "error");
        signals.put("error-object", "\"error\":{\"code\":\"oom\"}");
        expected.put("error-object", "error");
        for (String reason : List.of("abort", "error", "timeout", "cancelled")) {
            signals.put("finish-" + reason, "\"finish_reason\":\"" + reason.toUpperCase() + "\"");
            expected.put("finish-" + reason, reason);
        }
        signals.put("finish-type-abort", "\"finish_reason\":{\"type\":\"abort\",\"message\":\"client went away\"}");
        expected.put("finish-type-abort", "abort");
        signals.put("success-false", "\"success\":false");
        expected.put("success-false", "failed");
        // several signals at once: the HTTP status is the most specific
        signals.put("status-and-error", "\"status\":503,\"error\":\"prefill worker 5120 exited\",\"success\":false");
        expected.put("status-and-error", "HTTP 503");

        List<RequestTimeline> all = RequestTimelines.build(finishedWith(signals), PhaseMapping.defaults());
        assertEquals(signals.size(), all.size());
        assertEquals(expected, reasons(all));
    }

    @Test
    void nearMissesStayNotFailed() {
        Map<String, String> signals = new LinkedHashMap<>();
        signals.put("status-399", "\"status\":399");
        signals.put("status-200", "\"status\":200");
        signals.put("status-text-200", "\"status\":\"200\"");
        signals.put("status-ok", "\"status\":\"ok\"");
        signals.put("status-success", "\"status\":\"success\"");
        signals.put("status-not-http", "\"status\":1500"); // no HTTP status has four digits
        signals.put("status-code-302", "\"status_code\":302");
        signals.put("error-empty", "\"error\":\"\"");
        signals.put("error-blank", "\"error\":\"  \"");
        signals.put("error-null", "\"error\":null");
        signals.put("error-false", "\"error\":false");
        signals.put("error-empty-object", "\"error\":{}");
        signals.put("success-true", "\"success\":true");
        signals.put("success-text", "\"success\":\"false\"");
        signals.put("finish-stop", "\"finish_reason\":\"stop\"");
        signals.put("finish-type-length", "\"finish_reason\":{\"type\":\"length\"}");
        signals.put("nested-status", "\"response\":{\"status\":503}"); // only top-level members are read

        List<RequestTimeline> all = RequestTimelines.build(finishedWith(signals), PhaseMapping.defaults());
        assertEquals(signals.size(), all.size());
        for (RequestTimeline t : all) {
            assertFalse(t.failed(), t.id() + " " + t.failureReason());
            assertNull(t.failureReason(), t.id());
        }
    }

    @Test
    void aBatchEventFailsEveryRequestItListsAndTheEarliestEventGivesTheReason() {
        Trace trace = TestTraces.create()
                .span(1, 1, "http.chat_completions", 0, 5, "{\"request_id\":\"a\"}")
                .span(1, 1, "http.chat_completions", 1, 5, "{\"request_id\":\"b\"}")
                .span(1, 1, "http.chat_completions", 2, 5, "{\"request_id\":\"c\"}")
                .span(2, 1, "WorkerProcess.batch_prefill", 10, 30, "{\"request_ids\":[\"a\",\"b\"],\"status\":\"aborted\"}")
                .instant(1, 1, "request.finished", 45, "{\"request_id\":\"a\",\"finish_reason\":\"timeout\"}")
                .instant(1, 1, "http.chat_completions.finished", 50, "{\"request_id\":\"a\",\"status\":503}")
                .instant(1, 1, "http.chat_completions.finished", 51, "{\"request_id\":\"c\",\"status\":200}")
                // args that name no request say nothing about one
                .instant(1, 1, "worker.lost", 52, "{\"pid\":2,\"error\":\"heartbeat timeout\"}")
                .build();
        List<RequestTimeline> all = RequestTimelines.build(trace, PhaseMapping.defaults());
        assertEquals(Map.of("a", "aborted", "b", "aborted", "c", "-"), reasons(all));
    }

    @Test
    void aFailedRecordGivesTheReasonBeforeTheEvents() {
        RequestRecord http = TestTraces.record("http");
        http.failed = true;
        http.extra.put("status", "500");
        http.error = "upstream closed";
        RequestRecord timeout = TestTraces.record("timeout");
        timeout.failed = true;
        timeout.finishReason = "Timeout";
        RequestRecord error = TestTraces.record("error");
        error.failed = true;
        error.error = "HTTP 500: the request exceeds the available context size";
        RequestRecord bare = TestTraces.record("bare");
        bare.failed = true;
        bare.finishReason = "stop";
        RequestRecord fine = TestTraces.record("fine"); // the record is fine, its trace event is not
        fine.finishReason = "stop";
        Trace trace = TestTraces.create()
                .request(http).request(timeout).request(error).request(bare).request(fine)
                .instant(1, 1, "http.chat_completions.finished", 10, "{\"request_id\":\"http\",\"status\":\"cancelled\"}")
                .instant(1, 1, "http.chat_completions.finished", 20, "{\"request_id\":\"fine\",\"status_code\":502}")
                .build();
        List<RequestTimeline> all = RequestTimelines.build(trace, PhaseMapping.defaults());
        assertEquals(Map.of("http", "HTTP 500", "timeout", "timeout", "error", "error", "bare", "failed",
                "fine", "HTTP 502"), reasons(all));
        assertTrue(only(all, "fine").records().stream().noneMatch(r -> r.failed));
    }
}
