package io.distillguard.findings;

import java.util.Objects;

/**
 * A shared attribute that ties accounts of a cluster together.
 *
 * @param attribute kind of attribute, e.g. {@code payment_fingerprint}, {@code ip_24},
 *     {@code template}, {@code synchronised_activity}, {@code similar_behaviour}
 * @param value the shared value, or a stable hash of it when it must not leak (prompts)
 * @param accounts number of cluster members that share it
 * @param weight rarity weight of the link (higher = rarer among benign accounts)
 */
public record LinkEvidence(String attribute, String value, int accounts, double weight) {

    public LinkEvidence {
        Objects.requireNonNull(attribute, "attribute");
        value = value == null ? "" : value;
    }
}
