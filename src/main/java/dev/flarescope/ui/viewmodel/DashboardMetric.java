package dev.flarescope.ui.viewmodel;

import dev.flarescope.analysis.anomaly.Finding;
import dev.flarescope.model.Severity;
import java.util.Set;

/**
 * The numbers of the dashboard and the rules that can make each one untrustworthy: a tile is shown in
 * alarm when findings of its rules exist, and clicking it lists them.
 */
public enum DashboardMetric {
    TTFT_P50("TTFT p50", Set.of("ttft-exceeds-e2e", "ttft-excludes-transfer", "phase-order", "mixed-units")),
    TTFT_P99("TTFT p99", Set.of("ttft-exceeds-e2e", "ttft-excludes-transfer", "phase-order", "mixed-units")),
    DECODE("Decode speed", Set.of("impossible-generation-speed", "burst-delivery", "speed-mismatch")),
    PREFILL("Prefill speed", Set.of("speed-mismatch")),
    REQUESTS("Requests", Set.of("dropped-events")),
    SUCCESS_RATE("Success rate", Set.of("request-failures")),
    IN_FLIGHT("In flight", Set.of()),
    TOKENS_PER_S("Tokens per second", Set.of("impossible-generation-speed", "burst-delivery")),
    FINDINGS("Findings", Set.of());

    private final String title;
    private final Set<String> rules;

    DashboardMetric(String title, Set<String> rules) {
        this.title = title;
        this.rules = rules;
    }

    public String title() {
        return title;
    }

    /** Ids of the rules behind this number; empty for the findings tile, which stands for all of them. */
    public Set<String> rules() {
        return rules;
    }

    /**
     * True when {@code f} says this number is wrong. A speed mismatch concerns the decode or the prefill
     * tile by the speed it compares; the findings tile is in alarm for errors only.
     */
    public boolean concerns(Finding f) {
        if (this == FINDINGS) {
            return f.severity() == Severity.ERROR;
        }
        if (!rules.contains(f.ruleId())) {
            return false;
        }
        if (f.ruleId().equals("speed-mismatch")) {
            boolean prefill = f.evidence().numbers().keySet().stream().anyMatch(k -> k.contains("prefill"));
            return prefill == (this == PREFILL);
        }
        return true;
    }
}
