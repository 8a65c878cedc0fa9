package io.distillguard.link;

import java.util.Locale;

/**
 * Kinds of shared attributes that link two accounts, with the prior weight of a link through a value
 * shared by exactly two accounts. The prior says how surprising the sharing is among legitimate
 * accounts: two unrelated customers almost never pay with one card, but often sit behind one
 * corporate NAT address or use one SDK's user agent. Defaults are overridable in the scan config
 * ({@code link.prior.<label>}).
 */
public enum LinkAttribute {
    /** Same payment instrument. */
    PAYMENT_FINGERPRINT(1.0),
    /** Same issuer BIN (first six digits): common among legitimate cards of one bank. */
    PAYMENT_BIN(0.2),
    /** Same signup IP. */
    SIGNUP_IP(0.6),
    /** Same signup /24. */
    SIGNUP_PREFIX(0.25),
    /** Same signup e-mail domain (rarity discounts webmail). */
    EMAIL_DOMAIN(0.25),
    /** Signed up in the same hour with the same e-mail local-part shape (a signup burst). */
    SIGNUP_BURST(0.3),
    /** Same organisation id. */
    ORG(0.3),
    /** A main client IP in common. */
    IP(0.5),
    /** A main client /24 in common. */
    IP_PREFIX(0.25),
    /** A main user agent in common. */
    USER_AGENT(0.1),
    /** A main TLS fingerprint in common. */
    TLS(0.15),
    /** A main prompt template in common (SimHash within 3 bits). */
    TEMPLATE(0.4),
    /** A main system prompt in common. */
    SYSTEM_PROMPT(0.3),
    /** Active in the same 10-minute buckets far more than chance predicts. */
    SYNCHRONISED_ACTIVITY(0.6),
    /**
     * Near-identical distinctive behaviour: the same mix of extraction-style content, capabilities, token use
     * and pacing (see {@code link.behaviour.*}), discounted for look-alike pairs too few to show a script.
     */
    SIMILAR_BEHAVIOUR(0.5);

    private final double defaultPrior;

    LinkAttribute(double defaultPrior) {
        this.defaultPrior = defaultPrior;
    }

    /** Built-in prior weight in [0, 1]. */
    public double defaultPrior() {
        return defaultPrior;
    }

    /** Lower-case label for outputs and config keys, e.g. {@code payment_fingerprint}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
