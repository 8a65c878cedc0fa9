package io.distillguard.findings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything one detector run concluded.
 *
 * @param detector name of the detector, e.g. {@code distillguard} or {@code baseline:rate-limit}
 * @param accounts one finding per account seen in the events
 * @param clusters campaign clusters
 * @param summary free-form run facts (input counts, thresholds, mode), in insertion order; values
 *     are strings, numbers or booleans
 */
public record Findings(String detector, List<AccountFinding> accounts, List<ClusterFinding> clusters,
        Map<String, Object> summary) {

    public Findings {
        Objects.requireNonNull(detector, "detector");
        accounts = accounts == null ? List.of() : List.copyOf(accounts);
        clusters = clusters == null ? List.of() : List.copyOf(clusters);
        summary = summary == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(summary));
    }
}
