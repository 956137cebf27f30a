package dev.flarescope.ui.view.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flarescope.format.InputException;
import dev.flarescope.model.InputSummary;
import dev.flarescope.ui.viewmodel.LoadOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadMessagesTest {
    @TempDir
    Path dir;

    @Test
    void dropSaysWhatADropWillDo() throws Exception {
        Path a = Files.writeString(dir.resolve("a.json"), "[]");
        Path b = Files.writeString(dir.resolve("b.json"), "[]");
        Path c = Files.writeString(dir.resolve("c.json"), "[]");
        Path folder = Files.createDirectory(dir.resolve("run"));
        assertEquals("Drop to open a.json", LoadMessages.drop(List.of(a), false));
        assertEquals("Drop to open 3 files", LoadMessages.drop(List.of(a, b, c), false));
        assertEquals("Drop to open 2 files and 1 folder", LoadMessages.drop(List.of(a, folder, b), false));
        assertEquals("Drop to add 2 inputs to this trace", LoadMessages.drop(List.of(a, folder), true));
        assertEquals("Drop to add 1 input to this trace", LoadMessages.drop(List.of(a), true));
    }

    @Test
    void inputLinesNameFormatEventsAndProblems() {
        LoadOutcome o = loaded(List.of(summary("/t/api.jsonl", 1204, 2, false), summary("/t/w.json", 1, 0, true)),
                List.of());
        assertEquals("Loaded 2 inputs", LoadMessages.loadedTitle(o));
        assertEquals("api.jsonl: chrome-jsonl, 1,204 events, 2 malformed lines\n"
                + "w.json: chrome-jsonl, 1 event, truncated", LoadMessages.inputLines(o));
    }

    @Test
    void failuresNameFileAndPlaceThenWhatOpened() {
        InputException bad = new InputException("/t/notes.txt", 0, "expected a JSON array");
        LoadOutcome partly = loaded(List.of(summary("/t/api.jsonl", 3, 0, false)), List.of(bad));
        assertEquals("Could not read 1 input", LoadMessages.failureTitle(partly));
        assertEquals("/t/notes.txt: at byte 0: expected a JSON array\n\nLoaded 1 input:\n"
                + "api.jsonl: chrome-jsonl, 3 events", LoadMessages.failureLines(partly, false));

        LoadOutcome none = new LoadOutcome(LoadOutcome.Status.NOTHING_LOADED, List.of(Path.of("/t/notes.txt")),
                List.of(), List.of(bad), List.of(), null);
        assertEquals("/t/notes.txt: at byte 0: expected a JSON array\nThe trace shown before stays open.",
                LoadMessages.failureLines(none, true));
        assertEquals("/t/notes.txt: at byte 0: expected a JSON array", LoadMessages.failureLines(none, false));
    }

    @Test
    void longListsAreCut() {
        List<InputException> many = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            many.add(new InputException("/t/" + i, -1, "no such file"));
        }
        LoadOutcome o = new LoadOutcome(LoadOutcome.Status.NOTHING_LOADED, List.of(), List.of(), many, List.of(),
                null);
        String[] lines = LoadMessages.failureLines(o, false).split("\n");
        assertEquals(LoadMessages.MAX_LINES, lines.length);
        assertEquals("and 5 more", lines[lines.length - 1]);
    }

    @Test
    void progressDetail() {
        assertEquals("Looking at the inputs", LoadProgressPane.detail(0, -1));
        assertEquals("Reading 1.50 MB of 120 MB", LoadProgressPane.detail(1536 * 1024, 120L << 20));
        assertEquals("Building the trace", LoadProgressPane.detail(10, 10));
    }

    private static LoadOutcome loaded(List<InputSummary> inputs, List<InputException> failures) {
        return new LoadOutcome(LoadOutcome.Status.LOADED, List.of(), inputs, failures, List.of(), null);
    }

    private static InputSummary summary(String path, long events, long malformed, boolean truncated) {
        return new InputSummary(path, "chrome-jsonl", 100, events, Map.of(), malformed, List.of(), truncated,
                truncated ? "cut" : null, 0, 0, 0, "", List.of());
    }
}
