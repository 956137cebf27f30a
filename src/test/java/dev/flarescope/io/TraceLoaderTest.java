package dev.flarescope.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarescope.format.InputException;
import dev.flarescope.model.ProcessTrack;
import dev.flarescope.model.Trace;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceLoaderTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void folderOfFragmentsMergesPerProcess() throws IOException {
        // a PyPTO-style profile: one fragment per process, plus a rotated second fragment of pid 11
        write("profile_out/fragments/trace.11.jsonl", """
                {"ph":"M","name":"process_name","pid":11,"tid":0,"args":{"name":"api"}}
                {"ph":"B","name":"request","pid":11,"tid":1,"ts":100}
                """);
        write("profile_out/fragments/trace.11.1.jsonl", """
                {"ph":"E","pid":11,"tid":1,"ts":350}
                """);
        write("profile_out/fragments/trace.12.jsonl", """
                {"ph":"X","name":"forward","pid":12,"tid":1,"ts":120,"dur":200}
                """);
        write("profile_out/README.txt", "not a trace");
        TraceLoader.Result r = TraceLoader.load(List.of(dir.resolve("profile_out")));
        Trace t = r.trace();
        assertTrue(r.failures().isEmpty(), r.failures().toString());
        assertEquals(1, r.skipped().size());
        assertTrue(r.skipped().get(0).contains("README.txt"));
        assertEquals(3, t.inputs().size());
        assertEquals(2, t.processes().size());
        ProcessTrack api = t.processes().stream().filter(p -> "api".equals(p.name())).findFirst().orElseThrow();
        assertEquals(2, api.sources().size());
        assertEquals(250_000, api.threads().get(0).spans().dur(0));
        assertEquals(4, t.events());
    }

    @Test
    void unreadableInputsFailClearlyAndTheRestStillLoads() throws IOException {
        Path good = write("good.json", "[{\"ph\":\"X\",\"name\":\"a\",\"pid\":1,\"tid\":1,\"ts\":0,\"dur\":5}]");
        Path empty = write("empty.json", "");
        Path random = dir.resolve("random.bin");
        byte[] bytes = new byte[4096];
        new Random(7).nextBytes(bytes);
        bytes[0] = 0x03; // not a gzip header, not JSON
        Files.write(random, bytes);
        Path none = write("nothing/notes.txt", "hello").getParent();
        Path missing = dir.resolve("missing.json");
        TraceLoader.Result r = TraceLoader.load(List.of(good, empty, random, none, missing));
        assertEquals(1, r.trace().spanCount());
        Map<String, String> byPath = new java.util.TreeMap<>();
        for (InputException e : r.failures()) {
            byPath.put(Path.of(e.path()).getFileName().toString(), e.userMessage());
        }
        assertEquals(4, byPath.size(), byPath.toString());
        assertTrue(byPath.get("empty.json").endsWith("the file is empty"), byPath.get("empty.json"));
        assertTrue(byPath.get("random.bin").contains("at byte 0: expected a JSON array or object"), byPath.get("random.bin"));
        assertTrue(byPath.get("random.bin").contains("binary data (03"), byPath.get("random.bin"));
        assertTrue(byPath.get("nothing").contains("the folder holds no traces"), byPath.get("nothing"));
        assertTrue(byPath.get("missing.json").endsWith("no such file or folder"), byPath.get("missing.json"));
    }

    @Test
    void gzipIsRecognisedByMagicBytesNotName() throws IOException {
        Path gz = dir.resolve("trace.dat");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write("{\"traceEvents\":[{\"ph\":\"i\",\"name\":\"x\",\"pid\":1,\"tid\":1,\"ts\":1,\"s\":\"g\"}]}"
                    .getBytes(StandardCharsets.UTF_8));
        }
        TraceLoader.Result r = TraceLoader.load(List.of(gz));
        assertTrue(r.failures().isEmpty(), r.failures().toString());
        assertEquals(1, r.trace().globalInstants().size());
        assertEquals("chrome-json", r.trace().inputs().get(0).format());
    }

    @Test
    void offsetsShiftOneInput() throws IOException {
        Path a = write("a.json", "[{\"ph\":\"X\",\"name\":\"a\",\"pid\":1,\"tid\":1,\"ts\":10,\"dur\":5}]");
        TraceLoader.Result r = TraceLoader.load(List.of(a),
                TraceLoader.Options.defaults().withOffsets(Map.of(a.toString(), 2_000_000L)));
        assertEquals(2_010_000L, r.trace().processes().get(0).threads().get(0).spans().start(0));
        assertEquals(2_000_000L, r.trace().inputs().get(0).offsetNs());
    }
}
