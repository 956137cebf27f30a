package dev.flarescope.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SpanTableTest {
    /** The deepest span containing t by looking at every span: an independent check of deepestAt. */
    private static int deepestByScan(SpanTable s, long t) {
        int best = -1;
        for (int i = 0; i < s.size(); i++) {
            boolean contains = s.start(i) <= t && (t < s.end(i) || s.dur(i) == 0 && s.start(i) == t);
            if (contains && (best < 0 || s.depth(i) > s.depth(best))) {
                best = i;
            }
        }
        return best;
    }

    /** Nested spans in [from, to) µs: children fill parts of their parent, some zero-length, some touching. */
    private static void nested(Events e, SplittableRandom r, long from, long to, int depth) {
        long t = from;
        while (t < to && depth < 6) {
            long len = r.nextInt(4) == 0 ? 0 : 1 + r.nextLong(Math.max(1, (to - t) / 2));
            long end = Math.min(to, t + len);
            e.x(1, 1, "d" + depth, t, end - t);
            if (end - t > 2) {
                nested(e, r, t, end, depth + 1);
            }
            t = end + r.nextInt(3); // sometimes the next one starts where this one ends
        }
    }

    @Test
    void deepestAtOfNestedSpansIsTheDeepestContainingSpan() {
        SplittableRandom r = new SplittableRandom(23);
        for (int round = 0; round < 40; round++) {
            Events e = Events.chunk();
            nested(e, r, 0, 2_000, 0);
            Trace trace = Events.assemble(e.build());
            SpanTable s = trace.processes().get(0).threads().get(0).spans();
            for (int i = 0; i < s.size(); i++) {
                assertFalse(s.hasFlag(i, SpanTable.OVERLAP), "the generator nests properly");
            }
            for (int k = 0; k < 300; k++) {
                long t = r.nextLong(-5_000, 2_005_000); // ns; spans are in µs
                assertEquals(deepestByScan(s, t), s.deepestAt(t), "round " + round + ", t = " + t);
            }
            for (int i = 0; i < s.size(); i++) { // exactly at starts and ends
                assertEquals(deepestByScan(s, s.start(i)), s.deepestAt(s.start(i)));
                assertEquals(deepestByScan(s, s.end(i)), s.deepestAt(s.end(i)));
            }
        }
    }

    @Test
    void deepestAtWithOverlappingLanesScansTheRows() {
        // asyncio-style: b starts inside a and ends after it, so it goes to a second lane
        Trace trace = Events.assemble(Events.chunk().x(1, 1, "a", 0, 10).x(1, 1, "b", 5, 10).x(1, 1, "c", 6, 1).build());
        SpanTable s = trace.processes().get(0).threads().get(0).spans();
        assertTrue(s.hasFlag(1, SpanTable.OVERLAP));
        for (long t = -1_000; t <= 16_000; t += 250) {
            assertEquals(deepestByScan(s, t), s.deepestAt(t), "t = " + t);
        }
    }
}
