package io.distillguard.engine;

import io.distillguard.util.LongMap;

/**
 * The original text of attribute-value hashes, to name shared values in reports: the first text recorded
 * for a hash is kept, and at most {@code capacity} hashes are (later ones stay unnamed, reported by hash).
 * Memory: about 24 bytes per name plus the texts, and a fixed 64 KiB.
 *
 * <p>Why the fixed part: a value is recorded each time it enters an account's top values, and values
 * re-enter again and again (an account rotating through an address pool), which made the probe of the large
 * map a visible cost of the in-order profile update. A direct-mapped table of hashes known to be named
 * answers most of those calls; it only ever holds hashes the map holds, and the map never drops one, so
 * skipping the put changes nothing.
 *
 * <p>Not thread-safe.
 */
final class ValueNames {

    private static final int RECENT_BITS = 13;

    private final int capacity;
    private final LongMap<String> names = new LongMap<>();
    /** Hashes known to be in {@link #names}, by slot; 0 = none (hash 0 never takes this shortcut). */
    private final long[] recent = new long[1 << RECENT_BITS];

    /** @param capacity the most hashes named, >= 0 */
    ValueNames(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must be >= 0: " + capacity);
        }
        this.capacity = capacity;
    }

    /** Records {@code text} as the name of {@code hash} unless the hash is named already or the table is full. */
    void remember(long hash, String text) {
        int slot = (int) ((hash * 0x9E3779B97F4A7C15L) >>> (64 - RECENT_BITS));
        if (hash != 0 && recent[slot] == hash) {
            return;
        }
        if (names.size() < capacity) {
            names.putIfAbsent(hash, text);
            recent[slot] = hash;
        }
    }

    /** The name of {@code hash}, or null. */
    String get(long hash) {
        return names.get(hash);
    }

    /** Hashes named. */
    int size() {
        return names.size();
    }
}
