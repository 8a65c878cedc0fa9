package io.distillguard.sim.eval;

import io.distillguard.findings.AccountFinding;
import io.distillguard.findings.Findings;
import io.distillguard.sim.eval.Evaluation.CampaignResult;
import io.distillguard.sim.eval.Evaluation.PersonaResult;
import io.distillguard.sim.eval.Evaluation.Spread;
import io.distillguard.sim.eval.GroundTruth.Label;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Scores detectors' scan outputs against ground truth.
 *
 * <p>Use: create with the labels, {@link #add} each detector's findings, optionally feed every event
 * of the traffic to {@link #observeEvent} (this is what lets the evaluator measure time to detection
 * from each campaign's first event, independently of any detector), then call {@link #results()}.
 *
 * <p>Accounts that are labelled but absent from a detector's findings count as not flagged with
 * score 0; accounts in the findings without a label are counted and otherwise ignored. Memory is
 * proportional to the number of labelled accounts; events are not kept.
 *
 * <p>Not thread-safe.
 */
public final class Evaluator {

    /** Default benign false-positive-rate budget of the recall-at-FPR metric: 0.1%. */
    public static final double DEFAULT_FPR_BUDGET = 0.001;

    private final GroundTruth truth;
    private final double fprBudget;
    private final List<Detector> detectors = new ArrayList<>();
    private final Map<String, Long> campaignStart = new HashMap<>();
    private boolean eventsSeen;

    /**
     * @param truth the labels
     * @param fprBudget benign FPR budget for {@link Evaluation#recallAtFprBudget()}, in [0, 1]
     * @throws IllegalArgumentException when {@code fprBudget} is outside [0, 1]
     */
    public Evaluator(GroundTruth truth, double fprBudget) {
        this.truth = Objects.requireNonNull(truth, "truth");
        if (!(fprBudget >= 0 && fprBudget <= 1)) {
            throw new IllegalArgumentException("fprBudget must be in [0,1]: " + fprBudget);
        }
        this.fprBudget = fprBudget;
    }

    /**
     * Adds one detector's output.
     *
     * @param source where the findings came from (shown in the JSON output), e.g. the folder
     * @throws IllegalStateException when events were already observed (their counts per detector
     *     would be incomplete)
     * @throws IllegalArgumentException when the findings list an account twice
     */
    public void add(String source, Findings findings) {
        if (eventsSeen) {
            throw new IllegalStateException("add every detector before observing events");
        }
        detectors.add(new Detector(source, findings, truth));
    }

    /**
     * Observes one event of the evaluated traffic (any order). Events of unlabelled or benign
     * accounts are ignored.
     */
    public void observeEvent(String accountId, long tsMillis) {
        eventsSeen = true;
        Label l = truth.label(accountId);
        if (l == null || !l.attack()) {
            return;
        }
        campaignStart.merge(l.campaign(), tsMillis, Math::min);
        for (Detector d : detectors) {
            d.countCampaignEvent(l.campaign(), tsMillis);
        }
    }

    /** The evaluation of every added detector, in the order added. */
    public List<Evaluation> results() {
        List<Evaluation> out = new ArrayList<>();
        for (Detector d : detectors) {
            out.add(evaluate(d));
        }
        return out;
    }

    private Evaluation evaluate(Detector d) {
        int n = truth.size();
        double[] scores = new double[n];
        boolean[] positive = new boolean[n];
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int tn = 0;
        int missing = 0;
        int i = 0;
        Map<String, int[]> persona = new TreeMap<>(); // benign, benignFlagged, attack, attackFlagged
        Map<String, List<Label>> campaignMembers = new TreeMap<>();
        // cluster id -> campaign (or "" for benign) -> members, for flagged clusters
        Map<String, Map<String, Integer>> clusterComposition = new TreeMap<>();
        for (Label l : truth.labels()) {
            AccountFinding f = d.byAccount.get(l.accountId());
            if (f == null) {
                missing++;
            }
            boolean flagged = f != null && f.flagged();
            scores[i] = f == null ? 0.0 : f.score() + 0.0; // + 0.0 turns -0.0 into 0.0 so ties stay ties
            positive[i] = l.attack();
            i++;
            int[] p = persona.computeIfAbsent(l.persona(), k -> new int[4]);
            if (l.attack()) {
                p[2]++;
                if (flagged) {
                    tp++;
                    p[3]++;
                } else {
                    fn++;
                }
                campaignMembers.computeIfAbsent(l.campaign(), k -> new ArrayList<>()).add(l);
            } else {
                p[0]++;
                if (flagged) {
                    fp++;
                    p[1]++;
                } else {
                    tn++;
                }
            }
        }
        for (String cluster : d.flaggedClusters) {
            clusterComposition.put(cluster, new HashMap<>());
        }
        for (Label l : truth.labels()) {
            AccountFinding f = d.byAccount.get(l.accountId());
            if (f != null && f.clusterId() != null && clusterComposition.containsKey(f.clusterId())) {
                clusterComposition.get(f.clusterId()).merge(l.attack() ? l.campaign() : "", 1, Integer::sum);
            }
        }
        long members = 0;
        long majority = 0;
        for (Map<String, Integer> comp : clusterComposition.values()) {
            int best = 0;
            for (Map.Entry<String, Integer> e : comp.entrySet()) {
                members += e.getValue();
                if (!e.getKey().isEmpty()) {
                    best = Math.max(best, e.getValue());
                }
            }
            majority += best;
        }
        double purity = members == 0 ? Double.NaN : (double) majority / members;

        List<CampaignResult> campaigns = new ArrayList<>();
        for (Map.Entry<String, List<Label>> e : campaignMembers.entrySet()) {
            campaigns.add(campaign(d, e.getKey(), e.getValue()));
        }
        List<PersonaResult> personas = new ArrayList<>();
        for (Map.Entry<String, int[]> e : persona.entrySet()) {
            int[] p = e.getValue();
            personas.add(new PersonaResult(e.getKey(), p[0], p[1], ratio(p[1], p[0]), p[2], p[3], ratio(p[3], p[2])));
        }
        return new Evaluation(d.findings.detector(), d.source, tp + fn, fp + tn, missing, d.unlabelled, tp, fp, fn, tn,
                ratio(tp, tp + fp), ratio(tp, tp + fn), ratio(2 * tp, 2 * tp + fp + fn), ratio(fp, fp + tn),
                RankMetrics.rocAuc(scores, positive), RankMetrics.averagePrecision(scores, positive), fprBudget,
                RankMetrics.recallAtFpr(scores, positive, fprBudget), purity, clusterComposition.size(), campaigns,
                personas, eventsSeen);
    }

    private CampaignResult campaign(Detector d, String campaign, List<Label> labels) {
        int flagged = 0;
        Map<String, Integer> clusters = new TreeMap<>();
        List<Double> ownExchanges = new ArrayList<>();
        for (Label l : labels) {
            AccountFinding f = d.byAccount.get(l.accountId());
            if (f == null || !f.flagged()) {
                continue;
            }
            flagged++;
            if (f.clusterId() != null) {
                clusters.merge(f.clusterId(), 1, Integer::sum);
            }
            if (f.exchangesAtFlag() >= 0) {
                ownExchanges.add((double) f.exchangesAtFlag());
            }
        }
        String dominant = null;
        int dominantCount = 0;
        for (Map.Entry<String, Integer> e : clusters.entrySet()) { // sorted, so ties go to the smallest id
            if (e.getValue() > dominantCount) {
                dominant = e.getKey();
                dominantCount = e.getValue();
            }
        }
        long[] flagTimes = d.flagTimes.getOrDefault(campaign, new long[0]);
        Long start = campaignStart.get(campaign);
        Spread hours = Spread.NONE;
        Spread campaignExchanges = Spread.NONE;
        if (eventsSeen && start != null && flagTimes.length > 0) {
            double[] h = new double[flagTimes.length];
            double[] x = new double[flagTimes.length];
            long[] counts = d.eventsBeforeFlag.get(campaign);
            long cumulative = 0;
            for (int k = 0; k < flagTimes.length; k++) {
                h[k] = (flagTimes[k] - start) / 3_600_000.0;
                cumulative += counts[k];
                x[k] = cumulative;
            }
            hours = Spread.of(h);
            campaignExchanges = Spread.of(x);
        }
        return new CampaignResult(campaign, labels.size(), flagged, ratio(flagged, labels.size()),
                labels.isEmpty() ? Double.NaN : (double) dominantCount / labels.size(), dominant, start,
                flagTimes.length, hours, campaignExchanges,
                Spread.of(ownExchanges.stream().mapToDouble(Double::doubleValue).toArray()));
    }

    private static double ratio(long num, long den) {
        return den == 0 ? Double.NaN : (double) num / den;
    }

    /** One detector's findings indexed for evaluation. */
    private static final class Detector {
        final String source;
        final Findings findings;
        final Map<String, AccountFinding> byAccount = new HashMap<>();
        final java.util.Set<String> flaggedClusters = new java.util.TreeSet<>();
        /** Per campaign: first-flag times of its flagged accounts, sorted ascending. */
        final Map<String, long[]> flagTimes = new HashMap<>();
        /**
         * Per campaign, parallel to {@code flagTimes} plus one overflow slot: slot k counts the campaign's
         * events with {@code flagTimes[k-1] < ts <= flagTimes[k]}, so a prefix sum gives the events sent up
         * to each flag time.
         */
        final Map<String, long[]> eventsBeforeFlag = new HashMap<>();
        int unlabelled;

        Detector(String source, Findings findings, GroundTruth truth) {
            this.source = source;
            this.findings = Objects.requireNonNull(findings, "findings");
            Map<String, List<Long>> times = new HashMap<>();
            for (AccountFinding f : findings.accounts()) {
                if (byAccount.putIfAbsent(f.accountId(), f) != null) {
                    throw new IllegalArgumentException(findings.detector() + " lists account " + f.accountId()
                            + " twice");
                }
                Label l = truth.label(f.accountId());
                if (l == null) {
                    unlabelled++;
                    continue;
                }
                if (f.flagged() && f.clusterId() != null) {
                    flaggedClusters.add(f.clusterId());
                }
                if (l.attack() && f.flagged() && f.firstFlagMillis() != null) {
                    times.computeIfAbsent(l.campaign(), k -> new ArrayList<>()).add(f.firstFlagMillis());
                }
            }
            for (Map.Entry<String, List<Long>> e : times.entrySet()) {
                long[] t = e.getValue().stream().mapToLong(Long::longValue).toArray();
                Arrays.sort(t);
                flagTimes.put(e.getKey(), t);
                eventsBeforeFlag.put(e.getKey(), new long[t.length + 1]);
            }
        }

        void countCampaignEvent(String campaign, long ts) {
            long[] t = flagTimes.get(campaign);
            if (t == null) {
                return;
            }
            eventsBeforeFlag.get(campaign)[lowerBound(t, ts)]++;
        }

        /** Index of the first element {@code >= key}, or {@code a.length}. */
        private static int lowerBound(long[] a, long key) {
            int lo = 0;
            int hi = a.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (a[mid] < key) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }
    }
}
