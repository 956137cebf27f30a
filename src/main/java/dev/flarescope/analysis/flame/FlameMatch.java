package dev.flarescope.analysis.flame;

import java.util.BitSet;

/**
 * The nodes of a {@link FlameTree} whose names match a search, and how much of the tree they cover.
 *
 * @param nodes     matching node ids
 * @param covered   total of the matching nodes that have no matching ancestor, so a match nested in
 *                  another match (recursion, or two names that both match) is counted once
 * @param rootTotal the tree's root total
 */
public record FlameMatch(BitSet nodes, long covered, long rootTotal) {

    /** Share of the root total under some match, 0..1 (0 for an empty tree). */
    public double share() {
        return rootTotal == 0 ? 0 : (double) covered / rootTotal;
    }

    public boolean matches(int node) {
        return nodes.get(node);
    }
}
