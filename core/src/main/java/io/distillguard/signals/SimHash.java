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
 * <p>The per-bit counting is bit-sliced: eight 64-bit accumulators hold eight 8-bit counters each
 * (accumulator {@code k}, byte {@code j} counts bit {@code 8j + k}), so one shingle costs eight
 * shift-mask-multiply-adds and no table lookups. Before an 8-bit counter could overflow (at most 255
 * of weight between flushes) they are added into sixteen accumulators of four 16-bit counters.
 */
final class SimHash {

    /** Byte {@code j} of {@code (h >>> k) & BYTE_LSB} is bit {@code 8j + k} of {@code h}. */
    private static final long BYTE_LSB = 0x0101010101010101L;
    /** The even bytes of a word, widened to 16-bit lanes by a mask. */
    private static final long EVEN_BYTES = 0x00FF00FF00FF00FFL;
    /** Most weight the 8-bit counters take between two flushes. */
    private static final int BYTE_MAX = 255;

    private SimHash() {
    }

    /**
     * Fingerprint of the first {@code n} tokens; 0 when {@code n == 0} (never 0 otherwise).
     *
     * @param tokens token hashes (masks already applied)
     * @param weights per-token weight, 0..85 (a shingle of three weighs at most 255)
     * @param n number of tokens, at most {@link PromptScanner.Scratch#MAX_IDS}
     * @param lanes scratch of 16 longs, overwritten
     */
    static long of(long[] tokens, byte[] weights, int n, long[] lanes) {
        if (n == 0) {
            return 0;
        }
        // lanes[k], 16-bit lane m counts bit k + 16m: at most 2048 shingles x weight 24 < 65536, no overflow
        java.util.Arrays.fill(lanes, 0, 16, 0L);
        long total = 0;
        int pending = 0;
        long c0 = 0;
        long c1 = 0;
        long c2 = 0;
        long c3 = 0;
        long c4 = 0;
        long c5 = 0;
        long c6 = 0;
        long c7 = 0;
        int shingles = Math.max(1, n - 2);
        for (int i = 0; i < shingles; i++) {
            long a = tokens[i];
            long b = i + 1 < n ? tokens[i + 1] : 0x1L;
            long c = i + 2 < n ? tokens[i + 2] : 0x2L;
            long h = Lexicon.mix(a ^ Long.rotateLeft(Lexicon.mix(b ^ Long.rotateLeft(c, 29)), 17));
            int w = weights[i] + (i + 1 < n ? weights[i + 1] : 0) + (i + 2 < n ? weights[i + 2] : 0);
            if (pending + w > BYTE_MAX) {
                flush(lanes, c0, c1, c2, c3, c4, c5, c6, c7);
                c0 = 0;
                c1 = 0;
                c2 = 0;
                c3 = 0;
                c4 = 0;
                c5 = 0;
                c6 = 0;
                c7 = 0;
                pending = 0;
            }
            // bytes of (h >>> k) & BYTE_LSB are 0 or 1, times w <= 255: no carry between bytes
            c0 += (h & BYTE_LSB) * w;
            c1 += (h >>> 1 & BYTE_LSB) * w;
            c2 += (h >>> 2 & BYTE_LSB) * w;
            c3 += (h >>> 3 & BYTE_LSB) * w;
            c4 += (h >>> 4 & BYTE_LSB) * w;
            c5 += (h >>> 5 & BYTE_LSB) * w;
            c6 += (h >>> 6 & BYTE_LSB) * w;
            c7 += (h >>> 7 & BYTE_LSB) * w;
            pending += w;
            total += w;
        }
        flush(lanes, c0, c1, c2, c3, c4, c5, c6, c7);
        // branch-free majority test (total - 2 * count < 0 sets the sign bit): the 64 outcomes are coin
        // flips, and as branches they cost about 30 mispredictions per fingerprint
        long fp = 0;
        for (int k = 0; k < 16; k++) {
            long v = lanes[k];
            fp |= ((total - 2L * (v & 0xffff)) >>> 63) << k
                    | ((total - 2L * (v >>> 16 & 0xffff)) >>> 63) << (k + 16)
                    | ((total - 2L * (v >>> 32 & 0xffff)) >>> 63) << (k + 32)
                    | ((total - 2L * (v >>> 48)) >>> 63) << (k + 48);
        }
        return fp == 0 ? 1 : fp;
    }

    /**
     * Adds the 8-bit counters into the 16-bit ones: byte {@code 2m} of {@code ck} (bit {@code 16m + k})
     * goes to lane {@code m} of {@code lanes[k]}, byte {@code 2m + 1} (bit {@code 16m + 8 + k}) to lane
     * {@code m} of {@code lanes[k + 8]}.
     */
    private static void flush(long[] lanes, long c0, long c1, long c2, long c3, long c4, long c5, long c6,
            long c7) {
        lanes[0] += c0 & EVEN_BYTES;
        lanes[8] += c0 >>> 8 & EVEN_BYTES;
        lanes[1] += c1 & EVEN_BYTES;
        lanes[9] += c1 >>> 8 & EVEN_BYTES;
        lanes[2] += c2 & EVEN_BYTES;
        lanes[10] += c2 >>> 8 & EVEN_BYTES;
        lanes[3] += c3 & EVEN_BYTES;
        lanes[11] += c3 >>> 8 & EVEN_BYTES;
        lanes[4] += c4 & EVEN_BYTES;
        lanes[12] += c4 >>> 8 & EVEN_BYTES;
        lanes[5] += c5 & EVEN_BYTES;
        lanes[13] += c5 >>> 8 & EVEN_BYTES;
        lanes[6] += c6 & EVEN_BYTES;
        lanes[14] += c6 >>> 8 & EVEN_BYTES;
        lanes[7] += c7 & EVEN_BYTES;
        lanes[15] += c7 >>> 8 & EVEN_BYTES;
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
