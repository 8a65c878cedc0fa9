package io.distillguard.sim;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import io.distillguard.findings.Csv;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Real IPv4 ranges by network class, from the small extract shipped with the simulator
 * ({@code network/ip-ranges.csv}, built by {@code sim/tools/make_sim_resources.py} from the
 * ip-location-db ASN table (CC BY 4.0) and the X4BNet lists (MIT); see NOTICE).
 */
final class IpRanges {

    enum NetClass { RESIDENTIAL, DATACENTER, VPN, UNIVERSITY }

    /** An inclusive IPv4 range with what the ASN table says about it. */
    record Range(NetClass cls, String provider, long start, long end, int asn, String org, String country) {

        String randomIp(SplittableRandom r) {
            long size = end - start + 1;
            long ip = start + (size > 2 ? 1 + (long) (r.nextDouble() * (size - 2)) : 0);
            if ((ip & 0xFF) == 0 || (ip & 0xFF) == 255) {
                ip = (ip & ~0xFFL) | (1 + r.nextInt(254));
                if (ip < start || ip > end) {
                    ip = start;
                }
            }
            return ((ip >>> 24) & 0xFF) + "." + ((ip >>> 16) & 0xFF) + "." + ((ip >>> 8) & 0xFF) + "." + (ip & 0xFF);
        }
    }

    private final Map<NetClass, List<Range>> byClass;

    private IpRanges(Map<NetClass, List<Range>> byClass) {
        this.byClass = byClass;
    }

    static IpRanges load() {
        Map<NetClass, List<Range>> m = new EnumMap<>(NetClass.class);
        for (NetClass c : NetClass.values()) {
            m.put(c, new ArrayList<>());
        }
        try (InputStream in = IpRanges.class.getResourceAsStream("/io/distillguard/sim/network/ip-ranges.csv")) {
            if (in == null) {
                throw new IllegalStateException("ip-ranges.csv missing from the classpath");
            }
            BufferedReader br = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            br.readLine();
            String line;
            while ((line = br.readLine()) != null) {
                List<String> f = Csv.split(line);
                if (f.size() < 7) {
                    continue;
                }
                NetClass c = NetClass.valueOf(f.get(0).toUpperCase(java.util.Locale.ROOT));
                m.get(c).add(new Range(c, f.get(1), toLong(f.get(2)), toLong(f.get(3)),
                        Integer.parseInt(f.get(4)), f.get(5), f.get(6)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (NetClass c : NetClass.values()) {
            m.put(c, Collections.unmodifiableList(m.get(c)));
        }
        return new IpRanges(m);
    }

    List<Range> of(NetClass c) {
        return byClass.get(c);
    }

    Range pick(SplittableRandom r, NetClass c) {
        return Rand.pick(r, byClass.get(c));
    }

    /** A range of the class whose provider is {@code provider}, or any of the class when none matches. */
    Range pick(SplittableRandom r, NetClass c, String provider) {
        List<Range> match = new ArrayList<>();
        for (Range x : byClass.get(c)) {
            if (x.provider().equals(provider)) {
                match.add(x);
            }
        }
        return match.isEmpty() ? pick(r, c) : Rand.pick(r, match);
    }

    private static long toLong(String ip) {
        String[] p = ip.split("\\.");
        return (Long.parseLong(p[0]) << 24) | (Long.parseLong(p[1]) << 16) | (Long.parseLong(p[2]) << 8)
                | Long.parseLong(p[3]);
    }
}
