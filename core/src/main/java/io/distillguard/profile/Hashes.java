package io.distillguard.profile;

/**
 * Deterministic 64-bit hashing of attribute values (FNV-1a over UTF-16 chars, then a SplitMix64
 * finaliser so that low and high bits are both well mixed). Stable across JVMs and runs, which the
 * byte-for-byte determinism of scan outputs relies on. Never returns 0 (0 means "absent").
 */
public final class Hashes {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private Hashes() {
    }

    /** Hash of a string; 0 for null or empty. */
    public static long of(String s) {
        if (s == null || s.isEmpty()) {
            return 0;
        }
        long h = FNV_OFFSET;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= FNV_PRIME;
        }
        long m = mix(h);
        return m == 0 ? 1 : m;
    }

    /**
     * {@link #of} of the text {@code a.b.c.0/24} (the /24 prefix of the IPv4 address {@code v}, unsigned
     * 32-bit), without building the text: the hash of every exchange's prefix is needed, its text only when
     * it becomes a top value.
     */
    static long ofIpv4Prefix(long v) {
        long h = FNV_OFFSET;
        h = decimal(h, (v >>> 24) & 0xFF);
        h = (h ^ '.') * FNV_PRIME;
        h = decimal(h, (v >>> 16) & 0xFF);
        h = (h ^ '.') * FNV_PRIME;
        h = decimal(h, (v >>> 8) & 0xFF);
        h = (h ^ '.') * FNV_PRIME;
        h = (h ^ '0') * FNV_PRIME;
        h = (h ^ '/') * FNV_PRIME;
        h = (h ^ '2') * FNV_PRIME;
        h = (h ^ '4') * FNV_PRIME;
        long m = mix(h);
        return m == 0 ? 1 : m;
    }

    /** {@link #of} of {@code "AS" + asn} for {@code asn >= 0}, without building the text. */
    static long ofAsn(int asn) {
        long h = FNV_OFFSET;
        h = (h ^ 'A') * FNV_PRIME;
        h = (h ^ 'S') * FNV_PRIME;
        h = decimal(h, asn);
        long m = mix(h);
        return m == 0 ? 1 : m;
    }

    /** Feeds the decimal digits of {@code n >= 0} (no leading zeros) to the FNV state {@code h}. */
    private static long decimal(long h, long n) {
        long div = 1;
        while (div <= n / 10) {
            div *= 10;
        }
        for (; div > 0; div /= 10) {
            h = (h ^ ('0' + (n / div) % 10)) * FNV_PRIME;
        }
        return h;
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
