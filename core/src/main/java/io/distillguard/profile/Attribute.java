package io.distillguard.profile;

import java.util.Locale;

/** Per-exchange attributes whose most frequent values an {@link AccountProfile} keeps (Misra-Gries). */
public enum Attribute {
    /** Prompt template skeleton (SimHash; values within 3 bits are one template). */
    TEMPLATE(0, 8),
    /** Client IP address. */
    IP(8, 4),
    /** Client IPv4 /24 or IPv6 /48. */
    IP_PREFIX(12, 4),
    /** HTTP user agent. */
    USER_AGENT(16, 2),
    /** TLS fingerprint (e.g. JA4), falling back to the header order when absent. */
    TLS(18, 2),
    /** Autonomous system number of the client IP. */
    ASN(20, 2),
    /** Country of the client IP (reference data, else the gateway's). */
    COUNTRY(22, 3),
    /** System prompt. */
    SYSTEM_PROMPT(25, 2),
    /** Model served. */
    MODEL(27, 4);

    /** Total Misra-Gries slots over all attributes. */
    static final int SLOTS = 31;

    final int offset;
    final int k;

    Attribute(int offset, int k) {
        this.offset = offset;
        this.k = k;
    }

    /** Number of values kept for this attribute. */
    public int capacity() {
        return k;
    }

    /** Lower-case label for outputs, e.g. {@code ip_prefix}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
