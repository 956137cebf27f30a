package dev.flarescope.ui.render.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarescope.model.SpanTable;
import dev.flarescope.ui.viewmodel.SpanRow;
import dev.flarescope.ui.viewmodel.TimeRange;
import dev.flarescope.ui.viewmodel.TimeScale;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Level of detail on one row: which slices are drawn alone and how sub-pixel slices merge. */
class LodWalkerTest {

    /** What the walker emitted: "S pos" for a slice, "B from-to" for a block. */
    private static List<String> walk(SpanRow row, TimeRange view, double width) {
        List<String> out = new ArrayList<>();
        LodWalker.walk(row, new TimeScale(view, 0, width), new LodWalker.Sink() {
            @Override
            public void slice(int pos, double x0, double x1) {
                out.add("S " + pos);
            }

            @Override
            public void block(int fromPos, int toPos, double x0, double x1) {
                assertTrue(x1 - x0 >= 1, "a block is at least a pixel wide");
                out.add("B " + fromPos + "-" + toPos);
            }
        });
        return out;
    }

    /** One row of back-to-back or spaced spans: span k starts at k * every and lasts dur[k]. */
    private static SpanRow row(long[] start, long[] dur) {
        int n = start.length;
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        SpanTable t = new SpanTable(n, start, dur, new int[n], new int[n], new int[n], new int[n], new int[n],
                new byte[n], null);
        return SpanRow.of(t, idx);
    }

    private static SpanRow regular(int n, long every, long dur) {
        long[] s = new long[n];
        long[] d = new long[n];
        for (int i = 0; i < n; i++) {
            s[i] = i * every;
            d[i] = dur;
        }
        return row(s, d);
    }

    @Test
    void subPixelSpansOnePixelApartMergeIntoOneBlock() {
        // 100 ns per px: 10 ns spans every 100 ns are 0.1 px wide and 1 px apart
        assertEquals(List.of("B 0-1000"), walk(regular(1000, 100, 10), new TimeRange(0, 100_000), 1000));
    }

    @Test
    void subPixelSpansFurtherApartStaySeparateBlocks() {
        // every 300 ns = 3 px apart; spans starting at or before 100,000: k = 0..333
        List<String> out = walk(regular(1000, 300, 10), new TimeRange(0, 100_000), 1000);
        assertEquals(334, out.size());
        assertEquals("B 0-1", out.get(0));
        assertEquals("B 333-334", out.get(333));
    }

    @Test
    void wideSpansAreDrawnAloneBetweenBlocks() {
        // a 5,000 ns span (50 px), 100 back-to-back 10 ns spans (10 px in all), another 5,000 ns span
        long[] s = new long[102];
        long[] d = new long[102];
        s[0] = 0;
        d[0] = 5_000;
        for (int i = 1; i <= 100; i++) {
            s[i] = 5_000 + (i - 1) * 10L;
            d[i] = 10;
        }
        s[101] = 6_000;
        d[101] = 5_000;
        assertEquals(List.of("S 0", "B 1-101", "S 101"), walk(row(s, d), new TimeRange(0, 100_000), 1000));
    }

    @Test
    void onlyTheVisibleRangeIsVisited() {
        // spans [0,10), [20,30), ... ; a view from 25 to 65 starts at [20,30) and ends with [60,70)
        List<String> out = walk(regular(100, 20, 10), new TimeRange(25, 65), 40);
        assertEquals(List.of("S 1", "S 2", "S 3"), out);
    }

    @Test
    void aMillionTinySpansCostAboutOneStepPerPixel() {
        int n = 1_000_000;
        SpanRow inner = regular(n, 1, 1); // back-to-back 1 ns spans
        int[] visited = new int[1];
        SpanRow counting = new SpanRow() {
            @Override
            public int size() {
                return inner.size();
            }

            @Override
            public int index(int pos) {
                return inner.index(pos);
            }

            @Override
            public long start(int pos) {
                visited[0]++;
                return inner.start(pos);
            }

            @Override
            public long end(int pos) {
                return inner.end(pos);
            }

            @Override
            public long endMax(int pos) {
                return inner.endMax(pos);
            }
        };
        // 1,000 ns per px: everything merges into one block
        assertEquals(List.of("B 0-1000000"), walk(counting, new TimeRange(0, n), 1000));
        assertTrue(visited[0] <= 1_001, "visited " + visited[0] + " spans for 1000 px");
    }
}
