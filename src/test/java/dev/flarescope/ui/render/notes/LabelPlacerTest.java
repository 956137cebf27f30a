package dev.flarescope.ui.render.notes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarescope.notes.Note;
import dev.flarescope.notes.NoteAnchor;
import dev.flarescope.notes.NoteColor;
import dev.flarescope.ui.render.notes.LabelPlacer.Box;
import dev.flarescope.ui.render.notes.LabelPlacer.Wish;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Label placement as plain numbers: labels never overlap and never leave the area. */
class LabelPlacerTest {
    private static final NoteArea AREA = new NoteArea(220, 66, 1000, 400);

    @Test
    void aLabelGoesWhereItAsks() {
        List<Box> boxes = LabelPlacer.place(List.of(new Wish(300, 80, 120, 34)), AREA);
        assertEquals(new Box(300, 80, 120, 34), boxes.get(0));
    }

    @Test
    void labelsAtTheSamePlaceStackDownwards() {
        List<Wish> wishes = List.of(new Wish(300, 72, 120, 34), new Wish(310, 72, 100, 19), new Wish(305, 72, 80, 49));
        List<Box> boxes = LabelPlacer.place(wishes, AREA);
        // left to right: 300 at 72, 305 below it at 72 + 34 + 4 = 110, 310 below that at 110 + 49 + 4 = 163
        assertEquals(72, boxes.get(0).y());
        assertEquals(110, boxes.get(2).y());
        assertEquals(163, boxes.get(1).y());
        assertDisjointAndInside(boxes);
    }

    @Test
    void labelsSideBySideShareARow() {
        List<Box> boxes = LabelPlacer.place(List.of(new Wish(300, 72, 100, 30), new Wish(420, 72, 100, 30)), AREA);
        assertEquals(72, boxes.get(0).y());
        assertEquals(72, boxes.get(1).y());
    }

    @Test
    void aLabelPastAnEdgeIsMovedInside() {
        List<Box> boxes = LabelPlacer.place(List.of(new Wish(950, 390, 200, 34), new Wish(100, 20, 90, 19)), AREA);
        assertEquals(new Box(800, 366, 200, 34), boxes.get(0)); // 1000 - 200, 400 - 34
        assertEquals(new Box(220, 66, 90, 19), boxes.get(1));
    }

    @Test
    void aLabelWithNoRoomLeftIsLeftOut() {
        List<Wish> wishes = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            wishes.add(new Wish(400, 70, 280, 49)); // (400 - 66) / (49 + 4) = 6 fit one above the other
        }
        List<Box> boxes = LabelPlacer.place(wishes, AREA);
        assertEquals(6, boxes.stream().filter(b -> b != null).count());
        assertNull(boxes.get(11));
        assertDisjointAndInside(boxes);
    }

    @Test
    void aLabelTallerThanTheAreaIsLeftOut() {
        assertNull(LabelPlacer.place(List.of(new Wish(300, 70, 100, 400)), AREA).get(0));
    }

    @Test
    void aSpanLabelSitsAboveItsSpanOrBelowWhenThereIsNoRoom() {
        NoteMark high = mark(NoteMark.Kind.OUTLINE, 400, 500, 80, 97);
        NoteMark low = mark(NoteMark.Kind.OUTLINE, 400, 500, 300, 317);
        // above: 300 - 18 (arrow room) - 34
        assertEquals(new Wish(400, 248, 120, 34), NotePainter.wish(low, 120, 34, AREA));
        // no room above 80: below at 97 + 18
        assertEquals(new Wish(400, 115, 120, 34), NotePainter.wish(high, 120, 34, AREA));
        // the arrow of a label above ends on the span's top edge, in the middle of the span
        double[] t = NotePainter.target(low, new Box(400, 248, 120, 34), AREA);
        assertEquals(450, t[0]);
        assertEquals(300, t[1]);
        double[] below = NotePainter.target(high, new Box(400, 115, 120, 34), AREA);
        assertEquals(97, below[1]);
    }

    @Test
    void aMomentLabelStartsRightOfItsLineAndPointsBackAtIt() {
        NoteMark m = mark(NoteMark.Kind.LINE, 500, 500, 66, 400);
        Wish w = NotePainter.wish(m, 100, 19, AREA);
        assertEquals(518, w.x());
        assertEquals(72, w.y());
        double[] t = NotePainter.target(m, new Box(518, 72, 100, 19), AREA);
        assertEquals(500, t[0]);
        assertEquals(81.5, t[1]);
    }

    @Test
    void wrappingKeepsThreeLinesWithinTheWidth() {
        // 7 px a character, 70 px a line: 10 characters
        List<String> lines = LabelText.wrap("decode stalls here, see the red marker and the queue", 70, 3,
                s -> s.length() * 7.0);
        assertEquals(List.of("decode", "stalls", "here, see\u2026"), lines);
        for (String l : lines) {
            assertTrue(l.length() * 7 <= 70, l);
        }
        assertEquals(List.of("a", "b"), LabelText.wrap("a\nb", 70, 3, s -> s.length() * 7.0));
        assertEquals(List.of("abcdefghij", "klm"), LabelText.wrap("abcdefghijklm", 70, 3, s -> s.length() * 7.0));
        assertTrue(LabelText.wrap("  \n ", 70, 3, s -> s.length() * 7.0).isEmpty());
    }

    private static NoteMark mark(NoteMark.Kind kind, double x0, double x1, double top, double bottom) {
        Note n = Note.create("x", NoteColor.RED, new NoteAnchor.Moment(0), true);
        return new NoteMark(n, kind, x0, x1, top, bottom);
    }

    private static void assertDisjointAndInside(List<Box> boxes) {
        List<Box> placed = boxes.stream().filter(b -> b != null).toList();
        assertFalse(placed.isEmpty());
        for (int i = 0; i < placed.size(); i++) {
            Box a = placed.get(i);
            assertNotNull(a);
            assertTrue(a.x() >= AREA.left() && a.right() <= AREA.right(), a.toString());
            assertTrue(a.y() >= AREA.top() && a.bottom() <= AREA.bottom(), a.toString());
            for (int j = i + 1; j < placed.size(); j++) {
                Box b = placed.get(j);
                boolean apart = a.right() <= b.x() || b.right() <= a.x() || a.bottom() <= b.y() || b.bottom() <= a.y();
                assertTrue(apart, a + " overlaps " + b);
            }
        }
    }
}
