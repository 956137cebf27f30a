package dev.flarescope.analysis.flame;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The sandwich view of one function in a {@link FlameTree}: who called it (the callers tree, growing
 * upward from the function) and what it called (the callees tree, merged over all its occurrences).
 * Both trees have the function as their root and are ordinary {@link FlameTree}s, so they lay out, search
 * and zoom like any other.
 *
 * <p>Recursion: only outermost occurrences are taken, ones with no ancestor of the same name. An inner
 * occurrence's time is already inside the outer one's, so counting it again would inflate the total; its
 * callees still appear, below the inner occurrence within the callees tree. Consequently both trees' root
 * totals equal the function's total in {@link #functions}.
 */
public final class Sandwich {
    /** Name id for a name no frame has: matches nothing (unnamed spans have id -1, so -1 would match them). */
    private static final int NO_SUCH_NAME = Integer.MIN_VALUE + 1;

    private final int nameId;
    private final FlameTree callers;
    private final FlameTree callees;
    private final long self;

    private Sandwich(int nameId, FlameTree callers, FlameTree callees, long self) {
        this.nameId = nameId;
        this.callers = callers;
        this.callees = callees;
        this.self = self;
    }

    /** The sandwich of the function named {@code name}; both trees are empty when no frame has that name. */
    public static Sandwich of(FlameTree tree, String name) {
        int id = tree.findName(name);
        return of(tree, id < 0 ? NO_SUCH_NAME : id);
    }

    /** The sandwich of the function with name id {@code nameId}. */
    public static Sandwich of(FlameTree tree, int nameId) {
        boolean[] outermost = outermostOccurrences(tree, nameId);
        TreeAccumulator up = new TreeAccumulator(64, nameId);
        TreeAccumulator down = new TreeAccumulator(64, nameId);
        long self = 0;
        for (int n = 1; n < tree.size(); n++) {
            if (tree.nameId(n) != nameId) {
                continue;
            }
            self += tree.self(n);
            if (outermost[n]) {
                addCallers(tree, n, up);
                addCallees(tree, n, down);
            }
        }
        return new Sandwich(nameId, up.freeze(tree.strings(), tree.unit()), down.freeze(tree.strings(), tree.unit()),
                self);
    }

    public int nameId() {
        return nameId;
    }

    /** Inverted tree: root is the function, its children are its direct callers, theirs the callers' callers. */
    public FlameTree callers() {
        return callers;
    }

    /** Root is the function; below it, its callees merged over all its outermost occurrences. */
    public FlameTree callees() {
        return callees;
    }

    /** Time of the stacks containing the function, each counted once. */
    public long total() {
        return callees.rootTotal();
    }

    /** Time spent in the function itself over every occurrence. */
    public long self() {
        return self;
    }

    /**
     * Per function name: total (each stack counted once under recursion), self and count, sorted by total
     * descending, then name.
     */
    public static List<FunctionStat> functions(FlameTree tree) {
        int maxName = -1;
        for (int n = 1; n < tree.size(); n++) {
            maxName = Math.max(maxName, tree.nameId(n));
        }
        // slot = nameId + 1 so that unnamed spans (-1) have a slot too
        int slots = maxName + 2;
        long[] total = new long[slots];
        long[] self = new long[slots];
        long[] count = new long[slots];
        boolean[] seen = new boolean[slots];
        int[] active = new int[slots];
        // iterative depth-first walk; active[slot] counts occurrences of a name on the current path
        int[] stack = new int[tree.maxDepth() + 1];
        int[] cursor = new int[tree.maxDepth() + 1];
        int top = 0;
        stack[0] = FlameTree.ROOT;
        cursor[0] = tree.childStart(FlameTree.ROOT);
        while (top >= 0) {
            int node = stack[top];
            if (cursor[top] < tree.childEnd(node)) {
                int child = tree.childAt(cursor[top]++);
                int slot = tree.nameId(child) + 1;
                if (active[slot] == 0) {
                    total[slot] += tree.total(child);
                }
                active[slot]++;
                seen[slot] = true;
                self[slot] += tree.self(child);
                count[slot] += tree.count(child);
                top++;
                stack[top] = child;
                cursor[top] = tree.childStart(child);
            } else {
                if (node != FlameTree.ROOT) {
                    active[tree.nameId(node) + 1]--;
                }
                top--;
            }
        }
        List<FunctionStat> rows = new ArrayList<>();
        for (int slot = 0; slot < slots; slot++) {
            if (seen[slot]) {
                rows.add(new FunctionStat(slot - 1, displayName(tree, slot - 1), total[slot], self[slot], count[slot]));
            }
        }
        rows.sort(Comparator.comparingLong(FunctionStat::total).reversed().thenComparing(FunctionStat::name));
        return rows;
    }

    private static String displayName(FlameTree tree, int nameId) {
        String s = nameId < 0 ? null : tree.strings().get(nameId);
        return s == null ? "(unnamed)" : s;
    }

    /** For each node: true when it is named {@code nameId} and no ancestor is. Parents precede children. */
    private static boolean[] outermostOccurrences(FlameTree tree, int nameId) {
        boolean[] below = new boolean[tree.size()];
        boolean[] outermost = new boolean[tree.size()];
        for (int n = 1; n < tree.size(); n++) {
            int p = tree.parent(n);
            below[n] = below[p] || (p != FlameTree.ROOT && tree.nameId(p) == nameId);
            outermost[n] = !below[n] && tree.nameId(n) == nameId;
        }
        return outermost;
    }

    /** Adds the occurrence's call path, reversed, under the callers root; every level gets its total. */
    private static void addCallers(FlameTree tree, int occurrence, TreeAccumulator up) {
        long value = tree.total(occurrence);
        long n = tree.count(occurrence);
        int node = FlameTree.ROOT;
        up.add(node, value, n);
        for (int p = tree.parent(occurrence); p != FlameTree.ROOT; p = tree.parent(p)) {
            node = up.child(node, tree.nameId(p));
            up.add(node, value, n);
        }
    }

    /** Merges the occurrence's subtree into the callees tree, the occurrence onto the root. */
    private static void addCallees(FlameTree tree, int occurrence, TreeAccumulator down) {
        down.add(FlameTree.ROOT, tree.total(occurrence), tree.count(occurrence));
        int[] from = {occurrence};
        int[] to = {FlameTree.ROOT};
        int size = 1;
        while (size > 0) {
            size--;
            int src = from[size];
            int dst = to[size];
            for (int k = tree.childStart(src); k < tree.childEnd(src); k++) {
                int child = tree.childAt(k);
                int mapped = down.child(dst, tree.nameId(child));
                down.add(mapped, tree.total(child), tree.count(child));
                if (size == from.length) {
                    from = Arrays.copyOf(from, size * 2);
                    to = Arrays.copyOf(to, size * 2);
                }
                from[size] = child;
                to[size] = mapped;
                size++;
            }
        }
    }
}
