package dev.flarescope.analysis.flame;

import dev.flarescope.model.Sorting;
import dev.flarescope.model.StringPool;

import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * An aggregated call tree (a flame graph before layout) in parallel primitive arrays, so that a tree of a
 * million nodes costs a few dozen bytes per node and no objects. Node {@link #ROOT} stands for everything
 * in scope; every other node is one call path, with:
 * <ul>
 *   <li>{@link #total}: time (or sample weight, see {@link #unit}) spent in the path and below it;</li>
 *   <li>{@link #self}: total minus the children's totals;</li>
 *   <li>{@link #count}: how many span instances (or samples) were merged into the node.</li>
 * </ul>
 * Ids are in creation order, so a parent's id is always smaller than its children's. Children are held
 * grouped by parent in one array; {@link #children(int, FlameOrder)} gives them in a display order.
 *
 * <p>The root's total is the sum of its children's and its count is the number of top-level spans (or of
 * samples). Immutable and safe to share between threads.
 */
public final class FlameTree {
    public static final int ROOT = 0;
    /** Name id of the root, which stands for no function. */
    static final int NO_NAME = Integer.MIN_VALUE;

    private final StringPool strings;
    private final FlameUnit unit;
    private final int size;
    private final int[] name;
    private final int[] parent;
    private final int[] depth;
    private final long[] total;
    private final long[] self;
    private final long[] count;
    private final int maxDepth;
    /** Children of node n, in creation order, are childList[childStart[n] .. childStart[n + 1]). */
    private final int[] childStart;
    private final int[] childList;

    FlameTree(StringPool strings, FlameUnit unit, int size, int[] name, int[] parent, long[] total, long[] self,
              long[] count) {
        this.strings = strings;
        this.unit = unit;
        this.size = size;
        this.name = name;
        this.parent = parent;
        this.total = total;
        this.self = self;
        this.count = count;
        this.depth = new int[size];
        int[] childCount = new int[size];
        int deepest = 0;
        for (int n = 1; n < size; n++) {
            depth[n] = depth[parent[n]] + 1;
            deepest = Math.max(deepest, depth[n]);
            childCount[parent[n]]++;
        }
        this.maxDepth = deepest;
        this.childStart = new int[size + 1];
        for (int n = 0; n < size; n++) {
            childStart[n + 1] = childStart[n] + childCount[n];
        }
        this.childList = new int[Math.max(0, size - 1)];
        int[] fill = Arrays.copyOf(childStart, size);
        for (int n = 1; n < size; n++) {
            childList[fill[parent[n]]++] = n;
        }
    }

    public int size() {
        return size;
    }

    public FlameUnit unit() {
        return unit;
    }

    /** Name id in the trace's string pool; meaningless for the root. */
    public int nameId(int node) {
        return name[node];
    }

    /**
     * Display name: "(unnamed)" for spans without a name; "all" for the root, except in the trees of a
     * {@link Sandwich}, whose root is the focused function.
     */
    public String name(int node) {
        if (name[node] == NO_NAME) {
            return "all";
        }
        String s = name[node] < 0 ? null : strings.get(name[node]);
        return s == null ? "(unnamed)" : s;
    }

    /** Parent node, or -1 for the root. */
    public int parent(int node) {
        return parent[node];
    }

    /** 0 for the root, 1 for top-level frames. */
    public int depth(int node) {
        return depth[node];
    }

    public int maxDepth() {
        return maxDepth;
    }

    public long total(int node) {
        return total[node];
    }

    public long self(int node) {
        return self[node];
    }

    public long count(int node) {
        return count[node];
    }

    public long rootTotal() {
        return total[ROOT];
    }

    public int childCount(int node) {
        return childStart[node + 1] - childStart[node];
    }

    /**
     * The node's children in {@code order}: LEFT_HEAVY (total descending, ties by name) or ALPHABETICAL
     * (ties by total descending). Sorted on each call, so a layout sorts only the nodes it shows.
     */
    public int[] children(int node, FlameOrder order) {
        int from = childStart[node];
        int n = childStart[node + 1] - from;
        Sorting.IndexComparator cmp = switch (order) {
            case LEFT_HEAVY -> (a, b) -> {
                int ca = childList[from + a];
                int cb = childList[from + b];
                int c = Long.compare(total[cb], total[ca]);
                return c != 0 ? c : name(ca).compareTo(name(cb));
            };
            case ALPHABETICAL -> (a, b) -> {
                int ca = childList[from + a];
                int cb = childList[from + b];
                int c = name(ca).compareTo(name(cb));
                return c != 0 ? c : Long.compare(total[cb], total[ca]);
            };
            case TIME_ORDER -> throw new IllegalArgumentException(
                    "a merged tree has no time order; lay out a thread's spans with FlameLayout.timeOrder");
        };
        int[] sorted = Sorting.stableOrder(n, cmp);
        for (int k = 0; k < n; k++) {
            sorted[k] = childList[from + sorted[k]];
        }
        return sorted;
    }

    /** Id of the string {@code s} in the trace's pool, or -1 when no frame can have that name. */
    public int findName(String s) {
        return strings.find(s);
    }

    /**
     * Nodes whose name matches {@code predicate} (tested once per distinct name; never the root) and the
     * share of the root total they cover, counting a match nested inside another match once.
     */
    public FlameMatch matching(Predicate<String> predicate) {
        Map<Integer, Boolean> byName = new HashMap<>();
        BitSet matched = new BitSet(size);
        BitSet underMatch = new BitSet(size);
        long covered = 0;
        for (int n = 1; n < size; n++) {
            int p = parent[n];
            boolean inside = matched.get(p) || underMatch.get(p);
            if (inside) {
                underMatch.set(n);
            }
            final int node = n;
            if (byName.computeIfAbsent(name[n], k -> predicate.test(name(node)))) {
                matched.set(n);
                if (!inside) {
                    covered += total[n];
                }
            }
        }
        return new FlameMatch(matched, covered, total[ROOT]);
    }

    StringPool strings() {
        return strings;
    }

    /** First position of the node's children in {@link #childAt}. */
    int childStart(int node) {
        return childStart[node];
    }

    /** One past the last position of the node's children in {@link #childAt}. */
    int childEnd(int node) {
        return childStart[node + 1];
    }

    /** The child at a position between {@link #childStart} and {@link #childEnd} of its parent (creation order). */
    int childAt(int position) {
        return childList[position];
    }
}
