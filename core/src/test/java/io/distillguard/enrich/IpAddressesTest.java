package io.distillguard.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressesTest {

    private final long[] out = new long[2];

    @Test
    void parsesDottedIpv4AsUnsigned() {
        assertThat(IpAddresses.parse("203.0.113.7", out)).isEqualTo(IpAddresses.V4);
        assertThat(out[1]).isEqualTo((203L << 24) | (113 << 8) | 7);
        assertThat(IpAddresses.parse("255.255.255.255", out)).isEqualTo(IpAddresses.V4);
        assertThat(out[1]).isEqualTo(0xFFFF_FFFFL);
        assertThat(IpAddresses.parse("0.0.0.0", out)).isEqualTo(IpAddresses.V4);
        assertThat(out[1]).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1.2.3", "1.2.3.4.5", "256.1.1.1", "01.2.3.4", "1.2.3.04", "1..2.3", "1.2.3.",
        ".1.2.3", "1.2.3.4 ", " 1.2.3.4", "1.2.3.4/24", "1.2.3.4:80", "a.b.c.d", "1.2.3.1000", "example.com",
        "1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8:9", "1::2::3", ":::", ":1::", "1::2:", "12345::", "1:2:3:4:5:6:7:8::",
        "::1:2:3:4:5:6:7:8", "g::1", "[::1]", "::ffff:1.2.3", "::ffff:1.2.3.4.5", "1:2:3:4:5:6:7:1.2.3.4", "fe80::1%",
        ":", "1:", "::1.2.3.04"})
    void rejectsMalformedText(String s) {
        assertThat(IpAddresses.parse(s, out)).as(s).isEqualTo(IpAddresses.INVALID);
    }

    @Test
    void parsesIpv6FormsIncludingCompressionZoneAndEmbeddedIpv4() {
        assertThat(IpAddresses.parse("::", out)).isEqualTo(IpAddresses.V6);
        assertThat(out).containsExactly(0L, 0L);
        assertThat(IpAddresses.parse("::1", out)).isEqualTo(IpAddresses.V6);
        assertThat(out).containsExactly(0L, 1L);
        assertThat(IpAddresses.parse("2001:db8::", out)).isEqualTo(IpAddresses.V6);
        assertThat(out).containsExactly(0x2001_0db8_0000_0000L, 0L);
        assertThat(IpAddresses.parse("2001:DB8:0:0:1:0:0:1", out)).isEqualTo(IpAddresses.V6);
        assertThat(out).containsExactly(0x2001_0db8_0000_0000L, 0x0001_0000_0000_0001L);
        assertThat(IpAddresses.parse("fe80::1%eth0", out)).isEqualTo(IpAddresses.V6);
        assertThat(out).containsExactly(0xfe80_0000_0000_0000L, 1L);
        assertThat(IpAddresses.parse("64:ff9b::192.0.2.33", out)).isEqualTo(IpAddresses.V6);
        assertThat(out).containsExactly(0x0064_ff9b_0000_0000L, 0xc000_0221L);
        assertThat(IpAddresses.parse("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", out)).isEqualTo(IpAddresses.V6);
        assertThat(out).containsExactly(-1L, -1L);
    }

    @Test
    void ipv4MappedIpv6IsTheIpv4Host() {
        assertThat(IpAddresses.parse("::ffff:203.0.113.7", out)).isEqualTo(IpAddresses.V4);
        assertThat(out[1]).isEqualTo((203L << 24) | (113 << 8) | 7);
        assertThat(IpAddresses.parse("::FFFF:cb00:7107", out)).isEqualTo(IpAddresses.V4);
        assertThat(out[1]).isEqualTo((203L << 24) | (113 << 8) | 7);
    }

    @Test
    void prefixKeysAreSlash24AndSlash48() {
        assertThat(NetworkData.prefixKey("203.0.113.77")).isEqualTo("203.0.113.0/24");
        assertThat(NetworkData.prefixKey("::ffff:203.0.113.77")).isEqualTo("203.0.113.0/24");
        assertThat(NetworkData.prefixKey("2001:0DB8:0001:0002::9")).isEqualTo("2001:db8:1::/48");
        assertThat(NetworkData.prefixKey("2001:db8::9")).isEqualTo("2001:db8::/48");
        assertThat(NetworkData.prefixKey("2001:0:5::1")).isEqualTo("2001:0:5::/48");
        assertThat(NetworkData.prefixKey("::1")).isEqualTo("::/48");
        assertThat(NetworkData.prefixKey("2001:DB8:0:0::1")).isEqualTo(NetworkData.prefixKey("2001:db8::2"));
        assertThat(NetworkData.prefixKey("not an ip")).isNull();
        assertThat(NetworkData.prefixKey(null)).isNull();
    }

    @Property(tries = 500)
    void everyIpv6AddressRoundTripsThroughTheJdkFormatter(@ForAll long hi, @ForAll long lo) throws Exception {
        byte[] b = ByteBuffer.allocate(16).putLong(hi).putLong(lo).array();
        // getByAddress never does DNS
        String text = ((Inet6Address) InetAddress.getByAddress(null, b)).getHostAddress();
        int kind = IpAddresses.parse(text, out);
        if (hi == 0 && (lo >>> 32) == 0xFFFFL) {
            assertThat(kind).isEqualTo(IpAddresses.V4);
            assertThat(out[1]).isEqualTo(lo & 0xFFFF_FFFFL);
        } else {
            assertThat(kind).as(text).isEqualTo(IpAddresses.V6);
            assertThat(out).containsExactly(hi, lo);
        }
        assertThat(IpAddresses.parse(compress(hi, lo), out)).isIn(IpAddresses.V4, IpAddresses.V6);
        assertThat(NetworkData.prefixKey(compress(hi, lo))).isNotNull();
    }

    @Property(tries = 500)
    void everyIpv4AddressRoundTrips(@ForAll int v) {
        long u = v & 0xFFFF_FFFFL;
        assertThat(IpAddresses.parse(IpAddresses.formatV4(u), out)).isEqualTo(IpAddresses.V4);
        assertThat(out[1]).isEqualTo(u);
    }

    /** RFC 5952 style: longest run of two or more zero groups becomes "::". */
    private static String compress(long hi, long lo) {
        int[] g = new int[8];
        for (int i = 0; i < 4; i++) {
            g[i] = (int) ((hi >>> (48 - 16 * i)) & 0xFFFF);
            g[i + 4] = (int) ((lo >>> (48 - 16 * i)) & 0xFFFF);
        }
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(g[i]));
        }
        return sb.toString();
    }
}
