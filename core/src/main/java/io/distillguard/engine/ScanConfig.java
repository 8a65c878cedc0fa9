package io.distillguard.engine;

import io.distillguard.link.LinkAttribute;
import io.distillguard.link.LinkConfig;
import io.distillguard.score.Family;
import io.distillguard.score.Rule;
import io.distillguard.score.ScoreConfig;
import io.distillguard.score.Signal;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything a scan can be told: scoring weights and thresholds, linking priors, community detection
 * parameters, the policy mode and restricted regions. Read from a Java properties file layered over the
 * built-in defaults ({@code default-config.properties} next to this class, also shipped as
 * {@code docs/config-reference.properties}, which documents every key).
 *
 * @param mode {@code observe} (default: report what would be done) or {@code enforce}
 * @param score scoring configuration
 * @param link linking configuration
 * @param clusterMethod {@code components} or {@code label_propagation}
 * @param clusterMinEdgeWeight edges lighter than this are ignored by community detection, in [0, 1]
 * @param clusterRounds label propagation rounds, >= 1
 * @param clusterSeed seed of the community detection shuffles
 * @param clusterMinSize smallest community reported, >= 2
 * @param clusterMergeMinCrossShare flagged sub-groups of one component form one campaign when the strong
 *     edges between them number at least this share of the smaller one's size (and at least 2), in [0, 1]
 * @param clusterMergeMaxBehaviourDistance flagged sub-groups of one component also form one campaign when
 *     their members' mean behavioural fingerprints differ by at most this in every component, in [0, 1]
 * @param memberMinLinkStrength summed link weight a member needs to inherit its campaign's flag, >= 0
 * @param restrictedRegions upper-case ISO alpha-2 codes, sorted
 */
public record ScanConfig(String mode, ScoreConfig score, LinkConfig link,
        io.distillguard.cluster.CommunityDetector.Method clusterMethod, double clusterMinEdgeWeight,
        int clusterRounds, long clusterSeed, int clusterMinSize, double clusterMergeMinCrossShare,
        double clusterMergeMaxBehaviourDistance, double memberMinLinkStrength,
        Set<String> restrictedRegions) {

    /** Resource holding the defaults. */
    public static final String DEFAULTS_RESOURCE = "default-config.properties";

    public ScanConfig {
        if (!"observe".equals(mode) && !"enforce".equals(mode)) {
            throw new IllegalArgumentException("mode must be observe or enforce: " + mode);
        }
        if (!(clusterMergeMinCrossShare >= 0 && clusterMergeMinCrossShare <= 1)) {
            throw new IllegalArgumentException("cluster.merge_min_cross_share must be in [0,1]: "
                    + clusterMergeMinCrossShare);
        }
        if (!(clusterMergeMaxBehaviourDistance >= 0 && clusterMergeMaxBehaviourDistance <= 1)) {
            throw new IllegalArgumentException("cluster.merge_max_behaviour_distance must be in [0,1]: "
                    + clusterMergeMaxBehaviourDistance);
        }
        restrictedRegions = Set.copyOf(new TreeSet<>(restrictedRegions));
    }

    /** The built-in defaults. */
    public static ScanConfig defaults() {
        try {
            return fromProperties(defaultProperties());
        } catch (IOException e) {
            throw new IllegalStateException("built-in config unreadable", e);
        }
    }

    /**
     * Loads a config file over the defaults.
     *
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException naming the key when a key is unknown or a value is invalid
     */
    public static ScanConfig load(Path file) throws IOException {
        Properties p = defaultProperties();
        Properties user = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            user.load(r);
        }
        for (String k : new TreeSet<>(user.stringPropertyNames())) {
            if (!p.containsKey(k)) {
                throw new IllegalArgumentException(file + ": unknown config key '" + k + "'");
            }
            p.setProperty(k, user.getProperty(k));
        }
        return fromProperties(p);
    }

    /** The default properties, as shipped. */
    public static Properties defaultProperties() throws IOException {
        Properties p = new Properties();
        try (InputStream in = ScanConfig.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
            if (in == null) {
                throw new IOException("missing resource " + DEFAULTS_RESOURCE);
            }
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    static ScanConfig fromProperties(Properties p) {
        Map<Signal, Rule> rules = new EnumMap<>(Signal.class);
        for (Signal s : Signal.values()) {
            String k = "signal." + s.label() + ".";
            rules.put(s, new Rule(d(p, k + "baseline"), d(p, k + "full"), d(p, k + "weight"),
                    (int) l(p, k + "min_exchanges")));
        }
        Map<Family, Double> caps = new EnumMap<>(Family.class);
        for (Family f : Family.values()) {
            caps.put(f, d(p, "score.family_cap." + f.label()));
        }
        List<ScoreConfig.ActionBand> bands = new ArrayList<>();
        for (String a : List.of("throttle", "step_up_verification", "degrade_reasoning", "suspend")) {
            bands.add(new ScoreConfig.ActionBand(d(p, "action." + a), a));
        }
        ScoreConfig score = new ScoreConfig(rules, d(p, "score.bias"), caps, d(p, "score.family_min"),
                d(p, "score.flag_threshold"), d(p, "score.lone.min_content"), d(p, "score.lone.min_tell"),
                d(p, "score.lone.min_behaviour"),
                l(p, "score.lone.min_exchanges"), d(p, "score.campaign.min_coordination"),
                d(p, "score.campaign.min_extraction"), bands);
        Map<LinkAttribute, Double> priors = new EnumMap<>(LinkAttribute.class);
        for (LinkAttribute a : LinkAttribute.values()) {
            priors.put(a, d(p, "link.prior." + a.label()));
        }
        LinkConfig link = new LinkConfig(priors, d(p, "link.min_value_share"), d(p, "link.min_template_share"),
                (int) l(p, "link.clique_max"), (int) l(p, "link.ring_neighbours"), d(p, "link.max_shared_fraction"),
                (int) l(p, "link.sync_max_posting"), (int) l(p, "link.sync_min_shared"),
                d(p, "link.sync_min_jaccard"), (int) l(p, "link.sync_min_exchanges"), d(p, "link.min_edge_weight"),
                linkKinds(str(p, "link.no_rarity_discount")), (int) l(p, "link.behaviour.min_exchanges"),
                d(p, "link.behaviour.min_extraction"), d(p, "link.behaviour.max_distance"),
                (int) l(p, "link.behaviour.max_comparisons"), (int) l(p, "link.behaviour.full_support"),
                d(p, "link.behaviour.max_shared_fraction"));
        Set<String> regions = new HashSet<>();
        for (String r : str(p, "regions.restricted").split(",")) {
            if (!r.isBlank()) {
                regions.add(r.strip().toUpperCase(Locale.ROOT));
            }
        }
        double minEdge = d(p, "cluster.min_edge_weight");
        if (!(minEdge >= 0 && minEdge <= 1)) {
            throw new IllegalArgumentException("cluster.min_edge_weight must be in [0,1]: " + minEdge);
        }
        io.distillguard.cluster.CommunityDetector.Method method;
        try {
            method = io.distillguard.cluster.CommunityDetector.Method.valueOf(
                    str(p, "cluster.method").strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cluster.method must be components or label_propagation: "
                    + p.getProperty("cluster.method"));
        }
        return new ScanConfig(str(p, "mode").strip().toLowerCase(Locale.ROOT), score, link, method, minEdge,
                (int) l(p, "cluster.rounds"), l(p, "cluster.seed"), (int) l(p, "cluster.min_size"),
                d(p, "cluster.merge_min_cross_share"), d(p, "cluster.merge_max_behaviour_distance"),
                d(p, "campaign.member_min_link_strength"), regions);
    }

    private static Set<LinkAttribute> linkKinds(String list) {
        Set<LinkAttribute> out = new HashSet<>();
        for (String x : list.split(",")) {
            if (x.isBlank()) {
                continue;
            }
            LinkAttribute found = null;
            for (LinkAttribute a : LinkAttribute.values()) {
                if (a.label().equals(x.strip().toLowerCase(Locale.ROOT))) {
                    found = a;
                }
            }
            if (found == null) {
                throw new IllegalArgumentException("link.no_rarity_discount: unknown attribute '" + x.strip() + "'");
            }
            out.add(found);
        }
        return out;
    }

    private static String str(Properties p, String k) {
        String v = p.getProperty(k);
        if (v == null) {
            throw new IllegalArgumentException("config key '" + k + "' missing");
        }
        return v;
    }

    private static double d(Properties p, String k) {
        try {
            return Double.parseDouble(str(p, k).strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("config key '" + k + "': not a number: " + p.getProperty(k));
        }
    }

    private static long l(Properties p, String k) {
        try {
            return Long.parseLong(str(p, k).strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("config key '" + k + "': not an integer: " + p.getProperty(k));
        }
    }
}
