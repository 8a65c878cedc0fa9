package io.distillguard.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The norm rule of {@link BehaviourLinks#pairs} compares each participant with a window of a packed sample;
 * the pairs must be exactly those of the plain rule (each participant against every sampled one).
 */
class BehaviourNormRuleTest {

    @Property(tries = 60)
    void sameAsComparingWithEverySampledAccount(@ForAll long seed, @ForAll @IntRange(min = 1, max = 1500) int m,
            @ForAll @IntRange(min = 0, max = 12) int crowds, @ForAll @IntRange(min = 1, max = 60) int sharedPercent) {
        Random r = new Random(seed);
        double[][] centres = new double[crowds][];
        for (int c = 0; c < crowds; c++) {
            centres[c] = BehaviourLinksTest.random(r);
            // crowds that sit at the same first component stress the window's boundaries
            centres[c][0] = r.nextInt(4) / 4.0;
        }
        double[][] v = new double[m + m / 3][];
        for (int i = 0; i < v.length; i++) {
            if (r.nextInt(4) == 0) {
                continue; // does not take part
            }
            v[i] = crowds == 0 || r.nextInt(3) == 0 ? BehaviourLinksTest.random(r)
                    : BehaviourLinksTest.around(centres[r.nextInt(crowds)], r, r.nextDouble() * 0.2);
        }
        int population = v.length + r.nextInt(v.length + 1);
        double shared = sharedPercent / 100.0;
        assertThat(BehaviourLinks.pairs(v, 0.5, 0.15, 32, 4096, 8, population, shared))
                .isEqualTo(reference(v, 0.5, 0.15, 32, 4096, 8, population, shared));
    }

    /** The windowed count equals the count over every sampled participant, for any step and reach. */
    @Property(tries = 200)
    void windowedSampleCountsEqualPlainCounts(@ForAll long seed, @ForAll @IntRange(min = 1, max = 800) int m,
            @ForAll @IntRange(min = 1, max = 9) int step, @ForAll @IntRange(min = 0, max = 100) int reachPercent) {
        Random r = new Random(seed);
        double[][] v = new double[m][];
        double[][] centres = {BehaviourLinksTest.random(r), BehaviourLinksTest.random(r), BehaviourLinksTest.random(r)};
        for (int i = 0; i < m; i++) {
            v[i] = r.nextBoolean() ? BehaviourLinksTest.random(r)
                    : BehaviourLinksTest.around(centres[r.nextInt(3)], r, r.nextDouble() * 0.3);
            if (r.nextInt(5) == 0) {
                v[i][0] = r.nextInt(3) / 2.0; // ties on the first component
            }
        }
        Integer[] order = java.util.stream.IntStream.range(0, m).boxed().toArray(Integer[]::new);
        Arrays.sort(order, (x, y) -> {
            int c = Double.compare(v[x][0], v[y][0]);
            return c != 0 ? c : Integer.compare(x, y);
        });
        double reach = reachPercent / 200.0;
        int[] expected = new int[m];
        for (int s = 0; s < m; s++) {
            for (int t = 0; t < m; t += step) {
                if (t != s && BehaviourLinks.similar(v[order[s]], v[order[t]], reach)) {
                    expected[s]++;
                }
            }
        }
        assertThat(BehaviourLinks.similarInSample(v, order, step, reach)).containsExactly(expected);
    }

    /** The rule as first written: every participant against every sampled participant. */
    static List<BehaviourLinks.Pair> reference(double[][] vectors, double prior, double maxDistance, int cliqueMax,
            int maxComparisons, int fullSupport, int population, double maxSharedFraction) {
        List<BehaviourLinks.Pair> out = new ArrayList<>();
        Integer[] order = java.util.stream.IntStream.range(0, vectors.length).filter(i -> vectors[i] != null)
                .boxed().toArray(Integer[]::new);
        Arrays.sort(order, (x, y) -> {
            int c = Double.compare(vectors[x][0], vectors[y][0]);
            return c != 0 ? c : Integer.compare(x, y);
        });
        int m = order.length;
        boolean[] norm = new boolean[vectors.length];
        if (maxSharedFraction < 1 && m > maxSharedFraction * population) {
            int step = Math.max(1, m / BehaviourLinks.NORM_SAMPLE);
            int sampled = (m + step - 1) / step;
            for (int s = 0; s < m; s++) {
                int similar = 0;
                for (int t = 0; t < m; t += step) {
                    if (t != s && BehaviourLinks.similar(vectors[order[s]], vectors[order[t]], 2 * maxDistance)) {
                        similar++;
                    }
                }
                norm[order[s]] = (double) similar / sampled * m > maxSharedFraction * population;
            }
        }
        int[] k = new int[vectors.length];
        List<List<Integer>> successors = new ArrayList<>();
        for (int s = 0; s < m; s++) {
            List<Integer> found = new ArrayList<>();
            successors.add(found);
            if (norm[order[s]]) {
                continue;
            }
            double[] a = vectors[order[s]];
            int compared = 0;
            for (int t = s + 1; t < m && compared < maxComparisons; t++) {
                double[] b = vectors[order[t]];
                if (b[0] - a[0] > maxDistance) {
                    break;
                }
                compared++;
                if (!norm[order[t]] && BehaviourLinks.similar(a, b, maxDistance)) {
                    k[order[s]]++;
                    k[order[t]]++;
                    if (found.size() < cliqueMax) {
                        found.add(order[t]);
                    }
                }
            }
        }
        for (int s = 0; s < m; s++) {
            int x = order[s];
            for (int y : successors.get(s)) {
                double support = Math.min(1, Math.min(k[x], k[y]) / (double) (fullSupport - 1));
                out.add(new BehaviourLinks.Pair(Math.min(x, y), Math.max(x, y), prior * support));
            }
        }
        out.sort((p, q) -> p.a() != q.a() ? Integer.compare(p.a(), q.a()) : Integer.compare(p.b(), q.b()));
        return out;
    }
}
