package dev.flarescope.analysis.flame;

/**
 * Finds the child of a tree node by name: an open-addressing hash from {@code (parent << 32 | nameId)} to
 * the child's node id, in two primitive arrays. Building a flame graph looks a child up once per span,
 * so this lookup is the inner loop; it allocates nothing and boxes nothing.
 *
 * <p>Node ids stored here are always positive (node 0 is the root, which is nobody's child), so 0 marks
 * an empty slot.
 */
final class ChildIndex {
    private long[] keys;
    private int[] nodes;
    private int mask;
    private int shift;
    private int size;

    ChildIndex(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        allocate(capacity);
    }

    /** The child of {@code parent} named {@code nameId}, or -1. */
    int get(int parent, int nameId) {
        long key = key(parent, nameId);
        for (int i = slot(key); ; i = (i + 1) & mask) {
            int node = nodes[i];
            if (node == 0) {
                return -1;
            }
            if (keys[i] == key) {
                return node;
            }
        }
    }

    /** Records {@code node} as the child of {@code parent} named {@code nameId}; the pair must be new. */
    void put(int parent, int nameId, int node) {
        if (++size * 2 > nodes.length) {
            grow();
        }
        insert(key(parent, nameId), node);
    }

    private void insert(long key, int node) {
        int i = slot(key);
        while (nodes[i] != 0) {
            i = (i + 1) & mask;
        }
        keys[i] = key;
        nodes[i] = node;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldNodes = nodes;
        allocate(oldNodes.length * 2);
        for (int i = 0; i < oldNodes.length; i++) {
            if (oldNodes[i] != 0) {
                insert(oldKeys[i], oldNodes[i]);
            }
        }
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        nodes = new int[capacity];
        mask = capacity - 1;
        shift = 64 - Integer.numberOfTrailingZeros(capacity);
    }

    private int slot(long key) {
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> shift);
    }

    private static long key(int parent, int nameId) {
        return ((long) parent << 32) | (nameId & 0xFFFFFFFFL);
    }
}
