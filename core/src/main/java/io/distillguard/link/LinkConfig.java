package io.distillguard.link;

import java.util.EnumMap;
import java.util.Map;

/**
 * Parameters of the {@link Linker}. All values are validated by the constructor.
 *
 * @param priors prior weight in [0, 1] per attribute (missing kinds use {@link LinkAttribute#defaultPrior()})
 * @param minValueShare a traffic attribute value (IP, /24, UA, TLS, system prompt) counts for an account when
 *     at least this share of its exchanges carry it, in (0, 1]
 * @param minTemplateShare same for prompt templates, in (0, 1]
 * @param cliqueMax values shared by at most this many accounts link every pair; above it each account
 *     is linked to its {@code ringNeighbours} successors in a deterministic ring (O(n) edges), >= 2
 * @param ringNeighbours see cliqueMax, >= 1
 * @param maxSharedFraction values shared by more than this fraction of all accounts (and more than
 *     {@code cliqueMax} accounts) are not discriminative and link nobody, in (0, 1]
 * @param syncMaxPosting time buckets in more than this many accounts' signatures are skipped when
 *     generating synchronisation candidates (busy hours say nothing), >= 2
 * @param syncMinShared candidate pairs need at least this many signature buckets in common, >= 1
 * @param syncMinJaccard minimum estimated Jaccard of active buckets for a sync edge, in [0, 1]
 * @param syncMinExchanges accounts with fewer exchanges get no sync edges, >= 1
 * @param minEdgeWeight edges lighter than this are dropped, in [0, 1)
 * @param noRarityDiscount kinds whose values always weigh their prior, however many accounts share them
 * @param behaviourMinExchanges accounts with fewer exchanges get no similar-behaviour links, >= 1
 * @param behaviourMinExtraction accounts with a smaller extraction-style share get no similar-behaviour
 *     links (ordinary traffic is not distinctive), in [0, 1]
 * @param behaviourMaxDistance largest difference of any fingerprint component (shares in [0, 1]) between
 *     two accounts of similar behaviour, in [0, 1]
 * @param behaviourMaxComparisons fingerprint comparisons per account, >= 1 (bounds the cost of dense regions)
 * @param behaviourFullSupport similar-behaviour groups of at least this many accounts weigh the full prior;
 *     smaller ones proportionally less (two look-alikes can be chance), >= 2
 * @param behaviourMaxSharedFraction a behaviour that more than this fraction of all accounts share (estimated on
 *     a sample) is the population's norm and links nobody, in (0, 1]
 */
public record LinkConfig(Map<LinkAttribute, Double> priors, double minValueShare, double minTemplateShare,
        int cliqueMax, int ringNeighbours, double maxSharedFraction, int syncMaxPosting, int syncMinShared,
        double syncMinJaccard, int syncMinExchanges, double minEdgeWeight,
        java.util.Set<LinkAttribute> noRarityDiscount, int behaviourMinExchanges, double behaviourMinExtraction,
        double behaviourMaxDistance, int behaviourMaxComparisons, int behaviourFullSupport,
        double behaviourMaxSharedFraction) {

    public LinkConfig {
        EnumMap<LinkAttribute, Double> p = new EnumMap<>(LinkAttribute.class);
        for (LinkAttribute a : LinkAttribute.values()) {
            double v = priors != null && priors.containsKey(a) ? priors.get(a) : a.defaultPrior();
            if (!(v >= 0 && v <= 1)) {
                throw new IllegalArgumentException("prior of " + a.label() + " must be in [0,1]: " + v);
            }
            p.put(a, v);
        }
        priors = Map.copyOf(p);
        check(minValueShare > 0 && minValueShare <= 1, "minValueShare in (0,1]");
        check(minTemplateShare > 0 && minTemplateShare <= 1, "minTemplateShare in (0,1]");
        check(cliqueMax >= 2, "cliqueMax >= 2");
        check(ringNeighbours >= 1, "ringNeighbours >= 1");
        check(maxSharedFraction > 0 && maxSharedFraction <= 1, "maxSharedFraction in (0,1]");
        check(syncMaxPosting >= 2, "syncMaxPosting >= 2");
        check(syncMinShared >= 1, "syncMinShared >= 1");
        check(syncMinJaccard >= 0 && syncMinJaccard <= 1, "syncMinJaccard in [0,1]");
        check(syncMinExchanges >= 1, "syncMinExchanges >= 1");
        check(minEdgeWeight >= 0 && minEdgeWeight < 1, "minEdgeWeight in [0,1)");
        check(behaviourMinExchanges >= 1, "behaviourMinExchanges >= 1");
        check(behaviourMinExtraction >= 0 && behaviourMinExtraction <= 1, "behaviourMinExtraction in [0,1]");
        check(behaviourMaxDistance >= 0 && behaviourMaxDistance <= 1, "behaviourMaxDistance in [0,1]");
        check(behaviourMaxComparisons >= 1, "behaviourMaxComparisons >= 1");
        check(behaviourFullSupport >= 2, "behaviourFullSupport >= 2");
        check(behaviourMaxSharedFraction > 0 && behaviourMaxSharedFraction <= 1, "behaviourMaxSharedFraction in (0,1]");
        noRarityDiscount = noRarityDiscount == null ? java.util.Set.of() : java.util.Set.copyOf(noRarityDiscount);
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalArgumentException("link config: " + what);
        }
    }

    /** The built-in defaults. */
    public static LinkConfig defaults() {
        return new LinkConfig(Map.of(), 0.1, 0.2, 32, 3, 0.2, 64, 4, 0.3, 10, 0.05,
                java.util.Set.of(LinkAttribute.PAYMENT_FINGERPRINT), 30, 0.1, 0.15, 4096, 8, 0.35);
    }

    /** True when values of kind {@code a} are discounted by how many accounts share them. */
    public boolean rarityDiscounted(LinkAttribute a) {
        return !noRarityDiscount.contains(a);
    }

    /** Prior of an attribute kind. */
    public double prior(LinkAttribute a) {
        return priors.get(a);
    }
}
