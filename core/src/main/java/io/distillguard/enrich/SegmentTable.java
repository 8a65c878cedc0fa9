package io.distillguard.enrich;

import java.util.Arrays;

/**
 * Sorted, disjoint, inclusive address segments with a payload index and a flag set each, searched
 * by binary search. IPv4 tables keep 32-bit keys in {@code int} arrays (compared unsigned); IPv6
 * tables keep 128-bit keys as two {@code long} arrays per bound. Immutable and thread-safe.
 */
final class SegmentTable {

    static final SegmentTable EMPTY4 = new Builder(0).build(true);
    static final SegmentTable EMPTY6 = new Builder(0).build(false);

    private final int[] start4;
    private final int[] end4;
    private final long[] startHi;
    private final long[] startLo;
    private final long[] endHi;
    private final long[] endLo;
    private final int[] payload;
    private final int[] flags;
    private final int size;
    /**
     * First segment whose start has top-16-bit prefix &ge; p, for p in 0..65536: narrows the binary
     * search to one /16 (IPv4) or one 16-bit top group (IPv6), so a lookup touches a few cache lines
     * instead of ~20 across the whole table.
     */
    private final int[] bucket;

    private SegmentTable(int[] start4, int[] end4, long[] startHi, long[] startLo, long[] endHi, long[] endLo,
            int[] payload, int[] flags, int size) {
        this.start4 = start4;
        this.end4 = end4;
        this.startHi = startHi;
        this.startLo = startLo;
        this.endHi = endHi;
        this.endLo = endLo;
        this.payload = payload;
        this.flags = flags;
        this.size = size;
        this.bucket = new int[BUCKETS + 1];
        int seg = 0;
        for (int p = 0; p <= BUCKETS; p++) {
            while (seg < size && top16(seg) < p) {
                seg++;
            }
            bucket[p] = seg;
        }
    }

    private static final int BUCKETS = 1 << 16;

    private int top16(int segment) {
        return start4 != null ? start4[segment] >>> 16 : (int) (startHi[segment] >>> 48);
    }

    int size() {
        return size;
    }

    int payload(int segment) {
        return payload[segment];
    }

    int flags(int segment) {
        return flags[segment];
    }

    /** Segment holding the IPv4 address {@code key} (unsigned, 0 .. 2^32-1), or {@code -1}. */
    int find4(long key) {
        int k = (int) key;
        int p = k >>> 16;
        int lo = Math.max(0, bucket[p] - 1);
        int hi = bucket[p + 1] - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (Integer.compareUnsigned(start4[mid], k) <= 0) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found >= 0 && Integer.compareUnsigned(k, end4[found]) <= 0 ? found : -1;
    }

    /** Segment holding the IPv6 address {@code (keyHi, keyLo)}, or {@code -1}. */
    int find6(long keyHi, long keyLo) {
        int p = (int) (keyHi >>> 48);
        int lo = Math.max(0, bucket[p] - 1);
        int hi = bucket[p + 1] - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (RangeSet.compare(startHi[mid], startLo[mid], keyHi, keyLo) <= 0) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found >= 0 && RangeSet.compare(keyHi, keyLo, endHi[found], endLo[found]) <= 0 ? found : -1;
    }

    /** Collects segments in ascending order, merging a segment into its predecessor when contiguous and equal. */
    static final class Builder {
        private long[] sHi;
        private long[] sLo;
        private long[] eHi;
        private long[] eLo;
        private int[] payload;
        private int[] flags;
        private int n;

        Builder(int expected) {
            int cap = Math.max(16, expected);
            sHi = new long[cap];
            sLo = new long[cap];
            eHi = new long[cap];
            eLo = new long[cap];
            payload = new int[cap];
            flags = new int[cap];
        }

        void append(long startHi, long startLo, long endHi, long endLo, int payloadIndex, int flagBits) {
            if (n > 0 && payload[n - 1] == payloadIndex && flags[n - 1] == flagBits) {
                long nextLo = eLo[n - 1] + 1;
                long nextHi = eLo[n - 1] == -1L ? eHi[n - 1] + 1 : eHi[n - 1];
                if (nextHi == startHi && nextLo == startLo) {
                    eHi[n - 1] = endHi;
                    eLo[n - 1] = endLo;
                    return;
                }
            }
            if (n == sHi.length) {
                int cap = n * 2;
                sHi = Arrays.copyOf(sHi, cap);
                sLo = Arrays.copyOf(sLo, cap);
                eHi = Arrays.copyOf(eHi, cap);
                eLo = Arrays.copyOf(eLo, cap);
                payload = Arrays.copyOf(payload, cap);
                flags = Arrays.copyOf(flags, cap);
            }
            sHi[n] = startHi;
            sLo[n] = startLo;
            eHi[n] = endHi;
            eLo[n] = endLo;
            payload[n] = payloadIndex;
            flags[n] = flagBits;
            n++;
        }

        SegmentTable build(boolean v4) {
            if (v4) {
                int[] s4 = new int[n];
                int[] e4 = new int[n];
                for (int i = 0; i < n; i++) {
                    s4[i] = (int) sLo[i];
                    e4[i] = (int) eLo[i];
                }
                return new SegmentTable(s4, e4, null, null, null, null, Arrays.copyOf(payload, n),
                        Arrays.copyOf(flags, n), n);
            }
            return new SegmentTable(null, null, Arrays.copyOf(sHi, n), Arrays.copyOf(sLo, n), Arrays.copyOf(eHi, n),
                    Arrays.copyOf(eLo, n), Arrays.copyOf(payload, n), Arrays.copyOf(flags, n), n);
        }
    }
}
