package io.distillguard.findings;

import java.util.List;
import java.util.Objects;

/**
 * The verdict on one account.
 *
 * @param accountId account id
 * @param score in [0, 1], higher = more likely part of a distillation campaign
 * @param flagged the verdict an operator would act on
 * @param clusterId campaign cluster the account belongs to, or null
 * @param firstFlagMillis event time at which the account would first have been flagged, or null
 *     when never flagged or unknown
 * @param exchangesAtFlag exchanges the account had sent when first flagged, {@code -1} when unknown
 * @param exchanges exchanges counted for the account
 * @param evidence evidence items, heaviest first
 */
public record AccountFinding(String accountId, double score, boolean flagged, String clusterId,
        Long firstFlagMillis, long exchangesAtFlag, long exchanges, List<Evidence> evidence) {

    public AccountFinding {
        Objects.requireNonNull(accountId, "accountId");
        if (!(score >= 0.0 && score <= 1.0)) {
            throw new IllegalArgumentException("score must be in [0,1]: " + score);
        }
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
