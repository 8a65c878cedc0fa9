package io.distillguard.engine;

import java.util.Arrays;

/**
 * Map from a 64-bit value hash to the value's text, for naming hashes in reports: open addressing with
 * linear probing over a {@code long[]} of keys and a parallel {@code String[]}, so the per-exchange
 * {@link #putIfAbsent} neither boxes the key nor allocates a node (a {@code HashMap<Long, String>}
 * did both, on the engine's single in-order thread). About 24 bytes per entry at the maximum load of
 * one half, against about 80 for the boxed map.
 *
 * <p>Every {@code long} is a valid key, 0 included. Not thread-safe.
 */
final class LongNameMap {

    private static final int MIN_CAPACITY = 16;

    private long[] keys;
    private String[] values;
    private int mask;
    /** 64 - log2(capacity): the product's top bits index the table. */
    private int shift;
    private int size;
    /** Key 0 marks empty slots, so its entry lives here. */
    private String zeroValue;

    LongNameMap() {
        keys = new long[MIN_CAPACITY];
        values = new String[MIN_CAPACITY];
        mask = MIN_CAPACITY - 1;
        shift = 64 - Integer.numberOfTrailingZeros(MIN_CAPACITY);
    }

    /** Entries held. */
    int size() {
        return size + (zeroValue != null ? 1 : 0);
    }

    /** The text of {@code key}, or null. */
    String get(long key) {
        if (key == 0) {
            return zeroValue;
        }
        int i = slot(key);
        while (true) {
            long k = keys[i];
            if (k == key) {
                return values[i];
            }
            if (k == 0) {
                return null;
            }
            i = (i + 1) & mask;
        }
    }

    /**
     * Stores {@code value} under {@code key} unless the key is present (the first text seen wins).
     *
     * @param value non-null
     */
    void putIfAbsent(long key, String value) {
        if (value == null) {
            throw new NullPointerException("value");
        }
        if (key == 0) {
            if (zeroValue == null) {
                zeroValue = value;
            }
            return;
        }
        int i = slot(key);
        while (true) {
            long k = keys[i];
            if (k == key) {
                return;
            }
            if (k == 0) {
                keys[i] = key;
                values[i] = value;
                if (++size * 2 > keys.length) {
                    grow();
                }
                return;
            }
            i = (i + 1) & mask;
        }
    }

    private int slot(long key) {
        // Fibonacci hashing: the top bits of the product depend on all bits of the key
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> shift);
    }

    private void grow() {
        long[] oldKeys = keys;
        String[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new String[oldKeys.length * 2];
        mask = keys.length - 1;
        shift = 64 - Integer.numberOfTrailingZeros(keys.length);
        for (int j = 0; j < oldKeys.length; j++) {
            long k = oldKeys[j];
            if (k != 0) {
                int i = slot(k);
                while (keys[i] != 0) {
                    i = (i + 1) & mask;
                }
                keys[i] = k;
                values[i] = oldValues[j];
            }
        }
        Arrays.fill(oldValues, null);
    }
}
