package io.distillguard.enrich;

import java.util.Objects;

/**
 * What the reference data says about one IP address.
 *
 * @param asn autonomous system number, or null when unknown
 * @param asnOrg organisation of the AS, or null
 * @param country ISO alpha-2 registry country of the announcing AS, or null
 * @param ipClass network class, never null
 * @param provider hosting / VPN provider name when a list names one (e.g. {@code aws}), or null
 */
public record IpInfo(Integer asn, String asnOrg, String country, IpClass ipClass, String provider) {

    /** Nothing known. */
    public static final IpInfo UNKNOWN = new IpInfo(null, null, null, IpClass.UNKNOWN, null);

    public IpInfo {
        Objects.requireNonNull(ipClass, "ipClass");
    }
}
