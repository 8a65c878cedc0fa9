package io.distillguard.enrich;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * IP reference data: IP to ASN / organisation / registry country, and the network class of an
 * address (datacenter, VPN, Tor, university, residential), loaded from a folder in the layout of
 * the project's network reference data. Immutable and thread-safe once loaded.
 *
 * <h2>Files read (all optional)</h2>
 * <ul>
 *   <li>{@code asn-ipv4.csv}, {@code asn-ipv6.csv}: {@code start_ip,end_ip,asn,org} (inclusive ranges,
 *       org CSV-quoted when it holds a comma)</li>
 *   <li>{@code asn-country-ipv4.csv}, {@code asn-country-ipv6.csv}: {@code start_ip,end_ip,country}</li>
 *   <li>{@code x4bnet-datacenter-asn.txt}, {@code x4bnet-vpn-asn.txt}: {@code AS<number> # comment}</li>
 *   <li>{@code x4bnet-datacenter-ipv4.txt}/{@code -ipv6.txt}, {@code x4bnet-vpn-ipv4.txt}/{@code -ipv6.txt}:
 *       one CIDR per line</li>
 *   <li>{@code ipcat-datacenters.csv}: {@code start_ip,end_ip,provider,url}</li>
 *   <li>{@code tor-exit-nodes.txt}: one address per line</li>
 *   <li>{@code cloud_ip_ranges/<provider>.csv}: header {@code Type,Address}, rows {@code IPv4,<cidr>}</li>
 * </ul>
 * Each file may also be given gzipped ({@code name.gz}). A malformed row is skipped and counted in
 * {@link #loadStats()}; it never fails the load. Lines that are blank or start with {@code #} are ignored.
 *
 * <h2>Overlaps</h2>
 * Ranges may overlap within and across files. Within one table the most specific range wins: the
 * narrowest covering range, a tie going to the row first in file order (files are read in the order
 * above, cloud files by name). Example from the real data: {@code 215.0.0.5} lies in both
 * {@code 214.95.0.0–215.0.255.255 (AS749)} and {@code 215.0.0.0–215.1.3.255 (AS721)}; the second is
 * narrower, so the answer is AS721. Provider names come from {@code cloud_ip_ranges} before ipcat
 * (ipcat is older), then narrowest, then first.
 *
 * <h2>Class precedence</h2>
 * An address can sit in several lists; {@link IpInfo#matches()} lists all of them and
 * {@link IpInfo#ipClass()} is the first that applies:
 * <ol>
 *   <li>{@link IpClass#TOR}: in the Tor exit list (a stale snapshot: a hit means "was an exit").</li>
 *   <li>{@link IpClass#VPN}: in an X4BNet VPN range, or announced by an AS on the X4BNet VPN ASN list.
 *       VPN beats datacenter because X4BNet's datacenter list includes the VPN ranges.</li>
 *   <li>{@link IpClass#DATACENTER} by provider list: in a {@code cloud_ip_ranges} file or ipcat
 *       (a named hosting provider), except the non-hosting files below.</li>
 *   <li>{@link IpClass#UNIVERSITY}: the announcing AS's organisation name names a university or
 *       research / education network (see below). Beats the broad X4BNet datacenter list, which
 *       counts any non-eyeball network, campus networks included.</li>
 *   <li>{@link IpClass#DATACENTER} by X4BNet: in an X4BNet datacenter range or announced by an AS on
 *       the X4BNet datacenter ASN list; skipped for addresses in {@code cloud_ip_ranges/starlink.csv}
 *       (a residential satellite ISP).</li>
 *   <li>{@link IpClass#RESIDENTIAL}: the ASN table knows the address and no list above matched.</li>
 *   <li>{@link IpClass#UNKNOWN}: nothing known, unparseable, or no data loaded.</li>
 * </ol>
 * {@code cloud_ip_ranges} files that are not hosting ({@code starlink}: residential ISP;
 * {@code zscaler}: corporate security proxy) only set {@link IpInfo#provider()}; crawlers and messaging
 * services in that folder count as hosting.
 *
 * <h2>University rule</h2>
 * The AS organisation name (case-insensitive) contains, as a word or word start: university /
 * universit* (universität, université, università, universiteit, universitet …), universidad(e),
 * uniwersytet, college, colegio, institute of technology, polytechnic / politecnico, hochschule,
 * school(s), academy / academia / akademi*, école / escuela / faculdade / facultad,
 * research (and|&amp;) education, research network, education(al) network, NREN, or the word
 * {@code edu}. It is a name rule: it misses campuses behind a commercial ISP and can hit a company
 * called "… Academy"; treat the class as a hint, not proof.
 *
 * <h2>Cost</h2>
 * Ranges are flattened at load into sorted disjoint segments (primitive arrays); a lookup parses the
 * text without DNS and does three binary searches. See the README for measured load time and lookup cost.
 */
public final class NetworkData {

    static final int F_TOR = 1;
    static final int F_VPN_RANGE = 1 << 1;
    static final int F_HOSTING = 1 << 2;
    static final int F_DC_RANGE = 1 << 3;
    static final int F_EYEBALL = 1 << 4;

    static final int A_VPN = 1;
    static final int A_DC = 1 << 1;
    static final int A_UNIVERSITY = 1 << 2;

    /** Attribution for the CC BY 4.0 IP-to-ASN data; must be shown wherever results derived from it are. */
    public static final String ASN_ATTRIBUTION = "IP to ASN data: ip-location-db "
            + "(https://github.com/sapics/ip-location-db, @ip-location-db/asn), built from RouteViews "
            + "(https://www.routeviews.org/), DB-IP IP to ASN Lite (https://db-ip.com) and NRO delegation "
            + "statistics (https://www.nro.net/), all CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/); "
            + "merged and modified by ip-location-db.";
    /** Link-back DB-IP's licence asks of pages that show results from its data. */
    public static final String DBIP_LINK = "IP Geolocation by DB-IP (https://db-ip.com)";
    /** Attribution for the registry-country data. */
    public static final String COUNTRY_ATTRIBUTION = "AS registry country: NRO delegation statistics "
            + "(https://www.nro.net/), CC BY 4.0, via ip-location-db (@ip-location-db/asn-country).";

    private static final NetworkData EMPTY = new NetworkData(new Loaded());

    private final SegmentTable asn4;
    private final SegmentTable asn6;
    private final SegmentTable country4;
    private final SegmentTable country6;
    private final SegmentTable class4;
    private final SegmentTable class6;
    private final Integer[] rowAsn;
    private final String[] rowOrg;
    private final int[] rowFlags;
    private final String[] countries;
    private final String[] providers;
    private final Map<String, FileLoadStats> stats;
    private final long loadNanos;
    private final boolean empty;
    @SuppressWarnings("unchecked")
    private final Set<IpClass>[] matchSets = new Set[1 << IpClass.values().length];

    private NetworkData(Loaded l) {
        this.asn4 = l.asn4;
        this.asn6 = l.asn6;
        this.country4 = l.country4;
        this.country6 = l.country6;
        this.class4 = l.class4;
        this.class6 = l.class6;
        this.rowAsn = l.rowAsn;
        this.rowOrg = l.rowOrg;
        this.rowFlags = l.rowFlags;
        this.countries = l.countries;
        this.providers = l.providers;
        this.stats = Collections.unmodifiableMap(l.stats);
        this.loadNanos = l.loadNanos;
        this.empty = asn4.size() + asn6.size() + country4.size() + country6.size() + class4.size()
                + class6.size() == 0;
        IpClass[] all = IpClass.values();
        for (int bits = 0; bits < matchSets.length; bits++) {
            EnumSet<IpClass> s = EnumSet.noneOf(IpClass.class);
            for (IpClass c : all) {
                if ((bits & (1 << c.ordinal())) != 0) {
                    s.add(c);
                }
            }
            matchSets[bits] = Set.copyOf(s);
        }
    }

    /** Reference data that knows nothing: every lookup answers {@link IpInfo#UNKNOWN}. */
    public static NetworkData empty() {
        return EMPTY;
    }

    /**
     * Loads the reference files found in {@code dir}; missing files are skipped, malformed rows are
     * skipped and counted (see {@link #loadStats()}).
     *
     * @throws IOException when {@code dir} is not a readable folder, or a present file cannot be read
     */
    public static NetworkData load(Path dir) throws IOException {
        if (!Files.isDirectory(dir) || !Files.isReadable(dir)) {
            throw new IOException("network data folder is not a readable folder: " + dir);
        }
        return new NetworkData(new NetworkLoader(dir).load());
    }

    /**
     * Looks up an address (v4 or v6, as text; see {@link IpAddresses} for the accepted forms).
     * Null or unparseable text gives {@link IpInfo#UNKNOWN}. Thread-safe; allocates the answer.
     */
    public IpInfo lookup(String ip) {
        if (empty) {
            return IpInfo.UNKNOWN;
        }
        long[] a = new long[2];
        int kind = IpAddresses.parse(ip, a);
        int asnSeg;
        int countrySeg;
        int classSeg;
        SegmentTable asnT;
        SegmentTable countryT;
        SegmentTable classT;
        if (kind == IpAddresses.V4) {
            asnT = asn4;
            countryT = country4;
            classT = class4;
            asnSeg = asn4.find4(a[1]);
            countrySeg = country4.find4(a[1]);
            classSeg = class4.find4(a[1]);
        } else if (kind == IpAddresses.V6) {
            asnT = asn6;
            countryT = country6;
            classT = class6;
            asnSeg = asn6.find6(a[0], a[1]);
            countrySeg = country6.find6(a[0], a[1]);
            classSeg = class6.find6(a[0], a[1]);
        } else {
            return IpInfo.UNKNOWN;
        }
        int row = asnSeg < 0 ? -1 : asnT.payload(asnSeg);
        String country = countrySeg < 0 ? null : countries[countryT.payload(countrySeg)];
        int flags = classSeg < 0 ? 0 : classT.flags(classSeg);
        int providerIdx = classSeg < 0 ? -1 : classT.payload(classSeg);
        String provider = providerIdx < 0 ? null : providers[providerIdx];
        int asnFlags = row < 0 ? 0 : rowFlags[row];
        if (row < 0 && country == null && flags == 0 && provider == null) {
            return IpInfo.UNKNOWN;
        }
        IpClass cls = classify(flags, asnFlags, row >= 0);
        int bits = 1 << cls.ordinal();
        if ((flags & F_TOR) != 0) {
            bits |= 1 << IpClass.TOR.ordinal();
        }
        if ((flags & F_VPN_RANGE) != 0 || (asnFlags & A_VPN) != 0) {
            bits |= 1 << IpClass.VPN.ordinal();
        }
        if ((flags & F_HOSTING) != 0 || ((flags & F_EYEBALL) == 0 && ((flags & F_DC_RANGE) != 0
                || (asnFlags & A_DC) != 0))) {
            bits |= 1 << IpClass.DATACENTER.ordinal();
        }
        if ((asnFlags & A_UNIVERSITY) != 0) {
            bits |= 1 << IpClass.UNIVERSITY.ordinal();
        }
        return new IpInfo(row < 0 ? null : rowAsn[row], row < 0 ? null : rowOrg[row], country, cls, provider,
                matchSets[bits]);
    }

    static IpClass classify(int flags, int asnFlags, boolean asnKnown) {
        if ((flags & F_TOR) != 0) {
            return IpClass.TOR;
        }
        if ((flags & F_VPN_RANGE) != 0 || (asnFlags & A_VPN) != 0) {
            return IpClass.VPN;
        }
        if ((flags & F_HOSTING) != 0) {
            return IpClass.DATACENTER;
        }
        if ((asnFlags & A_UNIVERSITY) != 0) {
            return IpClass.UNIVERSITY;
        }
        if ((flags & F_EYEBALL) != 0) {
            return IpClass.RESIDENTIAL;
        }
        if ((flags & F_DC_RANGE) != 0 || (asnFlags & A_DC) != 0) {
            return IpClass.DATACENTER;
        }
        return asnKnown ? IpClass.RESIDENTIAL : IpClass.UNKNOWN;
    }

    /**
     * A per-thread cache in front of {@link #lookup(String)}.
     *
     * @param capacity entries, 1 .. 2^24 (rounded up to a power of two); 4096 suits one scan
     */
    public IpLookupCache newCache(int capacity) {
        return new IpLookupCache(this, capacity);
    }

    /**
     * The network prefix an operator treats as one site, for linking accounts: IPv4 {@code a.b.c.0/24},
     * IPv6 the first 48 bits ({@code 2001:db8:1::/48}, lower-case, RFC 5952 compression). An IPv4-mapped
     * IPv6 address gives its IPv4 /24. Null when {@code ip} is null or not an address.
     */
    public static String prefixKey(String ip) {
        return IpAddresses.prefixKey(ip);
    }

    /**
     * The value (0 .. 2^32-1) of {@code ip} when it is plain dotted IPv4 text, without allocating; -1 for
     * anything else, including IPv6 forms that carry an IPv4 address (those go through
     * {@link #prefixKey(String)}). For such an address {@code prefixKey(ip)} is the /24 of this value.
     */
    public static long plainIpv4(String ip) {
        if (ip == null || ip.isEmpty() || ip.length() > 15 || ip.indexOf(':') >= 0) {
            return -1;
        }
        return IpAddresses.parseV4(ip, 0, ip.length());
    }

    /** Whether {@code ip} is an address this class accepts (see {@link IpAddresses}). */
    public static boolean isAddress(String ip) {
        return IpAddresses.parse(ip, new long[2]) != IpAddresses.INVALID;
    }

    /** True when nothing was loaded (every lookup answers {@link IpInfo#UNKNOWN}). */
    public boolean isEmpty() {
        return empty;
    }

    /** Per-file load statistics, in load order; only files that were present. */
    public Map<String, FileLoadStats> loadStats() {
        return stats;
    }

    /** Rows skipped as malformed over all files. */
    public long skippedRows() {
        return stats.values().stream().mapToLong(FileLoadStats::skipped).sum();
    }

    /** Wall-clock time the load took, in ms (informational; never written to scan outputs). */
    public long loadMillis() {
        return loadNanos / 1_000_000L;
    }

    /** Number of flattened segments per table ({@code asn4}, {@code asn6}, {@code country4}, …). */
    public Map<String, Integer> segmentCounts() {
        Map<String, Integer> m = new java.util.LinkedHashMap<>();
        m.put("asn4", asn4.size());
        m.put("asn6", asn6.size());
        m.put("country4", country4.size());
        m.put("country6", country6.size());
        m.put("class4", class4.size());
        m.put("class6", class6.size());
        return m;
    }

    /**
     * Attribution lines the loaded data requires wherever results derived from it are shown (report,
     * docs), in a fixed order; empty when nothing was loaded. URLs are plain text in parentheses.
     */
    public List<String> attributions() {
        List<String> out = new ArrayList<>();
        if (rows("asn-ipv4.csv") + rows("asn-ipv6.csv") > 0) {
            out.add(ASN_ATTRIBUTION);
            out.add(DBIP_LINK);
        }
        if (rows("asn-country-ipv4.csv") + rows("asn-country-ipv6.csv") > 0) {
            out.add(COUNTRY_ATTRIBUTION);
        }
        List<String> lists = new ArrayList<>();
        if (stats.keySet().stream().anyMatch(k -> k.startsWith("x4bnet-"))) {
            lists.add("X4BNet lists_vpn (https://github.com/X4BNet/lists_vpn, MIT)");
        }
        if (rows("ipcat-datacenters.csv") > 0) {
            lists.add("client9/ipcat (https://github.com/client9/ipcat, MIT)");
        }
        if (rows("tor-exit-nodes.txt") > 0) {
            lists.add("SecOps-Institute/Tor-IP-Addresses (https://github.com/SecOps-Institute/Tor-IP-Addresses, MIT)");
        }
        if (stats.keySet().stream().anyMatch(k -> k.startsWith("cloud_ip_ranges/"))) {
            lists.add("providers' published IP range feeds via disposable/cloud-ip-ranges "
                    + "(https://github.com/disposable/cloud-ip-ranges)");
        }
        if (!lists.isEmpty()) {
            out.add("Datacenter, VPN, Tor and cloud lists: " + String.join("; ", lists) + ".");
        }
        return out;
    }

    private long rows(String file) {
        FileLoadStats s = stats.get(file);
        return s == null ? 0 : s.rows();
    }

    /** What the loader produced; package-private hand-over to the constructor. */
    static final class Loaded {
        SegmentTable asn4 = SegmentTable.EMPTY4;
        SegmentTable asn6 = SegmentTable.EMPTY6;
        SegmentTable country4 = SegmentTable.EMPTY4;
        SegmentTable country6 = SegmentTable.EMPTY6;
        SegmentTable class4 = SegmentTable.EMPTY4;
        SegmentTable class6 = SegmentTable.EMPTY6;
        Integer[] rowAsn = new Integer[0];
        String[] rowOrg = new String[0];
        int[] rowFlags = new int[0];
        String[] countries = new String[0];
        String[] providers = new String[0];
        Map<String, FileLoadStats> stats = new java.util.LinkedHashMap<>();
        long loadNanos;
    }
}
