package io.distillguard.enrich;

/** What kind of network an address belongs to, as far as the reference data can tell. */
public enum IpClass {
    /** Hosting / cloud / non-eyeball network. */
    DATACENTER,
    /** Known commercial VPN netblock or ASN. */
    VPN,
    /** Listed Tor exit node. */
    TOR,
    /** University / research network (ASN organisation names a university, college, institute). */
    UNIVERSITY,
    /** An eyeball ISP (in the ASN table but in no hosting, VPN or Tor list). */
    RESIDENTIAL,
    /** Not in the reference data, unparseable, or no reference data loaded. */
    UNKNOWN;

    /** Lower-case label for outputs. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
