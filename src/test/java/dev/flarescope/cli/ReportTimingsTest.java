package dev.flarescope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReportTimingsTest {
    @Test
    void timingsGoToStderrPhaseByPhaseAndLeaveStdoutAlone() {
        CliRun plain = CliRun.run("report", "--json", "sample-traces/llm-metrics-impossible.jsonl");
        CliRun timed = CliRun.run("report", "--json", "--timings", "sample-traces/llm-metrics-impossible.jsonl");
        assertEquals(plain.code(), timed.code());
        assertEquals(plain.out(), timed.out());
        List<String> phases = timed.err().lines().map(l -> l.replaceFirst("^\\s*[0-9.]+ s\\s+", "")).toList();
        assertEquals(List.of("load (read and assemble)", "span statistics", "requests and rules", "output"),
                phases.subList(0, 4));
        assertTrue(phases.get(4).startsWith("total, in a process up for "), phases.get(4));
    }
}
