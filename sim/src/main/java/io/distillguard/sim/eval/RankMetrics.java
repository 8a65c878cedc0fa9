package io.distillguard.sim.eval;

import java.util.Arrays;

/**
 * Threshold-free metrics computed from scores. Every method treats tied scores as one threshold:
 * a detector cannot separate accounts it gave the same score, so neither may the metric.
 *
 * <p>Arrays are parallel ({@code scores[i]} belongs to the account whose label is
 * {@code positive[i]}); they are not modified. Undefined results are {@code NaN}.
 */
final class RankMetrics {

    private RankMetrics() {
    }

    /**
     * ROC-AUC as the Mann-Whitney U statistic with midranks: the probability that a random attack
     * account scores above a random benign one, ties counting one half. {@code NaN} when either class
     * is empty. O(n log n).
     */
    static double rocAuc(double[] scores, boolean[] positive) {
        int n = scores.length;
        long pos = count(positive);
        long neg = n - pos;
        if (pos == 0 || neg == 0) {
            return Double.NaN;
        }
        Integer[] order = ascending(scores);
        double rankSumPos = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && scores[order[j + 1]] == scores[order[i]]) {
                j++;
            }
            // ranks i+1 .. j+1 share their mean
            double midrank = (i + 1 + j + 1) / 2.0;
            for (int k = i; k <= j; k++) {
                if (positive[order[k]]) {
                    rankSumPos += midrank;
                }
            }
            i = j + 1;
        }
        double u = rankSumPos - pos * (pos + 1) / 2.0;
        return u / ((double) pos * neg);
    }

    /**
     * Average precision (area under the precision-recall curve by the step rule):
     * {@code sum over distinct score thresholds t, descending, of (R(t) - R(prev)) * P(t)}, where
     * {@code R}/{@code P} are recall and precision when every account scoring {@code >= t} is flagged.
     * {@code NaN} when there is no positive.
     */
    static double averagePrecision(double[] scores, boolean[] positive) {
        long pos = count(positive);
        if (pos == 0) {
            return Double.NaN;
        }
        Integer[] order = descending(scores);
        double ap = 0;
        double prevRecall = 0;
        long tp = 0;
        long fp = 0;
        int n = scores.length;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j < n && scores[order[j]] == scores[order[i]]) {
                if (positive[order[j]]) {
                    tp++;
                } else {
                    fp++;
                }
                j++;
            }
            double recall = (double) tp / pos;
            ap += (recall - prevRecall) * ((double) tp / (tp + fp));
            prevRecall = recall;
            i = j;
        }
        return ap;
    }

    /**
     * The best recall reachable by a score threshold (flag every account scoring {@code >= t}) whose
     * false-positive rate over the negatives is at most {@code fprBudget}. Flagging nothing is always
     * allowed, so the result is at least 0. {@code NaN} when either class is empty.
     */
    static double recallAtFpr(double[] scores, boolean[] positive, double fprBudget) {
        long pos = count(positive);
        long neg = scores.length - pos;
        if (pos == 0 || neg == 0) {
            return Double.NaN;
        }
        Integer[] order = descending(scores);
        long tp = 0;
        long fp = 0;
        double best = 0;
        int n = scores.length;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j < n && scores[order[j]] == scores[order[i]]) {
                if (positive[order[j]]) {
                    tp++;
                } else {
                    fp++;
                }
                j++;
            }
            if ((double) fp / neg <= fprBudget) {
                best = Math.max(best, (double) tp / pos);
            } else {
                break; // FPR only grows as the threshold falls
            }
            i = j;
        }
        return best;
    }

    /**
     * Quantile by linear interpolation between order statistics (Hyndman and Fan type 7, the R and
     * NumPy default): {@code h = (n - 1) p}, {@code x[floor h] + (h - floor h)(x[floor h + 1] - x[floor h])}.
     * {@code NaN} for an empty array.
     *
     * @param values values, not modified
     * @param p in [0, 1]
     */
    static double quantile(double[] values, double p) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] x = values.clone();
        Arrays.sort(x);
        double h = (x.length - 1) * p;
        int lo = (int) Math.floor(h);
        if (lo >= x.length - 1) {
            return x[x.length - 1];
        }
        return x[lo] + (h - lo) * (x[lo + 1] - x[lo]);
    }

    private static long count(boolean[] b) {
        long c = 0;
        for (boolean x : b) {
            if (x) {
                c++;
            }
        }
        return c;
    }

    private static Integer[] ascending(double[] scores) {
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
        return order;
    }

    private static Integer[] descending(double[] scores) {
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
        return order;
    }
}
