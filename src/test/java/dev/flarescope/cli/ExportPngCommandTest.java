package dev.flarescope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarescope.io.TraceLoader;
import dev.flarescope.model.Trace;
import dev.flarescope.notes.Note;
import dev.flarescope.notes.NoteAnchor;
import dev.flarescope.notes.NoteColor;
import dev.flarescope.notes.Sidecar;
import dev.flarescope.notes.SpanKey;
import dev.flarescope.notes.SpanLocator;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code export-png} renders every view headless at the size asked for, with the header band and the
 * notes of the input's sidecar. Positions are worked out from the documented band sizes: header 68 px,
 * note list 8 px padding, 19 px per line (a title line, then one per note), swatch 12 px at x 14.
 */
class ExportPngCommandTest {
    private static final Path SAMPLE = Path.of("sample-traces", "serving-run");

    @TempDir
    Path dir;
    private Path trace;

    @BeforeEach
    void trace() throws IOException {
        trace = dir.resolve("run.json");
        StringBuilder events = new StringBuilder("[");
        for (int i = 0; i < 10; i++) {
            events.append(i == 0 ? "" : ",").append("{\"ph\":\"X\",\"name\":\"decode\",\"pid\":1,\"tid\":1,\"ts\":")
                    .append(i * 100_000).append(",\"dur\":90000}");
        }
        Files.writeString(trace, events.append("]").toString());
        Files.writeString(Sidecar.pathFor(trace), """
                {"flarescope_notes": 1, "notes": [
                  {"id": "n1", "text": "decode stalls here", "color": "#1565c0", "arrow": true, "at": {"time_ns": 500000000}}
                ]}""");
    }

    @ParameterizedTest
    @ValueSource(strings = {"timeline", "flame", "phases", "findings", "dashboard", "statistics"})
    void everyViewHasTheRequestedSizeAndTheHeaderBand(String view) throws IOException {
        Path out = dir.resolve(view + ".png");
        CliRun r = CliRun.run("export-png", "--view", view, "--width", "700", "--height", "420", "--scale", "2",
                "-o", out.toString(), SAMPLE.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(0, r.errLines().length, r.err());
        assertTrue(r.out().startsWith("wrote " + out + " (1400 x 840 px): " + view + ", 0 note(s), 3 finding(s)"), r.out());
        BufferedImage png = ImageIO.read(out.toFile());
        assertEquals(1400, png.getWidth());
        assertEquals(840, png.getHeight());
        // the band's colour at its bottom-left corner, and its title drawn in near-white in the first line
        assertColor(30, 37, 48, png.getRGB(4, 2 * 66));
        assertTrue(brightPixels(png, 2 * 14, 2 * 6, 2 * 180, 2 * 26) > 50, "no title text in the header");
        // below the band the view is light (every view has a light background at its top-left)
        assertTrue(brightness(png.getRGB(4, 2 * 68 + 6)) > 180, "view not drawn under the header");
    }

    @Test
    void viewsWithoutATimeAxisListTheSidecarNotesUnderTheView() throws IOException {
        Path out = dir.resolve("flame.png");
        CliRun r = CliRun.run("export-png", "--view", "flame", "--width", "800", "--height", "500", "-o",
                out.toString(), trace.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("1 note(s)"), r.out());
        BufferedImage png = ImageIO.read(out.toFile());
        // list height 8 + 19 + 19 + 8 = 54, so it starts at 500 - 54 = 446; the note's line is centred at
        // 446 + 8 + 19 + 9.5 = 482.5 and its swatch spans x 14..26
        assertColor(0x15, 0x65, 0xc0, png.getRGB(20, 482));
        assertColor(0x15, 0x65, 0xc0, png.getRGB(20, 486));
        assertTrue(brightness(png.getRGB(20, 470)) > 200, "the swatch is one line high, not more");
    }

    @Test
    void timelineNotesAreDrawnWhereTheirTimesMapOnTheRuler() throws IOException {
        // two moments at 250 ms and 750 ms of a 0..1 s view: along a linear axis that starts at the
        // gutter's edge (220 px), the first lies a quarter of the axis from the edge and the two are half
        // an axis apart, so (x1 - 220) * 2 == x2 - x1 whatever the width of the scroll bar
        Files.writeString(Sidecar.pathFor(trace), """
                {"flarescope_notes": 1, "notes": [
                  {"id": "a", "text": "one", "color": "#1565c0", "at": {"time_ns": 250000000}},
                  {"id": "b", "text": "two", "color": "#1565c0", "at": {"time_ns": 750000000}}
                ]}""");
        Path out = dir.resolve("notes.png");
        CliRun r = CliRun.run("export-png", "--range", "0s..1s", "--width", "1000", "--height", "400", "-o",
                out.toString(), trace.toString());
        assertEquals(0, r.code(), r.err());
        BufferedImage png = ImageIO.read(out.toFile());
        // the ruler is the band from 40 to 66 px under the 68 px header; find the note-coloured columns there
        java.util.List<Integer> columns = new java.util.ArrayList<>();
        for (int x = 221; x < png.getWidth(); x++) {
            if (near(png.getRGB(x, 68 + 64), 0x15, 0x65, 0xc0)) {
                columns.add(x);
            }
        }
        assertFalse(columns.isEmpty(), "no note mark on the ruler");
        int x1 = columns.get(0);
        int x2 = columns.get(columns.size() - 1);
        assertTrue(x2 - x1 > 300, "two marks expected, found columns " + columns);
        assertEquals((x1 - 220) * 2.0, x2 - x1, 3.0, "columns " + columns);
    }

    @Test
    void theTimelineScrollsToTheThreadOfASpanNote() throws IOException {
        // the sample run's last thread (the decode worker's model runner) is below the first screen
        Path run = dir.resolve("serving-run");
        Path fragments = Files.createDirectories(run.resolve("fragments"));
        try (var files = Files.list(SAMPLE.resolve("fragments"))) {
            for (Path f : files.toList()) {
                Files.copy(f, fragments.resolve(f.getFileName()));
            }
        }
        Trace trace = TraceLoader.load(List.of(run), TraceLoader.Options.defaults()).trace();
        int p = trace.processes().size() - 1;
        int t = trace.processes().get(p).threads().size() - 1;
        SpanKey key = SpanLocator.keyOf(trace, p, t, 40);
        Note note = Note.create("this batch", NoteColor.PURPLE, new NoteAnchor.OnSpan(key), true);
        Sidecar.write(Sidecar.pathFor(run), List.of(note));
        long from = key.startNs() - trace.minTs() - 5_000_000;
        Path out = dir.resolve("span.png");
        CliRun r = CliRun.run("export-png", "--range", from + "ns.." + (from + 60_000_000) + "ns", "--width", "1000",
                "--height", "600", "-o", out.toString(), run.toString());
        assertEquals(0, r.code(), r.err());
        BufferedImage png = ImageIO.read(out.toFile());
        // the label (purple) sits by the outlined span near the bottom, not at the top over a band
        int top = 0;
        int bottom = 0;
        for (int y = 68; y < png.getHeight(); y++) {
            for (int x = 220; x < png.getWidth(); x++) {
                if (near(png.getRGB(x, y), 0x6a, 0x1b, 0x9a)) {
                    if (y < 68 + (png.getHeight() - 68) / 2) {
                        top++;
                    } else {
                        bottom++;
                    }
                }
            }
        }
        assertTrue(bottom > 300 && bottom > 5 * top, "label pixels: " + top + " above the middle, " + bottom + " below");
    }

    @Test
    void rangeIsRelativeToTheTraceStartAndShownInTheHeader() throws IOException {
        Path out = dir.resolve("range.png");
        CliRun r = CliRun.run("export-png", "--range", "200ms..400ms", "--width", "800", "--height", "300", "-o",
                out.toString(), trace.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(800, ImageIO.read(out.toFile()).getWidth());
    }

    @Test
    void aHeightWithNoRoomForTheViewUnderTheNoteListIsRefused() throws IOException {
        StringBuilder notes = new StringBuilder("{\"flarescope_notes\": 1, \"notes\": [");
        for (int i = 0; i < 8; i++) {
            notes.append(i == 0 ? "" : ",").append("{\"id\": \"n").append(i).append("\", \"text\": \"note ").append(i)
                    .append("\", \"at\": {\"time_ns\": ").append(i * 100_000_000L).append("}}");
        }
        Files.writeString(Sidecar.pathFor(trace), notes.append("]}").toString());
        Path out = dir.resolve("small.png");
        // header 68 + list 8 + 19 (its title line) + 8 * 19 + 8 = 255 px: 300 px leave 45 px for the flame graph
        CliRun r = CliRun.run("export-png", "--view", "flame", "--height", "300", "-o", out.toString(), trace.toString());
        assertEquals(Cli.USAGE, r.code(), r.err());
        assertTrue(r.err().contains("--height 300 leaves 45 pixels for the view under the header and the list of 8 notes;"
                + " give at least 355 (see 'flarescope export-png --help')"), r.err());
        assertFalse(Files.exists(out));
        // the timeline draws its notes instead of listing them, so the same height is enough for it
        assertEquals(0, CliRun.run("export-png", "--height", "300", "-o", out.toString(), trace.toString()).code());
    }

    @Test
    void badRequestsAreRefusedWithOneLineAndNoFile() {
        Path out = dir.resolve("x.png");
        CliRun view = CliRun.run("export-png", "--view", "graph", "-o", out.toString(), trace.toString());
        assertEquals(Cli.USAGE, view.code());
        assertTrue(view.err().contains("unknown view 'graph': expected one of timeline|flame|phases|findings|dashboard|statistics"),
                view.err());
        CliRun range = CliRun.run("export-png", "--range", "2s..3s", "-o", out.toString(), trace.toString());
        assertEquals(Cli.USAGE, range.code());
        assertTrue(range.err().contains("--range starts after the trace ends"), range.err());
        assertTrue(range.err().strip().endsWith("(see 'flarescope export-png --help')"), range.err());
        CliRun backwards = CliRun.run("export-png", "--range", "3s..2s", "-o", out.toString(), trace.toString());
        assertEquals(Cli.USAGE, backwards.code());
        assertTrue(backwards.err().contains("a range must end after it starts"), backwards.err());
        CliRun huge = CliRun.run("export-png", "--width", "9000", "--scale", "2", "-o", out.toString(), trace.toString());
        assertEquals(Cli.USAGE, huge.code());
        assertTrue(huge.err().contains("too large; at most 16384 pixels a side"), huge.err());
        CliRun folder = CliRun.run("export-png", "-o", dir.resolve("no/such/x.png").toString(), trace.toString());
        assertEquals(Cli.USAGE, folder.code());
        assertTrue(folder.err().contains("cannot write"), folder.err());
        for (CliRun run : new CliRun[] {view, range, backwards, huge, folder}) {
            run.errLines();
        }
        assertFalse(Files.exists(out));
    }

    private static void assertColor(int r, int g, int b, int argb) {
        int ar = argb >> 16 & 0xFF;
        int ag = argb >> 8 & 0xFF;
        int ab = argb & 0xFF;
        assertTrue(Math.abs(ar - r) <= 6 && Math.abs(ag - g) <= 6 && Math.abs(ab - b) <= 6,
                String.format("expected rgb(%d,%d,%d), found rgb(%d,%d,%d)", r, g, b, ar, ag, ab));
    }

    private static boolean near(int argb, int r, int g, int b) {
        return Math.abs((argb >> 16 & 0xFF) - r) <= 8 && Math.abs((argb >> 8 & 0xFF) - g) <= 8
                && Math.abs((argb & 0xFF) - b) <= 8;
    }

    private static int brightness(int argb) {
        return ((argb >> 16 & 0xFF) + (argb >> 8 & 0xFF) + (argb & 0xFF)) / 3;
    }

    private static int brightPixels(BufferedImage png, int x0, int y0, int x1, int y1) {
        int n = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                if (brightness(png.getRGB(x, y)) > 200) {
                    n++;
                }
            }
        }
        return n;
    }
}
