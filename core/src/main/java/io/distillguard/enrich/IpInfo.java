package io.distillguard.enrich;

import java.util.Objects;
import java.util.Set;

/**
 * What the reference data says about one IP address.
 *
 * @param asn autonomous system number of the AS that announces the prefix, or null when unknown
 * @param asnOrg organisation of the AS, or null
 * @param country ISO alpha-2 registry country of the announcing AS (not geolocation), or null
 * @param ipClass network class after precedence (see {@link NetworkData}), never null
 * @param provider hosting / cloud provider name when a provider list names one (e.g. {@code aws},
 *     {@code Amazon AWS}), or null
 * @param matches every class some list put the address in, always including {@code ipClass}; lets a
 *     consumer see, for example, that a VPN address is also a datacenter address. Immutable.
 */
public record IpInfo(Integer asn, String asnOrg, String country, IpClass ipClass, String provider,
        Set<IpClass> matches) {

    /** Nothing known. */
    public static final IpInfo UNKNOWN = new IpInfo(null, null, null, IpClass.UNKNOWN, null);

    public IpInfo {
        Objects.requireNonNull(ipClass, "ipClass");
        if (matches == null || matches.isEmpty()) {
            matches = Set.of(ipClass);
        } else if (!matches.contains(ipClass)) {
            java.util.EnumSet<IpClass> all = java.util.EnumSet.copyOf(matches);
            all.add(ipClass);
            matches = Set.copyOf(all);
        } else {
            matches = Set.copyOf(matches); // no copy when already an immutable Set.of set
        }
    }

    /** An answer whose {@code matches} is just {@code ipClass}. */
    public IpInfo(Integer asn, String asnOrg, String country, IpClass ipClass, String provider) {
        this(asn, asnOrg, country, ipClass, provider, null);
    }

    /** Whether any list put the address in class {@code c} (not only the winning class). */
    public boolean is(IpClass c) {
        return matches.contains(c);
    }
}
