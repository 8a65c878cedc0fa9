package io.distillguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {

    @TempDir
    Path dir;

    @Test
    void runsEveryStepAndLeavesFindingsEvaluationAndReport() throws Exception {
        Path out = dir.resolve("demo");

        CliTestSupport r = CliTestSupport.run("demo", "--out", out.toString(), "--scale", "0.02", "--seed", "3");

        assertThat(r.exit).as(r.err).isZero();
        assertThat(r.out).contains("1/4 simulate", "2/4 scan", "3/4 baselines", "4/4 evaluate", "recall",
                "baseline:rate-limit", "Report:");
        for (String f : new String[] {"traffic/labels.csv", "scan/accounts.csv", "scan/clusters.json",
                "scan/report.html", "evaluation.json", "baselines/prada/accounts.csv"}) {
            assertThat(out.resolve(f)).as(f).isRegularFile();
        }
        assertThat(Files.readString(out.resolve("evaluation.json"))).contains("distillguard");
    }

    @Test
    void reportsWhichStepFailed() {
        CliTestSupport r = CliTestSupport.run("demo", "--out", dir.toString(), "--scale", "-1");

        assertThat(r.exit).isNotZero();
        assertThat(r.err).contains("step 'simulate' failed");
    }
}
