package io.distillguard.sim.eval;

import java.util.List;
import java.util.Objects;

/**
 * How well one detector's scan output matches the ground truth. Every rate is in [0, 1] and is
 * {@code NaN} when undefined (its denominator is zero); see the README section "Evaluating detectors"
 * for the exact definitions.
 *
 * @param detector detector name (from {@code clusters.json}, or the folder name)
 * @param source the findings folder the result was computed from
 * @param attackAccounts labelled attack accounts
 * @param benignAccounts labelled benign accounts
 * @param missingAccounts labelled accounts absent from the findings (counted as unflagged, score 0)
 * @param unlabelledAccounts accounts in the findings without a label (ignored by every metric)
 * @param truePositives flagged attack accounts
 * @param falsePositives flagged benign accounts
 * @param falseNegatives unflagged attack accounts
 * @param trueNegatives unflagged benign accounts
 * @param precision TP / (TP + FP)
 * @param recall TP / (TP + FN)
 * @param f1 2 TP / (2 TP + FP + FN), the harmonic mean of precision and recall (0 when TP = 0)
 * @param benignFpr FP / benign accounts
 * @param rocAuc Mann-Whitney ROC-AUC of the scores, ties as one half
 * @param averagePrecision area under the precision-recall curve of the scores (average precision)
 * @param fprBudget the benign FPR budget of {@code recallAtFprBudget}, e.g. 0.001
 * @param recallAtFprBudget best recall of a score threshold whose benign FPR is at most {@code fprBudget}
 * @param clusterPurity member-weighted purity of the flagged clusters
 * @param flaggedClusters clusters carried by at least one flagged labelled account
 * @param campaigns per-campaign results, sorted by campaign id
 * @param personas per-persona results, sorted by persona
 * @param delaysMeasured whether campaign start times were taken from an events file, which the
 *     hour- and campaign-exchange delays need
 */
public record Evaluation(String detector, String source, int attackAccounts, int benignAccounts, int missingAccounts,
        int unlabelledAccounts, int truePositives, int falsePositives, int falseNegatives, int trueNegatives,
        double precision, double recall, double f1, double benignFpr, double rocAuc, double averagePrecision,
        double fprBudget, double recallAtFprBudget, double clusterPurity, int flaggedClusters,
        List<CampaignResult> campaigns, List<PersonaResult> personas, boolean delaysMeasured) {

    public Evaluation {
        Objects.requireNonNull(detector, "detector");
        source = source == null ? "" : source;
        campaigns = List.copyOf(campaigns);
        personas = List.copyOf(personas);
    }

    /**
     * Detection of one campaign.
     *
     * @param campaign campaign id
     * @param accounts labelled accounts of the campaign
     * @param flagged how many of them were flagged
     * @param recall flagged / accounts
     * @param recovery share of the campaign's accounts that are flagged and carry its single most
     *     common cluster id; 0 when no flagged member has a cluster
     * @param dominantCluster that cluster id, or null
     * @param firstEventMillis the campaign's first event (epoch ms) from the events file, or null
     * @param timedAccounts flagged accounts with a reported first-flag time
     * @param delayHours hours from the campaign's first event to each timed account's first flag
     *     (median and p90); {@link Spread#NONE} without an events file
     * @param delayCampaignExchanges exchanges the whole campaign had sent (from its first event up to
     *     and including the flag time) when each timed account was flagged; {@link Spread#NONE} without
     *     an events file
     * @param delayOwnExchanges the account's own exchanges when it was first flagged, as reported by the
     *     detector ({@code exchanges_at_flag})
     */
    public record CampaignResult(String campaign, int accounts, int flagged, double recall, double recovery,
            String dominantCluster, Long firstEventMillis, int timedAccounts, Spread delayHours,
            Spread delayCampaignExchanges, Spread delayOwnExchanges) {
    }

    /**
     * Error rates of one persona (behaviour that produced accounts). A persona normally has only
     * benign or only attack accounts; both are reported in case a persona mixes them.
     *
     * @param persona persona name
     * @param benignAccounts benign accounts of the persona
     * @param benignFlagged how many of them were flagged
     * @param benignFpr benignFlagged / benignAccounts
     * @param attackAccounts attack accounts of the persona
     * @param attackFlagged how many of them were flagged
     * @param attackRecall attackFlagged / attackAccounts
     */
    public record PersonaResult(String persona, int benignAccounts, int benignFlagged, double benignFpr,
            int attackAccounts, int attackFlagged, double attackRecall) {
    }

    /**
     * Median and 90th percentile (type-7 interpolation) of a set of values.
     *
     * @param count number of values
     * @param median median, {@code NaN} when count is 0
     * @param p90 90th percentile, {@code NaN} when count is 0
     */
    public record Spread(int count, double median, double p90) {
        /** No values. */
        public static final Spread NONE = new Spread(0, Double.NaN, Double.NaN);

        static Spread of(double[] values) {
            if (values.length == 0) {
                return NONE;
            }
            return new Spread(values.length, RankMetrics.quantile(values, 0.5), RankMetrics.quantile(values, 0.9));
        }
    }
}
