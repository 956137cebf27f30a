package dev.flarescope.analysis.flame;

/** How a {@link FlameLayout} places frames from left to right. */
public enum FlameOrder {
    /** Merged tree, children by total time descending: the heaviest stacks line up on the left. */
    LEFT_HEAVY,
    /** Merged tree, children by name: stable positions when comparing two graphs. */
    ALPHABETICAL,
    /** One thread's spans where they happened, unmerged: the flame chart. */
    TIME_ORDER
}
