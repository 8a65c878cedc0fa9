package io.distillguard.signals;

/**
 * 64-bit SimHash (Charikar 2002) over weighted word 3-shingles of a masked token stream.
 *
 * <p>Each shingle is hashed to 64 bits; bit {@code k} of the fingerprint is 1 when the total weight
 * of shingles with bit {@code k} set exceeds half of the total weight. Two texts whose weighted
 * shingle sets have cosine similarity {@code c} differ in about {@code 64 * acos(c) / pi} bits, so
 * identical skeletons give 0, unrelated texts about 32 (binomial, sd 4).
 *
 * <p>Weights: a shingle weighs the sum of its words' weights (prompt-instruction words 8, others and
 * masks 1); position is not weighted (upweighting the ends helps templates whose payload sits in the
 * middle and hurts those whose payload is at the end). Measured on the shared prompt pools (see
 * {@code docs/signals.md}): gsm8k questions wrapped in one template with 15+ fixed words differ in a
 * median of 13-18 bits (p95 19-25); unrelated human prompts in a median of 32 (p5 25, p1 22).
 *
 * <p>The per-bit counting is done four bits at a time in packed 16-bit lanes (16 table lookups and
 * adds per shingle instead of 64 branches).
 */
final class SimHash {

    /** EXPAND[b] has 16-bit lane j (bits 16j..16j+15) equal to bit j of the nibble b. */
    private static final long[] EXPAND = new long[16];

    static {
        for (int b = 0; b < 16; b++) {
            long v = 0;
            for (int j = 0; j < 4; j++) {
                if ((b >>> j & 1) != 0) {
                    v |= 1L << (16 * j);
                }
            }
            EXPAND[b] = v;
        }
    }

    private SimHash() {
    }

    /**
     * Fingerprint of the first {@code n} tokens; 0 when {@code n == 0} (never 0 otherwise).
     *
     * @param tokens token hashes (masks already applied)
     * @param weights per-token weight
     * @param n number of tokens, at most {@link PromptScanner.Scratch#MAX_IDS}
     * @param lanes scratch of 16 longs, overwritten
     */
    static long of(long[] tokens, byte[] weights, int n, long[] lanes) {
        if (n == 0) {
            return 0;
        }
        // 16 lanes of four 16-bit counters: at most 2048 shingles x weight 24 < 65536, so no overflow
        java.util.Arrays.fill(lanes, 0, 16, 0L);
        long total = 0;
        int shingles = Math.max(1, n - 2);
        for (int i = 0; i < shingles; i++) {
            long a = tokens[i];
            long b = i + 1 < n ? tokens[i + 1] : 0x1L;
            long c = i + 2 < n ? tokens[i + 2] : 0x2L;
            long h = Lexicon.mix(a ^ Long.rotateLeft(Lexicon.mix(b ^ Long.rotateLeft(c, 29)), 17));
            int w = weights[i] + (i + 1 < n ? weights[i + 1] : 0) + (i + 2 < n ? weights[i + 2] : 0);
            for (int k = 0; k < 16; k++) {
                lanes[k] += EXPAND[(int) (h >>> (4 * k)) & 15] * w;
            }
            total += w;
        }
        long fp = 0;
        for (int k = 0; k < 16; k++) {
            long v = lanes[k];
            for (int j = 0; j < 4; j++) {
                if (2L * ((v >>> (16 * j)) & 0xffff) > total) {
                    fp |= 1L << (4 * k + j);
                }
            }
        }
        return fp == 0 ? 1 : fp;
    }

    /** Skeleton words the exact template key covers at one end. */
    static final int KEY_WORDS = 10;

    /**
     * Exact template key: a hash of the first or the last {@value #KEY_WORDS} skeleton tokens, whichever
     * end holds more prompt-instruction words (ties: the start), so a template's fixed instruction
     * text, before or after the payload, gives equal keys. 0 when {@code n == 0}.
     */
    static long key(long[] tokens, byte[] weights, int n, int instructionWeight) {
        if (n == 0) {
            return 0;
        }
        int k = Math.min(KEY_WORDS, n);
        int head = 0;
        int tail = 0;
        for (int i = 0; i < k; i++) {
            head += weights[i] == instructionWeight ? 1 : 0;
            tail += weights[n - 1 - i] == instructionWeight ? 1 : 0;
        }
        int from = tail > head ? n - k : 0;
        long h = tail > head ? 0x7461696cL : 0x68656164L;
        for (int i = from; i < from + k; i++) {
            h = Lexicon.mix(h ^ tokens[i]) + 0x9e3779b97f4a7c15L;
        }
        return h == 0 ? 1 : h;
    }
}
