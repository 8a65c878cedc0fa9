package io.distillguard.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class UnionFindTest {

    /** The representative is the smallest member, whatever the order of unions (checked against flood fill). */
    @Property(tries = 200)
    void representativeIsTheSmallestMember(@ForAll @Size(max = 60) List<@IntRange(max = 39) Integer> ends) {
        int n = 40;
        UnionFind uf = new UnionFind(n);
        boolean[][] adj = new boolean[n][n];
        for (int i = 0; i + 1 < ends.size(); i += 2) {
            uf.union(ends.get(i), ends.get(i + 1));
            adj[ends.get(i)][ends.get(i + 1)] = true;
            adj[ends.get(i + 1)][ends.get(i)] = true;
        }
        for (int v = 0; v < n; v++) {
            boolean[] seen = new boolean[n];
            java.util.ArrayDeque<Integer> q = new java.util.ArrayDeque<>(List.of(v));
            seen[v] = true;
            int min = v;
            while (!q.isEmpty()) {
                int x = q.poll();
                min = Math.min(min, x);
                for (int y = 0; y < n; y++) {
                    if (adj[x][y] && !seen[y]) {
                        seen[y] = true;
                        q.add(y);
                    }
                }
            }
            assertThat(uf.find(v)).isEqualTo(min);
        }
    }
}
