package io.distillguard.util;

/**
 * Disjoint sets over {@code 0..n-1} whose representative is always the set's smallest member, so
 * results do not depend on the order of unions (callers that sort their elements get the smallest value
 * of each set as its name). Path halving; no union by rank, which the smallest-member rule rules out.
 *
 * <p>Internal utility of the engine, not part of the public API. Not thread-safe.
 */
public final class UnionFind {

    private final int[] parent;

    /** {@code n} singleton sets. */
    public UnionFind(int n) {
        parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
    }

    /** The smallest member of the set holding {@code i}. */
    public int find(int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /** Merges the sets holding {@code a} and {@code b}. */
    public void union(int a, int b) {
        int ra = find(a);
        int rb = find(b);
        parent[Math.max(ra, rb)] = Math.min(ra, rb);
    }
}
