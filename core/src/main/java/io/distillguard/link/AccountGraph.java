package io.distillguard.link;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Undirected weighted graph of accounts. Vertices are indices into the subject list given to the
 * {@link Linker}; edge weights are in (0, 1] (noisy-OR of the reasons' weights). Edges are sorted by
 * (a, b) with a &lt; b, so iteration order is deterministic.
 */
public final class AccountGraph {

    /**
     * One edge.
     *
     * @param a smaller vertex index
     * @param b larger vertex index
     * @param weight in (0, 1]
     * @param reasons reasons, heaviest first (at most a few are kept)
     */
    public record Edge(int a, int b, double weight, List<LinkReason> reasons) {
        public Edge {
            reasons = List.copyOf(reasons);
        }
    }

    private final List<String> ids;
    private final List<Edge> edges;
    private final int[][] adjacency;

    AccountGraph(List<String> ids, List<Edge> edges) {
        this.ids = List.copyOf(ids);
        this.edges = Collections.unmodifiableList(new ArrayList<>(edges));
        int[] deg = new int[ids.size()];
        for (Edge e : edges) {
            deg[e.a()]++;
            deg[e.b()]++;
        }
        adjacency = new int[ids.size()][];
        for (int i = 0; i < deg.length; i++) {
            adjacency[i] = new int[deg[i]];
        }
        int[] fill = new int[ids.size()];
        for (int k = 0; k < edges.size(); k++) {
            Edge e = edges.get(k);
            adjacency[e.a()][fill[e.a()]++] = k;
            adjacency[e.b()][fill[e.b()]++] = k;
        }
    }

    /**
     * The same accounts with the reasons of {@code kind} taken out of every edge: each edge's weight is
     * recomputed as the noisy-OR of its remaining reasons (its listed ones, at most four per edge), and
     * edges left without a reason are dropped. Used to ask what ties a group without, say, similar
     * behaviour.
     */
    public AccountGraph without(LinkAttribute kind) {
        List<Edge> kept = new ArrayList<>();
        for (Edge e : edges) {
            double keep = 1;
            List<LinkReason> rs = new ArrayList<>();
            for (LinkReason r : e.reasons()) {
                if (r.attribute() != kind) {
                    rs.add(r);
                    keep *= 1 - r.weight();
                }
            }
            if (!rs.isEmpty()) {
                kept.add(new Edge(e.a(), e.b(), 1 - keep, rs));
            }
        }
        return new AccountGraph(ids, kept);
    }

    /** Number of vertices. */
    public int size() {
        return ids.size();
    }

    /** Account id of vertex {@code i}. */
    public String accountId(int i) {
        return ids.get(i);
    }

    /** All edges, sorted by (a, b). */
    public List<Edge> edges() {
        return edges;
    }

    /** Indices into {@link #edges()} of the edges touching vertex {@code v}. */
    public int[] incident(int v) {
        return adjacency[v].clone();
    }

    /** The other end of edge {@code e} seen from {@code v}. */
    public static int other(Edge e, int v) {
        return e.a() == v ? e.b() : e.a();
    }
}
