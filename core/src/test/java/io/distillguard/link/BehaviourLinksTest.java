package io.distillguard.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class BehaviourLinksTest {

    static double[] around(double[] centre, Random r, double jitter) {
        double[] v = centre.clone();
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.max(0, Math.min(1, v[i] + (r.nextDouble() * 2 - 1) * jitter));
        }
        return v;
    }

    static double[] random(Random r) {
        double[] v = new double[BehaviourLinks.DIMS];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextDouble();
        }
        return v;
    }

    @Test
    void aScriptRunByManyAccountsLinksThemAtTheFullPrior() {
        Random r = new Random(1);
        double[] centre = random(r);
        double[][] v = new double[40][];
        for (int i = 0; i < 10; i++) {
            v[i * 4] = around(centre, r, 0.05); // script members at 0, 4, 8, ...
        }
        for (int i = 0; i < 40; i++) {
            if (v[i] == null && i % 3 != 0) {
                v[i] = random(r); // unrelated distinctive accounts; i % 3 == 0 do not take part (null)
            }
        }
        List<BehaviourLinks.Pair> pairs = BehaviourLinks.pairs(v, 0.5, 0.15, 32, 4096, 8, v.length, 1.0);
        Set<String> script = new HashSet<>();
        for (BehaviourLinks.Pair p : pairs) {
            assertThat(p.a()).isLessThan(p.b());
            if (p.a() % 4 == 0 && p.b() % 4 == 0 && p.b() < 40) {
                script.add(p.a() + "-" + p.b());
                assertThat(p.weight()).isCloseTo(0.5, within(1e-12));
            }
        }
        assertThat(script).hasSize(10 * 9 / 2);
    }

    @Test
    void twoLookAlikesWeighLessThanAScript() {
        Random r = new Random(2);
        double[] centre = random(r);
        double[][] v = {around(centre, r, 0.02), random(r), around(centre, r, 0.02)};
        List<BehaviourLinks.Pair> pairs = BehaviourLinks.pairs(v, 0.5, 0.15, 32, 4096, 8, v.length, 1.0);
        assertThat(pairs).hasSize(1);
        assertThat(pairs.get(0).a()).isZero();
        assertThat(pairs.get(0).b()).isEqualTo(2);
        assertThat(pairs.get(0).weight()).isCloseTo(0.5 / 7, within(1e-12));
    }

    @Test
    void oneComponentBeyondTheDistanceBreaksTheSimilarity() {
        double[] a = new double[BehaviourLinks.DIMS];
        double[] b = a.clone();
        b[BehaviourLinks.DIMS - 1] = 0.16;
        assertThat(BehaviourLinks.similar(a, b, 0.15)).isFalse();
        b[BehaviourLinks.DIMS - 1] = 0.15;
        assertThat(BehaviourLinks.similar(a, b, 0.15)).isTrue();
        assertThat(BehaviourLinks.pairs(new double[][] {a, b}, 0, 0.15, 32, 4096, 8, 2, 1.0)).isEmpty();
    }

    @Test
    void eachAccountLinksAtMostCliqueMaxSuccessors() {
        Random r = new Random(3);
        double[] centre = random(r);
        double[][] v = new double[100][];
        for (int i = 0; i < v.length; i++) {
            v[i] = around(centre, r, 0.01);
        }
        List<BehaviourLinks.Pair> pairs = BehaviourLinks.pairs(v, 0.5, 0.15, 5, 4096, 8, v.length, 1.0);
        // sorted-order successors: at most 5 per account, and the group stays connected
        assertThat(pairs.size()).isLessThanOrEqualTo(100 * 5);
        int[] parent = new int[100];
        for (int i = 0; i < 100; i++) {
            parent[i] = i;
        }
        for (BehaviourLinks.Pair p : pairs) {
            parent[find(parent, p.a())] = find(parent, p.b());
        }
        for (int i = 1; i < 100; i++) {
            assertThat(find(parent, i)).isEqualTo(find(parent, 0));
        }
    }

    private static int find(int[] p, int i) {
        while (p[i] != i) {
            i = p[i];
        }
        return i;
    }

    /** Against brute force: with no caps binding, the pairs are exactly the similar pairs. */
    @Property(tries = 60)
    void matchesBruteForceWhenNoCapBinds(@ForAll @IntRange(min = 0, max = 60) int n,
            @ForAll @IntRange(min = 0, max = 1_000_000) int seed) {
        Random r = new Random(seed);
        double[][] centres = {random(r), random(r), random(r)};
        double[][] v = new double[n][];
        for (int i = 0; i < n; i++) {
            int kind = r.nextInt(5);
            v[i] = kind == 4 ? null : kind == 3 ? random(r) : around(centres[kind], r, 0.1);
        }
        List<BehaviourLinks.Pair> pairs = BehaviourLinks.pairs(v, 0.5, 0.15, 1000, 100_000, 8, v.length, 1.0);
        List<String> got = new ArrayList<>();
        for (BehaviourLinks.Pair p : pairs) {
            got.add(p.a() + "-" + p.b());
            assertThat(p.weight()).isGreaterThan(0).isLessThanOrEqualTo(0.5);
        }
        List<String> want = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (v[i] != null && v[j] != null && BehaviourLinks.similar(v[i], v[j], 0.15)) {
                    want.add(i + "-" + j);
                }
            }
        }
        assertThat(got).containsExactlyElementsOf(want);
    }

    @Test
    void describesTheLargestSharesThenThePacing() {
        double[] v = new double[BehaviourLinks.DIMS];
        v[0] = 0.44;
        v[3] = 0.34;
        v[4] = 0.1;
        v[6] = 0.04; // under 5%: not shown
        v[BehaviourLinks.DIMS - 1] = 0.3;
        assertThat(BehaviourLinks.NAMES).hasSize(BehaviourLinks.DIMS);
        assertThat(BehaviourLinks.describe(v)).startsWith("extraction 44%, grading 34%, safe_rewrite 10%; single_turn 0.00")
                .endsWith("volume 0.30").doesNotContain("tool_loop");
    }

    @Test
    void aBehaviourMostAccountsShareIsTheNormAndLinksNobody() {
        Random r = new Random(4);
        double[] centre = random(r);
        double[][] v = new double[300][];
        for (int i = 0; i < 300; i++) {
            v[i] = i < 200 ? around(centre, r, 0.03) : random(r); // two thirds behave alike
        }
        assertThat(BehaviourLinks.pairs(v, 0.5, 0.15, 32, 4096, 8, 300, 0.35)).isEmpty();
        // the same 200 among 2,000 accounts (10%): a script, linked
        assertThat(BehaviourLinks.pairs(v, 0.5, 0.15, 32, 4096, 8, 2000, 0.35)).isNotEmpty();
    }
}
