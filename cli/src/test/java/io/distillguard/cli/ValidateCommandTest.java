package io.distillguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {

    @TempDir
    Path dir;

    private static final Path SAMPLE = CliTestSupport.repoRoot().resolve("examples/sample");

    @Test
    void validatesTheSampleLogAndWritesRejects() throws Exception {
        Path rejected = dir.resolve("rejected.jsonl");
        CliTestSupport r = CliTestSupport.run("validate", "--quiet", "--rejected", rejected.toString(),
                SAMPLE.resolve("events.jsonl").toString(), SAMPLE.resolve("accounts.jsonl").toString(),
                SAMPLE.resolve("models.jsonl").toString());
        assertThat(r.exit).isZero();
        assertThat(r.out).contains("events.jsonl (events)", "accounts.jsonl (accounts)", "models.jsonl (models)");
        assertThat(r.out).containsPattern("accepted\\s+38\\n");
        assertThat(r.out).containsPattern("duplicates\\s+1\\n");
        assertThat(r.out).containsPattern("not_json\\s+1\\n");
        assertThat(r.out).containsPattern("anthropic.messages\\s+18\\n");
        assertThat(r.out).contains("total: 3 files, 61 lines, 53 accepted, 6 rejected, 1 blank, 1 duplicates");
        assertThat(r.err).as("quiet").isEmpty();
        List<String> lines = Files.readAllLines(rejected);
        assertThat(lines).hasSize(6);
        assertThat(lines).allSatisfy(l -> assertThat(l).contains("\"line\":", "\"byte_offset\":", "\"reason\":"));
    }

    @Test
    void kindComesFromNameOrOption() throws Exception {
        Path f = dir.resolve("mystery.jsonl");
        Files.writeString(f, "{\"model\":\"m1\",\"released_at\":\"2026-01-01T00:00:00Z\"}\n");
        assertThat(CliTestSupport.run("validate", "-q", f.toString()).out)
                .contains("(events)").containsPattern("missing_field\\s+1");
        CliTestSupport r = CliTestSupport.run("validate", "-q", "--kind", "models", f.toString());
        assertThat(r.out).contains("(models)").containsPattern("accepted\\s+1\\n");
        assertThat(ValidateCommand.kindOf(Path.of("accounts-2026.jsonl.gz"))).isEqualTo(ValidateCommand.Kind.accounts);
        assertThat(ValidateCommand.kindOf(Path.of("x/Models.jsonl"))).isEqualTo(ValidateCommand.Kind.models);
    }

    @Test
    void missingFileIsAnIoFailureButOtherFilesAreStillRead() {
        CliTestSupport r = CliTestSupport.run("validate", "-q", dir.resolve("events-none.jsonl").toString(),
                SAMPLE.resolve("models.jsonl").toString());
        assertThat(r.exit).isEqualTo(1);
        assertThat(r.err).contains("cannot read");
        assertThat(r.out).contains("models.jsonl (models)");
    }

    @Test
    void badLimitsAreUsageErrors() {
        CliTestSupport r = CliTestSupport.run("validate", "-q", "--max-depth", "1",
                SAMPLE.resolve("models.jsonl").toString());
        assertThat(r.exit).isEqualTo(2);
        assertThat(r.err).contains("maxDepth");
    }

    @Test
    void rejectsDoNotChangeTheExitCode() throws Exception {
        Path f = dir.resolve("events.jsonl");
        Files.writeString(f, "garbage\n[1]\n");
        CliTestSupport r = CliTestSupport.run("validate", "-q", f.toString());
        assertThat(r.exit).isZero();
        assertThat(r.out).containsPattern("rejected\\s+2\\n");
    }
}
