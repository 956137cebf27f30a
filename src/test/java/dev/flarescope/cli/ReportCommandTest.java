package dev.flarescope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {
    /**
     * Process 1 "engine": thread 1 has step[1000,1500) holding forward[1100,1400) and step[2000,3500);
     * thread 2 has a B/E pair "sample" of 50 us. Times are microseconds.
     */
    private static final String SMALL = """
            {"traceEvents":[
            {"ph":"M","name":"process_name","pid":1,"tid":1,"args":{"name":"engine"}},
            {"ph":"M","name":"thread_name","pid":1,"tid":1,"args":{"name":"main"}},
            {"ph":"X","name":"step","cat":"engine","pid":1,"tid":1,"ts":1000,"dur":500},
            {"ph":"X","name":"forward","cat":"engine","pid":1,"tid":1,"ts":1100,"dur":300},
            {"ph":"X","name":"step","cat":"engine","pid":1,"tid":1,"ts":2000,"dur":1500},
            {"ph":"B","name":"sample","pid":1,"tid":2,"ts":1200},
            {"ph":"E","pid":1,"tid":2,"ts":1250},
            {"ph":"i","name":"mark","pid":1,"tid":1,"ts":1300,"s":"t"},
            {"ph":"C","name":"kv","pid":1,"ts":1000,"args":{"used":5}}
            ]}
            """;

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void jsonReportOfASmallTrace() throws IOException {
        Path p = write("small.json", SMALL);
        CliRun r = CliRun.run("report", "--json", p.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode j = r.json();

        JsonNode in = j.get("inputs").get(0);
        assertEquals(p.toString(), in.get("path").asText());
        assertEquals("chrome-json", in.get("format").asText());
        assertEquals(9, in.get("events").asLong());
        assertEquals(0, in.get("malformedLines").asLong());
        assertEquals(false, in.get("truncated").asBoolean());
        assertTrue(in.get("host").isNull());
        assertEquals(0.0, in.get("offsetMs").asDouble());

        assertEquals(9, j.get("events").get("total").asLong());
        JsonNode phases = j.get("events").get("byPhase");
        assertEquals(2, phases.get("M").asLong());
        assertEquals(3, phases.get("X").asLong());
        assertEquals(1, phases.get("B").asLong());
        assertEquals(1, phases.get("E").asLong());
        assertEquals(1, phases.get("i").asLong());
        assertEquals(1, phases.get("C").asLong());
        assertEquals(6, phases.size());

        assertEquals(1, j.get("processes").size());
        JsonNode proc = j.get("processes").get(0);
        assertEquals("1", proc.get("pid").asText());
        assertEquals("engine", proc.get("name").asText());
        assertEquals(2, proc.get("threads").asInt());
        assertEquals(p.toString(), proc.get("sources").get(0).asText());

        // by total: step 2.0 ms, forward 0.3 ms, sample 0.05 ms
        List<String> order = new ArrayList<>();
        j.get("stats").forEach(s -> order.add(s.get("name").asText()));
        assertEquals(List.of("step", "forward", "sample"), order);
        JsonNode step = CliRun.statRow(j, "step");
        assertEquals(2, step.get("count").asLong());
        assertEquals(2.0, step.get("totalMs").asDouble(), 1e-12);
        assertEquals(1.7, step.get("selfMs").asDouble(), 1e-12); // (500 - 300) + 1500 us
        assertEquals(1.5, step.get("maxMs").asDouble(), 1e-12);
        assertEquals(1.0, step.get("meanMs").asDouble(), 1e-12);
        assertEquals(0.5, step.get("p50Ms").asDouble(), 1e-12);
        assertEquals(1.5, step.get("p90Ms").asDouble(), 1e-12);
        assertEquals(1.5, step.get("p99Ms").asDouble(), 1e-12);
        assertEquals(0.05, CliRun.statRow(j, "sample").get("totalMs").asDouble(), 1e-12);

        assertEquals(0, j.get("requests").size());
        assertEquals(0, j.get("findings").size());
        assertEquals(0, j.get("failures").size());
    }

    @Test
    void textReportHasAlignedTablesAndLimitsRows() throws IOException {
        Path p = write("small.json", SMALL);
        CliRun r = CliRun.run("report", "--top", "1", p.toString());
        assertEquals(0, r.code(), r.err());
        String out = r.out();
        assertTrue(out.contains("Processes (1)"), out);
        assertTrue(out.contains("Events by phase (9 in all)"), out);
        assertTrue(out.contains("C: 1  E: 1  M: 2  X: 3  i: 1"), out);
        assertTrue(out.contains("... 2 more"), out);
        List<String> lines = out.lines().toList();
        int header = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).trim().startsWith("name")) {
                header = i;
            }
        }
        String head = lines.get(header);
        String row = lines.get(header + 1);
        assertTrue(row.trim().startsWith("step"), row);
        // right-aligned numbers end under their header: "total ms" column holds 2.000
        assertEquals(head.indexOf("total ms") + "total ms".length(), row.indexOf("2.000") + "2.000".length(), out);
    }

    @Test
    void findingsAndFailOn() throws IOException {
        // a malformed line (warning) and a negative duration (error), JSON lines
        Path p = write("bad.jsonl", """
                {"ph":"X","name":"a","pid":1,"tid":1,"ts":10,"dur":5}
                {"ph":"X","name":"b","pid":1,"tid":1,"ts":
                {"ph":"X","name":"c","pid":1,"tid":1,"ts":30,"dur":-4}
                """);
        CliRun warn = CliRun.run("report", "--json", "--fail-on", "warning", p.toString());
        assertEquals(1, warn.code(), warn.err());
        JsonNode j = warn.json();
        assertEquals(1, j.get("inputs").get(0).get("malformedLines").asLong());
        List<String> rules = new ArrayList<>();
        j.get("findings").forEach(f -> rules.add(f.get("rule").asText() + ":" + f.get("severity").asText()));
        assertEquals(List.of("negative-duration:error", "malformed-input:warning"), rules);
        JsonNode negative = j.get("findings").get(0);
        assertEquals("1", negative.get("process").asText());
        assertEquals(30.0, negative.get("tsUs").asDouble());
        assertTrue(negative.get("request").isNull());

        assertEquals(1, CliRun.run("report", "--fail-on", "error", p.toString()).code());
        assertEquals(0, CliRun.run("report", p.toString()).code());

        Path onlyWarnings = write("warn.jsonl", """
                {"ph":"B","name":"open","pid":1,"tid":1,"ts":10}
                {"ph":"X","name":"a","pid":1,"tid":1,"ts":12,"dur":5}
                """);
        CliRun w = CliRun.run("report", "--json", "--fail-on", "error", onlyWarnings.toString());
        assertEquals(0, w.code(), w.err());
        assertEquals("unmatched-begin", w.json().get("findings").get(0).get("rule").asText());
        assertEquals(1, CliRun.run("report", "--fail-on", "WARNING", onlyWarnings.toString()).code());
    }

    @Test
    void missingFileIsOneClearLine() {
        Path missing = dir.resolve("nope.json");
        CliRun r = CliRun.run("report", missing.toString());
        assertEquals(2, r.code());
        String[] lines = r.errLines();
        assertEquals(1, lines.length, r.err());
        assertTrue(lines[0].contains(missing.toString()) && lines[0].contains("no such file"), lines[0]);
        assertEquals("", r.out());
    }

    @Test
    void randomBytesAndEmptyFilesAreOneLineEach() throws IOException {
        byte[] noise = new byte[4096];
        new Random(7).nextBytes(noise);
        noise[0] = 0x01; // not gzip, not JSON
        Path random = dir.resolve("noise.bin");
        Files.write(random, noise);
        Path empty = write("empty.json", "");
        CliRun r = CliRun.run("report", random.toString(), empty.toString());
        assertEquals(2, r.code());
        String[] lines = r.errLines();
        assertEquals(2, lines.length, r.err());
        assertTrue(r.err().contains(random + ": at byte 0: expected"), r.err());
        assertTrue(r.err().contains(empty + ": ") && r.err().contains("empty"), r.err());
    }

    @Test
    void goodInputsAreReportedWhenOthersFail() throws IOException {
        Path good = write("small.json", SMALL);
        Path missing = dir.resolve("missing.json");
        CliRun r = CliRun.run("report", "--json", good.toString(), missing.toString());
        assertEquals(2, r.code());
        assertEquals(1, r.errLines().length, r.err());
        JsonNode j = r.json();
        assertEquals(1, j.get("inputs").size());
        assertEquals(9, j.get("events").get("total").asLong());
        assertEquals(missing.toString(), j.get("failures").get(0).get("path").asText());
    }

    @Test
    void offsetShiftsOneInput() throws IOException {
        Path p = write("small.json", SMALL);
        Path q = write("late.jsonl", "{\"ph\":\"B\",\"name\":\"open\",\"pid\":2,\"tid\":1,\"ts\":100}\n");
        CliRun r = CliRun.run("report", "--json", "--offset", q + "=-12.5ms", p.toString(), q.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode j = r.json();
        assertEquals(0.0, j.get("inputs").get(0).get("offsetMs").asDouble());
        assertEquals(-12.5, j.get("inputs").get(1).get("offsetMs").asDouble());
        // the unmatched B at 100 us, shifted by -12500 us
        JsonNode f = j.get("findings").get(0);
        assertEquals("unmatched-begin", f.get("rule").asText());
        assertEquals(-12400.0, f.get("tsUs").asDouble());
    }

    @Test
    void badOptionValuesAreUsageErrors() throws IOException {
        Path p = write("small.json", SMALL);
        for (String[] args : new String[][] {
                {"report", "--offset", "foo", p.toString()},
                {"report", "--offset", p + "=12parsecs", p.toString()},
                {"report", "--fail-on", "sometimes", p.toString()},
                {"report", "--top", "many", p.toString()},
                {"report", "--top", "-1", p.toString()},
                {"report"},
                {"merge", p.toString()},
                {"frobnicate"}}) {
            CliRun r = CliRun.run(args);
            assertEquals(2, r.code(), String.join(" ", args));
            assertEquals(1, r.errLines().length, r.err());
            assertTrue(r.err().startsWith("flarescope"), r.err());
        }
    }

    @Test
    void versionAndHelp() {
        CliRun v = CliRun.run("--version");
        assertEquals(0, v.code());
        assertEquals("flarescope dev", v.out().trim());
        CliRun h = CliRun.run("report", "--help");
        assertEquals(0, h.code());
        assertTrue(h.out().contains("--fail-on"), h.out());
        assertEquals(0, CliRun.run("help", "merge").code());
    }
}
