package io.distillguard.model;

/**
 * What the gateway knows about the caller's connection. Every field may be null.
 *
 * @param ip v4 or v6 address as sent
 * @param userAgent HTTP user agent
 * @param asn autonomous system number reported by the gateway, or null
 * @param asnOrg organisation of the ASN
 * @param country ISO 3166-1 alpha-2 country reported by the gateway
 * @param tlsFingerprint e.g. JA4
 * @param headerOrder order of HTTP headers, an opaque client fingerprint
 */
public record ClientInfo(String ip, String userAgent, Integer asn, String asnOrg, String country,
        String tlsFingerprint, String headerOrder) {

    /** A client with nothing known. */
    public static final ClientInfo EMPTY = new ClientInfo(null, null, null, null, null, null, null);
}
