package io.distillguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.distillguard.findings.FindingsReader;
import io.distillguard.sim.eval.Evaluation;
import io.distillguard.sim.eval.Evaluator;
import io.distillguard.sim.eval.GroundTruth;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Simulates a small labelled world (a seed never used for tuning), scans it and evaluates the findings.
 * The bar here is deliberately below the project's quality bar (small worlds have few accounts per
 * campaign); the held-out numbers are in the README.
 */
class ScanEndToEndTest {

    @TempDir
    Path dir;

    @Test
    void scanFindsTheSimulatedCampaignsWithoutFlaggingBenignPersonas() throws Exception {
        Path sim = dir.resolve("sim");
        Path out = dir.resolve("out");
        assertThat(Main.run("simulate", "--out", sim.toString(), "--seed", "101", "--scale", "0.08", "--days", "7"))
                .isZero();
        assertThat(Main.run("scan", "--events", sim.resolve("events.jsonl").toString(), "--accounts",
                sim.resolve("accounts.jsonl").toString(), "--models", sim.resolve("models.jsonl").toString(), "--out",
                out.toString(), "--quiet")).isZero();
        Evaluator ev = new Evaluator(GroundTruth.read(sim.resolve("labels.csv")), 0.001);
        ev.add("engine", FindingsReader.read(out));
        Evaluation e = ev.results().get(0);
        assertThat(e.attackAccounts()).isGreaterThan(10);
        assertThat(e.recall()).as("recall").isGreaterThanOrEqualTo(0.8);
        assertThat(e.benignFpr()).as("benign FPR").isLessThanOrEqualTo(0.01);
        assertThat(e.clusterPurity()).as("cluster purity").isGreaterThanOrEqualTo(0.9);
    }
}
