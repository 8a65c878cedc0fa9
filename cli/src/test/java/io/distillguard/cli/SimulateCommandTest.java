package io.distillguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandTest {

    /** Runs the command line with stdout captured (the summary is not test output). */
    private static int quiet(String... args) {
        PrintStream out = System.out;
        try {
            System.setOut(new PrintStream(new ByteArrayOutputStream()));
            return Main.run(args);
        } finally {
            System.setOut(out);
        }
    }

    @Test
    void writesTheFourFiles(@TempDir Path out) {
        int code = quiet("simulate", "--out", out.toString(), "--scale", "0.02", "--days", "2", "--seed", "3");
        assertThat(code).isZero();
        assertThat(out.resolve("events.jsonl")).isNotEmptyFile();
        assertThat(out.resolve("accounts.jsonl")).isNotEmptyFile();
        assertThat(out.resolve("models.jsonl")).isNotEmptyFile();
        assertThat(out.resolve("labels.csv")).isNotEmptyFile();
    }

    @Test
    void attackOptionsAndConfigFileAreApplied(@TempDir Path out) throws IOException {
        Path cfg = out.resolve("attack.json");
        Files.writeString(cfg, "{\"campaigns\":[{\"type\":\"STRUCTURED_SWEEP\",\"id\":\"qa-x\",\"accounts\":300}]}");
        Path dir = out.resolve("sim");
        int code = quiet("simulate", "--out", dir.toString(), "--scale", "0.02", "--days", "2",
                "--attack-config", cfg.toString(), "--camouflage", "0.5", "--pacing", "constant", "--gzip");
        assertThat(code).isZero();
        assertThat(dir.resolve("events.jsonl.gz")).isNotEmptyFile();
        assertThat(Files.readAllLines(dir.resolve("labels.csv"))).anyMatch(l -> l.contains(",attack,qa-x,"))
                .noneMatch(l -> l.contains("hydra-1"));
    }

    @Test
    void badOptionsAreUsageErrors(@TempDir Path out) {
        PrintStream err = System.err;
        try {
            System.setErr(new PrintStream(new ByteArrayOutputStream()));
            assertThat(Main.run("simulate")).isEqualTo(2);
            assertThat(Main.run("simulate", "--out", out.toString(), "--camouflage", "1.5")).isEqualTo(2);
            assertThat(Main.run("simulate", "--out", out.toString(), "--scale", "0")).isEqualTo(2);
        } finally {
            System.setErr(err);
        }
    }
}
