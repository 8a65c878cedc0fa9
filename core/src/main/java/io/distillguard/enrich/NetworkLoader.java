package io.distillguard.enrich;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/** Reads a network data folder into {@link NetworkData.Loaded}; see {@link NetworkData} for the files. */
final class NetworkLoader {

    /** Cloud-range files that are not hosting: they name the provider but add no datacenter flag. */
    private static final Set<String> NON_HOSTING = Set.of("starlink", "zscaler");
    /** Of those, the ones that are eyeball networks despite broad "datacenter" lists. */
    private static final Set<String> EYEBALL = Set.of("starlink");

    static final Pattern UNIVERSITY = Pattern.compile(
            "\\b(universit|universid|uniwersytet|college\\b|colegio\\b|institute of technology|polytechn|politecn"
                    + "|hochschule|fachhochschule|schools?\\b|academy\\b|academia\\b|academie\\b|akadem"
                    + "|[ée]cole\\b|escuela\\b|faculdade\\b|facultad\\b|research (and|&) education"
                    + "|research network|education(al)? network|nren\\b|edu\\b)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);

    /** Cheap stems every {@link #UNIVERSITY} alternative contains; most names have none, so the regex is skipped. */
    private static final String[] UNIVERSITY_STEMS = {"univ", "uniw", "coleg", "colleg", "polit", "polyt",
        "schul", "school", "academ", "akadem", "cole", "escuela", "facul", "network", "nren", "edu", "institut"};

    static boolean isUniversity(String org) {
        String lower = org.toLowerCase(Locale.ROOT);
        for (String stem : UNIVERSITY_STEMS) {
            if (lower.contains(stem)) {
                return UNIVERSITY.matcher(org).find();
            }
        }
        return false;
    }

    private final Path dir;
    private final NetworkData.Loaded out = new NetworkData.Loaded();
    private final long[] a = new long[2];
    private final long[] b = new long[2];

    private final List<Integer> rowAsn = new ArrayList<>();
    private final List<String> rowOrg = new ArrayList<>();
    private final Map<String, String> orgIntern = new HashMap<>();
    private final Map<Integer, Integer> asnIntern = new HashMap<>();
    private final Map<String, Integer> countryIndex = new HashMap<>();
    private final List<String> countries = new ArrayList<>();
    private final Map<String, Integer> providerIndex = new HashMap<>();
    private final List<String> providers = new ArrayList<>();
    private final Set<Integer> vpnAsns = new HashSet<>();
    private final Set<Integer> dcAsns = new HashSet<>();

    private final RangeSet asn4 = new RangeSet();
    private final RangeSet asn6 = new RangeSet();
    private final RangeSet country4 = new RangeSet();
    private final RangeSet country6 = new RangeSet();
    private final RangeSet class4 = new RangeSet();
    private final RangeSet class6 = new RangeSet();

    NetworkLoader(Path dir) {
        this.dir = dir;
    }

    NetworkData.Loaded load() throws IOException {
        long t0 = System.nanoTime();
        read("asn-ipv4.csv", this::asnRow);
        read("asn-ipv6.csv", this::asnRow);
        read("asn-country-ipv4.csv", this::countryRow);
        read("asn-country-ipv6.csv", this::countryRow);
        read("x4bnet-datacenter-asn.txt", line -> asnListRow(line, dcAsns));
        read("x4bnet-vpn-asn.txt", line -> asnListRow(line, vpnAsns));
        Path cloud = dir.resolve("cloud_ip_ranges");
        if (Files.isDirectory(cloud)) {
            List<String> names = new ArrayList<>();
            try (Stream<Path> s = Files.list(cloud)) {
                s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".csv") || n.endsWith(".csv.gz"))
                        .map(n -> n.endsWith(".gz") ? n.substring(0, n.length() - 3) : n).distinct().sorted()
                        .forEach(names::add);
            }
            for (String name : names) {
                String provider = name.substring(0, name.length() - 4);
                int idx = provider(provider);
                int flags = NON_HOSTING.contains(provider) ? (EYEBALL.contains(provider) ? NetworkData.F_EYEBALL : 0)
                        : NetworkData.F_HOSTING;
                read("cloud_ip_ranges/" + name, line -> cloudRow(line, idx, flags));
            }
        }
        read("ipcat-datacenters.csv", this::ipcatRow);
        read("x4bnet-vpn-ipv4.txt", line -> cidrRow(line, NetworkData.F_VPN_RANGE));
        read("x4bnet-vpn-ipv6.txt", line -> cidrRow(line, NetworkData.F_VPN_RANGE));
        read("x4bnet-datacenter-ipv4.txt", line -> cidrRow(line, NetworkData.F_DC_RANGE));
        read("x4bnet-datacenter-ipv6.txt", line -> cidrRow(line, NetworkData.F_DC_RANGE));
        read("tor-exit-nodes.txt", this::torRow);

        out.asn4 = asn4.flatten(true);
        out.asn6 = asn6.flatten(false);
        out.country4 = country4.flatten(true);
        out.country6 = country6.flatten(false);
        out.class4 = class4.flatten(true);
        out.class6 = class6.flatten(false);
        int rows = rowAsn.size();
        out.rowAsn = rowAsn.toArray(new Integer[0]);
        out.rowOrg = rowOrg.toArray(new String[0]);
        out.rowFlags = new int[rows];
        Map<String, Boolean> univ = new HashMap<>();
        for (int i = 0; i < rows; i++) {
            int f = 0;
            int asn = out.rowAsn[i];
            if (vpnAsns.contains(asn)) {
                f |= NetworkData.A_VPN;
            }
            if (dcAsns.contains(asn)) {
                f |= NetworkData.A_DC;
            }
            String org = out.rowOrg[i];
            if (org != null && univ.computeIfAbsent(org, NetworkLoader::isUniversity)) {
                f |= NetworkData.A_UNIVERSITY;
            }
            out.rowFlags[i] = f;
        }
        out.countries = countries.toArray(new String[0]);
        out.providers = providers.toArray(new String[0]);
        out.loadNanos = System.nanoTime() - t0;
        return out;
    }

    /** Parses one non-blank, non-comment line; returns null when accepted, else the reason it was skipped. */
    @FunctionalInterface
    private interface RowParser {
        String parse(String line);
    }

    private void read(String name, RowParser parser) throws IOException {
        Path file = dir.resolve(name);
        boolean gz = false;
        if (!Files.isRegularFile(file)) {
            file = dir.resolve(name + ".gz");
            gz = true;
            if (!Files.isRegularFile(file)) {
                return;
            }
        }
        long rows = 0;
        long skipped = 0;
        String first = null;
        try (InputStream raw = Files.newInputStream(file);
                InputStream in = gz ? new GZIPInputStream(raw, 1 << 16) : raw;
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
            String line;
            long lineNo = 0;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (lineNo == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                    line = line.substring(1);
                }
                String t = line.strip();
                if (t.isEmpty() || t.charAt(0) == '#') {
                    continue;
                }
                String problem;
                try {
                    problem = parser.parse(t);
                } catch (RuntimeException e) {
                    problem = "unreadable row: " + e.getClass().getSimpleName();
                }
                if (problem == null) {
                    rows++;
                } else if (problem.isEmpty()) {
                    continue; // a header line
                } else {
                    skipped++;
                    if (first == null) {
                        first = "line " + lineNo + ": " + problem;
                    }
                }
            }
        }
        out.stats.put(name, new FileLoadStats(name, rows, skipped, first));
    }

    // ---- row parsers: return null (accepted), "" (header, ignored) or a reason ----

    private String asnRow(String line) {
        // Fast path for the common shape: three unquoted fields, then the organisation.
        int c1 = line.indexOf(',');
        int c2 = c1 < 0 ? -1 : line.indexOf(',', c1 + 1);
        if (c2 < 0 || line.charAt(0) == '"' || line.charAt(c1 + 1) == '"' || c2 + 1 >= line.length()
                || line.charAt(c2 + 1) == '"') {
            return asnRowCsv(line);
        }
        int c3 = line.indexOf(',', c2 + 1);
        int kind = range(line, 0, c1, c1 + 1, c2);
        if (kind < 0) {
            return rangeProblem(kind);
        }
        Integer asn = asn(line, c2 + 1, c3 < 0 ? line.length() : c3);
        if (asn == null) {
            return badAsn(line.substring(c2 + 1, c3 < 0 ? line.length() : c3));
        }
        String org = null;
        if (c3 >= 0) {
            String rest = line.substring(c3 + 1);
            if (rest.length() >= 2 && rest.charAt(0) == '"' && rest.charAt(rest.length() - 1) == '"') {
                rest = rest.substring(1, rest.length() - 1).replace("\"\"", "\"");
            } else if (!rest.isEmpty() && rest.charAt(0) == '"') {
                return "unterminated quote in org";
            }
            org = intern(rest.strip());
        }
        addAsn(kind, asn, org);
        return null;
    }

    private String asnRowCsv(String line) {
        String[] f = splitCsv(line, 4);
        if (f == null || f.length < 3) {
            return "expected start_ip,end_ip,asn,org";
        }
        int kind = range(f[0], f[1]);
        if (kind < 0) {
            return rangeProblem(kind);
        }
        Integer asn = asn(f[2], 0, f[2].length());
        if (asn == null) {
            return badAsn(f[2]);
        }
        addAsn(kind, asn, f.length > 3 ? intern(f[3].strip()) : null);
        return null;
    }

    private void addAsn(int kind, int asn, String org) {
        int row = rowAsn.size();
        Integer boxed = asnIntern.get(asn);
        if (boxed == null) {
            boxed = asn;
            asnIntern.put(boxed, boxed);
        }
        rowAsn.add(boxed);
        rowOrg.add(org);
        (kind == IpAddresses.V4 ? asn4 : asn6).add(a[0], a[1], b[0], b[1], row, 0, 0);
    }

    private String intern(String org) {
        if (org.isEmpty()) {
            return null;
        }
        String known = orgIntern.putIfAbsent(org, org);
        return known == null ? org : known;
    }

    private static String badAsn(String field) {
        String t = field.strip();
        return t.length() > 0 && t.length() <= 10 && t.chars().allMatch(Character::isDigit)
                ? "ASN " + t + " is outside 1..2^31-1 (above is private-use/reserved, RFC 6996)"
                : "bad ASN '" + clip(field) + "'";
    }

    private String countryRow(String line) {
        int c1 = line.indexOf(',');
        int c2 = c1 < 0 ? -1 : line.indexOf(',', c1 + 1);
        if (c2 < 0 || line.indexOf(',', c2 + 1) >= 0 || line.indexOf('"') >= 0) {
            return "expected start_ip,end_ip,country";
        }
        int kind = range(line, 0, c1, c1 + 1, c2);
        if (kind < 0) {
            return rangeProblem(kind);
        }
        String c = line.substring(c2 + 1).strip();
        if (c.length() != 2 || !Character.isLetter(c.charAt(0)) || !Character.isLetter(c.charAt(1))
                || c.charAt(0) > 'z' || c.charAt(1) > 'z') {
            return "bad country code '" + clip(c) + "'";
        }
        String cc = c.toUpperCase(Locale.ROOT);
        int idx = countryIndex.computeIfAbsent(cc, k -> {
            countries.add(k);
            return countries.size() - 1;
        });
        (kind == IpAddresses.V4 ? country4 : country6).add(a[0], a[1], b[0], b[1], idx, 0, 0);
        return null;
    }

    private String asnListRow(String line, Set<Integer> target) {
        int hash = line.indexOf('#');
        String t = (hash >= 0 ? line.substring(0, hash) : line).strip();
        if (t.regionMatches(true, 0, "AS", 0, 2)) {
            t = t.substring(2);
        }
        Integer asn = asn(t, 0, t.length());
        if (asn == null) {
            return badAsn(t);
        }
        target.add(asn);
        return null;
    }

    private String cloudRow(String line, int providerIdx, int flags) {
        String[] f = splitCsv(line, 2);
        if (f == null || f.length != 2) {
            return "expected Type,Address";
        }
        String type = f[0].strip();
        if (type.equalsIgnoreCase("type")) {
            return "";
        }
        int kind = cidr(f[1].strip());
        if (kind < 0) {
            return "bad CIDR '" + clip(f[1]) + "'";
        }
        if (!(type.equalsIgnoreCase("ipv4") && kind == IpAddresses.V4)
                && !(type.equalsIgnoreCase("ipv6") && kind == IpAddresses.V6)) {
            return "type '" + clip(type) + "' does not match the address";
        }
        (kind == IpAddresses.V4 ? class4 : class6).add(a[0], a[1], b[0], b[1], providerIdx, 0, flags);
        return null;
    }

    private String ipcatRow(String line) {
        String[] f = splitCsv(line, 4);
        if (f == null || f.length < 3) {
            return "expected start_ip,end_ip,provider,url";
        }
        int kind = range(f[0], f[1]);
        if (kind < 0) {
            return rangeProblem(kind);
        }
        String name = f[2].strip();
        int idx = name.isEmpty() ? -1 : provider(name);
        (kind == IpAddresses.V4 ? class4 : class6).add(a[0], a[1], b[0], b[1], idx, 1, NetworkData.F_HOSTING);
        return null;
    }

    private String cidrRow(String line, int flags) {
        int kind = cidr(line);
        if (kind < 0) {
            return "bad CIDR '" + clip(line) + "'";
        }
        (kind == IpAddresses.V4 ? class4 : class6).add(a[0], a[1], b[0], b[1], -1, 0, flags);
        return null;
    }

    private String torRow(String line) {
        int kind = IpAddresses.parse(line, a);
        if (kind == IpAddresses.INVALID) {
            return "bad address '" + clip(line) + "'";
        }
        (kind == IpAddresses.V4 ? class4 : class6).add(a[0], a[1], a[0], a[1], -1, 0, NetworkData.F_TOR);
        return null;
    }

    // ---- helpers ----

    private int provider(String name) {
        return providerIndex.computeIfAbsent(name, k -> {
            providers.add(k);
            return providers.size() - 1;
        });
    }

    /** Parses an inclusive range into a (start) and b (end); returns the family or a negative code. */
    private int range(String start, String end) {
        return range(start, 0, start.length(), end, 0, end.length());
    }

    private int range(String line, int s0, int s1, int e0, int e1) {
        return range(line, s0, s1, line, e0, e1);
    }

    private int range(String start, int s0, int s1, String end, int e0, int e1) {
        while (s0 < s1 && start.charAt(s0) == ' ') {
            s0++;
        }
        while (s1 > s0 && start.charAt(s1 - 1) == ' ') {
            s1--;
        }
        while (e0 < e1 && end.charAt(e0) == ' ') {
            e0++;
        }
        while (e1 > e0 && end.charAt(e1 - 1) == ' ') {
            e1--;
        }
        int k1 = IpAddresses.parse(start, s0, s1, a);
        if (k1 == IpAddresses.INVALID) {
            return -1;
        }
        int k2 = IpAddresses.parse(end, e0, e1, b);
        if (k2 == IpAddresses.INVALID) {
            return -2;
        }
        if (k1 != k2) {
            return -3;
        }
        if (RangeSet.compare(a[0], a[1], b[0], b[1]) > 0) {
            return -4;
        }
        return k1;
    }

    private static String rangeProblem(int code) {
        switch (code) {
            case -1:
                return "bad start address";
            case -2:
                return "bad end address";
            case -3:
                return "start and end are different address families";
            default:
                return "start after end";
        }
    }

    /** Parses {@code addr/len} (or a bare address) into a (first) and b (last); returns the family or -1. */
    private int cidr(String s) {
        int slash = s.indexOf('/');
        String addr = slash < 0 ? s : s.substring(0, slash);
        int kind = IpAddresses.parse(addr, a);
        if (kind == IpAddresses.INVALID) {
            return -1;
        }
        // "::ffff:1.2.3.0/120" style: parse() maps to IPv4, but the prefix length counts IPv6 bits.
        boolean mappedV6 = kind == IpAddresses.V4 && addr.indexOf(':') >= 0;
        int max = kind == IpAddresses.V4 && !mappedV6 ? 32 : 128;
        int len = max;
        if (slash >= 0) {
            String p = s.substring(slash + 1);
            if (p.isEmpty() || p.length() > 3) {
                return -1;
            }
            len = 0;
            for (int i = 0; i < p.length(); i++) {
                char c = p.charAt(i);
                if (c < '0' || c > '9') {
                    return -1;
                }
                len = len * 10 + (c - '0');
            }
            if (len > max) {
                return -1;
            }
        }
        if (mappedV6) {
            if (len < 96) {
                return -1;
            }
            len -= 96;
        }
        if (kind == IpAddresses.V4) {
            long mask = len == 0 ? 0 : (0xFFFF_FFFFL << (32 - len)) & 0xFFFF_FFFFL;
            a[1] &= mask;
            b[0] = 0;
            b[1] = a[1] | (~mask & 0xFFFF_FFFFL);
            return kind;
        }
        long hiMask = len >= 64 ? -1L : (len == 0 ? 0 : -1L << (64 - len));
        long loMask = len <= 64 ? 0 : (len == 128 ? -1L : -1L << (128 - len));
        a[0] &= hiMask;
        a[1] &= loMask;
        b[0] = a[0] | ~hiMask;
        b[1] = a[1] | ~loMask;
        return kind;
    }

    private static Integer asn(String s, int from, int to) {
        while (from < to && s.charAt(from) == ' ') {
            from++;
        }
        while (to > from && s.charAt(to - 1) == ' ') {
            to--;
        }
        if (from == to || to - from > 10) {
            return null;
        }
        long v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            v = v * 10 + (c - '0');
        }
        // 32-bit ASNs above 2^31-1 are private-use (RFC 6996) and never announced publicly.
        return v > Integer.MAX_VALUE ? null : (int) v;
    }

    /**
     * Splits a CSV line into at most {@code max} fields (RFC 4180 quoting; the last field takes the
     * rest of the line). Returns null for an unterminated quote.
     */
    static String[] splitCsv(String line, int max) {
        List<String> f = new ArrayList<>(max);
        StringBuilder cur = new StringBuilder();
        int i = 0;
        int n = line.length();
        while (true) {
            cur.setLength(0);
            if (f.size() == max - 1) {
                // last field: take the rest, unquoting when it is one quoted field
                String rest = line.substring(i);
                if (rest.length() >= 2 && rest.charAt(0) == '"' && rest.charAt(rest.length() - 1) == '"') {
                    rest = rest.substring(1, rest.length() - 1).replace("\"\"", "\"");
                } else if (!rest.isEmpty() && rest.charAt(0) == '"') {
                    return null;
                }
                f.add(rest);
                return f.toArray(new String[0]);
            }
            if (i < n && line.charAt(i) == '"') {
                i++;
                boolean closed = false;
                while (i < n) {
                    char c = line.charAt(i++);
                    if (c == '"') {
                        if (i < n && line.charAt(i) == '"') {
                            cur.append('"');
                            i++;
                        } else {
                            closed = true;
                            break;
                        }
                    } else {
                        cur.append(c);
                    }
                }
                if (!closed) {
                    return null;
                }
                f.add(cur.toString());
                if (i >= n) {
                    return f.toArray(new String[0]);
                }
                if (line.charAt(i) != ',') {
                    return null;
                }
                i++;
            } else {
                int comma = line.indexOf(',', i);
                if (comma < 0) {
                    f.add(line.substring(i));
                    return f.toArray(new String[0]);
                }
                f.add(line.substring(i, comma));
                i = comma + 1;
            }
        }
    }

    private static String clip(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "…";
    }
}
