package io.distillguard.sim.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.distillguard.findings.AccountFinding;
import io.distillguard.findings.Findings;
import io.distillguard.sim.eval.Evaluation.CampaignResult;
import io.distillguard.sim.eval.GroundTruth.Label;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class EvaluatorPropertiesTest {

    /** Random labels and findings; every invariant of the definitions must hold. */
    @Property(tries = 200)
    void invariants(@ForAll long seed, @ForAll @IntRange(min = 1, max = 40) int n) {
        Random r = new Random(seed);
        List<Label> labels = new ArrayList<>();
        List<AccountFinding> found = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean attack = r.nextBoolean();
            labels.add(new Label("x" + i, attack, attack ? "c" + r.nextInt(3) : null, "p" + r.nextInt(3)));
            if (r.nextInt(5) > 0) { // some accounts missing
                found.add(new AccountFinding("x" + i, r.nextInt(5) / 4.0, r.nextBoolean(),
                        r.nextBoolean() ? "k" + r.nextInt(4) : null, null, -1, 1, List.of()));
            }
        }
        GroundTruth truth = GroundTruth.of(labels);
        Evaluator ev = new Evaluator(truth, 0.1);
        ev.add("d", new Findings("d", found, List.of(), Map.of()));
        Evaluation e = ev.results().get(0);
        assertThat(e.truePositives() + e.falseNegatives()).isEqualTo(truth.attackCount());
        assertThat(e.falsePositives() + e.trueNegatives()).isEqualTo(n - truth.attackCount());
        assertThat(e.missingAccounts()).isEqualTo(n - found.size());
        for (double v : new double[] {e.precision(), e.recall(), e.f1(), e.benignFpr(), e.rocAuc(),
            e.averagePrecision(), e.recallAtFprBudget(), e.clusterPurity()}) {
            assertThat(Double.isNaN(v) || (v >= 0 && v <= 1)).isTrue();
        }
        int campaignAccounts = 0;
        for (CampaignResult c : e.campaigns()) {
            campaignAccounts += c.accounts();
            assertThat(c.recovery()).isLessThanOrEqualTo(c.recall());
        }
        assertThat(campaignAccounts).isEqualTo(truth.attackCount());
        int personaAccounts = e.personas().stream().mapToInt(p -> p.benignAccounts() + p.attackAccounts()).sum();
        assertThat(personaAccounts).isEqualTo(n);
        int personaFp = e.personas().stream().mapToInt(Evaluation.PersonaResult::benignFlagged).sum();
        assertThat(personaFp).isEqualTo(e.falsePositives());
    }
}
