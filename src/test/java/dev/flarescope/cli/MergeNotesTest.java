package dev.flarescope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flarescope.io.TraceLoader;
import dev.flarescope.model.Trace;
import dev.flarescope.notes.Note;
import dev.flarescope.notes.NoteAnchor;
import dev.flarescope.notes.Sidecar;
import dev.flarescope.notes.SpanLocator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code merge} keeps the inputs' notes, moved by the same offsets as the inputs' events. */
class MergeNotesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private Path a;
    private Path b;
    private Path out;

    @BeforeEach
    void inputs() throws IOException {
        a = dir.resolve("a.json");
        b = dir.resolve("b.json");
        out = dir.resolve("merged.json");
        Files.writeString(a, "[{\"ph\":\"X\",\"name\":\"step\",\"pid\":1,\"tid\":1,\"ts\":10,\"dur\":5}]");
        Files.writeString(b, "[{\"ph\":\"X\",\"name\":\"decode\",\"pid\":2,\"tid\":7,\"ts\":20,\"dur\":3}]");
    }

    @Test
    void notesOfBothInputsAreMergedWithTheOffsetApplied() throws Exception {
        Files.writeString(Sidecar.pathFor(a), """
                {"flarescope_notes": 1, "notes": [
                  {"id": "a1", "text": "on a", "color": "#2e7d32", "arrow": true, "range": {"start_ns": 10000, "end_ns": 15000}}
                ]}""");
        Files.writeString(Sidecar.pathFor(b), """
                {"flarescope_notes": 1, "notes": [
                  {"id": "b1", "text": "decode on b", "span": {"host": "", "pid": "2", "tid": "7", "name": "decode",
                   "start_ns": 20000, "end_ns": 23000}},
                  {"id": "b2", "text": "moment on b", "at": {"time_ns": 21000}}
                ]}""");
        CliRun r = CliRun.run("merge", "-o", out.toString(), "--offset", b + "=+1.5ms", a.toString(), b.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(0, r.errLines().length);
        assertTrue(r.out().contains("wrote 3 note(s) to " + out + ".flarescope.json"), r.out());

        // hand-worked: b's times + 1 500 000 ns, a's unchanged
        JsonNode notes = JSON.readTree(Sidecar.pathFor(out).toFile()).get("notes");
        assertEquals(3, notes.size());
        assertEquals("a1", notes.get(0).get("id").asText());
        assertEquals("#2e7d32", notes.get(0).get("color").asText());
        assertEquals(10_000, notes.get(0).get("range").get("start_ns").asLong());
        assertEquals(15_000, notes.get(0).get("range").get("end_ns").asLong());
        assertEquals("b1", notes.get(1).get("id").asText());
        assertEquals(1_520_000, notes.get(1).get("span").get("start_ns").asLong());
        assertEquals(1_523_000, notes.get(1).get("span").get("end_ns").asLong());
        assertEquals("b2", notes.get(2).get("id").asText());
        assertEquals(1_521_000, notes.get(2).get("at").get("time_ns").asLong());

        // the span note still names its span in the merged trace
        TraceLoader.Result merged = TraceLoader.load(List.of(out));
        Trace t = merged.trace();
        Note b1 = Sidecar.read(Sidecar.pathFor(out)).notes().get(1);
        assertTrue(SpanLocator.find(t, ((NoteAnchor.OnSpan) b1.anchor()).span()).isPresent());
        // the inputs' own sidecars are untouched by the merge
        assertEquals(20_000, JSON.readTree(Sidecar.pathFor(b).toFile()).get("notes").get(0).get("span")
                .get("start_ns").asLong());
    }

    @Test
    void aBadSidecarIsReportedAndTheMergeGoesOn() throws IOException {
        Files.writeString(Sidecar.pathFor(a), "{\"flarescope_notes\": 1, \"notes\": [\n  {\"id\": \"x\" \"text\": 1}]}");
        Files.writeString(Sidecar.pathFor(b), """
                {"flarescope_notes": 1, "notes": [
                  {"id": "b1", "text": "kept", "at": {"time_ns": 5}},
                  {"id": "b2", "text": "no anchor"}
                ]}""");
        CliRun r = CliRun.run("merge", "-o", out.toString(), a.toString(), b.toString());
        assertEquals(0, r.code(), r.err());
        String[] err = r.errLines();
        assertEquals(2, err.length, r.err());
        assertTrue(err[0].startsWith("flarescope: warning: notes: " + Sidecar.pathFor(a) + ": line 2, column 14: not valid JSON"),
                err[0]);
        assertEquals("flarescope: warning: notes: " + Sidecar.pathFor(b) + ": line 3, column 3: note 2: no anchor: "
                + "expected one of \"at\", \"range\", \"span\", \"request\"; skipped", err[1]);
        assertTrue(Files.exists(out));
        List<String> ids = new ArrayList<>();
        JSON.readTree(Sidecar.pathFor(out).toFile()).get("notes").forEach(n -> ids.add(n.get("id").asText()));
        assertEquals(List.of("b1"), ids);
        assertTrue(r.out().contains("wrote 1 note(s) to " + out + ".flarescope.json"), r.out());
    }

    @Test
    void withoutNotesNoSidecarIsWritten() {
        CliRun r = CliRun.run("merge", "-o", out.toString(), a.toString(), b.toString());
        assertEquals(0, r.code(), r.err());
        assertFalse(r.out().contains("note(s)"), r.out());
        assertFalse(Files.exists(Sidecar.pathFor(out)));
    }
}
