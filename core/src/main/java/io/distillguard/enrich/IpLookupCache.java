package io.distillguard.enrich;

/**
 * A small direct-mapped cache in front of {@link NetworkData#lookup(String)}, for one scan thread:
 * traffic repeats the same client addresses, so most lookups become one hash and one string compare.
 * Memory is fixed at {@code capacity} entries. Not thread-safe; use one per thread.
 */
public final class IpLookupCache {

    private final NetworkData data;
    private final String[] keys;
    private final IpInfo[] values;
    private final int mask;
    private long hits;
    private long misses;

    IpLookupCache(NetworkData data, int capacity) {
        if (capacity < 1 || capacity > (1 << 24)) {
            throw new IllegalArgumentException("capacity must be in [1, 2^24]: " + capacity);
        }
        int size = Integer.highestOneBit(capacity);
        if (size < capacity) {
            size <<= 1;
        }
        this.data = data;
        this.keys = new String[size];
        this.values = new IpInfo[size];
        this.mask = size - 1;
    }

    /** Same answer as {@link NetworkData#lookup(String)}. */
    public IpInfo lookup(String ip) {
        if (ip == null) {
            return IpInfo.UNKNOWN;
        }
        int h = ip.hashCode();
        int slot = (h ^ (h >>> 16)) & mask;
        String k = keys[slot];
        if (k != null && k.equals(ip)) {
            hits++;
            return values[slot];
        }
        misses++;
        IpInfo info = data.lookup(ip);
        keys[slot] = ip;
        values[slot] = info;
        return info;
    }

    /** Lookups answered from the cache. */
    public long hits() {
        return hits;
    }

    /** Lookups that went to the reference data. */
    public long misses() {
        return misses;
    }
}
