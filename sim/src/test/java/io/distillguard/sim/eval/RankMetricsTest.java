package io.distillguard.sim.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class RankMetricsTest {

    @Test
    void perfectAndInvertedRankings() {
        double[] s = {0.9, 0.8, 0.3, 0.1};
        boolean[] y = {true, true, false, false};
        assertThat(RankMetrics.rocAuc(s, y)).isEqualTo(1.0);
        assertThat(RankMetrics.averagePrecision(s, y)).isEqualTo(1.0);
        boolean[] inv = {false, false, true, true};
        assertThat(RankMetrics.rocAuc(s, inv)).isEqualTo(0.0);
        // inverted: thresholds .3 gives R .5 P 1/3, .1 gives R 1 P 1/2
        assertThat(RankMetrics.averagePrecision(s, inv)).isCloseTo(0.5 / 3 + 0.25, within(1e-12));
    }

    @Test
    void tiedScoresAreOneThreshold() {
        // one positive and one negative tied at the top: a ranking that lists the positive first must
        // not be rewarded, so AP is 1/2 at that threshold, not 1.
        double[] s = {0.7, 0.7, 0.2};
        boolean[] y = {true, false, true};
        assertThat(RankMetrics.averagePrecision(s, y)).isCloseTo(0.5 * 0.5 + 0.5 * (2 / 3.0), within(1e-12));
        assertThat(RankMetrics.averagePrecision(new double[] {0.7, 0.7, 0.2}, new boolean[] {false, true, true}))
                .isEqualTo(RankMetrics.averagePrecision(s, y));
        // pairs (.7+,.7-) tie: 0.5; (.2+,.7-) loses: 0 -> 0.25
        assertThat(RankMetrics.rocAuc(s, y)).isEqualTo(0.25);
    }

    @Test
    void recallAtFprStopsAtTheBudget() {
        double[] s = {0.9, 0.8, 0.7, 0.6, 0.5};
        boolean[] y = {true, false, true, true, false};
        assertThat(RankMetrics.recallAtFpr(s, y, 0.0)).isCloseTo(1 / 3.0, within(1e-12));
        assertThat(RankMetrics.recallAtFpr(s, y, 0.5)).isEqualTo(1.0);
        // a negative tied with the top positive makes every threshold cost FPR 1/2
        assertThat(RankMetrics.recallAtFpr(new double[] {0.9, 0.9, 0.1}, new boolean[] {true, false, true}, 0.1))
                .isZero();
        assertThat(RankMetrics.recallAtFpr(s, new boolean[5], 0.1)).isNaN();
    }

    @Test
    void undefinedWithoutBothClasses() {
        assertThat(RankMetrics.rocAuc(new double[] {0.1, 0.2}, new boolean[] {true, true})).isNaN();
        assertThat(RankMetrics.averagePrecision(new double[] {0.1, 0.2}, new boolean[] {false, false})).isNaN();
    }

    @Test
    void quantileType7() {
        assertThat(RankMetrics.quantile(new double[] {3, 1, 2, 4}, 0.5)).isEqualTo(2.5);
        assertThat(RankMetrics.quantile(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 0.9)).isCloseTo(9.1,
                within(1e-12));
        assertThat(RankMetrics.quantile(new double[] {7}, 0.9)).isEqualTo(7);
        assertThat(RankMetrics.quantile(new double[0], 0.5)).isNaN();
    }

    @Property(tries = 300)
    void aucEqualsPairwiseCount(@ForAll @Size(min = 2, max = 40) List<@IntRange(min = 0, max = 5) Integer> levels,
            @ForAll @Size(min = 2, max = 40) List<Boolean> labels) {
        int n = Math.min(levels.size(), labels.size());
        double[] s = new double[n];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            s[i] = levels.get(i) / 5.0; // few levels: many ties
            y[i] = labels.get(i);
        }
        double wins = 0;
        long pairs = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (y[i] && !y[j]) {
                    pairs++;
                    wins += s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0;
                }
            }
        }
        double auc = RankMetrics.rocAuc(s, y);
        if (pairs == 0) {
            assertThat(auc).isNaN();
        } else {
            assertThat(auc).isCloseTo(wins / pairs, within(1e-12));
        }
    }

    @Property(tries = 300)
    void averagePrecisionMatchesDefinitionOverDistinctThresholds(
            @ForAll @Size(min = 1, max = 30) List<@IntRange(min = 0, max = 4) Integer> levels,
            @ForAll @Size(min = 1, max = 30) List<Boolean> labels) {
        int n = Math.min(levels.size(), labels.size());
        double[] s = new double[n];
        boolean[] y = new boolean[n];
        int pos = 0;
        for (int i = 0; i < n; i++) {
            s[i] = levels.get(i);
            y[i] = labels.get(i);
            pos += y[i] ? 1 : 0;
        }
        double expected = 0;
        double prevRecall = 0;
        for (int t = 4; t >= 0; t--) { // naive: every threshold level, flag s >= t
            int tp = 0;
            int flagged = 0;
            for (int i = 0; i < n; i++) {
                if (s[i] >= t) {
                    flagged++;
                    tp += y[i] ? 1 : 0;
                }
            }
            if (flagged == 0 || pos == 0) {
                continue;
            }
            double recall = (double) tp / pos;
            expected += (recall - prevRecall) * tp / flagged;
            prevRecall = recall;
        }
        double ap = RankMetrics.averagePrecision(s, y);
        if (pos == 0) {
            assertThat(ap).isNaN();
        } else {
            assertThat(ap).isCloseTo(expected, within(1e-12)).isBetween(0.0, 1.0);
        }
    }
}
