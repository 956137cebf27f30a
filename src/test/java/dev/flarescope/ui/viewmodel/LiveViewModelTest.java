package dev.flarescope.ui.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarescope.live.FileFollower;
import dev.flarescope.model.Trace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Live attach without a window: a real follower on a temp file that grows, the test thread as UI thread. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LiveViewModelTest {
    @TempDir
    Path dir;
    private final UiQueue ui = new UiQueue();
    private final TraceSession session = new TraceSession();
    private final LiveViewModel live = new LiveViewModel(session, ui);

    @AfterEach
    void detach() throws Exception {
        live.detach().get(10, TimeUnit.SECONDS);
    }

    /** One complete span per line: {@code step i} from {@code i*100} µs for 50 µs. */
    private static void appendSpans(Path file, int from, int to) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < to; i++) {
            sb.append("{\"ph\":\"X\",\"name\":\"step\",\"pid\":1,\"tid\":1,\"ts\":").append(i * 100)
                    .append(",\"dur\":50}\n");
        }
        Files.writeString(file, sb, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private long shownEvents() {
        Trace t = session.trace();
        return t == null ? -1 : t.events();
    }

    private Path attachToGrowingFile() throws Exception {
        Path file = dir.resolve("run.jsonl");
        appendSpans(file, 1, 4);
        live.attach(new FileFollower(file, 20), null);
        assertTrue(live.attached().get());
        ui.runUntil(() -> shownEvents() == 3);
        return file;
    }

    @Test
    void followsAGrowingFileAndKeepsShowingTheWholeTraceWhileItGrows() throws Exception {
        Path file = attachToGrowingFile();
        assertEquals("connected", live.state().get());
        assertEquals(List.of(live.description().get()), session.inputs());
        // spans 1..3: 100 µs to 350 µs
        assertEquals(new TimeRange(100_000, 350_000), session.viewport().get());

        appendSpans(file, 4, 8);
        ui.runUntil(() -> shownEvents() == 7);
        // following from the start: the viewport grows with the trace, to the end of span 7 (750 µs)
        assertEquals(new TimeRange(100_000, 750_000), session.viewport().get());
        assertTrue(live.following().get());
        assertEquals(7, live.stats().get().receivedEvents());
    }

    @Test
    void aManualZoomLeavesFollowModeAndTheToggleJumpsToTheEndKeepingTheWidth() throws Exception {
        Path file = attachToGrowingFile();
        SpanRef picked = new SpanRef(0, 0, 1);
        session.selectedSpan().set(picked);
        session.viewport().set(new TimeRange(150_000, 250_000));
        assertFalse(live.following().get());

        appendSpans(file, 4, 6);
        ui.runUntil(() -> shownEvents() == 5);
        assertEquals(new TimeRange(150_000, 250_000), session.viewport().get(), "not following: the view stays");
        assertSame(picked, session.selectedSpan().get(), "an update keeps the selection");

        live.following().set(true);
        // span 5 ends at 550 µs; the width stays 100 µs
        assertEquals(new TimeRange(450_000, 550_000), session.viewport().get());

        appendSpans(file, 6, 8);
        ui.runUntil(() -> shownEvents() == 7);
        assertEquals(new TimeRange(650_000, 750_000), session.viewport().get());
        assertTrue(live.following().get());
    }

    @Test
    void pausedKeepsReceivingButNotShowingAndResumeShowsTheNewest() throws Exception {
        Path file = attachToGrowingFile();
        Trace before = session.trace();
        live.paused().set(true);
        appendSpans(file, 4, 9);
        ui.runUntil(() -> live.stats().get().receivedEvents() == 8);
        assertSame(before, session.trace());
        assertEquals(3, shownEvents());

        live.paused().set(false);
        assertEquals(8, shownEvents());
    }

    @Test
    void detachStopsTheSourceAndKeepsTheCapture() throws Exception {
        Path file = attachToGrowingFile();
        live.detach().get(10, TimeUnit.SECONDS);
        assertFalse(live.attached().get());
        assertEquals("stopped", live.state().get());

        appendSpans(file, 4, 6);
        Thread.sleep(300);
        ui.runPending();
        assertEquals(3, shownEvents(), "nothing is shown after detach");
    }

    @Test
    void aTargetThatCannotBeOneIsExplainedAndNothingIsAttached() {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> live.attach(new AttachTarget(AttachTarget.Kind.FOLLOW, dir.resolve("nope").toString(), null)));
        assertTrue(missing.getMessage().startsWith("No such file or folder: "), missing.getMessage());
        IllegalArgumentException url = assertThrows(IllegalArgumentException.class,
                () -> live.attach(new AttachTarget(AttachTarget.Kind.CONNECT, "ftp://example.org/x", null)));
        assertEquals("Expected an http:// or https:// URL, got: ftp://example.org/x", url.getMessage());
        assertFalse(live.attached().get());
        assertNull(session.trace());
    }
}
