package dev.flarescope.analysis.anomaly;

import static dev.flarescope.model.RawEvent.NO_TIME;

import dev.flarescope.analysis.requests.RequestEvent;
import dev.flarescope.analysis.requests.RequestTimeline;
import dev.flarescope.analysis.requests.Role;
import dev.flarescope.model.RequestRecord;
import dev.flarescope.model.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * Signs that events of a request were lost or mislabelled: events before the request's start marker,
 * or a token count that disagrees with the token events (or token times) recorded for it.
 */
public final class DroppedEventsRule extends RequestRule {
    public static final String ID = "dropped-events";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Severity severity() {
        return Severity.WARNING;
    }

    @Override
    public String explanation() {
        return "Every event of a request happens after the request starts, and a request that generated n tokens "
                + "went through n token steps. Events stamped before the start marker mean the start marker was "
                + "lost (and a later one, or another request's, took its place) or ids were reused; fewer token "
                + "events than tokens mean a tracer's buffer overflowed or a fragment is missing. Per-token "
                + "timings of such a request are incomplete.";
    }

    @Override
    public List<Threshold> thresholds() {
        return List.of();
    }

    @Override
    Finding check(RequestTimeline request, RuleContext context) {
        Evidence.Builder e = Evidence.of(request);
        List<String> problems = new ArrayList<>();
        long start = NO_TIME;
        int tokenEvents = 0;
        for (RequestEvent ev : request.events()) {
            if (ev.role() == Role.START && start == NO_TIME) {
                start = ev.startNs();
            } else if (ev.role() == Role.TOKEN) {
                tokenEvents++;
            }
        }
        if (start != NO_TIME) {
            int early = 0;
            long earliest = start;
            for (RequestEvent ev : request.events()) {
                if (ev.startNs() < start) {
                    early++;
                    earliest = Math.min(earliest, ev.startNs());
                }
            }
            if (early > 0) {
                problems.add(early + (early == 1 ? " event precedes" : " events precede") + " the request's start by up to "
                        + Numbers.format((start - earliest) / 1e6) + " ms");
                e.number("events before start", early, "events").number("earliest lead", (start - earliest) / 1e6, "ms");
            }
        }
        RequestRecord r = request.record();
        if (r != null && r.outputTokens >= 0) {
            if (tokenEvents > 0 && tokenEvents != r.outputTokens) {
                problems.add("the record says " + r.outputTokens + " output tokens but the trace has " + tokenEvents
                        + " token events");
                e.number("output tokens", r.outputTokens, "tokens").number("token events", tokenEvents, "events");
            } else if (r.tokenTimesNs != null && r.tokenTimesNs.length > 0 && r.tokenTimesNs.length != r.outputTokens) {
                problems.add("the record says " + r.outputTokens + " output tokens but has " + r.tokenTimesNs.length
                        + " token times");
                e.number("output tokens", r.outputTokens, "tokens").number("token times", r.tokenTimesNs.length, "tokens");
            }
        }
        if (problems.isEmpty()) {
            return null;
        }
        return Finding.of(this, String.join("; ", problems), e.build());
    }
}
