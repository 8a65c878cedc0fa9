package io.distillguard.link;

import java.util.Objects;

/**
 * One shared attribute value behind an edge.
 *
 * @param attribute kind of attribute
 * @param valueHash hash of the shared value ({@link io.distillguard.profile.Hashes#of(String)}; for
 *     templates the canonical SimHash; for synchronised activity 0)
 * @param sharedBy number of accounts in the whole scan with this value (document frequency)
 * @param weight weight of this reason in [0, 1]: prior x rarity
 */
public record LinkReason(LinkAttribute attribute, long valueHash, int sharedBy, double weight) {

    public LinkReason {
        Objects.requireNonNull(attribute, "attribute");
    }
}
