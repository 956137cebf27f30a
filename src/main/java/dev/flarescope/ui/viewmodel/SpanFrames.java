package dev.flarescope.ui.viewmodel;

import dev.flarescope.analysis.flame.FlameLayout;
import dev.flarescope.analysis.flame.FlameUnit;
import dev.flarescope.model.SpanTable;
import dev.flarescope.model.Trace;
import dev.flarescope.ui.render.Palette;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.function.Predicate;
import javafx.scene.paint.Color;

/**
 * {@link FlameFrames} of one thread's spans laid out in time order: frame ids are span indices. Values
 * are clipped to the layout's range, so a span reaching out of a selection counts only its part inside.
 */
final class SpanFrames implements FlameFrames {
    private final Trace trace;
    private final SpanTable spans;
    private final FlameLayout layout;
    private final String rootLabel;

    SpanFrames(Trace trace, SpanTable spans, FlameLayout layout, String rootLabel) {
        this.trace = trace;
        this.spans = spans;
        this.layout = layout;
        this.rootLabel = rootLabel;
    }

    @Override
    public FlameLayout layout() {
        return layout;
    }

    @Override
    public FlameUnit unit() {
        return FlameUnit.NANOSECONDS;
    }

    @Override
    public String name(int frame) {
        return spanName(layout.id(frame));
    }

    @Override
    public Color color(int frame, Palette palette) {
        int span = layout.id(frame);
        int cname = spans.cname(span);
        return palette.forSpan(spanName(span), cname < 0 ? null : trace.string(cname));
    }

    @Override
    public long total(int frame) {
        return layout.x1(frame) - layout.x0(frame);
    }

    /** The span's time in the range minus its direct children's time in the range. */
    @Override
    public long self(int frame) {
        int span = layout.id(frame);
        long self = total(frame);
        long end = spans.end(span);
        // children start inside their parent and spans are sorted by start, so the scan stops at its end
        for (int j = span + 1; j < spans.size() && spans.start(j) < end; j++) {
            if (spans.parent(j) == span) {
                self -= inRange(j);
            }
        }
        return Math.max(0, self);
    }

    @Override
    public long count(int frame) {
        return 1;
    }

    @Override
    public int parentFrame(int frame) {
        int parent = spans.parent(layout.id(frame));
        return parent < 0 ? -1 : layout.frameOf(parent);
    }

    @Override
    public long rootTotal() {
        FlameLayout.Viewport full = layout.fullView();
        return full.to() - full.from();
    }

    @Override
    public String rootLabel() {
        return rootLabel;
    }

    @Override
    public int rootFrame() {
        return -1;
    }

    @Override
    public IntPredicate matches(Predicate<String> nameMatches) {
        Map<Integer, Boolean> byName = new HashMap<>();
        return frame -> byName.computeIfAbsent(spans.name(layout.id(frame)), id -> nameMatches.test(name(frame)));
    }

    @Override
    public double matchShare(Predicate<String> nameMatches) {
        long total = rootTotal();
        if (total == 0) {
            return 0;
        }
        IntPredicate matches = matches(nameMatches);
        // frames are in span order, parents before children: a match under a matched frame is skipped
        boolean[] covered = new boolean[layout.size()];
        Map<Integer, Integer> frameOfSpan = new HashMap<>();
        long sum = 0;
        for (int f = 0; f < layout.size(); f++) {
            int span = layout.id(f);
            frameOfSpan.put(span, f);
            Integer parentFrame = spans.parent(span) < 0 ? null : frameOfSpan.get(spans.parent(span));
            boolean inside = parentFrame != null && covered[parentFrame];
            if (inside) {
                covered[f] = true;
            } else if (matches.test(f)) {
                covered[f] = true;
                sum += total(f);
            }
        }
        return (double) sum / total;
    }

    @Override
    public Object source() {
        return spans;
    }

    private long inRange(int span) {
        FlameLayout.Viewport range = layout.fullView();
        return Math.max(0, Math.min(spans.end(span), range.to()) - Math.max(spans.start(span), range.from()));
    }

    private String spanName(int span) {
        int id = spans.name(span);
        String s = id < 0 ? null : trace.string(id);
        return s == null ? "(unnamed)" : s;
    }
}
