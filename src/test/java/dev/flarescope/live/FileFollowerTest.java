package dev.flarescope.live;

import static dev.flarescope.live.LiveFixtures.assertExactly;
import static dev.flarescope.live.LiveFixtures.await;
import static dev.flarescope.live.LiveFixtures.event;
import static dev.flarescope.live.LiveFixtures.flush;
import static dev.flarescope.live.LiveFixtures.lines;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flarescope.model.Trace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileFollowerTest {
    @TempDir
    Path dir;

    private static void append(Path p, String s) throws Exception {
        Files.writeString(p, s, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @Test
    void aFolderOfFragmentsIsFollowedThroughPartialLinesRotationAndNewFiles() throws Exception {
        Path a = dir.resolve("trace.1234.jsonl");
        String e11 = event(11) + "\n";
        append(a, lines(1, 10) + e11.substring(0, 25)); // line 11 is still being written
        try (LiveTrace store = new LiveTrace(Retention.UNBOUNDED)) {
            FileFollower f = new FileFollower(dir, 20);
            f.start(store);
            try {
                await(5_000, "10 events", () -> store.receivedEvents() >= 10);
                Thread.sleep(100); // several polls: the half line must still be held back
                assertEquals(10, store.receivedEvents());

                append(a, e11.substring(25) + lines(12, 20));
                await(5_000, "20 events", () -> store.receivedEvents() >= 20);

                // rotation by renaming: the old file gets its last lines, then moves; a new file starts
                append(a, lines(21, 25));
                Files.move(a, dir.resolve("trace.1234.jsonl.1"));
                append(a, lines(26, 30));
                // another process starts writing its own fragment
                append(dir.resolve("trace.5678.jsonl"), lines(31, 40));
                await(5_000, "40 events", () -> store.receivedEvents() >= 40);
            } finally {
                f.stop();
            }
            Trace t = flush(store);
            assertExactly(40, t);
            assertEquals(3, t.inputs().size()); // the first file under its first name, the new one, the other
            assertEquals(0, t.inputs().stream().mapToLong(i -> i.malformedLines()).sum());
        }
    }

    @Test
    void aFollowedFileThatIsRotatedIsReadToItsEndAndTheNewFileFromItsStart() throws Exception {
        Path log = dir.resolve("events.jsonl");
        append(log, lines(1, 5));
        try (LiveTrace store = new LiveTrace(Retention.UNBOUNDED)) {
            FileFollower f = new FileFollower(log, 20);
            f.start(store);
            try {
                await(5_000, "5 events", () -> store.receivedEvents() >= 5);
                append(log, lines(6, 8));
                Files.move(log, dir.resolve("events.jsonl.1"));
                append(log, lines(9, 12));
                await(5_000, "12 events", () -> store.receivedEvents() >= 12);
            } finally {
                f.stop();
            }
            assertExactly(12, flush(store));
        }
    }

    @Test
    void aTruncatedFileIsReadAgainFromItsStart() throws Exception {
        Path log = dir.resolve("events.jsonl");
        append(log, lines(1, 5));
        try (LiveTrace store = new LiveTrace(Retention.UNBOUNDED)) {
            FileFollower f = new FileFollower(log, 20);
            f.start(store);
            try {
                await(5_000, "5 events", () -> store.receivedEvents() >= 5);
                Files.writeString(log, lines(6, 7), StandardOpenOption.TRUNCATE_EXISTING); // shorter than before
                await(5_000, "7 events", () -> store.receivedEvents() >= 7);
            } finally {
                f.stop();
            }
            assertExactly(7, flush(store));
        }
    }

    @Test
    void linesWrittenJustBeforeStopAreStillRead() throws Exception {
        Path log = dir.resolve("events.jsonl");
        append(log, "");
        try (LiveTrace store = new LiveTrace(Retention.UNBOUNDED)) {
            FileFollower f = new FileFollower(log, 60_000); // it would not poll again on its own
            f.start(store);
            Thread.sleep(100);
            append(log, lines(1, 3));
            f.stop(); // the last poll on stop reads them
            assertExactly(3, flush(store));
        }
    }

    @Test
    void aFileThatIsNotLineOrientedIsNamedInANoteAndNotFollowed() throws Exception {
        Files.writeString(dir.resolve("bench.md"), "| model | size |\n| --- | --- |\n");
        append(dir.resolve("ok.jsonl"), lines(1, 2));
        try (LiveTrace store = new LiveTrace(Retention.UNBOUNDED)) {
            FileFollower f = new FileFollower(dir, 20);
            f.start(store);
            try {
                await(5_000, "2 events", () -> store.receivedEvents() >= 2);
            } finally {
                f.stop();
            }
            Trace t = flush(store);
            assertExactly(2, t);
            List<String> notes = t.inputs().stream().flatMap(i -> i.notes().stream()).toList();
            assertEquals(1, notes.size(), notes.toString());
        }
    }
}
