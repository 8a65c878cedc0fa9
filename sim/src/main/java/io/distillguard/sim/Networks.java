package io.distillguard.sim;

import java.util.List;
import java.util.SplittableRandom;

/** Ready-made {@link SimAccount.Network}s: a home line, a NAT egress, a rotating pool. */
final class Networks {

    private Networks() {
    }

    /**
     * A person's connection: a home address that is re-assigned now and then, a phone on another ISP for
     * {@code mobileShare} of requests, and a VPN for {@code vpnShare} of requests when {@code vpn} is set.
     */
    static SimAccount.Network home(IpRanges.Range home, IpRanges.Range mobile, double mobileShare,
            IpRanges.Range vpn, double vpnShare, SplittableRandom setup) {
        String[] current = {home.randomIp(setup)};
        String vpnIp = vpn == null ? null : vpn.randomIp(setup);
        return (r, out) -> {
            double u = r.nextDouble();
            if (vpn != null && u < vpnShare) {
                out[0] = r.nextDouble() < 0.7 ? vpnIp : vpn.randomIp(r);
                return vpn;
            }
            if (u < vpnShare + mobileShare) {
                out[0] = mobile.randomIp(r);
                return mobile;
            }
            if (r.nextDouble() < 0.002) {
                current[0] = home.randomIp(r);
            }
            out[0] = current[0];
            return home;
        };
    }

    /** A NAT or fixed egress: a few addresses of one range. */
    static SimAccount.Network egress(IpRanges.Range range, String[] ips) {
        return (r, out) -> {
            out[0] = ips[r.nextInt(ips.length)];
            return range;
        };
    }

    static String[] addresses(IpRanges.Range range, int n, SplittableRandom r) {
        String[] ips = new String[n];
        for (int i = 0; i < n; i++) {
            ips[i] = range.randomIp(r);
        }
        return ips;
    }

    /** A pool of fixed addresses spread over several ranges (cloud fleet, proxy pool). */
    static SimAccount.Network pool(List<IpRanges.Range> ranges, List<String> ips) {
        return (r, out) -> {
            int i = r.nextInt(ips.size());
            out[0] = ips.get(i);
            return ranges.get(i);
        };
    }
}
