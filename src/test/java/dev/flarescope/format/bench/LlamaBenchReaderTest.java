package dev.flarescope.format.bench;

import static dev.flarescope.format.metrics.ReaderFixtures.randomBytes;
import static dev.flarescope.format.metrics.ReaderFixtures.read;
import static dev.flarescope.format.metrics.ReaderFixtures.resource;
import static dev.flarescope.format.metrics.ReaderFixtures.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flarescope.format.InputException;
import dev.flarescope.format.RecordingSink;
import dev.flarescope.model.BenchResult;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LlamaBenchReaderTest {
    private static final String DIR = "/format/bench/";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The run in every form, as written by llama-bench -o json/jsonl/csv/md. */
    private static List<BenchResult> results(String file) throws Exception {
        RecordingSink sink = read(new LlamaBenchReader(), resource(DIR + file));
        assertTrue(sink.malformed.isEmpty(), file + ": " + sink.malformed);
        assertTrue(sink.truncated.isEmpty(), file + ": " + sink.truncated);
        return sink.bench;
    }

    /** The fields every form carries, as one comparable value. */
    private static List<Object> core(BenchResult b) {
        return List.of(b.modelType, b.backend, b.nPrompt, b.nGen, b.nDepth, b.test, b.avgTps, b.stddevTps);
    }

    @Test
    void jsonResultsHaveTheHandCheckedValues() throws Exception {
        List<BenchResult> json = results("qwen2-7b.json");
        assertEquals(4, json.size());
        BenchResult pp = json.get(0);
        assertEquals("models/Qwen2.5-7B-Instruct-Q4_K_M.gguf", pp.model);
        assertEquals("qwen2 7B Q4_K - Medium", pp.modelType);
        assertEquals("CUDA", pp.backend);
        assertEquals("pp512", pp.test);
        assertTrue(pp.isPrompt());
        assertEquals(7285.68, pp.avgTps);
        assertEquals(100.06, pp.stddevTps);
        assertEquals("\"8cf427ff\"", pp.extra.get("build_commit"));
        assertEquals("4677120000", pp.extra.get("model_size"));
        assertEquals("false", pp.extra.get("flash_attn"));
        assertEquals(2, pp.line);

        BenchResult tgDeep = json.get(3);
        assertEquals("tg128 @ d4096", tgDeep.test);
        assertEquals(0, tgDeep.nPrompt);
        assertEquals(128, tgDeep.nGen);
        assertEquals(4096, tgDeep.nDepth);
        assertTrue(tgDeep.isGeneration());
        assertEquals(116.71, tgDeep.avgTps);
        assertEquals(0.6, tgDeep.stddevTps);
    }

    @Test
    void allFourFormsGiveTheSameResults() throws Exception {
        List<BenchResult> json = results("qwen2-7b.json");
        List<BenchResult> jsonl = results("qwen2-7b.jsonl");
        List<BenchResult> csv = results("qwen2-7b.csv");
        List<BenchResult> md = results("qwen2-7b.md");
        assertEquals(List.of("pp512", "tg128", "pp512 @ d4096", "tg128 @ d4096"), md.stream().map(b -> b.test).toList());
        for (List<BenchResult> other : List.of(jsonl, csv, md)) {
            assertEquals(json.stream().map(LlamaBenchReaderTest::core).toList(), other.stream().map(LlamaBenchReaderTest::core).toList());
        }
        for (int i = 0; i < json.size(); i++) {
            BenchResult j = json.get(i);
            assertEquals(j.model, jsonl.get(i).model);
            assertEquals(j.model, csv.get(i).model);
            assertEquals(j.modelType, md.get(i).model, "markdown prints the model type only");
            Map<String, String> withoutSamples = new java.util.LinkedHashMap<>(j.extra);
            withoutSamples.remove("samples_ns");
            withoutSamples.remove("samples_ts");
            assertEquals(j.extra, jsonl.get(i).extra);
            assertEquals(withoutSamples, csv.get(i).extra, "csv values are typed as llama-bench types them in json");
            // markdown's extras are the columns it prints plus the footer's build, under the json names
            BenchResult m = md.get(i);
            for (String field : List.of("n_gpu_layers", "build_commit", "build_number")) {
                assertEquals(j.extra.get(field), m.extra.get(field), field);
            }
            assertEquals("\"4.36 GiB\"", m.extra.get("size"));
            assertEquals("\"7.62 B\"", m.extra.get("params"));
        }
    }

    @Test
    void markdownOfOlderBuildsAndOtherColumns() throws Exception {
        String md = """
                | model                          |       size |     params | backend    |    threads | test       |              t/s |
                | ------------------------------ | ---------: | ---------: | ---------- | ---------: | ---------- | ---------------: |
                | llama 7B mostly Q4_0           |   3.56 GiB |     6.74 B | CPU        |          8 | pp 64      |     32.29 ± 1.21 |
                | llama 7B mostly Q4_0           |   3.56 GiB |     6.74 B | CPU        |          8 | tg 16      |     16.71 ± 0.66 |
                | llama 7B mostly Q4_0           |   3.56 GiB |     6.74 B | CPU        |          8 | pp512+tg128 |     22.50 ± 0.10 |
                | llama 7B mostly Q4_0           |   3.56 GiB |     6.74 B | CPU        |          8 | warmup     |     16.71 ± 0.66 |
                """;
        RecordingSink sink = read(new LlamaBenchReader(), text("old.md", md));
        assertEquals(3, sink.bench.size());
        BenchResult pp = sink.bench.get(0);
        assertEquals("pp64", pp.test);
        assertEquals(64, pp.nPrompt);
        assertEquals(32.29, pp.avgTps);
        assertEquals(1.21, pp.stddevTps);
        assertEquals("8", pp.extra.get("n_threads"));
        assertEquals("CPU", pp.backend);
        assertEquals("tg16", sink.bench.get(1).test);
        assertEquals("pp512+tg128", sink.bench.get(2).test);
        assertEquals(1, sink.malformed.size());
        assertEquals(6, sink.malformed.get(0).line());
    }

    @Test
    void csvRowWithWrongCountIsMalformedAndCutRowIsTruncated() throws Exception {
        String csv = new String(resource(DIR + "qwen2-7b.csv").bytes(), StandardCharsets.UTF_8);
        String[] lines = csv.split("\n");
        String input = lines[0] + "\n" + lines[1] + "\n\"8cf427ff\",\"5163\"\n" + lines[2] + "\n" + lines[3].substring(0, 40);
        RecordingSink sink = read(new LlamaBenchReader(), text("cut.csv", input));
        assertEquals(2, sink.bench.size());
        assertEquals(1, sink.malformed.size());
        assertEquals(3, sink.malformed.get(0).line());
        assertTrue(sink.malformed.get(0).message().contains("found 2"), sink.malformed.get(0).message());
        assertEquals(1, sink.truncated.size());
    }

    @Test
    void jsonRowsWithoutResultsAreMalformed() throws Exception {
        String jsonl = "{\"model_type\":\"m\",\"n_prompt\":1,\"n_gen\":0,\"avg_ts\":5.5}\n{\"model_type\":\"m\"}\n";
        RecordingSink sink = read(new LlamaBenchReader(), text("x.jsonl", jsonl));
        assertEquals(1, sink.bench.size());
        assertEquals(Double.NaN, sink.bench.get(0).stddevTps);
        assertEquals(2, sink.malformed.get(0).line());
    }

    @Test
    void unusableInputsAreErrors() {
        InputException empty = assertThrows(InputException.class, () -> read(new LlamaBenchReader(), text("e.md", "")));
        assertEquals(0, empty.offset());
        assertThrows(InputException.class, () -> read(new LlamaBenchReader(), randomBytes()));
        assertThrows(InputException.class, () -> read(new LlamaBenchReader(), text("t.txt", "hello\nworld\n")));
        assertThrows(InputException.class, () -> read(new LlamaBenchReader(), text("b.json", "[{\"a\":1}]")));
    }

    @Test
    void sniffing() throws Exception {
        for (String file : List.of("qwen2-7b.csv", "qwen2-7b.md")) {
            assertTrue(LlamaBenchReader.sniffText(new String(resource(DIR + file).bytes(), StandardCharsets.UTF_8)), file);
        }
        assertFalse(LlamaBenchReader.sniffText("| a | b |\n|---|---|\n"));
        assertFalse(LlamaBenchReader.sniffText("ts,name\n1,a\n"));
        assertTrue(LlamaBenchReader.sniffJson(JSON.readTree(resource(DIR + "qwen2-7b.json").bytes())));
        String firstLine = new String(resource(DIR + "qwen2-7b.jsonl").bytes(), StandardCharsets.UTF_8).split("\n")[0];
        assertTrue(LlamaBenchReader.sniffJson(JSON.readTree(firstLine)));
        assertFalse(LlamaBenchReader.sniffJson(JSON.readTree("{\"avg_ts\":1}")));
    }
}
