package io.distillguard.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SketchesTest {

    @Test
    void bottomKEstimatesDistinctCountsWithinItsError() {
        for (int distinct : new int[] {10, 1000, 100_000}) {
            int[] a = new int[32];
            Arrays.fill(a, Sketches.EMPTY);
            for (int rep = 0; rep < 3; rep++) {
                for (int i = 0; i < distinct; i++) {
                    Sketches.kmvAdd(a, 0, 32, Hashes.mix32(i));
                }
            }
            double est = Sketches.kmvEstimate(a, 0, 32);
            assertThat(est).isCloseTo(distinct, within(distinct * 0.5));
            for (int i = 1; i < 32; i++) {
                if (a[i] != Sketches.EMPTY) {
                    assertThat(Integer.compareUnsigned(a[i - 1], a[i])).isNegative();
                }
            }
        }
    }

    @Test
    void bottomKJaccardOfIdenticalDisjointAndHalfOverlappingSets() {
        int[] a = new int[32];
        int[] b = new int[32];
        int[] c = new int[32];
        Arrays.fill(a, Sketches.EMPTY);
        Arrays.fill(b, Sketches.EMPTY);
        Arrays.fill(c, Sketches.EMPTY);
        for (int i = 0; i < 2000; i++) {
            Sketches.kmvAdd(a, 0, 32, Hashes.mix32(i));
            Sketches.kmvAdd(b, 0, 32, Hashes.mix32(i + 1_000_000));
            Sketches.kmvAdd(c, 0, 32, Hashes.mix32(i + 1000));
        }
        assertThat(Sketches.kmvJaccard(a, 0, a, 0, 32)).isEqualTo(1.0);
        assertThat(Sketches.kmvJaccard(a, 0, b, 0, 32)).isEqualTo(0.0);
        assertThat(Sketches.kmvJaccard(a, 0, c, 0, 32)).isCloseTo(1 / 3.0, within(0.2));
    }

    @Test
    void misraGriesKeepsHeavyHittersAndMergesNearTemplates() {
        long[] keys = new long[4];
        int[] counts = new int[4];
        for (int i = 0; i < 1000; i++) {
            Sketches.mgAdd(keys, counts, 0, 4, i % 2 == 0 ? 42L : 1000L + i, 0);
        }
        int top = Sketches.mgTop(keys, counts, 0, 4);
        assertThat(keys[top]).isEqualTo(42L);
        assertThat(counts[top]).isBetween(500 - 1000 / 5, 500);

        long[] tk = new long[2];
        int[] tc = new int[2];
        Sketches.mgAdd(tk, tc, 0, 2, 0b1111_0000L, 3);
        Sketches.mgAdd(tk, tc, 0, 2, 0b1111_0111L, 3); // 3 bits away: same template
        Sketches.mgAdd(tk, tc, 0, 2, 0b0000_1111L, 3); // 8 bits away: another
        assertThat(tc).containsExactly(2, 1);
    }

    @Test
    void prefixesOfV4AndV6() {
        assertThat(Hashes.prefix("203.0.113.41")).isEqualTo("203.0.113.0/24");
        assertThat(Hashes.prefix("2001:db8:1:2::7")).isEqualTo("2001:db8:1::/48");
        assertThat(Hashes.prefix(null)).isNull();
        assertThat(Hashes.of("x")).isEqualTo(Hashes.of("x")).isNotZero();
        assertThat(Hashes.of("")).isZero();
    }
}
