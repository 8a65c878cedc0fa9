package io.distillguard.sim.baseline;

/**
 * MinHash signatures of a text's word shingles, for estimating the Jaccard distance between prompts
 * in constant space (Broder 1997, "On the resemblance and containment of documents"). Each of the
 * {@code k} minima is stored as its lowest 16 bits (b-bit minwise hashing, Li and Koenig 2010), so
 * unequal minima collide with probability 2^-16 and a signature costs {@code 2k} bytes.
 *
 * <p>Words are maximal runs of letters or digits, lower-cased; shingles are {@code w} consecutive
 * words (the whole text is one shingle when it has fewer than {@code w} words, and an empty text has
 * a fixed signature). Only the first {@value #MAX_WORDS} words are read, which bounds the cost of a
 * multi-megabyte prompt.
 */
final class MinHasher {

    static final int MAX_WORDS = 512;

    private final int k;
    private final int w;
    private final long[] mult;
    private final long[] add;
    private final long[] mins;
    private final long[] window;

    /**
     * @param k hash functions (signature length), 1..1024
     * @param w words per shingle, 1..16
     * @param seed seeds the hash family; the same seed gives the same signatures
     */
    MinHasher(int k, int w, long seed) {
        if (k < 1 || k > 1024 || w < 1 || w > 16) {
            throw new IllegalArgumentException("need 1 <= k <= 1024 and 1 <= w <= 16");
        }
        this.k = k;
        this.w = w;
        this.mult = new long[k];
        this.add = new long[k];
        long s = seed;
        for (int i = 0; i < k; i++) {
            s += 0x9E3779B97F4A7C15L;
            mult[i] = mix(s) | 1L; // odd multipliers keep the map a bijection
            s += 0x9E3779B97F4A7C15L;
            add[i] = mix(s);
        }
        this.mins = new long[k];
        this.window = new long[w];
    }

    int length() {
        return k;
    }

    /** Writes the signature of {@code text} to {@code out[offset .. offset + k)}. Not thread-safe. */
    void sign(String text, char[] out, int offset) {
        java.util.Arrays.fill(mins, Long.MAX_VALUE);
        int words = 0;
        long h = 0xcbf29ce484222325L;
        boolean inWord = false;
        int n = text.length();
        for (int i = 0; i <= n && words < MAX_WORDS; ) {
            int cp = i < n ? text.codePointAt(i) : ' ';
            if (Character.isLetterOrDigit(cp)) {
                h = (h ^ Character.toLowerCase(cp)) * 0x100000001b3L; // FNV-1a over code points
                inWord = true;
            } else if (inWord) {
                window[words % w] = mix(h);
                words++;
                if (words >= w) {
                    offer(shingle(words));
                }
                h = 0xcbf29ce484222325L;
                inWord = false;
            }
            i += i < n ? Character.charCount(cp) : 1;
        }
        if (words < w) {
            offer(words == 0 ? 0x5DEECE66DL : shingle(words));
        }
        for (int j = 0; j < k; j++) {
            out[offset + j] = (char) mins[j];
        }
    }

    /** Estimated Jaccard distance in [0, 1]: the share of positions where two signatures differ. */
    static double distance(char[] a, int ao, char[] b, int bo, int k) {
        int same = 0;
        for (int j = 0; j < k; j++) {
            if (a[ao + j] == b[bo + j]) {
                same++;
            }
        }
        return 1.0 - (double) same / k;
    }

    /** Hash of the last {@code min(words, w)} words, in order. */
    private long shingle(int words) {
        int len = Math.min(words, w);
        long h = 0;
        for (int j = words - len; j < words; j++) {
            h = mix(h * 31 + window[j % w]);
        }
        return h;
    }

    private void offer(long shingle) {
        for (int j = 0; j < k; j++) {
            long v = mix(shingle * mult[j] + add[j]);
            if (v < mins[j]) {
                mins[j] = v;
            }
        }
    }

    /** SplitMix64 finaliser (Steele, Lea and Flood 2014). */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
