package dev.flarescope.analysis.flame;

import dev.flarescope.model.StringPool;

import java.util.Arrays;

/**
 * The growing side of a {@link FlameTree}: nodes are added as stacks are merged in, each with a running
 * total and count, then {@link #freeze} derives self times and child lists. Node ids are given in
 * creation order, so a parent's id is always smaller than its children's; the tree's bottom-up passes
 * rely on it.
 */
final class TreeAccumulator {
    private final ChildIndex index;
    private int size;
    private int[] name;
    private int[] parent;
    private long[] total;
    private long[] count;

    /** {@code rootName} is {@link FlameTree#NO_NAME} for "everything", or the focused function of a sandwich. */
    TreeAccumulator(int expectedNodes, int rootName) {
        int capacity = Math.max(16, expectedNodes);
        index = new ChildIndex(capacity);
        name = new int[capacity];
        parent = new int[capacity];
        total = new long[capacity];
        count = new long[capacity];
        name[0] = rootName;
        parent[0] = -1;
        size = 1;
    }

    int name(int node) {
        return name[node];
    }

    /** The child of {@code node} named {@code nameId}, created when missing. */
    int child(int node, int nameId) {
        int c = index.get(node, nameId);
        if (c >= 0) {
            return c;
        }
        if (size == name.length) {
            int n = size + (size >> 1);
            name = Arrays.copyOf(name, n);
            parent = Arrays.copyOf(parent, n);
            total = Arrays.copyOf(total, n);
            count = Arrays.copyOf(count, n);
        }
        c = size++;
        name[c] = nameId;
        parent[c] = node;
        index.put(node, nameId, c);
        return c;
    }

    /** Adds {@code value} to the node's total and {@code n} to its count. */
    void add(int node, long value, long n) {
        total[node] += value;
        count[node] += n;
    }

    /** Adds {@code value} and {@code n} to the node and to every ancestor, root included. */
    void addToPath(int node, long value, long n) {
        for (int k = node; k >= 0; k = parent[k]) {
            total[k] += value;
            count[k] += n;
        }
    }

    /**
     * The immutable tree. A node's self time is its total minus its children's totals, never below zero:
     * spans of concurrent tasks sharing one thread id can overlap inside a parent and sum to more than it.
     */
    FlameTree freeze(StringPool strings, FlameUnit unit) {
        long[] self = Arrays.copyOf(total, size);
        for (int n = size - 1; n > 0; n--) {
            self[parent[n]] -= total[n];
        }
        for (int n = 0; n < size; n++) {
            self[n] = Math.max(0, self[n]);
        }
        return new FlameTree(strings, unit, size, Arrays.copyOf(name, size), Arrays.copyOf(parent, size),
                Arrays.copyOf(total, size), self, Arrays.copyOf(count, size));
    }
}
