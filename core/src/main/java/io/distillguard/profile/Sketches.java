package io.distillguard.profile;

/**
 * The fixed-size sketches of {@link AccountProfile}, written as static operations over regions of
 * shared primitive arrays so that a profile carries a handful of array headers instead of one object
 * per sketch (tens of bytes each, which matters at a 2 KiB budget per account).
 *
 * <p>Bottom-k ("KMV") regions hold the k smallest distinct 32-bit hashes seen, sorted as unsigned
 * ints, padded with {@link #EMPTY}. Estimate of distinct values: exact while fewer than k were seen,
 * else {@code (k-1) / (kth smallest / 2^32)} (Bar-Yossef et al. 2002; relative standard error about
 * {@code 1/sqrt(k-2)}). Two bottom-k regions of the same hash function also estimate the Jaccard
 * similarity of the underlying sets (Broder 1997; Cohen &amp; Kaplan 2007).
 *
 * <p>Misra-Gries regions keep up to k (key, count) pairs; any key with frequency above n/(k+1) is
 * guaranteed to be kept and its count underestimates the truth by at most n/(k+1).
 */
final class Sketches {

    /** Padding of an empty bottom-k slot: the largest unsigned 32-bit value. */
    static final int EMPTY = 0xFFFFFFFF;

    private Sketches() {
    }

    /** Adds a hash to the bottom-k region {@code [off, off+k)}; returns true when the region changed. */
    static boolean kmvAdd(int[] a, int off, int k, int h) {
        if (h == EMPTY) {
            h = EMPTY - 1;
        }
        int last = off + k - 1;
        if (Integer.compareUnsigned(h, a[last]) >= 0) {
            return false;
        }
        // binary search for h among sorted unsigned values
        int lo = off;
        int hi = last;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            int c = Integer.compareUnsigned(a[mid], h);
            if (c == 0) {
                return false;
            }
            if (c < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        if (a[lo] == h) {
            return false;
        }
        System.arraycopy(a, lo, a, lo + 1, last - lo);
        a[lo] = h;
        return true;
    }

    /** Distinct-count estimate of a bottom-k region. */
    static double kmvEstimate(int[] a, int off, int k) {
        int filled = kmvFilled(a, off, k);
        if (filled < k) {
            return filled;
        }
        double kth = Integer.toUnsignedLong(a[off + k - 1]) + 1.0;
        return (k - 1) / (kth / 4294967296.0);
    }

    /** Number of occupied slots of a bottom-k region. */
    static int kmvFilled(int[] a, int off, int k) {
        int lo = 0;
        int hi = k;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[off + mid] == EMPTY) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /**
     * Jaccard similarity estimate of the sets behind two bottom-k regions: among the k smallest hashes
     * of the union, the share present in both. Returns 0 when either is empty.
     */
    static double kmvJaccard(int[] a, int aOff, int[] b, int bOff, int k) {
        int i = 0;
        int j = 0;
        int taken = 0;
        int both = 0;
        int fa = kmvFilled(a, aOff, k);
        int fb = kmvFilled(b, bOff, k);
        if (fa == 0 || fb == 0) {
            return 0;
        }
        int limit = Math.min(k, Math.max(fa, fb));
        while (taken < limit && (i < fa || j < fb)) {
            if (i < fa && j < fb) {
                int c = Integer.compareUnsigned(a[aOff + i], b[bOff + j]);
                if (c == 0) {
                    both++;
                    i++;
                    j++;
                } else if (c < 0) {
                    i++;
                } else {
                    j++;
                }
            } else if (i < fa) {
                i++;
            } else {
                j++;
            }
            taken++;
        }
        return taken == 0 ? 0 : (double) both / taken;
    }

    /**
     * Adds one occurrence of {@code key} (non-zero) to the Misra-Gries region {@code [off, off+k)}.
     * When {@code hammingTolerance > 0}, a stored key within that many differing bits counts as the same
     * key (for SimHash template fingerprints).
     *
     * @return the slot index that holds the key afterwards, or -1 when the key was not admitted
     */
    static int mgAdd(long[] keys, int[] counts, int off, int k, long key, int hammingTolerance) {
        int free = -1;
        for (int i = off; i < off + k; i++) {
            if (counts[i] > 0) {
                long x = keys[i];
                if (x == key || (hammingTolerance > 0 && Long.bitCount(x ^ key) <= hammingTolerance)) {
                    counts[i]++;
                    return i;
                }
            } else if (free < 0) {
                free = i;
            }
        }
        if (free >= 0) {
            keys[free] = key;
            counts[free] = 1;
            return free;
        }
        for (int i = off; i < off + k; i++) {
            counts[i]--;
        }
        return -1;
    }

    /** Slot of the largest count in a Misra-Gries region (lowest key on ties), or -1 when empty. */
    static int mgTop(long[] keys, int[] counts, int off, int k) {
        int best = -1;
        for (int i = off; i < off + k; i++) {
            if (counts[i] <= 0) {
                continue;
            }
            if (best < 0 || counts[i] > counts[best] || (counts[i] == counts[best] && keys[i] < keys[best])) {
                best = i;
            }
        }
        return best;
    }

    /** Slot holding exactly {@code key} in a Misra-Gries region, or -1. */
    static int mgTopFind(long[] keys, int[] counts, int off, int k, long key) {
        for (int i = off; i < off + k; i++) {
            if (counts[i] > 0 && keys[i] == key) {
                return i;
            }
        }
        return -1;
    }
}
