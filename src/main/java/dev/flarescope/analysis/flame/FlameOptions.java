package dev.flarescope.analysis.flame;

/**
 * How {@link FlameTreeBuilder} aggregates.
 *
 * @param source            which data becomes the tree
 * @param collapseRecursion merge a frame into its parent when both have the same name ({@code A>A>B} becomes
 *                          {@code A>B}, A's total unchanged). Only direct recursion is collapsed, as in speedscope:
 *                          {@code A>B>A} keeps three levels, because collapsing it would have to pick which
 *                          B the inner A's callees belong to. A merged instance still adds to the node's
 *                          count, and its self time to the node's self time.
 */
public record FlameOptions(Source source, boolean collapseRecursion) {

    /** Where the stacks come from. */
    public enum Source {
        /** Nested spans (X events and matched B/E pairs), weighted by duration. */
        SPANS,
        /** Sampled stacks, weighted by the samples' weights. */
        SAMPLES,
        /** Spans when the scoped threads have any, else samples. */
        AUTO
    }

    public static final FlameOptions DEFAULT = new FlameOptions(Source.AUTO, false);

    public FlameOptions {
        if (source == null) {
            throw new IllegalArgumentException("source is required");
        }
    }

    public FlameOptions withSource(Source s) {
        return new FlameOptions(s, collapseRecursion);
    }

    public FlameOptions withCollapseRecursion(boolean collapse) {
        return new FlameOptions(source, collapse);
    }
}
