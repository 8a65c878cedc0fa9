package io.distillguard.findings;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A campaign candidate: a group of linked accounts scored on its aggregate behaviour.
 *
 * @param clusterId stable id within one scan output
 * @param score in [0, 1]
 * @param flagged whether the cluster as a whole is judged a campaign
 * @param members member account ids, sorted
 * @param exchanges exchanges sent by all members
 * @param firstFlagMillis event time the cluster would first have been flagged, or null
 * @param action what the policy would do (e.g. {@code observe}, {@code throttle}, {@code suspend});
 *     in observe-only mode the action it would have taken
 * @param evidence aggregate evidence, heaviest first
 * @param links shared attributes tying members together, heaviest first
 * @param activity exchanges over time for the whole cluster
 * @param capabilityMix share of exchanges per capability category, values sum to about 1
 */
public record ClusterFinding(String clusterId, double score, boolean flagged, List<String> members, long exchanges,
        Long firstFlagMillis, String action, List<Evidence> evidence, List<LinkEvidence> links, Activity activity,
        Map<String, Double> capabilityMix) {

    public ClusterFinding {
        Objects.requireNonNull(clusterId, "clusterId");
        members = members == null ? List.of() : List.copyOf(members);
        action = action == null ? "observe" : action;
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        links = links == null ? List.of() : List.copyOf(links);
        activity = activity == null ? Activity.empty() : activity;
        capabilityMix = capabilityMix == null ? Map.of() : Map.copyOf(capabilityMix);
    }
}
