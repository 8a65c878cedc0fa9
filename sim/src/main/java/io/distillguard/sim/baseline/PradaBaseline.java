package io.distillguard.sim.baseline;

import io.distillguard.findings.AccountFinding;
import io.distillguard.findings.Evidence;
import io.distillguard.findings.Findings;
import io.distillguard.model.Exchange;
import io.distillguard.model.Turn;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * PRADA, adapted from images to prompts: M. Juuti, S. Szyller, S. Marchal, N. Asokan (2019),
 * "PRADA: Protecting against DNN Model Stealing Attacks", IEEE EuroS&amp;P. PRADA assumes that the
 * distances between a benign client's successive queries are roughly normally distributed, while an
 * extraction attack's synthetic, systematically varied queries are not.
 *
 * <p>Per account, for each new prompt: its distance to the closest prompt of the account's growing
 * set G is recorded in the distance set D; the prompt joins G when that distance exceeds the
 * threshold T, which then becomes {@code max(T, mean - std)} of the distances recorded when G's
 * members joined. Every {@code testEvery} prompts, once D holds {@code minDistances} values, the
 * Shapiro-Wilk statistic W of D (after dropping values more than {@code outlierSigmas} standard
 * deviations from the mean, as the authors' reference code does) is computed; the account is flagged
 * the first time W &lt; delta. These are the paper's rules with three changes for bounded memory and
 * text: prompts are compared by the Jaccard distance of MinHash signatures of their word shingles
 * ({@link MinHasher}); G keeps at most {@code signatures} members, replacing the oldest; and D keeps
 * the last {@code window} distances. The prompt is the last user turn, or the system text when there
 * is none.
 *
 * <p>Score: {@code (1 - Wmin) / ((1 - Wmin) + (1 - delta))} with Wmin the smallest W of any test, so
 * 0.5 at the threshold; 0 when the account was never testable (too few prompts, or every distance
 * equal so W is undefined). Memory per account at most {@code 2 * signatures * hashes + 4 * window}
 * bytes plus counters (9 KB with the defaults). One pass.
 */
public final class PradaBaseline implements BaselineDetector {

    /**
     * @param delta flag when W &lt; delta, in (0, 1); the paper tunes it per model in the 0.87-0.96
     *     range, 0.9 by default here
     * @param minDistances distances needed before the first test, 3..window (paper: 100)
     * @param testEvery test after every this many prompts, &gt;= 1 (the authors' code: 10)
     * @param window distances kept for the test (the last ones), minDistances..5000
     * @param signatures prompts kept in the growing set, &gt;= 1
     * @param hashes MinHash functions per signature, 8..1024; distances are multiples of 1/hashes
     * @param shingleWords words per shingle, 1..16
     * @param outlierSigmas drop distances further than this many standard deviations from the mean
     *     before testing; 0 keeps all
     * @param seed seed of the MinHash family
     */
    public record Config(double delta, int minDistances, int testEvery, int window, int signatures, int hashes,
            int shingleWords, double outlierSigmas, long seed) {
        /** delta 0.9, 100 distances, test every 10, window 256, 64 signatures x 64 hashes, 3-word shingles. */
        public static final Config DEFAULT = new Config(0.9, 100, 10, 256, 64, 64, 3, 3.0, 1L);

        public Config {
            if (!(delta > 0 && delta < 1)) {
                throw new IllegalArgumentException("delta must be in (0,1): " + delta);
            }
            if (minDistances < ShapiroWilk.MIN_N || window < minDistances || window > ShapiroWilk.MAX_N) {
                throw new IllegalArgumentException("need 3 <= minDistances <= window <= 5000");
            }
            if (testEvery < 1 || signatures < 1 || hashes < 8 || hashes > 1024 || shingleWords < 1
                    || shingleWords > 16) {
                throw new IllegalArgumentException("need testEvery >= 1, signatures >= 1, 8 <= hashes <= 1024, "
                        + "1 <= shingleWords <= 16");
            }
            if (!(outlierSigmas >= 0)) {
                throw new IllegalArgumentException("outlierSigmas must be >= 0");
            }
        }
    }

    private final Config config;

    public PradaBaseline(Config config) {
        this.config = java.util.Objects.requireNonNull(config, "config");
    }

    @Override
    public String name() {
        return "baseline:prada";
    }

    @Override
    public Findings detect(EventSource events) throws IOException {
        MinHasher hasher = new MinHasher(config.hashes(), config.shingleWords(), config.seed());
        char[] scratch = new char[config.hashes()];
        double[] sample = new double[config.window()];
        Map<String, State> accounts = new LinkedHashMap<>();
        long[] total = new long[1];
        events.forEach(e -> {
            total[0]++;
            State s = accounts.computeIfAbsent(e.accountId(), State::new);
            s.count(e);
            hasher.sign(promptText(e), scratch, 0);
            s.observe(e.tsMillis(), scratch, sample);
        });
        List<AccountFinding> out = new ArrayList<>(accounts.size());
        int flagged = 0;
        for (State s : accounts.values()) {
            AccountFinding f = s.finding();
            flagged += f.flagged() ? 1 : 0;
            out.add(f);
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("events", total[0]);
        summary.put("accounts", (long) accounts.size());
        summary.put("flagged_accounts", (long) flagged);
        summary.put("delta", config.delta());
        summary.put("min_distances", (long) config.minDistances());
        summary.put("test_every", (long) config.testEvery());
        summary.put("window", (long) config.window());
        summary.put("signatures", (long) config.signatures());
        summary.put("hashes", (long) config.hashes());
        summary.put("shingle_words", (long) config.shingleWords());
        summary.put("outlier_sigmas", config.outlierSigmas());
        return new Findings(name(), out, List.of(), summary);
    }

    /** The prompt PRADA compares: the newest user text, else the system text. */
    static String promptText(Exchange e) {
        if (!e.lastUserText().isEmpty()) {
            return e.lastUserText();
        }
        for (int i = e.turns().size() - 1; i >= 0; i--) {
            Turn t = e.turns().get(i);
            if (!t.text().isEmpty()) {
                return t.text();
            }
        }
        return e.systemText();
    }

    private final class State extends AccountTally {
        private final int k = config.hashes();
        private char[] growing = new char[0]; // up to `signatures` signatures of k chars, grown on demand
        private int members;
        private int nextReplace;
        private final float[] distances = new float[config.window()];
        private long recorded;
        private long prompts;
        // running mean and variance (Welford) of the distances recorded when members joined G
        private long joined;
        private double joinedMean;
        private double joinedM2;
        private double threshold;
        private double minW = Double.NaN;
        private double pAtMin = Double.NaN;
        private int nAtMin;
        private double lastW = Double.NaN;

        State(String accountId) {
            super(accountId);
        }

        void observe(long ts, char[] sig, double[] sample) {
            prompts++;
            if (members == 0) {
                join(sig, 0.0);
                return;
            }
            double dmin = 1.0;
            for (int m = 0; m < members && dmin > 0; m++) {
                dmin = Math.min(dmin, MinHasher.distance(growing, m * k, sig, 0, k));
            }
            distances[(int) (recorded % distances.length)] = (float) dmin;
            recorded++;
            if (dmin > threshold) {
                join(sig, dmin);
            }
            if (prompts % config.testEvery() == 0 && recorded >= config.minDistances()) {
                test(ts, sample);
            }
        }

        private void join(char[] sig, double d) {
            int slot;
            if (members < config.signatures()) {
                slot = members++;
                if (growing.length < members * k) {
                    growing = java.util.Arrays.copyOf(growing, Math.min(config.signatures(), Math.max(4,
                            members * 2)) * k);
                }
            } else {
                slot = nextReplace;
                nextReplace = (nextReplace + 1) % config.signatures();
            }
            System.arraycopy(sig, 0, growing, slot * k, k);
            joined++;
            double delta = d - joinedMean;
            joinedMean += delta / joined;
            joinedM2 += delta * (d - joinedMean);
            double std = Math.sqrt(joinedM2 / joined); // population std, as numpy's default
            threshold = Math.max(threshold, joinedMean - std);
        }

        private void test(long ts, double[] sample) {
            int n = (int) Math.min(recorded, distances.length);
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += distances[i];
            }
            mean /= n;
            double var = 0;
            for (int i = 0; i < n; i++) {
                var += (distances[i] - mean) * (distances[i] - mean);
            }
            double std = Math.sqrt(var / n);
            int kept = 0;
            for (int i = 0; i < n; i++) {
                if (config.outlierSigmas() == 0 || std == 0
                        || Math.abs(distances[i] - mean) < config.outlierSigmas() * std) {
                    sample[kept++] = distances[i];
                }
            }
            if (kept < config.minDistances()) {
                return;
            }
            ShapiroWilk.Result r = ShapiroWilk.test(sample, kept);
            if (Double.isNaN(r.w())) {
                return;
            }
            lastW = r.w();
            if (Double.isNaN(minW) || r.w() < minW) {
                minW = r.w();
                pAtMin = r.p();
                nAtMin = kept;
            }
            if (r.w() < config.delta()) {
                flagAt(ts);
            }
        }

        AccountFinding finding() {
            double score = 0;
            List<Evidence> ev = new ArrayList<>(1);
            if (!Double.isNaN(minW)) {
                score = (1 - minW) / ((1 - minW) + (1 - config.delta()));
                ev.add(new Evidence("prompt_distance_normality_w", minW, config.delta(), score, "W",
                        String.format(Locale.ROOT, "lowest Shapiro-Wilk W %.4f (p %.3g, %d distances) of the "
                                + "distances between successive prompts and the closest earlier one; latest W %.4f; "
                                + "PRADA flags W < %.2f", minW, pAtMin, nAtMin, lastW, config.delta())));
            }
            return new AccountFinding(accountId, score, firstFlagMillis != null, null, firstFlagMillis,
                    exchangesAtFlag, exchanges, ev);
        }
    }
}
