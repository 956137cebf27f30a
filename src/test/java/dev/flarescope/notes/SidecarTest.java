package dev.flarescope.notes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SidecarTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static Sidecar.Contents parse(String json) throws SidecarException {
        return Sidecar.parse("t.json.flarescope.json", json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void pathForAFileIsBesideItAndForAFolderBesideTheFolder() throws IOException {
        Path trace = dir.resolve("trace.json");
        Files.writeString(trace, "[]");
        assertEquals(dir.resolve("trace.json.flarescope.json"), Sidecar.pathFor(trace));
        Path run = Files.createDirectory(dir.resolve("run1"));
        assertEquals(dir.resolve("run1.flarescope.json"), Sidecar.pathFor(run));
        assertEquals(Path.of("x", "run1.flarescope.json"), Sidecar.pathFor(Path.of("x/run1/")));
        assertEquals(Path.of("out.json.flarescope.json"), Sidecar.pathFor(Path.of("out.json")));
    }

    @Test
    void everyAnchorKindAndColourRoundTrips() throws Exception {
        List<NoteAnchor> anchors = List.of(
                new NoteAnchor.Moment(-5),
                new NoteAnchor.Range(10, 10),
                new NoteAnchor.Range(Long.MIN_VALUE + 1, Long.MAX_VALUE),
                new NoteAnchor.OnSpan(new SpanKey("", "12", "3", "decode", 100, 250)),
                new NoteAnchor.OnSpan(new SpanKey("gpu-a", "vllm", "main thread", "ünïcode \"span\"", 7, 9)),
                new NoteAnchor.OnRequest("req-7", 1_000, 2_000_000_000_000L));
        List<Note> notes = new ArrayList<>();
        for (int i = 0; i < anchors.size(); i++) {
            NoteColor color = NoteColor.PALETTE.get(i % NoteColor.PALETTE.size());
            notes.add(new Note("n" + i, "note " + i + "\nline two\t✓", color, anchors.get(i), i % 2 == 0));
        }
        notes.add(new Note("custom", "", new NoteColor(0xABCDEF), new NoteAnchor.Moment(0), true));
        Path file = dir.resolve("t.json.flarescope.json");
        assertTrue(Sidecar.write(file, notes));
        Sidecar.Contents back = Sidecar.read(file);
        assertEquals(notes, back.notes());
        assertEquals(List.of(), back.problems());
        // every palette colour was used
        assertEquals(NoteColor.PALETTE, back.notes().subList(0, 6).stream().map(Note::color).toList());
    }

    @Test
    void writtenDocumentHasTheDocumentedShape() throws Exception {
        Path file = dir.resolve("t.json.flarescope.json");
        Sidecar.write(file, List.of(
                new Note("a", "décode", NoteColor.RED, new NoteAnchor.Moment(123), true),
                new Note("b", "r", NoteColor.BLUE, new NoteAnchor.OnRequest("req-7", 1, 2), false)));
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.contains("\n  \"notes\""), "pretty printed: " + text);
        assertTrue(text.endsWith("\n"));
        JsonNode doc = JSON.readTree(text);
        assertEquals(1, doc.get("flarescope_notes").asInt());
        JsonNode a = doc.get("notes").get(0);
        assertEquals(List.of("id", "text", "color", "arrow", "at"), fieldNames(a));
        assertEquals("décode", a.get("text").asText());
        assertEquals("#d32f2f", a.get("color").asText());
        assertTrue(a.get("arrow").asBoolean());
        assertEquals(123, a.get("at").get("time_ns").asLong());
        JsonNode b = doc.get("notes").get(1);
        assertEquals("#1565c0", b.get("color").asText());
        assertEquals("req-7", b.get("request").get("id").asText());
        assertEquals(1, b.get("request").get("start_ns").asLong());
        assertEquals(2, b.get("request").get("end_ns").asLong());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList()); // no temporary file left behind
        }
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> names = new ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void handWrittenSidecarReadsBack() throws Exception {
        Sidecar.Contents c = parse("""
                {"notes": [
                  {"id": "m", "text": "here", "color": "#2E7D32", "arrow": true, "at": {"time_ns": 123}},
                  {"id": "r", "text": "slow\\nbatch", "range": {"start_ns": 1, "end_ns": 2}, "later": {"x": 1}},
                  {"id": "s", "text": "", "color": "#000000", "span": {"host": "", "pid": "12", "tid": "3",
                   "name": "decode", "start_ns": 1, "end_ns": 2}},
                  {"id": "q", "text": "q", "arrow": false, "request": {"id": "req-7", "start_ns": 1, "end_ns": 2}},
                  {"id": "p", "text": "numeric ids", "span": {"pid": 12, "tid": 3, "name": "x", "start_ns": 0, "end_ns": 0}}
                ], "flarescope_notes": 1, "written_by": "a later version"}
                """);
        assertEquals(List.of(), c.problems());
        assertEquals(List.of(
                new Note("m", "here", NoteColor.GREEN, new NoteAnchor.Moment(123), true),
                new Note("r", "slow\nbatch", NoteColor.RED, new NoteAnchor.Range(1, 2), false),
                new Note("s", "", new NoteColor(0), new NoteAnchor.OnSpan(new SpanKey("", "12", "3", "decode", 1, 2)), false),
                new Note("q", "q", NoteColor.RED, new NoteAnchor.OnRequest("req-7", 1, 2), false),
                new Note("p", "numeric ids", NoteColor.RED, new NoteAnchor.OnSpan(new SpanKey("", "12", "3", "x", 0, 0)),
                        false)), c.notes());
    }

    @Test
    void brokenDocumentNamesFileLineAndColumn() {
        // line 3, column 11: a comma where a value was expected
        SidecarException e = assertThrows(SidecarException.class, () -> parse("""
                {"flarescope_notes": 1,
                 "notes": [
                   {"id": ,"text": "x"}
                 ]}
                """));
        assertEquals(3, e.line());
        assertEquals(11, e.column());
        assertTrue(e.getMessage().startsWith("t.json.flarescope.json: line 3, column 11: not valid JSON: "),
                e.getMessage());
        assertTrue(e.getMessage().contains("expected a value") || e.getMessage().contains("expecting"), e.getMessage());
    }

    @Test
    void cutDocumentIsRefusedWithItsEnd() {
        SidecarException e = assertThrows(SidecarException.class,
                () -> parse("{\"flarescope_notes\": 1, \"notes\": [\n{\"id\": \"a\""));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("end-of-input"), e.getMessage());
    }

    @Test
    void documentsThatAreNotNotesAreRefused() {
        SidecarException empty = assertThrows(SidecarException.class, () -> parse(""));
        assertTrue(empty.reason().startsWith("the file is empty"), empty.reason());
        SidecarException array = assertThrows(SidecarException.class, () -> parse("\n  [1]"));
        assertEquals("t.json.flarescope.json: line 2, column 3: expected a JSON object, found an array",
                array.getMessage());
        SidecarException noVersion = assertThrows(SidecarException.class, () -> parse("{\"notes\": []}"));
        assertTrue(noVersion.reason().contains("\"flarescope_notes\""), noVersion.reason());
        SidecarException notesObject = assertThrows(SidecarException.class,
                () -> parse("{\"flarescope_notes\": 1,\n \"notes\": {}}"));
        assertEquals(2, notesObject.line());
        assertEquals("expected \"notes\" to be an array, found an object", notesObject.reason());
        SidecarException trailing = assertThrows(SidecarException.class,
                () -> parse("{\"flarescope_notes\": 1} {}"));
        assertTrue(trailing.reason().startsWith("expected the end of the document"), trailing.reason());
        SidecarException badVersion = assertThrows(SidecarException.class, () -> parse("{\"flarescope_notes\": \"1\"}"));
        assertTrue(badVersion.reason().contains("format version"), badVersion.reason());
    }

    @Test
    void newerVersionIsRefusedWithAClearMessage() {
        SidecarException e = assertThrows(SidecarException.class,
                () -> parse("{\"notes\": [],\n \"flarescope_notes\": 2}"));
        assertEquals(2, e.line());
        assertEquals(22, e.column());
        assertTrue(e.reason().contains("version 2") && e.reason().contains("newer"), e.reason());
    }

    @Test
    void badNotesAreSkippedAndNamedWhileTheOthersLoad() throws Exception {
        Sidecar.Contents c = parse("""
                {"flarescope_notes": 1, "notes": [
                  {"id": "ok1", "text": "fine", "at": {"time_ns": 5}},
                  {"id": "no-text", "at": {"time_ns": 5}},
                  {"id": "colour", "text": "x", "color": "red", "at": {"time_ns": 5}},
                  {"id": "backwards", "text": "x", "range": {"start_ns": 9, "end_ns": 2}},
                  {"id": "two", "text": "x", "at": {"time_ns": 5}, "range": {"start_ns": 1, "end_ns": 2}},
                  {"id": "ok1", "text": "same id", "at": {"time_ns": 6}},
                  {"id": "half", "text": "x", "at": {"time_ns": 1.5}},
                  {"id": "none", "text": "x"},
                  "text",
                  {"id": "ok2", "text": "also fine", "request": {"id": "r", "start_ns": 1, "end_ns": 1}}
                ]}
                """);
        assertEquals(List.of("ok1", "ok2"), c.notes().stream().map(Note::id).toList());
        List<String> problems = c.problems().stream().map(Sidecar.Problem::userMessage).toList();
        assertEquals(List.of(
                "t.json.flarescope.json: line 3, column 3: note 2: no \"text\"; skipped",
                "t.json.flarescope.json: line 4, column 3: note 3: expected \"color\" to be #rrggbb, found \"red\"; skipped",
                "t.json.flarescope.json: line 5, column 3: note 4: \"range\" ends before it starts (end_ns 2 < start_ns 9); skipped",
                "t.json.flarescope.json: line 6, column 3: note 5: two anchors (at and range): expected exactly one; skipped",
                "t.json.flarescope.json: line 7, column 3: note 6: id \"ok1\" is already used by an earlier note; dropped",
                "t.json.flarescope.json: line 8, column 3: note 7: expected \"time_ns\" of \"at\" to be a whole number of nanoseconds, found 1.5; skipped",
                "t.json.flarescope.json: line 9, column 3: note 8: no anchor: expected one of \"at\", \"range\", \"span\", \"request\"; skipped",
                "t.json.flarescope.json: line 10, column 3: note 9: expected an object, found \"text\"; skipped"),
                problems);
    }

    @Test
    void tooLargeFileIsRefused() throws IOException {
        Path file = dir.resolve("big.flarescope.json");
        byte[] big = new byte[(int) Sidecar.MAX_BYTES + 1];
        java.util.Arrays.fill(big, (byte) ' ');
        Files.write(file, big);
        SidecarException e = assertThrows(SidecarException.class, () -> Sidecar.read(file));
        assertEquals(file + ": the file is larger than 16 MiB: not a notes file", e.getMessage());
    }

    @Test
    void missingFileIsASidecarException() {
        SidecarException e = assertThrows(SidecarException.class, () -> Sidecar.read(dir.resolve("none.flarescope.json")));
        assertEquals("no such file", e.reason());
    }

    @Test
    void emptyListCreatesNoFileButEmptiesAnExistingOne() throws Exception {
        Path file = dir.resolve("t.json.flarescope.json");
        assertFalse(Sidecar.write(file, List.of()));
        assertFalse(Files.exists(file));
        Sidecar.write(file, List.of(Note.create("x", NoteColor.GREY, new NoteAnchor.Moment(1), false)));
        assertTrue(Sidecar.write(file, List.of()));
        assertTrue(Files.exists(file));
        JsonNode doc = JSON.readTree(file.toFile());
        assertEquals(0, doc.get("notes").size());
        assertEquals(List.of(), Sidecar.read(file).notes());
    }
}
