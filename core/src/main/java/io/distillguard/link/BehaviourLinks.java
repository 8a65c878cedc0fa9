package io.distillguard.link;

import io.distillguard.profile.AccountProfile;
import io.distillguard.profile.Feature;
import io.distillguard.profile.ModelCatalog;
import io.distillguard.signals.Capability;
import io.distillguard.util.Decimals;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Behavioural-fingerprint links: accounts driven by one script send the same mix of extraction-style
 * content, with the same conversation shape, token use and pacing, even when every account has its own
 * card, address and signup time.
 *
 * <p>An account takes part when it has at least {@code minExchanges} exchanges and an extraction-style
 * share of at least {@code minExtraction} (ordinary traffic is not distinctive, and comparing it would
 * link half of all customers). Its fingerprint is a vector of {@value #DIMS} values in [0, 1] (see
 * {@link #vector}); two participants are <em>similar</em> when every component differs by at most
 * {@code maxDistance} (Chebyshev distance). The neighbourhood size {@code k} of an account is the number
 * of similar participants plus itself; a pair's weight is {@code prior * min(1, (kMin - 1) / (fullSupport - 1))}
 * with {@code kMin} the smaller of the two neighbourhoods: two look-alikes can be chance, a behaviour shared
 * by {@code fullSupport} or more accounts is a script. Unlike shared values, a large group is not
 * discounted as "popular": only accounts with a distinctive, extraction-heavy mix take part, and the same
 * such mix in hundreds of accounts is more suspicious, not less (as with a card).
 *
 * <p>Cost: participants are sorted by their first component and each is compared with the following
 * ones while that component stays within {@code maxDistance}, at most {@code maxComparisons} per
 * account; each account is linked to at most {@code cliqueMax} similar successors. Nothing is
 * all-pairs over the population. Deterministic for a given input order.
 */
final class BehaviourLinks {

    /** Components of the fingerprint. */
    static final int DIMS = 21;

    private static final Capability[] CAPS = Arrays.stream(Capability.values())
            .filter(c -> c != Capability.OTHER).toArray(Capability[]::new);

    /** Names of the components, in order, for analysts. */
    static final String[] NAMES = {"extraction", "reconstruction", "cot", "grading", "safe_rewrite", "qa_data",
        "tool_loop", "reasoning_maxed", "math", "coding", "agentic_tasks", "writing", "knowledge_qa", "grading_tasks",
        "chit_chat", "single_turn", "max_tokens_hit", "output_ratio", "hour_entropy", "interarrival_sd",
        "volume"};

    private BehaviourLinks() {
    }

    /**
     * A short description of a fingerprint: its largest share components (at least 0.05, at most six, as
     * percentages) and its pacing components, e.g. {@code "extraction 44%, grading 34%, ...; hour_entropy
     * 0.88, volume 0.32"}.
     */
    static String describe(double[] v) {
        Integer[] idx = java.util.stream.IntStream.range(0, 15).boxed().toArray(Integer[]::new);
        Arrays.sort(idx, (a, b) -> Double.compare(v[b], v[a]) != 0 ? Double.compare(v[b], v[a]) : Integer.compare(a, b));
        StringBuilder sb = new StringBuilder();
        int shown = 0;
        for (int i : idx) {
            if (v[i] < 0.05 || shown == 6) {
                break;
            }
            sb.append(shown++ == 0 ? "" : ", ").append(NAMES[i]).append(' ').append(Math.round(100 * v[i])).append('%');
        }
        for (int i = 15; i < DIMS; i++) {
            Decimals.append(sb.append(i == 15 ? "; " : ", ").append(NAMES[i]).append(' '), v[i], 2);
        }
        return sb.toString();
    }

    /** One similar pair (vertex indices {@code a < b}) and its weight. */
    record Pair(int a, int b, double weight) {
    }

    /**
     * The fingerprint of a profile, or null when it does not take part.
     *
     * <p>Components, each in [0, 1]: the extraction-style share; the shares of reasoning reconstruction,
     * chain-of-thought elicitation, rubric grading, censorship-safe rewrites, structured Q/A, agentic
     * loops and maximal reasoning budgets; the share of each capability category (math/reasoning,
     * coding, agentic, writing, knowledge Q/A, grading, chit-chat); the single-turn share; the max-token
     * saturation; the output/input token ratio as {@code r / (1 + r)}; the normalised hour-of-day
     * entropy; the standard deviation of log inter-arrival times (ln seconds) divided by 4, capped at 1;
     * {@code log10(1 + exchanges per day) / 4}, capped at 1 (0.15 apart = about 1.7 times the volume).
     */
    static double[] vector(AccountProfile p, int minExchanges, double minExtraction) {
        if (p == null || p.exchanges() < minExchanges) {
            return null;
        }
        double[] f = p.features(ModelCatalog.NONE);
        double extraction = f[Feature.EXTRACTION_SHARE.ordinal()];
        if (!(extraction >= minExtraction)) {
            return null;
        }
        double[] v = new double[DIMS];
        int i = 0;
        v[i++] = extraction;
        v[i++] = f[Feature.RECONSTRUCTION_SHARE.ordinal()];
        v[i++] = f[Feature.COT_SHARE.ordinal()];
        v[i++] = f[Feature.RUBRIC_SHARE.ordinal()];
        v[i++] = f[Feature.CENSORSHIP_SHARE.ordinal()];
        v[i++] = f[Feature.STRUCTURED_QA_SHARE.ordinal()];
        v[i++] = f[Feature.AGENTIC_SHARE.ordinal()];
        v[i++] = f[Feature.REASONING_MAXED_SHARE.ordinal()];
        double n = p.exchanges();
        for (Capability c : CAPS) {
            v[i++] = p.capabilityCount(c) / n;
        }
        v[i++] = f[Feature.SINGLE_TURN_SHARE.ordinal()];
        v[i++] = f[Feature.MAX_TOKEN_SATURATION.ordinal()];
        double r = f[Feature.OUTPUT_INPUT_RATIO.ordinal()];
        v[i++] = Double.isNaN(r) ? 0 : r / (1 + r);
        v[i++] = f[Feature.HOUR_ENTROPY.ordinal()];
        double ia = f[Feature.INTERARRIVAL_LOG_STD.ordinal()];
        v[i++] = Double.isNaN(ia) ? 0 : Math.min(1, ia / 4);
        // volume: a script spreads its load evenly; independent customers differ by orders of magnitude
        v[i++] = Math.min(1, Math.log10(1 + 24 * f[Feature.RATE_PER_HOUR.ordinal()]) / 4);
        for (int k = 0; k < DIMS; k++) {
            v[k] = Double.isNaN(v[k]) ? 0 : Math.max(0, Math.min(1, v[k]));
        }
        return v;
    }

    /** Accounts in the deterministic sample that estimates how common a behaviour is. */
    static final int NORM_SAMPLE = 256;

    /**
     * Similar pairs among the vectors. An account whose behaviour is the population's norm gets no links:
     * when the share of participants within twice {@code maxDistance} of it (so the fringe of a crowd
     * counts as the crowd), estimated on an evenly spaced sample of {@value #NORM_SAMPLE} of them (all when
     * fewer), times the number of participants exceeds {@code maxSharedFraction * population}. A mix that a
     * third of all customers send is not a script's fingerprint, however extraction-like it looks.
     *
     * @param vectors one per vertex, null for accounts that do not take part
     * @param prior weight of a pair in a small neighbourhood, in [0, 1]
     * @param maxDistance largest Chebyshev distance of a similar pair, in [0, 1]
     * @param cliqueMax the most similar successors (in sort order) each account is linked to
     * @param maxComparisons comparisons per account, >= 1 (bounds the cost of dense regions)
     * @param fullSupport neighbourhood size (the account included) from which a pair weighs its full prior;
     *     smaller neighbourhoods weigh {@code (k - 1) / (fullSupport - 1)} of it, >= 2
     * @param population all accounts, >= 1
     * @param maxSharedFraction in (0, 1]; 1 turns the norm rule off
     * @return pairs in ascending (a, b) order
     */
    static List<Pair> pairs(double[][] vectors, double prior, double maxDistance, int cliqueMax,
            int maxComparisons, int fullSupport, int population, double maxSharedFraction) {
        List<Pair> out = new ArrayList<>();
        if (prior <= 0) {
            return out;
        }
        Integer[] order = java.util.stream.IntStream.range(0, vectors.length).filter(i -> vectors[i] != null)
                .boxed().toArray(Integer[]::new);
        Arrays.sort(order, (x, y) -> {
            int c = Double.compare(vectors[x][0], vectors[y][0]);
            return c != 0 ? c : Integer.compare(x, y);
        });
        int m = order.length;
        boolean[] norm = new boolean[vectors.length];
        if (maxSharedFraction < 1 && m > maxSharedFraction * population) {
            int step = Math.max(1, m / NORM_SAMPLE);
            int sampled = (m + step - 1) / step;
            // twice the distance: the fringe of a crowd is part of the crowd
            int[] similar = similarInSample(vectors, order, step, 2 * maxDistance);
            for (int s = 0; s < m; s++) {
                norm[order[s]] = (double) similar[s] / sampled * m > maxSharedFraction * population;
            }
        }
        int[] k = new int[vectors.length];
        // successors[i] = similar successors in sort order, at most cliqueMax
        int[][] successors = new int[m][];
        for (int s = 0; s < m; s++) {
            double[] a = vectors[order[s]];
            if (norm[order[s]]) {
                successors[s] = new int[0];
                continue; // the norm is not compared: this also bounds the cost of a dense population
            }
            int[] found = new int[Math.min(cliqueMax, 16)];
            int nFound = 0;
            int compared = 0;
            for (int t = s + 1; t < m && compared < maxComparisons; t++) {
                double[] b = vectors[order[t]];
                if (b[0] - a[0] > maxDistance) {
                    break;
                }
                compared++;
                if (!norm[order[t]] && similar(a, b, maxDistance)) {
                    k[order[s]]++;
                    k[order[t]]++;
                    if (nFound < cliqueMax) {
                        if (nFound == found.length) {
                            found = Arrays.copyOf(found, Math.min(cliqueMax, found.length * 2));
                        }
                        found[nFound++] = order[t];
                    }
                }
            }
            successors[s] = Arrays.copyOf(found, nFound);
        }
        for (int s = 0; s < m; s++) {
            int x = order[s];
            if (norm[x]) {
                continue;
            }
            for (int y : successors[s]) {
                if (norm[y]) {
                    continue;
                }
                // two look-alikes can be chance; a script shows in many accounts at once
                double support = Math.min(1, Math.min(k[x], k[y]) / (double) (fullSupport - 1));
                out.add(new Pair(Math.min(x, y), Math.max(x, y), prior * support));
            }
        }
        out.sort((p, q) -> p.a() != q.a() ? Integer.compare(p.a(), q.a()) : Integer.compare(p.b(), q.b()));
        return out;
    }

    /**
     * For each participant {@code order[s]}, how many of the sampled participants {@code order[0]},
     * {@code order[step]}, {@code order[2 * step]}, ... other than itself are {@link #similar} to it within
     * {@code reach}.
     *
     * @param order participants sorted by ascending first component (no NaN there), at least one
     */
    static int[] similarInSample(double[][] vectors, Integer[] order, int step, double reach) {
        int m = order.length;
        int sampled = (m + step - 1) / step;
        int dims = vectors[order[0]].length;
        // the sample packed in sort order (ascending first component): each participant is compared with one
        // contiguous window of it instead of chasing every sampled vector through memory
        double[] sample = new double[sampled * dims];
        for (int q = 0; q < sampled; q++) {
            System.arraycopy(vectors[order[q * step]], 0, sample, q * dims, dims);
        }
        int[] similar = new int[m];
        int lo = 0;
        for (int s = 0; s < m; s++) {
            double[] a = vectors[order[s]];
            double a0 = a[0];
            // too far below on the first component: also too far for every later participant (larger a0)
            while (lo < sampled && sample[lo * dims] < a0 && Math.abs(a0 - sample[lo * dims]) > reach) {
                lo++;
            }
            for (int q = lo; q < sampled; q++) {
                double b0 = sample[q * dims];
                if (b0 > a0 && Math.abs(a0 - b0) > reach) {
                    break; // and so is every later one (larger b0)
                }
                if (q * step != s && similar(a, sample, q * dims, reach)) {
                    similar[s]++;
                }
            }
        }
        return similar;
    }

    /**
     * Whether {@code a} and the vector at {@code off} of {@code packed} differ by at most {@code maxDistance}
     * in every component.
     */
    private static boolean similar(double[] a, double[] packed, int off, double maxDistance) {
        for (int i = 0; i < a.length; i++) {
            if (Math.abs(a[i] - packed[off + i]) > maxDistance) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code a} and {@code b} differ by at most {@code maxDistance} in every component. */
    static boolean similar(double[] a, double[] b, double maxDistance) {
        return similar(a, b, 0, maxDistance);
    }
}
