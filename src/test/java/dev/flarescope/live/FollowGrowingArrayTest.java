package dev.flarescope.live;

import static dev.flarescope.live.LiveFixtures.assertExactly;
import static dev.flarescope.live.LiveFixtures.await;
import static dev.flarescope.live.LiveFixtures.event;
import static dev.flarescope.live.LiveFixtures.flush;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarescope.model.InputSummary;
import dev.flarescope.model.Trace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Following a Chrome JSON array while it is written: {@code [} then events with commas, no {@code ]} yet. */
class FollowGrowingArrayTest {
    @TempDir
    Path dir;

    private static void append(Path p, String s) throws Exception {
        Files.writeString(p, s, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** Events {@code from..to}, each followed by a comma, {@code sep} after each comma. */
    private static String elements(long from, long to, String sep) {
        StringBuilder sb = new StringBuilder();
        for (long s = from; s <= to; s++) {
            sb.append(event(s)).append(',').append(sep);
        }
        return sb.toString();
    }

    @Test
    void aOneLineArrayGrowingEventByEventIsReadOnceEachWithItsTrailingCommaAndNoClosingBracket() throws Exception {
        Path f = dir.resolve("chromium.json");
        String e6 = event(6);
        append(f, "[" + elements(1, 5, "") + e6.substring(0, 30)); // event 6 is half written
        try (LiveTrace store = new LiveTrace(Retention.UNBOUNDED)) {
            FileFollower follower = new FileFollower(f, 20);
            follower.start(store);
            try {
                await(5_000, "5 events", () -> store.receivedEvents() >= 5);
                Thread.sleep(100); // several polls: the half event is held back
                assertEquals(5, store.receivedEvents());
                append(f, e6.substring(30) + ",");
                await(5_000, "6 events", () -> store.receivedEvents() >= 6);
                append(f, elements(7, 12, ""));
                await(5_000, "12 events", () -> store.receivedEvents() >= 12);
            } finally {
                follower.stop();
            }
            Trace t = flush(store);
            assertExactly(12, t);
            assertEquals(1, t.inputs().size());
            assertEquals(0, t.inputs().get(0).malformedLines());
        }
    }

    @Test
    void anArrayAlreadyLargerThanOneReadWhenFollowingStartsIsStillReadAsAnArray() throws Exception {
        Path f = dir.resolve("large.json");
        // one line holding "[" and 20,000 events (well over the 1 MiB the follower reads at a time)
        String body = "[" + elements(1, 20_000, "");
        assertTrue(body.length() > 1 << 20, "length " + body.length());
        append(f, body);
        try (LiveTrace store = new LiveTrace(Retention.UNBOUNDED)) {
            FileFollower follower = new FileFollower(f, 20);
            follower.start(store);
            try {
                await(10_000, "20,000 events", () -> store.receivedEvents() >= 20_000);
                append(f, elements(20_001, 20_010, ""));
                await(5_000, "20,010 events", () -> store.receivedEvents() >= 20_010);
            } finally {
                follower.stop();
            }
            Trace t = flush(store);
            assertExactly(20_010, t);
            assertEquals(0, t.inputs().get(0).malformedLines());
        }
    }

    @Test
    void aChromiumStyleArrayOfLinesEndsAtItsClosingBracketAndABadEventIsReportedWhereItIsInTheFile()
            throws Exception {
        Path f = dir.resolve("trace.json");
        // line 1 "[", lines 2-4 events 1-3, line 5 a broken event, lines 6-7 events 4-5
        String bad = "{\"ph\":\"X\",\"name\":oops},\n";
        append(f, "[\n" + elements(1, 3, "\n") + bad);
        try (LiveTrace store = new LiveTrace(Retention.UNBOUNDED)) {
            FileFollower follower = new FileFollower(f, 20);
            follower.start(store);
            try {
                await(5_000, "3 events", () -> store.receivedEvents() >= 3);
                append(f, elements(4, 5, "\n"));
                await(5_000, "5 events", () -> store.receivedEvents() >= 5);
                // the writer ends cleanly; what follows the bracket is not part of the array
                append(f, event(6) + "]\n" + event(99) + "\n");
                await(5_000, "6 events", () -> store.receivedEvents() >= 6);
                Thread.sleep(100);
            } finally {
                follower.stop();
            }
            Trace t = flush(store);
            assertExactly(6, t);
            InputSummary in = t.inputs().get(0);
            assertEquals(1, in.malformedLines());
            // the broken event starts at byte 2 + 3 events with their ",\n", on line 5
            long badOffset = 2 + 3L * (event(1).length() + 2);
            InputSummary.Problem p = in.problems().get(0);
            assertEquals(5, p.line(), p.message());
            assertTrue(p.offset() >= badOffset && p.offset() < badOffset + bad.length(), p.offset() + ": " + p.message());
        }
    }

    @Test
    void truncationInPlaceStartsTheArrayAgain() throws Exception {
        Path f = dir.resolve("t.json");
        append(f, "[" + elements(1, 4, "\n"));
        try (LiveTrace store = new LiveTrace(Retention.UNBOUNDED)) {
            FileFollower follower = new FileFollower(f, 20);
            follower.start(store);
            try {
                await(5_000, "4 events", () -> store.receivedEvents() >= 4);
                Files.writeString(f, "[" + elements(5, 6, "\n"), StandardOpenOption.TRUNCATE_EXISTING);
                await(5_000, "6 events", () -> store.receivedEvents() >= 6);
            } finally {
                follower.stop();
            }
            assertExactly(6, flush(store));
        }
    }

    @Test
    void anArrayPerLineStaysLinesAndTheFirstBytesDecideOnlyWhenTheyCan() {
        assertFalse(JsonArrayFramer.isGrowingArray(utf8("[" + event(1) + "]\n[" + event(2) + "]\n")));
        assertFalse(JsonArrayFramer.isGrowingArray(utf8(event(1) + "\n")));
        assertTrue(JsonArrayFramer.isGrowingArray(utf8("[\n")));
        assertTrue(JsonArrayFramer.isGrowingArray(utf8("[" + event(1) + ",")));
        assertTrue(JsonArrayFramer.isGrowingArray(utf8("\uFEFF [" + event(1) + ",\n" + event(2) + "]")));
        assertNull(JsonArrayFramer.isGrowingArray(utf8("[" + event(1)))); // an array per line, half written?
        assertNull(JsonArrayFramer.isGrowingArray(utf8("  ")));

        // a string holding brackets, commas and an escaped quote does not cut the element
        String tricky = "{\"name\":\"a],\\\"{[\",\"args\":{\"v\":[1,{\"w\":2}]}}";
        JsonArrayFramer.Frame fr = JsonArrayFramer.scan(utf8("[" + tricky + ", 17, \"s\", {\"half\":"), false);
        assertEquals(3, fr.elements());
        assertEquals(1, fr.first());
        assertEquals(1 + tricky.length() + ", 17, \"s\"".length(), fr.end());
        assertEquals(fr.end(), fr.consumed());
        assertFalse(fr.closed());
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
