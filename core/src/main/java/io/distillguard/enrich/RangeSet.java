package io.distillguard.enrich;

import java.util.Arrays;

/**
 * A growable list of inclusive address ranges (128-bit keys; IPv4 uses the low 32 bits) that
 * {@link #flatten()} turns into a {@link SegmentTable} of sorted, disjoint segments.
 *
 * <p>Every range carries a {@code payload} (an index into some side table, or {@code -1} for none),
 * a {@code rank} and {@code flags} (a bit set). Ranges may overlap in any way. For each address the
 * flattened table answers:
 * <ul>
 *   <li>payload: that of the covering range with a payload that has the lowest rank, then the
 *       narrowest width, then the earliest insertion (the most specific entry wins; a tie goes to the
 *       one first in file order);</li>
 *   <li>flags: the OR of the flags of every covering range.</li>
 * </ul>
 * Building is O(n log n) (two sorts, one sweep); both sorts are near linear on the already sorted
 * files the reference data ships.
 */
final class RangeSet {

    private long[] sHi = new long[1024];
    private long[] sLo = new long[1024];
    private long[] eHi = new long[1024];
    private long[] eLo = new long[1024];
    private int[] payload = new int[1024];
    private int[] rank = new int[1024];
    private int[] flags = new int[1024];
    private int n;

    int size() {
        return n;
    }

    /** Adds {@code [start, end]} (inclusive, unsigned 128-bit); the caller guarantees start &le; end. */
    void add(long startHi, long startLo, long endHi, long endLo, int payloadIndex, int rankValue, int flagBits) {
        if (n == sHi.length) {
            int cap = n * 2;
            sHi = Arrays.copyOf(sHi, cap);
            sLo = Arrays.copyOf(sLo, cap);
            eHi = Arrays.copyOf(eHi, cap);
            eLo = Arrays.copyOf(eLo, cap);
            payload = Arrays.copyOf(payload, cap);
            rank = Arrays.copyOf(rank, cap);
            flags = Arrays.copyOf(flags, cap);
        }
        sHi[n] = startHi;
        sLo[n] = startLo;
        eHi[n] = endHi;
        eLo[n] = endLo;
        payload[n] = payloadIndex;
        rank[n] = rankValue;
        flags[n] = flagBits;
        n++;
    }

    static int compare(long aHi, long aLo, long bHi, long bLo) {
        int c = Long.compareUnsigned(aHi, bHi);
        return c != 0 ? c : Long.compareUnsigned(aLo, bLo);
    }

    /** Sweeps the ranges into disjoint segments; adjacent segments with equal answers are merged. */
    SegmentTable flatten(boolean v4) {
        int[] byStart = order(sHi, sLo, v4);
        int[] byEnd = order(eHi, eLo, v4);
        // Covering ranges with a payload, best first; expired ranges are dropped lazily when they surface.
        int[] heap = new int[16];
        int heapSize = 0;
        int[] flagCount = new int[32];
        int activeFlags = 0;
        int activeCount = 0;

        SegmentTable.Builder out = new SegmentTable.Builder(n);
        int si = 0;
        int ei = 0;
        // Skip exits of ranges ending at the all-ones address: they never end.
        int eLimit = n;
        while (eLimit > 0 && eHi[byEnd[eLimit - 1]] == -1L && eLo[byEnd[eLimit - 1]] == -1L) {
            eLimit--;
        }
        while (si < n || ei < eLimit) {
            // Next event position p: the smaller of the next start and the next exit (end + 1).
            long pHi;
            long pLo;
            if (si < n && ei < eLimit) {
                int s = byStart[si];
                int e = byEnd[ei];
                long xHi = eLo[e] == -1L ? eHi[e] + 1 : eHi[e];
                long xLo = eLo[e] + 1;
                boolean fromStart = compare(sHi[s], sLo[s], xHi, xLo) <= 0;
                pHi = fromStart ? sHi[s] : xHi;
                pLo = fromStart ? sLo[s] : xLo;
            } else if (si < n) {
                int s = byStart[si];
                pHi = sHi[s];
                pLo = sLo[s];
            } else {
                int e = byEnd[ei];
                pHi = eLo[e] == -1L ? eHi[e] + 1 : eHi[e];
                pLo = eLo[e] + 1;
            }
            // Apply every exit at p, then every start at p.
            while (ei < eLimit) {
                int e = byEnd[ei];
                long xHi = eLo[e] == -1L ? eHi[e] + 1 : eHi[e];
                long xLo = eLo[e] + 1;
                if (xHi != pHi || xLo != pLo) {
                    break;
                }
                activeCount--;
                for (int f = flags[e], b = 0; f != 0; f >>>= 1, b++) {
                    if ((f & 1) != 0 && --flagCount[b] == 0) {
                        activeFlags &= ~(1 << b);
                    }
                }
                ei++;
            }
            while (si < n && sHi[byStart[si]] == pHi && sLo[byStart[si]] == pLo) {
                int s = byStart[si];
                if (payload[s] >= 0) {
                    if (heapSize == heap.length) {
                        heap = Arrays.copyOf(heap, heapSize * 2);
                    }
                    heap[heapSize] = s;
                    siftUp(heap, heapSize++);
                }
                activeCount++;
                for (int f = flags[s], b = 0; f != 0; f >>>= 1, b++) {
                    if ((f & 1) != 0 && flagCount[b]++ == 0) {
                        activeFlags |= 1 << b;
                    }
                }
                si++;
            }
            if (activeCount == 0) {
                continue;
            }
            // The segment runs to the next event - 1, or to the top of the address space.
            long qHi;
            long qLo;
            boolean toTop;
            if (si < n || ei < eLimit) {
                long nHi;
                long nLo;
                if (si < n && ei < eLimit) {
                    int s = byStart[si];
                    int e = byEnd[ei];
                    long xHi = eLo[e] == -1L ? eHi[e] + 1 : eHi[e];
                    long xLo = eLo[e] + 1;
                    boolean st = compare(sHi[s], sLo[s], xHi, xLo) <= 0;
                    nHi = st ? sHi[s] : xHi;
                    nLo = st ? sLo[s] : xLo;
                } else if (si < n) {
                    nHi = sHi[byStart[si]];
                    nLo = sLo[byStart[si]];
                } else {
                    int e = byEnd[ei];
                    nHi = eLo[e] == -1L ? eHi[e] + 1 : eHi[e];
                    nLo = eLo[e] + 1;
                }
                qLo = nLo - 1;
                qHi = nLo == 0 ? nHi - 1 : nHi;
                toTop = false;
            } else {
                qHi = -1L;
                qLo = -1L;
                toTop = true;
            }
            // ranges ending before p can no longer cover anything
            while (heapSize > 0 && compare(eHi[heap[0]], eLo[heap[0]], pHi, pLo) < 0) {
                heap[0] = heap[--heapSize];
                siftDown(heap, heapSize, 0);
            }
            int winner = heapSize == 0 ? -1 : payload[heap[0]];
            out.append(pHi, pLo, qHi, qLo, winner, activeFlags);
            if (toTop) {
                break;
            }
        }
        return out.build(v4);
    }

    /** Whether range {@code a} takes precedence over {@code b}: lower rank, then narrower, then earlier. */
    private boolean before(int a, int b) {
        if (rank[a] != rank[b]) {
            return rank[a] < rank[b];
        }
        long wLoA = eLo[a] - sLo[a];
        long wHiA = eHi[a] - sHi[a] - (Long.compareUnsigned(eLo[a], sLo[a]) < 0 ? 1 : 0);
        long wLoB = eLo[b] - sLo[b];
        long wHiB = eHi[b] - sHi[b] - (Long.compareUnsigned(eLo[b], sLo[b]) < 0 ? 1 : 0);
        int c = compare(wHiA, wLoA, wHiB, wLoB);
        return c != 0 ? c < 0 : a < b;
    }

    private void siftUp(int[] heap, int i) {
        int x = heap[i];
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!before(x, heap[parent])) {
                break;
            }
            heap[i] = heap[parent];
            i = parent;
        }
        heap[i] = x;
    }

    private void siftDown(int[] heap, int size, int i) {
        if (size == 0) {
            return;
        }
        int x = heap[i];
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && before(heap[child + 1], heap[child])) {
                child++;
            }
            if (!before(heap[child], x)) {
                break;
            }
            heap[i] = heap[child];
            i = child;
        }
        heap[i] = x;
    }

    /**
     * Range indices in ascending order of the key {@code (hi, lo)}, ties by index. Free when the file
     * is already sorted (the usual case); IPv4 keys sort as packed primitives, IPv6 keys with a comparator.
     */
    private int[] order(long[] hi, long[] lo, boolean v4) {
        int[] idx = new int[n];
        boolean sorted = true;
        for (int i = 0; i < n; i++) {
            idx[i] = i;
            if (i > 0 && compare(hi[i - 1], lo[i - 1], hi[i], lo[i]) > 0) {
                sorted = false;
            }
        }
        if (sorted) {
            return idx;
        }
        if (v4 && n < (1 << 30)) {
            long[] packed = new long[n];
            for (int i = 0; i < n; i++) {
                packed[i] = (lo[i] << 30) | i; // v4 keys are < 2^32, so key << 30 stays positive; i < 2^30
            }
            Arrays.sort(packed);
            for (int i = 0; i < n; i++) {
                idx[i] = (int) (packed[i] & ((1 << 30) - 1));
            }
            return idx;
        }
        Integer[] boxed = new Integer[n];
        for (int i = 0; i < n; i++) {
            boxed[i] = i;
        }
        Arrays.sort(boxed, (x, y) -> {
            int c = compare(hi[x], lo[x], hi[y], lo[y]);
            return c != 0 ? c : Integer.compare(x, y);
        });
        for (int i = 0; i < n; i++) {
            idx[i] = boxed[i];
        }
        return idx;
    }
}
