package dev.flarescope.model;

import java.util.List;
import java.util.Map;

/**
 * What was read from one input: its format, how many events of each phase, what had to be skipped.
 * {@code events} counts every event object read (metadata included); malformed lines are counted apart.
 */
public record InputSummary(String path, String format, long bytes, long events, Map<Character, Long> byPhase,
                           long malformedLines, List<Problem> problems, boolean truncated, String truncation,
                           long requests, long benchResults, long offsetNs, String host, List<String> notes) {

    /** One skipped line or event: 1-based line (0 when unknown), byte offset, and what was wrong. */
    public record Problem(long line, long offset, String message) {
    }
}
