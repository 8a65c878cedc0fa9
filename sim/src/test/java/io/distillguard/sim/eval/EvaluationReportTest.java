package io.distillguard.sim.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.distillguard.findings.AccountFinding;
import io.distillguard.findings.Findings;
import io.distillguard.sim.eval.GroundTruth.Label;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluationReportTest {

    @TempDir
    Path dir;

    private static List<Evaluation> twoSameName(GroundTruth truth) {
        Evaluator ev = new Evaluator(truth, 0.001);
        // a1 flagged, a2 and a3 not: recall 1/3 -> 0.3333, F1 2/4 -> 0.5000
        ev.add("runA", new Findings("det", List.of(new AccountFinding("a1", 0.9, true, null, null, -1, 1, List.of()),
                new AccountFinding("b1", 0.2, false, null, null, -1, 1, List.of())), List.of(), Map.of()));
        ev.add("runB", new Findings("det", List.of(), List.of(), Map.of()));
        return ev.results();
    }

    private static GroundTruth truth() {
        return GroundTruth.of(List.of(new Label("a1", true, "c1", "p"), new Label("a2", true, "c1", "p"),
                new Label("a3", true, "c1", "p"), new Label("b1", false, null, "q")));
    }

    @Test
    void tableRoundsHalfEvenAndShowsUndefinedAsNa() {
        String t = EvaluationReport.table(truth(), twoSameName(truth()));
        assertThat(t).containsPattern("(?m)^detector\\s+det \\(runA\\)\\s+det \\(runB\\)$");
        assertThat(t).containsPattern("(?m)^recall\\s+0\\.3333\\s+0\\.0000$");
        assertThat(t).containsPattern("(?m)^precision\\s+1\\.0000\\s+n/a$");
        assertThat(t).containsPattern("(?m)^benign FPR\\s+0\\.0000\\s+0\\.0000$");
        assertThat(t).contains("no events file: hour delays not measured").doesNotContain("hours to flag");
        assertThat(t).containsPattern("(?m)^persona q \\(1 benign\\): FPR\\s+0\\.0000\\s+0\\.0000$");
        assertThat(EvaluationReport.rate(2 / 3.0)).isEqualTo("0.6667");
        assertThat(EvaluationReport.rate(0.00005)).isEqualTo("0.0000"); // half-even
        assertThat(EvaluationReport.rate(0.00015)).isEqualTo("0.0002");
    }

    @Test
    void jsonHasNullsForUndefinedAndIsStable() throws Exception {
        List<Evaluation> evals = twoSameName(truth());
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("sub/b.json");
        EvaluationReport.writeJson(truth(), evals, a);
        EvaluationReport.writeJson(truth(), evals, b);
        String j = Files.readString(a);
        assertThat(Files.readString(b)).isEqualTo(j);
        assertThat(j).contains("\"detector\" : \"det (runB)\"").contains("\"precision\" : null")
                .contains("\"recall\" : 0.3333").contains("\"fpr_budget\" : 0.001000")
                .contains("\"hours_to_flag\" : {").contains("\"attack\" : 3");
    }
}
