package io.distillguard.format;

/**
 * Remembers the 64-bit hashes of the most recent {@code window} accepted ids and answers whether
 * an id was seen among them. Memory is bounded: at most {@code window} longs in a ring buffer plus
 * an open-addressing table of at most {@code 2 * window} (rounded up to a power of two) longs, i.e.
 * about 24 bytes per id of window (~25 MB for the default of one million); both grow on demand
 * so small inputs stay small.
 *
 * <p>Failure modes, by design: an id repeated after more than {@code window} newer distinct ids
 * is not recognised as a duplicate; two different ids whose 64-bit hashes collide (probability
 * about {@code window / 2^64} per id) make the later one count as a duplicate.
 */
final class DuplicateFilter {

    private static final long EMPTY = 0L;

    private final int window;
    private long[] ring;
    private int ringSize;
    private int ringHead; // index of the oldest entry when ringSize == ring capacity
    private long[] table;
    private int mask;
    private int size;

    DuplicateFilter(int window) {
        if (window < 1) {
            throw new IllegalArgumentException("window must be >= 1: " + window);
        }
        this.window = window;
        int initial = Math.min(window, 1024);
        this.ring = new long[initial];
        this.table = new long[tableCapacityFor(initial)];
        this.mask = table.length - 1;
    }

    /**
     * Records {@code id} and returns true when it was already among the remembered ids.
     */
    boolean seenBefore(String id) {
        return seenBefore(hash(id));
    }

    /**
     * Records the id whose {@link #hash} is {@code h} and returns true when it was already among the
     * remembered ids. The hash may be computed on another thread (a parsing worker, where the id is still in
     * cache); this call must come in input order.
     *
     * @param h {@link #hash} of the id (never 0)
     */
    boolean seenBefore(long h) {
        if (ringSize < window && ringSize == ring.length) {
            growRing(); // first: it may rebuild the table, and the probe below keeps the slot it ends on
        }
        // one probe: it ends on the id or on the empty slot where the id goes
        int i = (int) h & mask;
        for (long v = table[i]; v != EMPTY; v = table[i]) {
            if (v == h) {
                return true;
            }
            i = (i + 1) & mask;
        }
        table[i] = h;
        size++;
        if (ringSize == window) {
            // the table holds window + 1 ids for a moment: it has room for twice the window
            long oldest = ring[ringHead];
            ring[ringHead] = h;
            ringHead = ringHead + 1 == window ? 0 : ringHead + 1;
            remove(oldest);
        } else {
            ring[ringSize++] = h;
        }
        return false;
    }

    private void growRing() {
        long[] bigger = new long[(int) Math.min(window, ring.length * 2L)];
        System.arraycopy(ring, 0, bigger, 0, ringSize);
        ring = bigger;
        int cap = tableCapacityFor(bigger.length);
        if (cap > table.length) {
            long[] old = table;
            table = new long[cap];
            mask = cap - 1;
            size = 0;
            for (long v : old) {
                if (v != EMPTY) {
                    insert(v);
                }
            }
        }
    }

    private static int tableCapacityFor(int entries) {
        int cap = Integer.highestOneBit(Math.max(entries, 8) * 2 - 1) << 1;
        return cap;
    }

    private void insert(long h) {
        int i = (int) h & mask;
        while (table[i] != EMPTY) {
            if (table[i] == h) {
                return;
            }
            i = (i + 1) & mask;
        }
        table[i] = h;
        size++;
    }

    /** Linear-probing deletion by backward shift (no tombstones, so lookups never degrade). */
    private void remove(long h) {
        int i = (int) h & mask;
        while (table[i] != h) {
            if (table[i] == EMPTY) {
                return;
            }
            i = (i + 1) & mask;
        }
        int hole = i;
        int j = i;
        while (true) {
            j = (j + 1) & mask;
            long v = table[j];
            if (v == EMPTY) {
                break;
            }
            int home = (int) v & mask;
            // move v into the hole when its home slot is not cyclically in (hole, j]
            boolean stays = hole <= j ? (home > hole && home <= j) : (home > hole || home <= j);
            if (!stays) {
                table[hole] = v;
                hole = j;
            }
        }
        table[hole] = EMPTY;
        size--;
    }

    /** 64-bit hash of the id's UTF-16 code units (multiply-xor per char, then the MurmurHash3 finaliser). */
    static long hash(String id) {
        long h = 0x9E3779B97F4A7C15L ^ id.length();
        for (int i = 0; i < id.length(); i++) {
            h = (h ^ id.charAt(i)) * 0xBF58476D1CE4E5B9L;
            h ^= h >>> 29;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h == EMPTY ? 1L : h;
    }

    int size() {
        return size;
    }
}
