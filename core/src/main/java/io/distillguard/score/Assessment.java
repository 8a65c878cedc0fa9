package io.distillguard.score;

import io.distillguard.findings.Evidence;
import java.util.List;
import java.util.Map;

/**
 * The scorer's verdict on one signal vector.
 *
 * @param score in [0, 1]
 * @param flagged score at or above the threshold and the evidence converges
 * @param familyEvidence positive evidence per family after caps (score units)
 * @param evidence evidence items with non-zero weight, heaviest (by absolute weight) first
 */
public record Assessment(double score, boolean flagged, Map<Family, Double> familyEvidence, List<Evidence> evidence) {

    public Assessment {
        familyEvidence = Map.copyOf(familyEvidence);
        evidence = List.copyOf(evidence);
    }

    /** Positive evidence of one family. */
    public double family(Family f) {
        return familyEvidence.getOrDefault(f, 0.0);
    }
}
