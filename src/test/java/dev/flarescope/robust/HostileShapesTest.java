package dev.flarescope.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarescope.format.GzipInput;
import dev.flarescope.format.InputException;
import dev.flarescope.io.TraceLoader;
import dev.flarescope.model.InputSummary;
import dev.flarescope.model.ProcessTrack;
import dev.flarescope.model.SpanTable;
import dev.flarescope.model.ThreadTrack;
import dev.flarescope.model.Trace;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs shaped to break a reader, each loaded through {@link TraceLoader} from a temporary file
 * within a stated time and heap bound ({@link Bounded}). The expected outcome is always the same: the
 * well-formed events around the hostile part load, the hostile part is skipped and reported with a
 * message, or the whole input is refused with one clear message; never an exception or a hang.
 *
 * <p>The largest shapes (a 200 MB string, 10 million keys, 50 million objects) are in
 * {@link HeavyShapesTest}, which runs with {@code -Dflarescope.heavy=true}.
 */
class HostileShapesTest {
    /** An event that must load whatever surrounds it. */
    static final String GOOD = "{\"name\":\"good\",\"ph\":\"X\",\"ts\":10,\"dur\":5,\"pid\":1,\"tid\":1}";

    @TempDir
    Path dir;

    @Test
    void nestingOneHundredThousandLevelsDeepInArgsCostsOnlyThatEvent() throws IOException {
        int depth = 100_000;
        Path file = Bounded.write(dir.resolve("deep-args.json"),
                "[{\"name\":\"deep\",\"ph\":\"X\",\"ts\":1,\"dur\":1,\"pid\":1,\"tid\":1,\"args\":{\"d\":", 1,
                "[", depth, "]", depth, "}},\n" + GOOD + "]", 1);
        TraceLoader.Result r = Bounded.run("nesting 100,000 deep in args", 20, 400, () -> Bounded.load(file));
        assertEquals(List.of("good 10000 5000"), spans(r.trace()));
        InputSummary in = r.trace().inputs().get(0);
        assertEquals(1, in.malformedLines());
        assertTrue(in.problems().get(0).message().contains("nesting depth"), in.problems().get(0).message());
    }

    @Test
    void nestingOneHundredThousandLevelsDeepAsTheDocumentIsRefusedOrEmpty() throws IOException {
        int depth = 100_000;
        Path array = Bounded.write(dir.resolve("deep.json"), "[", depth, "]", depth);
        TraceLoader.Result r = Bounded.run("nesting 100,000 deep, whole document", 20, 400, () -> Bounded.load(array));
        assertEquals(0, r.trace().events());
        assertNoStackTraceIn(r);

        Path lines = Bounded.write(dir.resolve("deep.jsonl"), GOOD + "\n{\"name\":\"x\",\"ph\":\"i\",\"args\":", 1,
                "{\"a\":", depth, "1", 1, "}", depth, "}\n" + GOOD.replace("good", "after") + "\n", 1);
        TraceLoader.Result l = Bounded.run("nesting 100,000 deep, one JSONL line", 20, 400, () -> Bounded.load(lines));
        assertEquals(List.of("after 10000 5000", "good 10000 5000"), spans(l.trace()));
        assertEquals(1, l.trace().inputs().get(0).malformedLines());
    }

    @Test
    void numbersOutOfRangeOrWrittenAsStringsAreCheckedNotTrusted() throws IOException {
        Path file = Bounded.write(dir.resolve("numbers.json"), """
                [{"name":"huge-ts","ph":"X","ts":1e400,"dur":1,"pid":1,"tid":1},
                 {"name":"nan-ts","ph":"X","ts":"NaN","dur":1,"pid":1,"tid":1},
                 {"name":"nan-token","ph":"X","ts":NaN,"dur":1,"pid":1,"tid":1},
                 {"name":"minus-zero","ph":"X","ts":-0,"dur":-0.0,"pid":1,"tid":1},
                 {"name":"string-ts","ph":"X","ts":"7","dur":"2","pid":1,"tid":1},
                 {"name":"big-args","ph":"X","ts":3,"dur":1,"pid":1,"tid":1,"args":{"v":1e400,"w":-0,"x":"NaN"}}]
                """, 1);
        TraceLoader.Result r = Bounded.run("1e400, -0, NaN", 10, 200, () -> Bounded.load(file));
        InputSummary in = r.trace().inputs().get(0);
        List<String> problems = in.problems().stream().map(InputSummary.Problem::message).toList();
        assertEquals(3, in.malformedLines(), problems.toString());
        assertEquals(List.of("big-args 3000 1000", "minus-zero 0 0", "string-ts 7000 2000"), spans(r.trace()));
    }

    @Test
    void duplicateKeysTakeTheLastValueAsJavaScriptDoes() throws IOException {
        Path file = Bounded.write(dir.resolve("dup.json"),
                "[{\"name\":\"first\",\"ph\":\"X\",\"ts\":1,\"dur\":1,\"pid\":1,\"tid\":1,\"name\":\"last\",\"ts\":4}]", 1);
        TraceLoader.Result r = Bounded.run("duplicate keys", 10, 200, () -> Bounded.load(file));
        assertEquals(List.of("last 4000 1000"), spans(r.trace()));
    }

    @Test
    void aUtf8ByteOrderMarkIsSkippedInEveryTextFormat() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        Path json = Bounded.write(dir.resolve("bom.json"), bom, 1, "[" + GOOD + "]", 1);
        Path jsonl = Bounded.write(dir.resolve("bom.jsonl"), bom, 1, GOOD + "\n", 1);
        for (Path p : List.of(json, jsonl)) {
            TraceLoader.Result r = Bounded.run("UTF-8 BOM " + p.getFileName(), 10, 200, () -> Bounded.load(p));
            assertEquals(List.of("good 10000 5000"), spans(r.trace()), p.toString());
        }
        Path metrics = Bounded.write(dir.resolve("bom-metrics.jsonl"), bom, 1,
                "{\"timestamp\":1740823201000,\"provider\":\"openai\",\"model\":\"m\",\"input_tokens\":100,"
                        + "\"output_tokens\":20,\"time_to_first_token\":250,\"total_duration\":900}\n", 1);
        TraceLoader.Result m = Bounded.run("UTF-8 BOM metrics", 10, 200, () -> Bounded.load(metrics));
        assertEquals(List.of(), m.failures());
        assertEquals(1, m.trace().requests().size());
    }

    @Test
    void invalidUtf8AndNulBytesCostTheirEventOnly() throws IOException {
        byte[] badName = "{\"name\":\"bad\",\"ph\":\"X\",\"ts\":1,\"dur\":1,\"pid\":1,\"tid\":1},\n"
                .getBytes(StandardCharsets.UTF_8);
        badName[11] = (byte) 0xFF; // "bad" becomes "ba" and a byte that is never valid in UTF-8
        Path file = Bounded.write(dir.resolve("bytes.json"), "[", 1, badName, 1,
                "{\u0000\u0000\u0000\"name\":\"nul\",\"ph\":\"X\",\"ts\":1,\"dur\":1,\"pid\":1,\"tid\":1},\n", 1,
                "{\"name\":\"nul-in-string\u0000\",\"ph\":\"X\",\"ts\":1,\"dur\":1,\"pid\":1,\"tid\":1},\n", 1,
                GOOD + "]", 1);
        TraceLoader.Result r = Bounded.run("invalid UTF-8 and NUL bytes", 10, 200, () -> Bounded.load(file));
        assertEquals(List.of("good 10000 5000"), spans(r.trace()));
        // the event with 0xFF is skipped up to the next event start it can see; "{" + NULs is not one, so
        // that report covers the second event too, and says where reading resumed
        List<String> problems = r.trace().inputs().get(0).problems().stream()
                .map(InputSummary.Problem::message).toList();
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("event is not valid JSON (Invalid UTF-8 start byte 0xff)"), problems.get(0));
        assertTrue(problems.get(1).contains("CTRL-CHAR, code 0"), problems.get(1));
        assertNoStackTraceIn(r);
    }

    @Test
    void aGzipBombStopsAtTheExpansionLimitWithAClearMessage() throws IOException {
        // concatenated gzip members: each inflates 1 MiB of blanks; 1,100 of them pass the 1 GiB floor
        ByteArrayOutputStream member = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(member)) {
            gz.write(new byte[0]);
            gz.write(" ".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII));
        }
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(first)) {
            gz.write(("[" + GOOD + ",").getBytes(StandardCharsets.US_ASCII));
        }
        int members = (int) (GzipInput.MIN_LIMIT_MB + 76);
        Path bomb = Bounded.write(dir.resolve("bomb.json.gz"), first.toByteArray(), 1, member.toByteArray(), members);
        long stored = Files.size(bomb);
        assertTrue(stored < 2 << 20, "the bomb is small: " + stored);

        TraceLoader.Result r = Bounded.run("gzip bomb (1.1 GB from " + stored / 1024 + " KB)", 60, 300,
                () -> Bounded.load(bomb));
        assertEquals(1, r.failures().size());
        String message = r.failures().get(0).userMessage();
        assertTrue(message.startsWith(bomb + ": gzip data expands past 1,024 MB"), message);
        assertTrue(message.contains("decompression bomb"), message);
    }

    @Test
    void pidAndTidOfEveryJsonTypeAreReadOrReported() throws IOException {
        List<String> values = List.of("1", "-1", "0", "1.5", "1e3", "9223372036854775807", "99999999999999999999",
                "\"main\"", "\"\"", "true", "false", "null", "{}", "{\"a\":1}", "[]", "[1]");
        StringBuilder doc = new StringBuilder("[");
        for (String pid : values) {
            for (String tid : values) {
                doc.append("{\"name\":\"e\",\"ph\":\"X\",\"ts\":1,\"dur\":1,\"pid\":").append(pid)
                        .append(",\"tid\":").append(tid).append("},\n");
            }
        }
        doc.append(GOOD).append("]");
        Path file = Bounded.write(dir.resolve("ids.json"), doc.toString(), 1);
        TraceLoader.Result r = Bounded.run("pid/tid of every JSON type", 10, 200, () -> Bounded.load(file));
        InputSummary in = r.trace().inputs().get(0);
        assertEquals(values.size() * values.size() + 1, in.events() + in.malformedLines(),
                "every event is either read or reported");
        assertTrue(spans(r.trace()).contains("good 10000 5000"));
        for (InputSummary.Problem p : in.problems()) {
            assertTrue(p.message().contains("pid") || p.message().contains("tid"), p.message());
        }
    }

    @Test
    void timestampsThatGoBackwardOrRepeatAreSortedAndKept() throws IOException {
        Path file = Bounded.write(dir.resolve("order.json"), """
                [{"name":"c","ph":"X","ts":30,"dur":1,"pid":1,"tid":1},
                 {"name":"a","ph":"X","ts":10,"dur":1,"pid":1,"tid":1},
                 {"name":"b","ph":"X","ts":20,"dur":1,"pid":1,"tid":1},
                 {"name":"b2","ph":"X","ts":20,"dur":1,"pid":1,"tid":1},
                 {"name":"b3","ph":"X","ts":20,"dur":1,"pid":1,"tid":1}]
                """, 1);
        TraceLoader.Result r = Bounded.run("timestamps backward and repeated", 10, 200, () -> Bounded.load(file));
        assertEquals(5, spanCount(r.trace()));
        assertEquals(10_000, r.trace().minTs());
        assertEquals(31_000, r.trace().maxTs());
    }

    @Test
    void timestampsThreeHundredYearsApartAreRejectedWithAMessage() throws IOException {
        // 300 years of microseconds is 9.47e15: in nanoseconds that passes 2^63 (292 years)
        long threeHundredYearsUs = 300L * 365 * 24 * 3600 * 1_000_000;
        long halfUs = threeHundredYearsUs / 2;
        Path file = Bounded.write(dir.resolve("span.json"), "[" + GOOD + ",\n"
                + "{\"name\":\"far\",\"ph\":\"X\",\"ts\":" + threeHundredYearsUs + ",\"dur\":1,\"pid\":1,\"tid\":1},\n"
                + "{\"name\":\"past\",\"ph\":\"X\",\"ts\":-" + halfUs + ",\"dur\":1,\"pid\":1,\"tid\":1},\n"
                + "{\"name\":\"future\",\"ph\":\"X\",\"ts\":" + halfUs + ",\"dur\":1,\"pid\":1,\"tid\":1}]", 1);
        TraceLoader.Result r = Bounded.run("timestamps 300 years apart", 10, 200, () -> Bounded.load(file));
        InputSummary in = r.trace().inputs().get(0);
        List<String> problems = in.problems().stream().map(InputSummary.Problem::message).toList();
        assertEquals(List.of("good 10000 5000"), spans(r.trace()), problems.toString());
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("ts is not a finite number of microseconds within range"), problems.get(0));
        assertTrue(problems.get(1).contains("lies more than 146 years (2^62 ns) from time 0"), problems.get(1));
        assertTrue(r.trace().maxTs() - r.trace().minTs() >= 0, "the trace's extent fits in a long");
    }

    /** Spans as "name start dur" (ns), sorted, over all threads. */
    static List<String> spans(Trace trace) {
        List<String> out = new ArrayList<>();
        for (ProcessTrack p : trace.processes()) {
            for (ThreadTrack t : p.threads()) {
                SpanTable s = t.spans();
                for (int i = 0; i < s.size(); i++) {
                    out.add(trace.string(s.name(i)) + " " + s.start(i) + " " + s.dur(i));
                }
            }
        }
        return out.stream().sorted().collect(Collectors.toList());
    }

    static long spanCount(Trace trace) {
        return trace.processes().stream().flatMap(p -> p.threads().stream()).mapToLong(t -> t.spans().size()).sum();
    }

    /** Messages are for people: no exception class names or stack frames in them. */
    static void assertNoStackTraceIn(TraceLoader.Result r) {
        for (InputException f : r.failures()) {
            assertTrue(!f.getMessage().contains("Exception") && !f.getMessage().contains("\tat "), f.getMessage());
        }
        for (InputSummary in : r.trace().inputs()) {
            for (InputSummary.Problem p : in.problems()) {
                assertTrue(!p.message().contains("Exception") && !p.message().contains("\tat "), p.message());
            }
        }
    }
}
