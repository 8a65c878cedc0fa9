package io.distillguard.cluster;

import io.distillguard.link.AccountGraph;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Finds campaign candidates: communities of the account graph.
 *
 * <p>Algorithm: weighted label propagation (Raghavan, Albert &amp; Kumara 2007) over edges of weight at
 * least {@code minEdgeWeight}: every vertex starts with its own label; in each round, vertices are visited
 * in an order shuffled by a seeded {@link Random} and adopt the label with the largest summed edge weight
 * among their neighbours (keeping their own label when it is among the best, else a seeded random choice
 * among the tied labels, which avoids the label flooding of smallest-label tie-breaking). Rounds stop
 * when no label changes or after {@code maxRounds}. Each label group is then split into its connected
 * components, so a community is always connected; groups smaller than {@code minSize} are dropped.
 * Cost O(rounds x edges). Deterministic for a given graph and seed.
 *
 * <p>{@link Method#COMPONENTS} skips label propagation and returns the connected components of the
 * strong-edge graph. Label propagation keeps densely tied groups apart when they touch through a few edges,
 * but it also splits large sparse groups (a reseller pool tied by synchronised activity) into many pieces;
 * the engine uses components and removes weakly attached members afterwards instead.
 */
public final class CommunityDetector {

    /** How label groups are formed. */
    public enum Method {
        /** Connected components of the strong-edge graph (no label propagation). */
        COMPONENTS,
        /** Weighted label propagation, then connected components within each label. */
        LABEL_PROPAGATION
    }

    private final Method method;
    private final double minEdgeWeight;
    private final int maxRounds;
    private final long seed;
    private final int minSize;

    /**
     * @param minEdgeWeight edges lighter than this are ignored, in [0, 1]
     * @param maxRounds label propagation rounds, >= 1
     * @param seed shuffling seed
     * @param minSize smallest community reported, >= 2
     * @throws IllegalArgumentException on an out-of-range parameter
     */
    public CommunityDetector(double minEdgeWeight, int maxRounds, long seed, int minSize) {
        this(Method.LABEL_PROPAGATION, minEdgeWeight, maxRounds, seed, minSize);
    }

    /**
     * @param method how groups are formed
     * @param minEdgeWeight edges lighter than this are ignored, in [0, 1]
     * @param maxRounds label propagation rounds, >= 1
     * @param seed shuffling seed
     * @param minSize smallest community reported, >= 2
     * @throws IllegalArgumentException on an out-of-range parameter
     */
    public CommunityDetector(Method method, double minEdgeWeight, int maxRounds, long seed, int minSize) {
        this.method = java.util.Objects.requireNonNull(method, "method");
        if (!(minEdgeWeight >= 0 && minEdgeWeight <= 1)) {
            throw new IllegalArgumentException("minEdgeWeight must be in [0,1]: " + minEdgeWeight);
        }
        if (maxRounds < 1) {
            throw new IllegalArgumentException("maxRounds must be >= 1: " + maxRounds);
        }
        if (minSize < 2) {
            throw new IllegalArgumentException("minSize must be >= 2: " + minSize);
        }
        this.minEdgeWeight = minEdgeWeight;
        this.maxRounds = maxRounds;
        this.seed = seed;
        this.minSize = minSize;
    }

    /**
     * Communities of {@code g}, each an ascending array of vertex indices, ordered by size (largest first)
     * then by smallest member.
     */
    public List<int[]> detect(AccountGraph g) {
        int n = g.size();
        List<AccountGraph.Edge> edges = g.edges();
        int[][] nbr = new int[n][];
        double[][] wt = new double[n][];
        int[] deg = new int[n];
        for (AccountGraph.Edge e : edges) {
            if (e.weight() >= minEdgeWeight) {
                deg[e.a()]++;
                deg[e.b()]++;
            }
        }
        for (int i = 0; i < n; i++) {
            nbr[i] = new int[deg[i]];
            wt[i] = new double[deg[i]];
        }
        int[] fill = new int[n];
        for (AccountGraph.Edge e : edges) {
            if (e.weight() >= minEdgeWeight) {
                nbr[e.a()][fill[e.a()]] = e.b();
                wt[e.a()][fill[e.a()]++] = e.weight();
                nbr[e.b()][fill[e.b()]] = e.a();
                wt[e.b()][fill[e.b()]++] = e.weight();
            }
        }
        int[] label = new int[n];
        for (int i = 0; i < n; i++) {
            label[i] = i;
        }
        int[] order = new int[n];
        int active = 0;
        for (int i = 0; i < n; i++) {
            if (deg[i] > 0) {
                order[active++] = i;
            }
        }
        order = Arrays.copyOf(order, active);
        Random rnd = new Random(seed);
        java.util.HashMap<Integer, Double> score = new java.util.HashMap<>();
        List<Integer> ties = new ArrayList<>();
        for (int round = 0; round < (method == Method.COMPONENTS ? 0 : maxRounds); round++) {
            shuffle(order, rnd);
            boolean changed = false;
            for (int v : order) {
                score.clear();
                for (int k = 0; k < nbr[v].length; k++) {
                    score.merge(label[nbr[v][k]], wt[v][k], Double::sum);
                }
                double best = -1;
                for (double w : score.values()) {
                    best = Math.max(best, w);
                }
                double own = score.getOrDefault(label[v], -1.0);
                int bestLabel;
                if (own >= best - 1e-12) {
                    bestLabel = label[v];
                } else {
                    ties.clear();
                    for (var en : score.entrySet()) {
                        if (en.getValue() >= best - 1e-12) {
                            ties.add(en.getKey());
                        }
                    }
                    ties.sort(null);
                    bestLabel = ties.get(ties.size() == 1 ? 0 : rnd.nextInt(ties.size()));
                }
                if (bestLabel != label[v]) {
                    label[v] = bestLabel;
                    changed = true;
                }
            }
            if (!changed) {
                break;
            }
        }
        // split label groups into connected components
        int[] comp = new int[n];
        Arrays.fill(comp, -1);
        List<int[]> out = new ArrayList<>();
        int[] stack = new int[n];
        for (int s = 0; s < n; s++) {
            if (comp[s] >= 0 || deg[s] == 0) {
                continue;
            }
            int sp = 0;
            stack[sp++] = s;
            comp[s] = s;
            List<Integer> members = new ArrayList<>();
            while (sp > 0) {
                int v = stack[--sp];
                members.add(v);
                for (int u : nbr[v]) {
                    if (comp[u] < 0 && (method == Method.COMPONENTS || label[u] == label[s])) {
                        comp[u] = s;
                        stack[sp++] = u;
                    }
                }
            }
            if (members.size() >= minSize) {
                int[] m = members.stream().mapToInt(Integer::intValue).sorted().toArray();
                out.add(m);
            }
        }
        out.sort(Comparator.<int[]>comparingInt(a -> -a.length).thenComparingInt(a -> a[0]));
        return out;
    }

    private static void shuffle(int[] a, Random rnd) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
