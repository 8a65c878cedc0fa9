package io.distillguard.signals;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class SimHashTest {

    /** The packed-lane counting must equal the textbook per-bit SimHash. */
    @Property(tries = 200)
    void packedCountingEqualsNaive(@ForAll @IntRange(min = 0, max = 2048) int n, @ForAll long seed) {
        java.util.Random r = new java.util.Random(seed);
        long[] tokens = new long[n];
        byte[] weights = new byte[n];
        for (int i = 0; i < n; i++) {
            tokens[i] = r.nextInt(50); // few distinct tokens: repeated shingles, heavy counts
            weights[i] = (byte) (r.nextBoolean() ? 8 : 1);
        }
        assertThat(SimHash.of(tokens, weights, n, new long[16])).isEqualTo(naive(tokens, weights, n));
    }

    /**
     * Any per-token weight the 16-bit counters can hold (total below 65,536): exercises the flushes of the
     * 8-bit counters at every possible fill, including shingles of weight 0.
     */
    @Property(tries = 200)
    void anyWeightsEqualNaive(@ForAll @IntRange(min = 0, max = 2048) int n, @ForAll long seed,
            @ForAll @IntRange(min = 0, max = 10) int maxWeight) {
        java.util.Random r = new java.util.Random(seed);
        long[] tokens = new long[n];
        byte[] weights = new byte[n];
        for (int i = 0; i < n; i++) {
            tokens[i] = r.nextInt(4) == 0 ? r.nextLong() : r.nextInt(20);
            weights[i] = (byte) r.nextInt(maxWeight + 1);
        }
        assertThat(SimHash.of(tokens, weights, n, new long[16])).isEqualTo(naive(tokens, weights, n));
    }

    private static long naive(long[] tokens, byte[] weights, int n) {
        if (n == 0) {
            return 0;
        }
        long[] counts = new long[64];
        long total = 0;
        int shingles = Math.max(1, n - 2);
        for (int i = 0; i < shingles; i++) {
            long a = tokens[i];
            long b = i + 1 < n ? tokens[i + 1] : 0x1L;
            long c = i + 2 < n ? tokens[i + 2] : 0x2L;
            long h = Lexicon.mix(a ^ Long.rotateLeft(Lexicon.mix(b ^ Long.rotateLeft(c, 29)), 17));
            int w = weights[i] + (i + 1 < n ? weights[i + 1] : 0) + (i + 2 < n ? weights[i + 2] : 0);
            for (int bit = 0; bit < 64; bit++) {
                if ((h >>> bit & 1) != 0) {
                    counts[bit] += w;
                }
            }
            total += w;
        }
        long fp = 0;
        for (int bit = 0; bit < 64; bit++) {
            if (2 * counts[bit] > total) {
                fp |= 1L << bit;
            }
        }
        return fp == 0 ? 1 : fp;
    }
}
