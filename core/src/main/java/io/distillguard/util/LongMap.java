package io.distillguard.util;

import java.util.Arrays;
import java.util.function.LongFunction;

/**
 * Map from a {@code long} key to an object: open addressing with linear probing over a {@code long[]} of
 * keys and a parallel value array. Lookups and inserts neither box the key nor allocate a node, and the
 * slot comes from a multiplicative (Fibonacci) hash of all 64 bits: packed pairs such as
 * {@code (a << 32) | b}, whose {@code Long.hashCode} is {@code a ^ b}, collide massively in a
 * {@code HashMap<Long, V>} (bins turn into red-black trees) but spread evenly here. About 16 bytes per slot
 * plus the values at the maximum load of one half, against about 80 bytes per entry for the boxed map.
 *
 * <p>Internal utility of the engine, not part of the public API. Every {@code long} is a valid key, 0
 * included; values are non-null. Not thread-safe.
 *
 * @param <V> value type
 */
public final class LongMap<V> {

    private static final int MIN_CAPACITY = 16;

    private long[] keys;
    private Object[] values;
    private int mask;
    /** 64 - log2(capacity): the product's top bits index the table. */
    private int shift;
    private int size;
    /** Key 0 marks empty slots, so its entry lives here. */
    private V zeroValue;

    /** An empty map. */
    public LongMap() {
        keys = new long[MIN_CAPACITY];
        values = new Object[MIN_CAPACITY];
        mask = MIN_CAPACITY - 1;
        shift = 64 - Integer.numberOfTrailingZeros(MIN_CAPACITY);
    }

    /** Entries held. */
    public int size() {
        return size + (zeroValue != null ? 1 : 0);
    }

    /** The value of {@code key}, or null. */
    @SuppressWarnings("unchecked")
    public V get(long key) {
        if (key == 0) {
            return zeroValue;
        }
        int i = find(key);
        return keys[i] == key ? (V) values[i] : null;
    }

    /**
     * Stores {@code value} under {@code key} unless the key is present (the first value wins).
     *
     * @param value non-null
     * @throws NullPointerException when {@code value} is null
     */
    public void putIfAbsent(long key, V value) {
        if (value == null) {
            throw new NullPointerException("value");
        }
        if (key == 0) {
            if (zeroValue == null) {
                zeroValue = value;
            }
            return;
        }
        // not through computeIfAbsent: a capturing lambda per call is an allocation on the engine's hot path
        int i = find(key);
        if (keys[i] != key) {
            insertAt(i, key, value);
        }
    }

    /**
     * The value of {@code key}; when absent, {@code make.apply(key)} is stored and returned.
     *
     * @throws NullPointerException when {@code make} returns null
     */
    @SuppressWarnings("unchecked")
    public V computeIfAbsent(long key, LongFunction<? extends V> make) {
        if (key == 0) {
            if (zeroValue == null) {
                zeroValue = java.util.Objects.requireNonNull(make.apply(0), "value");
            }
            return zeroValue;
        }
        int i = find(key);
        if (keys[i] == key) {
            return (V) values[i];
        }
        V v = java.util.Objects.requireNonNull(make.apply(key), "value");
        insertAt(i, key, v);
        return v;
    }

    /** The keys in ascending (signed) order, as {@code List<Long>.sort(null)} would order them; a new array. */
    public long[] sortedKeys() {
        long[] out = new long[size()];
        int n = 0;
        if (zeroValue != null) {
            out[n++] = 0;
        }
        for (long k : keys) {
            if (k != 0) {
                out[n++] = k;
            }
        }
        Arrays.sort(out);
        return out;
    }

    /** The slot holding {@code key} (non-zero), or the empty slot where it would go. */
    private int find(long key) {
        int i = slot(key);
        for (long k = keys[i]; k != key && k != 0; k = keys[i]) {
            i = (i + 1) & mask;
        }
        return i;
    }

    /** Fills the empty slot {@code i} that {@link #find} gave for {@code key}. */
    private void insertAt(int i, long key, Object value) {
        keys[i] = key;
        values[i] = value;
        if (++size * 2 > keys.length) {
            grow();
        }
    }

    private int slot(long key) {
        // Fibonacci hashing: the top bits of the product depend on all bits of the key
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> shift);
    }

    private void grow() {
        long[] oldKeys = keys;
        Object[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new Object[oldKeys.length * 2];
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
    }
}
