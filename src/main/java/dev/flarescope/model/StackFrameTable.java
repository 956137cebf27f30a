package dev.flarescope.model;

/** Stack frames of sampled stacks ({@code stackFrames} of every input), each with its parent frame or -1. */
public final class StackFrameTable {
    public static final StackFrameTable EMPTY = new StackFrameTable(0, new int[0], new int[0], new int[0]);

    private final int size;
    private final int[] name;
    private final int[] parent;
    private final int[] category;

    public StackFrameTable(int size, int[] name, int[] parent, int[] category) {
        this.size = size;
        this.name = name;
        this.parent = parent;
        this.category = category;
    }

    public int size() {
        return size;
    }

    public int name(int i) {
        return name[i];
    }

    public int parent(int i) {
        return parent[i];
    }

    public int category(int i) {
        return category[i];
    }
}
