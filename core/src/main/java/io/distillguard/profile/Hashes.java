package io.distillguard.profile;

/**
 * Deterministic 64-bit hashing of attribute values (FNV-1a over UTF-16 chars, then a SplitMix64
 * finaliser so that low and high bits are both well mixed). Stable across JVMs and runs, which the
 * byte-for-byte determinism of scan outputs relies on. Never returns 0 (0 means "absent").
 */
public final class Hashes {

    private Hashes() {
    }

    /** Hash of a string; 0 for null or empty. */
    public static long of(String s) {
        if (s == null || s.isEmpty()) {
            return 0;
        }
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        long m = mix(h);
        return m == 0 ? 1 : m;
    }

    /** SplitMix64 finaliser. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** 32-bit hash (upper half of {@link #mix(long)}) used by the bottom-k sketches. */
    static int mix32(long v) {
        return (int) (mix(v + 0x9E3779B97F4A7C15L) >>> 32);
    }

    /**
     * The /24 (IPv4) or /48 (IPv6) prefix of an address as text, e.g. {@code 203.0.113.0/24},
     * {@code 2001:db8:1::/48}; null when the address is null or not an IP. Delegates to
     * {@link io.distillguard.enrich.NetworkData#prefixKey(String)}, which parses strictly, so every
     * spelling of an address ({@code 2001:DB8::1}, {@code 2001:db8:0:0::1}, IPv4-mapped IPv6) gives one key.
     */
    public static String prefix(String ip) {
        return io.distillguard.enrich.NetworkData.prefixKey(ip);
    }
}
