package io.distillguard.enrich;

/**
 * Strict, allocation-light parsing of IP address text, with no DNS and no {@code InetAddress}.
 *
 * <p>Accepted: dotted IPv4 ({@code 203.0.113.7}: exactly four decimal parts 0–255, no leading zeros,
 * because {@code 010} is octal to some parsers and decimal to others, an ambiguity an attacker can
 * use); IPv6 in full, compressed ({@code ::}, at most once) or mixed form with a trailing dotted IPv4,
 * optionally followed by a zone id ({@code fe80::1%eth0}, the zone is ignored). IPv4-mapped IPv6
 * ({@code ::ffff:203.0.113.7}) is reported as the IPv4 address it carries. Everything else (brackets,
 * ports, CIDR suffixes, whitespace, hostnames) is rejected.
 */
final class IpAddresses {

    /** {@link #parse} result: not an address. */
    static final int INVALID = 0;
    /** {@link #parse} result: IPv4, value in {@code out[1]} (0 .. 2^32-1). */
    static final int V4 = 4;
    /** {@link #parse} result: IPv6, high 64 bits in {@code out[0]}, low 64 bits in {@code out[1]}. */
    static final int V6 = 6;

    private IpAddresses() {
    }

    /**
     * Parses {@code s} into {@code out} (length &ge; 2).
     *
     * @return {@link #V4}, {@link #V6} or {@link #INVALID}; {@code out} is undefined when invalid
     */
    static int parse(String s, long[] out) {
        return s == null ? INVALID : parse(s, 0, s.length(), out);
    }

    /** As {@link #parse(String, long[])} for the text {@code s[from, to)}. */
    static int parse(String s, int from, int to, long[] out) {
        int len = to - from;
        if (len <= 0 || len > 64) {
            return INVALID;
        }
        int colon = s.indexOf(':', from);
        if (colon < 0 || colon >= to) {
            long v = parseV4(s, from, to);
            if (v < 0) {
                return INVALID;
            }
            out[0] = 0;
            out[1] = v;
            return V4;
        }
        int zone = s.indexOf('%', from);
        if (zone >= 0 && zone < to) {
            if (zone == to - 1) {
                return INVALID;
            }
            to = zone;
        }
        if (!parseV6(s, from, to, out)) {
            return INVALID;
        }
        // IPv4-mapped (::ffff:a.b.c.d): the same host as the IPv4 address, so enrich it as one.
        if (out[0] == 0 && (out[1] >>> 32) == 0xFFFFL) {
            out[1] = out[1] & 0xFFFF_FFFFL;
            out[0] = 0;
            return V4;
        }
        return V6;
    }

    /** Parses dotted IPv4 in {@code s[from, to)}; returns the unsigned value or {@code -1}. */
    static long parseV4(CharSequence s, int from, int to) {
        long value = 0;
        int parts = 0;
        int i = from;
        while (true) {
            int start = i;
            int part = 0;
            while (i < to && i - start < 4) {
                char c = s.charAt(i);
                if (c < '0' || c > '9') {
                    break;
                }
                part = part * 10 + (c - '0');
                i++;
            }
            int digits = i - start;
            if (digits == 0 || digits > 3 || part > 255 || (digits > 1 && s.charAt(start) == '0')) {
                return -1;
            }
            value = (value << 8) | part;
            parts++;
            if (parts == 4) {
                return i == to ? value : -1;
            }
            if (i >= to || s.charAt(i) != '.') {
                return -1;
            }
            i++;
        }
    }

    private static boolean parseV6(String s, int from, int len, long[] out) {
        if (len - from < 2) {
            return false;
        }
        int[] g = new int[8];
        int n = 0;
        int gap = -1;
        int i = from;
        if (s.charAt(from) == ':') {
            if (s.charAt(from + 1) != ':') {
                return false;
            }
            gap = 0;
            i = from + 2;
        }
        while (i < len) {
            int start = i;
            int v = 0;
            while (i < len && i - start < 5) {
                int h = hex(s.charAt(i));
                if (h < 0) {
                    break;
                }
                v = (v << 4) | h;
                i++;
            }
            if (i < len && s.charAt(i) == '.') {
                if (n > 6) {
                    return false;
                }
                long v4 = parseV4(s, start, len);
                if (v4 < 0) {
                    return false;
                }
                g[n++] = (int) (v4 >>> 16);
                g[n++] = (int) (v4 & 0xFFFF);
                i = len;
                break;
            }
            int digits = i - start;
            if (digits == 0 || digits > 4 || n == 8) {
                return false;
            }
            g[n++] = v;
            if (i == len) {
                break;
            }
            if (s.charAt(i) != ':') {
                return false;
            }
            i++;
            if (i < len && s.charAt(i) == ':') {
                if (gap >= 0) {
                    return false;
                }
                gap = n;
                i++;
            } else if (i == len) {
                return false;
            }
        }
        if (gap < 0) {
            if (n != 8) {
                return false;
            }
        } else {
            if (n > 7) {
                return false;
            }
            int tail = n - gap;
            for (int k = 0; k < tail; k++) {
                g[7 - k] = g[n - 1 - k];
            }
            for (int k = gap; k < 8 - tail; k++) {
                g[k] = 0;
            }
        }
        out[0] = ((long) g[0] << 48) | ((long) g[1] << 32) | ((long) g[2] << 16) | g[3];
        out[1] = ((long) g[4] << 48) | ((long) g[5] << 32) | ((long) g[6] << 16) | g[7];
        return true;
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    /** The network prefix an operator would treat as one site: IPv4 /24, IPv6 /48; null when invalid. */
    static String prefixKey(String ip) {
        long[] a = new long[2];
        int kind = parse(ip, a);
        if (kind == V4) {
            long v = a[1];
            return (v >>> 24) + "." + ((v >>> 16) & 0xFF) + "." + ((v >>> 8) & 0xFF) + ".0/24";
        }
        if (kind == V6) {
            int[] g = {(int) (a[0] >>> 48), (int) ((a[0] >>> 32) & 0xFFFF), (int) ((a[0] >>> 16) & 0xFFFF)};
            int keep = 3;
            while (keep > 0 && g[keep - 1] == 0) {
                keep--;
            }
            StringBuilder sb = new StringBuilder(24);
            for (int k = 0; k < keep; k++) {
                if (k > 0) {
                    sb.append(':');
                }
                sb.append(Integer.toHexString(g[k]));
            }
            return sb.append("::/48").toString();
        }
        return null;
    }

    /** Formats an unsigned IPv4 value as dotted text. */
    static String formatV4(long v) {
        return (v >>> 24) + "." + ((v >>> 16) & 0xFF) + "." + ((v >>> 8) & 0xFF) + "." + (v & 0xFF);
    }
}
