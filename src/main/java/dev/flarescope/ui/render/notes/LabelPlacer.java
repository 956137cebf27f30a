package dev.flarescope.ui.render.notes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Places note labels so that none covers another and none leaves the area: each label, taken from left
 * to right, goes where it asked to be, moved into the area, or else to the nearest free height below
 * (then above) it: the top or the bottom of a label placed before it. A label that finds no free place
 * is left out; its mark is still drawn.
 */
public final class LabelPlacer {
    /** Space kept between labels. */
    public static final double GAP = 4;

    private LabelPlacer() {
    }

    /** Where a label would like to be: its top-left corner and its size. */
    public record Wish(double x, double y, double width, double height) {
    }

    /** Where a label goes: its top-left corner and size. */
    public record Box(double x, double y, double width, double height) {
        public double right() {
            return x + width;
        }

        public double bottom() {
            return y + height;
        }

        public boolean contains(double px, double py) {
            return px >= x && px <= right() && py >= y && py <= bottom();
        }

        boolean overlaps(Box o, double gap) {
            return x < o.right() + gap && o.x < right() + gap && y < o.bottom() + gap && o.y < bottom() + gap;
        }
    }

    /** The boxes of {@code wishes}, in the same order; null for a label that does not fit. */
    public static List<Box> place(List<Wish> wishes, NoteArea area) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < wishes.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble((Integer i) -> wishes.get(i).x()).thenComparingInt(i -> i));
        Box[] out = new Box[wishes.size()];
        List<Box> placed = new ArrayList<>();
        for (int i : order) {
            Box b = placeOne(wishes.get(i), area, placed);
            out[i] = b;
            if (b != null) {
                placed.add(b);
            }
        }
        return java.util.Arrays.asList(out);
    }

    private static Box placeOne(Wish w, NoteArea area, List<Box> placed) {
        double width = Math.min(w.width(), area.width());
        if (w.height() > area.height() || width <= 0) {
            return null;
        }
        double x = NoteArea.clamp(w.x(), area.left(), area.right() - width);
        double y = NoteArea.clamp(w.y(), area.top(), area.bottom() - w.height());
        List<Double> below = new ArrayList<>();
        List<Double> above = new ArrayList<>();
        below.add(y);
        for (Box p : placed) {
            double under = p.bottom() + GAP;
            double over = p.y() - GAP - w.height();
            if (under >= y) {
                below.add(under);
            }
            if (over < y) {
                above.add(over);
            }
        }
        below.sort(Comparator.naturalOrder());
        above.sort(Comparator.reverseOrder());
        for (List<Double> candidates : List.of(below, above)) {
            for (double cy : candidates) {
                Box b = new Box(x, cy, width, w.height());
                if (cy >= area.top() && b.bottom() <= area.bottom() && free(b, placed)) {
                    return b;
                }
            }
        }
        return null;
    }

    private static boolean free(Box b, List<Box> placed) {
        for (Box p : placed) {
            if (b.overlaps(p, GAP - 0.001)) {
                return false;
            }
        }
        return true;
    }
}
