package io.distillguard.sim.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.distillguard.findings.AccountFinding;
import io.distillguard.findings.Findings;
import io.distillguard.sim.eval.Evaluation.CampaignResult;
import io.distillguard.sim.eval.Evaluation.PersonaResult;
import io.distillguard.sim.eval.GroundTruth.Label;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A hand-computed case: 10 labelled accounts (5 attack in two campaigns, 5 benign in three personas),
 * one labelled account missing from the findings and one unlabelled account in them. Expected values
 * are worked out in the comments.
 */
class EvaluatorTest {

    static final long H = 3_600_000L;
    static final long T0 = 1_770_000_000_000L;

    static GroundTruth truth() {
        return GroundTruth.of(List.of(
                new Label("a1", true, "c1", "hydra"),
                new Label("a2", true, "c1", "hydra"),
                new Label("a3", true, "c1", "hydra"),
                new Label("a4", true, "c2", "judge_farm"),
                new Label("a5", true, "c2", "judge_farm"),
                new Label("b1", false, null, "bench"),
                new Label("b2", false, null, "bench"),
                new Label("b3", false, null, "saas"),
                new Label("b4", false, null, "saas"),
                new Label("b5", false, null, "classroom")));
    }

    static Findings findings() {
        List<AccountFinding> a = new ArrayList<>();
        a.add(new AccountFinding("a1", 0.9, true, "k1", T0 + 2 * H, 10, 40, List.of()));
        a.add(new AccountFinding("a2", 0.8, true, "k1", T0 + 5 * H, 20, 40, List.of()));
        a.add(new AccountFinding("a3", 0.4, false, null, null, -1, 40, List.of()));
        a.add(new AccountFinding("a4", 0.8, true, "k2", null, -1, 40, List.of())); // flagged, no time
        // a5 missing: not flagged, score 0
        a.add(new AccountFinding("b1", 0.8, true, "k2", T0, 3, 40, List.of()));
        a.add(new AccountFinding("b2", 0.4, false, null, null, -1, 40, List.of()));
        a.add(new AccountFinding("b3", 0.1, false, null, null, -1, 40, List.of()));
        a.add(new AccountFinding("b4", 0.0, false, null, null, -1, 40, List.of()));
        a.add(new AccountFinding("b5", 0.4, false, "k9", null, -1, 40, List.of()));
        a.add(new AccountFinding("u1", 1.0, true, "k3", T0, 1, 40, List.of())); // unlabelled: ignored
        return new Findings("det", a, List.of(), Map.of());
    }

    @Test
    void confusionCountsAndRates() {
        Evaluator ev = new Evaluator(truth(), Evaluator.DEFAULT_FPR_BUDGET);
        ev.add("dir", findings());
        Evaluation e = ev.results().get(0);
        // TP a1 a2 a4; FP b1; FN a3 a5; TN b2 b3 b4 b5
        assertThat(e.truePositives()).isEqualTo(3);
        assertThat(e.falsePositives()).isEqualTo(1);
        assertThat(e.falseNegatives()).isEqualTo(2);
        assertThat(e.trueNegatives()).isEqualTo(4);
        assertThat(e.missingAccounts()).isEqualTo(1);
        assertThat(e.unlabelledAccounts()).isEqualTo(1);
        assertThat(e.precision()).isEqualTo(0.75);
        assertThat(e.recall()).isEqualTo(0.6);
        assertThat(e.f1()).isCloseTo(2.0 / 3, within(1e-12)); // 2*3 / (2*3 + 1 + 2)
        assertThat(e.benignFpr()).isEqualTo(0.2);
    }

    @Test
    void scoreMetricsWithTiesAndMissingAccount() {
        Evaluator ev = new Evaluator(truth(), 0.001);
        ev.add("dir", findings());
        Evaluation e = ev.results().get(0);
        // positives .9 .8 .8 .4 0(missing); negatives .8 .4 .1 0 .4
        // wins per positive: 5, 4.5, 4.5, 3, 0.5 = 17.5 of 25 pairs
        assertThat(e.rocAuc()).isCloseTo(0.7, within(1e-12));
        // thresholds .9: R .2 P 1 | .8: R .6 P 3/4 | .4: R .8 P 4/7 | .1: R .8 | 0: R 1 P 1/2
        assertThat(e.averagePrecision()).isCloseTo(0.2 + 0.4 * 0.75 + 0.2 * 4 / 7.0 + 0.2 * 0.5, within(1e-12));
        // only the .9 threshold has zero false positives
        assertThat(e.recallAtFprBudget()).isCloseTo(0.2, within(1e-12));

        Evaluator loose = new Evaluator(truth(), 0.2);
        loose.add("dir", findings());
        // at .8 one of five benign is flagged: FPR 0.2 is within budget, recall 3/5
        assertThat(loose.results().get(0).recallAtFprBudget()).isCloseTo(0.6, within(1e-12));
    }

    @Test
    void perPersonaAndPerCampaign() {
        Evaluator ev = new Evaluator(truth(), 0.001);
        ev.add("dir", findings());
        Evaluation e = ev.results().get(0);
        assertThat(e.personas()).extracting(PersonaResult::persona)
                .containsExactly("bench", "classroom", "hydra", "judge_farm", "saas");
        assertThat(e.personas().get(0).benignFpr()).isEqualTo(0.5);
        assertThat(e.personas().get(1).benignFpr()).isEqualTo(0.0);
        assertThat(e.personas().get(2).attackRecall()).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(e.personas().get(2).benignFpr()).isNaN();
        assertThat(e.personas().get(3).attackRecall()).isEqualTo(0.5);
        assertThat(e.personas().get(4).benignFpr()).isEqualTo(0.0);

        CampaignResult c1 = e.campaigns().get(0);
        CampaignResult c2 = e.campaigns().get(1);
        assertThat(c1.campaign()).isEqualTo("c1");
        assertThat(c1.recall()).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(c1.recovery()).isCloseTo(2 / 3.0, within(1e-12)); // a1, a2 in k1; a3 unflagged
        assertThat(c1.dominantCluster()).isEqualTo("k1");
        assertThat(c2.recall()).isEqualTo(0.5);
        assertThat(c2.recovery()).isEqualTo(0.5);
    }

    @Test
    void clusterPurityCountsBenignMembersAgainstTheCluster() {
        Evaluator ev = new Evaluator(truth(), 0.001);
        ev.add("dir", findings());
        Evaluation e = ev.results().get(0);
        // flagged clusters k1 {a1,a2: c1} and k2 {a4: c2, b1: benign}; k9 has no flagged member and
        // k3's only member is unlabelled. Majority members 2 + 1 of 4.
        assertThat(e.flaggedClusters()).isEqualTo(2);
        assertThat(e.clusterPurity()).isEqualTo(0.75);
    }

    @Test
    void purityCountsUnflaggedMembersOfAFlaggedCluster() {
        List<AccountFinding> a = new ArrayList<>(findings().accounts());
        a.set(2, new AccountFinding("a3", 0.4, false, "k2", null, -1, 40, List.of())); // a3 (c1) joins k2
        Evaluator ev = new Evaluator(truth(), 0.001);
        ev.add("dir", new Findings("det", a, List.of(), Map.of()));
        // k2 = {a4: c2, b1: benign, a3: c1}: majority 1 of 3; k1 2 of 2 -> 3 / 5
        assertThat(ev.results().get(0).clusterPurity()).isEqualTo(0.6);
    }

    @Test
    void timeToDetectionFromTheEventsFile() {
        Evaluator ev = new Evaluator(truth(), 0.001);
        ev.add("dir", findings());
        // campaign c1 starts at T0 + 0.5h (a2); the flag of a1 at T0+2h is inclusive
        long[] c1 = {T0 + H, T0 + 3 * H / 2, T0 + 2 * H, T0 + 3 * H, T0 + 4 * H, T0 + 6 * H};
        String[] who = {"a1", "a1", "a1", "a2", "a3", "a3"};
        ev.observeEvent("a2", T0 + H / 2);
        for (int i = 0; i < c1.length; i++) {
            ev.observeEvent(who[i], c1[i]);
        }
        ev.observeEvent("b1", T0 - 10 * H); // benign: not a campaign event
        ev.observeEvent("zz", T0 - 10 * H); // unlabelled
        ev.observeEvent("a4", T0 + 7 * H);
        Evaluation e = ev.results().get(0);
        assertThat(e.delaysMeasured()).isTrue();
        CampaignResult r = e.campaigns().get(0);
        assertThat(r.firstEventMillis()).isEqualTo(T0 + H / 2);
        assertThat(r.timedAccounts()).isEqualTo(2);
        // delays 1.5 h and 4.5 h: median 3.0, p90 1.5 + 0.9 * 3
        assertThat(r.delayHours().median()).isCloseTo(3.0, within(1e-12));
        assertThat(r.delayHours().p90()).isCloseTo(4.2, within(1e-12));
        // events up to 2h: 4; up to 5h: 6
        assertThat(r.delayCampaignExchanges().median()).isCloseTo(5.0, within(1e-12));
        assertThat(r.delayCampaignExchanges().p90()).isCloseTo(5.8, within(1e-12));
        assertThat(r.delayOwnExchanges().median()).isCloseTo(15.0, within(1e-12));
        assertThat(r.delayOwnExchanges().p90()).isCloseTo(19.0, within(1e-12));
        // c2's flagged account reported no time
        assertThat(e.campaigns().get(1).timedAccounts()).isZero();
        assertThat(e.campaigns().get(1).delayHours().count()).isZero();
    }

    @Test
    void withoutEventsOnlyOwnExchangeDelaysAreReported() {
        Evaluator ev = new Evaluator(truth(), 0.001);
        ev.add("dir", findings());
        CampaignResult r = ev.results().get(0).campaigns().get(0);
        assertThat(r.delayHours().median()).isNaN();
        assertThat(r.delayCampaignExchanges().count()).isZero();
        assertThat(r.delayOwnExchanges().median()).isEqualTo(15.0);
    }

    @Test
    void emptyFindingsFlagNothing() {
        Evaluator ev = new Evaluator(truth(), 0.001);
        ev.add("none", new Findings("none", List.of(), List.of(), Map.of()));
        Evaluation e = ev.results().get(0);
        assertThat(e.missingAccounts()).isEqualTo(10);
        assertThat(e.precision()).isNaN();
        assertThat(e.recall()).isZero();
        assertThat(e.f1()).isZero();
        assertThat(e.rocAuc()).isEqualTo(0.5); // every score ties at 0
        assertThat(e.averagePrecision()).isEqualTo(0.5); // the prevalence
        assertThat(e.clusterPurity()).isNaN();
        assertThat(e.campaigns().get(0).recovery()).isZero();
    }

    @Test
    void rejectsDuplicateAccountsAndLateDetectors() {
        Evaluator ev = new Evaluator(truth(), 0.001);
        AccountFinding x = new AccountFinding("a1", 0.1, false, null, null, -1, 1, List.of());
        assertThatThrownBy(() -> ev.add("d", new Findings("d", List.of(x, x), List.of(), Map.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a1");
        ev.observeEvent("a1", T0);
        assertThatThrownBy(() -> ev.add("d", findings())).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new Evaluator(truth(), 1.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
