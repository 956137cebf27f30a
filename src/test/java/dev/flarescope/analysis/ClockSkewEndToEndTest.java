package dev.flarescope.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarescope.analysis.anomaly.Finding;
import dev.flarescope.io.TraceLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A flow recorded on two hosts whose clocks disagree reaches the clock-skew rule through the whole pipeline. */
class ClockSkewEndToEndTest {
    @TempDir
    Path dir;

    @Test
    void aBackwardFlowBetweenHostsIsReportedWithItsSkew() throws IOException {
        // the scheduler on host a sends at 1000 us; the worker on host b, 300 us behind, receives at 750 us
        Path a = dir.resolve("a.json");
        Files.writeString(a, """
                {"otherData":{"host_name":"a"},"traceEvents":[
                {"ph":"X","name":"schedule","pid":1,"tid":1,"ts":990,"dur":20},
                {"ph":"s","name":"dispatch","cat":"req","id":"r1","pid":1,"tid":1,"ts":1000}]}
                """);
        Path b = dir.resolve("b.json");
        Files.writeString(b, """
                {"otherData":{"host_name":"b"},"traceEvents":[
                {"ph":"X","name":"prefill","pid":1,"tid":1,"ts":750,"dur":100},
                {"ph":"f","bp":"e","name":"dispatch","cat":"req","id":"r1","pid":1,"tid":1,"ts":750}]}
                """);
        TraceLoader.Result r = TraceLoader.load(List.of(a, b));
        assertEquals(1, r.trace().flows().size());
        List<Finding> skew = Analysis.run(r.trace(), AnalysisOptions.defaults()).findings().stream()
                .filter(f -> f.ruleId().equals("clock-skew")).toList();
        assertEquals(1, skew.size(), skew.toString());
        assertTrue(skew.get(0).message().contains("250"), skew.get(0).message());
    }
}
