package dev.flarescope.notes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceNotesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private Path a;
    private Path b;

    @BeforeEach
    void inputs() throws IOException {
        a = dir.resolve("a.json");
        b = dir.resolve("b.json");
        Files.writeString(a, "[]");
        Files.writeString(b, "[]");
    }

    private static void sidecar(Path input, String notesJson) throws IOException {
        Files.writeString(Sidecar.pathFor(input), "{\"flarescope_notes\": 1, \"notes\": [" + notesJson + "]}");
    }

    /** The notes of a sidecar, read with plain Jackson: id -> the anchor member as JSON text. */
    private static List<String> onDisk(Path input) throws IOException {
        List<String> out = new ArrayList<>();
        for (JsonNode n : JSON.readTree(Sidecar.pathFor(input).toFile()).get("notes")) {
            for (String k : List.of("at", "range", "span", "request")) {
                if (n.has(k)) {
                    out.add(n.get("id").asText() + " " + k + " " + n.get(k));
                }
            }
        }
        return out;
    }

    @Test
    void offsetsShiftOnLoadAndBackOnSave() throws Exception {
        sidecar(b, """
                {"id": "m", "text": "t", "at": {"time_ns": 1000}},
                {"id": "s", "text": "t", "span": {"host": "h", "pid": "1", "tid": "2", "name": "x",
                 "start_ns": 2000, "end_ns": 2500}},
                {"id": "q", "text": "t", "request": {"id": "r", "start_ns": -300, "end_ns": 0}}
                """);
        // b is loaded 12.5 ms later than its own clock: every time + 12 500 000 ns
        TraceNotes notes = TraceNotes.load(List.of(a, b), Map.of(b, 12_500_000L));
        assertEquals(List.of(), notes.problems());
        assertEquals(List.of(
                new NoteAnchor.Moment(12_501_000),
                new NoteAnchor.OnSpan(new SpanKey("h", "1", "2", "x", 12_502_000, 12_502_500)),
                new NoteAnchor.OnRequest("r", 12_499_700, 12_500_000)),
                notes.notes().stream().map(Note::anchor).toList());
        assertFalse(notes.isDirty());

        // moved by the user to 20 ms on the loaded clock: 7.5 ms on b's own clock
        Note m = notes.notes().get(0);
        notes.replace(m.withAnchor(new NoteAnchor.Range(20_000_000, 20_000_010)));
        assertTrue(notes.isDirty());
        notes.save();
        assertFalse(notes.isDirty());
        assertEquals(List.of(
                "m range {\"start_ns\":7500000,\"end_ns\":7500010}",
                "s span {\"host\":\"h\",\"pid\":\"1\",\"tid\":\"2\",\"name\":\"x\",\"start_ns\":2000,\"end_ns\":2500}",
                "q request {\"id\":\"r\",\"start_ns\":-300,\"end_ns\":0}"), onDisk(b));
        assertFalse(Files.exists(Sidecar.pathFor(a)), "a had no notes and got none");
    }

    @Test
    void notesGoBackToTheInputTheyCameFromAndNewOnesToTheFirst() throws Exception {
        sidecar(a, "{\"id\": \"a1\", \"text\": \"from a\", \"at\": {\"time_ns\": 1}}");
        sidecar(b, """
                {"id": "b1", "text": "from b", "at": {"time_ns": 2}},
                {"id": "b2", "text": "also b", "at": {"time_ns": 3}}
                """);
        TraceNotes notes = TraceNotes.load(List.of(a, b), Map.of());
        assertEquals(List.of("a1", "b1", "b2"), notes.notes().stream().map(Note::id).toList());

        Note b1 = notes.notes().get(1);
        notes.replace(b1.withText("edited in b"));
        notes.add(new Note("new", "added", NoteColor.BLUE, new NoteAnchor.Moment(50), true));
        assertTrue(notes.remove("b2"));
        assertFalse(notes.remove("b2"));
        assertEquals(List.of("a1", "b1", "new"), notes.notes().stream().map(Note::id).toList());
        notes.save();

        assertEquals(List.of("a1 at {\"time_ns\":1}", "new at {\"time_ns\":50}"), onDisk(a));
        assertEquals(List.of("b1 at {\"time_ns\":2}"), onDisk(b));
        assertEquals("edited in b", JSON.readTree(Sidecar.pathFor(b).toFile()).get("notes").get(0).get("text").asText());

        // loaded again, notes come by input: the new note is now a's second
        TraceNotes again = TraceNotes.load(List.of(a, b), Map.of());
        List<Note> n = notes.notes();
        assertEquals(List.of(n.get(0), n.get(2), n.get(1)), again.notes());
    }

    @Test
    void saveWritesOnlyTheSidecarsThatChanged() throws Exception {
        sidecar(a, "{\"id\": \"a1\", \"text\": \"a\", \"at\": {\"time_ns\": 1}}");
        sidecar(b, "{\"id\": \"b1\", \"text\": \"b\", \"at\": {\"time_ns\": 2}}");
        String untouched = Files.readString(Sidecar.pathFor(a));
        TraceNotes notes = TraceNotes.load(List.of(a, b), Map.of());
        notes.replace(notes.notes().get(1).withArrow(true));
        notes.replace(notes.notes().get(0)); // the same note: no change
        notes.save();
        assertEquals(untouched, Files.readString(Sidecar.pathFor(a)), "a's hand-written file is left as it was");
        assertTrue(JSON.readTree(Sidecar.pathFor(b).toFile()).get("notes").get(0).get("arrow").asBoolean());
    }

    @Test
    void removingTheLastNoteEmptiesTheSidecarWithoutDeletingIt() throws Exception {
        sidecar(b, "{\"id\": \"b1\", \"text\": \"b\", \"at\": {\"time_ns\": 2}}");
        TraceNotes notes = TraceNotes.load(List.of(a, b), Map.of());
        notes.remove("b1");
        notes.save();
        assertEquals(0, JSON.readTree(Sidecar.pathFor(b).toFile()).get("notes").size());
    }

    @Test
    void badSidecarsAreReportedAndNeverOverwritten() throws Exception {
        Files.writeString(Sidecar.pathFor(a), "{\"flarescope_notes\": 3, \"notes\": []}");
        sidecar(b, """
                {"id": "b1", "text": "b", "at": {"time_ns": 2}},
                {"id": "b2", "at": {"time_ns": 2}}
                """);
        TraceNotes notes = TraceNotes.load(List.of(a, b), Map.of());
        assertEquals(List.of("b1"), notes.notes().stream().map(Note::id).toList());
        List<String> problems = notes.problems().stream().map(Sidecar.Problem::userMessage).toList();
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith(Sidecar.pathFor(a) + ": line 1, column 22: notes format version 3"),
                problems.get(0));
        assertEquals(Sidecar.pathFor(b) + ": line 2, column 1: note 2: no \"text\"; skipped", problems.get(1));

        notes.add(Note.create("new", NoteColor.RED, new NoteAnchor.Moment(1), false));
        IOException e = assertThrows(IOException.class, notes::save);
        assertTrue(e.getMessage().startsWith("notes not saved to " + Sidecar.pathFor(a)), e.getMessage());
        assertEquals("{\"flarescope_notes\": 3, \"notes\": []}", Files.readString(Sidecar.pathFor(a)));
        assertTrue(notes.isDirty());
    }

    @Test
    void anIdSeenInAnEarlierInputIsDropped() throws Exception {
        sidecar(a, "{\"id\": \"x\", \"text\": \"a\", \"at\": {\"time_ns\": 1}}");
        sidecar(b, "{\"id\": \"x\", \"text\": \"copy\", \"at\": {\"time_ns\": 2}}");
        TraceNotes notes = TraceNotes.load(List.of(a, b), Map.of());
        assertEquals(List.of("a"), notes.notes().stream().map(Note::text).toList());
        assertEquals(List.of(Sidecar.pathFor(b) + ": note \"copy\" has the id of a note of an earlier input; dropped"),
                notes.problems().stream().map(Sidecar.Problem::userMessage).toList());
    }

    @Test
    void saveAsWritesEveryNoteOnTheLoadedClock() throws Exception {
        sidecar(a, "{\"id\": \"a1\", \"text\": \"a\", \"at\": {\"time_ns\": 100}}");
        sidecar(b, "{\"id\": \"b1\", \"text\": \"b\", \"range\": {\"start_ns\": 100, \"end_ns\": 200}}");
        TraceNotes notes = TraceNotes.load(List.of(a, b), Map.of(a, -50L, b, 1_000L));
        Path merged = dir.resolve("merged.json");
        assertEquals(dir.resolve("merged.json.flarescope.json"), notes.saveAs(merged));
        assertEquals(List.of("a1 at {\"time_ns\":50}", "b1 range {\"start_ns\":1100,\"end_ns\":1200}"), onDisk(merged));
        assertFalse(notes.isDirty());
    }

    @Test
    void inMemoryNotesSaveOnlyWithSaveAs() throws Exception {
        TraceNotes notes = TraceNotes.inMemory();
        notes.save(); // nothing to save
        notes.add(new Note("n", "live", NoteColor.GREEN, new NoteAnchor.Moment(7), false));
        assertThrows(IllegalArgumentException.class,
                () -> notes.add(new Note("n", "same id", NoteColor.GREEN, new NoteAnchor.Moment(7), false)));
        assertThrows(IllegalArgumentException.class,
                () -> notes.replace(new Note("other", "x", NoteColor.GREEN, new NoteAnchor.Moment(7), false)));
        assertTrue(notes.isDirty());
        assertThrows(IllegalStateException.class, notes::save);
        Path capture = dir.resolve("capture.json");
        notes.saveAs(capture);
        assertEquals(List.of("n at {\"time_ns\":7}"), onDisk(capture));
    }

    @Test
    void aFolderInputKeepsItsNotesBesideTheFolder() throws Exception {
        Path run = Files.createDirectory(dir.resolve("run1"));
        Files.writeString(run.resolve("trace.1.jsonl"), "{\"ph\":\"X\",\"name\":\"x\",\"pid\":1,\"tid\":1,\"ts\":0,\"dur\":1}\n");
        TraceNotes notes = TraceNotes.load(List.of(run), Map.of());
        notes.add(new Note("f", "folder note", NoteColor.GREY, new NoteAnchor.Moment(3), false));
        notes.save();
        assertEquals(List.of("f at {\"time_ns\":3}"), onDisk(run));
        assertTrue(Files.exists(dir.resolve("run1.flarescope.json")));
        assertEquals(List.of("trace.1.jsonl"), Files.list(run).map(p -> p.getFileName().toString()).toList());
    }

    @Test
    void aNoteThatWouldOverflowWithTheOffsetIsSkipped() throws Exception {
        sidecar(a, """
                {"id": "far", "text": "t", "at": {"time_ns": 9223372036854775000}},
                {"id": "ok", "text": "t", "at": {"time_ns": 5}}
                """);
        TraceNotes notes = TraceNotes.load(List.of(a), Map.of(a, 1_000_000L));
        assertEquals(List.of(new NoteAnchor.Moment(1_000_005)), notes.notes().stream().map(Note::anchor).toList());
        assertEquals(1, notes.problems().size());
        assertTrue(notes.problems().get(0).message().contains("out of range"), notes.problems().toString());
    }
}
