package io.distillguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.distillguard.findings.AccountFinding;
import io.distillguard.findings.Findings;
import io.distillguard.findings.FindingsWriter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluateCommandTest {

    @TempDir
    Path dir;

    private Path setUp() throws Exception {
        Path labels = dir.resolve("labels.csv");
        Files.writeString(labels, "account_id,label,campaign,persona\n"
                + "a1,attack,c1,hydra\na2,attack,c1,hydra\nb1,benign,,bench\nb2,benign,,saas\n");
        FindingsWriter.write(new Findings("good", List.of(
                new AccountFinding("a1", 0.9, true, "k1", null, -1, 5, List.of()),
                new AccountFinding("a2", 0.8, true, "k1", null, -1, 5, List.of()),
                new AccountFinding("b1", 0.1, false, null, null, -1, 5, List.of())), List.of(), Map.of()),
                dir.resolve("good"));
        FindingsWriter.write(new Findings("bad", List.of(
                new AccountFinding("a1", 0.2, false, null, null, -1, 5, List.of()),
                new AccountFinding("b1", 0.9, true, null, null, -1, 5, List.of()),
                new AccountFinding("b2", 0.5, false, null, null, -1, 5, List.of())), List.of(), Map.of()),
                dir.resolve("bad"));
        return labels;
    }

    private static String[] capture(String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
            code = Main.run(args);
        } finally {
            System.setOut(old);
        }
        return new String[] {Integer.toString(code), buf.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void printsDetectorsSideBySideAndWritesJson() throws Exception {
        Path labels = setUp();
        Path json = dir.resolve("out/metrics.json");
        String[] r = capture("evaluate", "--labels", labels.toString(), "--findings", dir.resolve("good").toString(),
                "--findings", dir.resolve("bad").toString(), "--json", json.toString());
        assertThat(r[0]).isEqualTo("0");
        String table = r[1];
        assertThat(table).contains("labels: 4 accounts, 2 attack in 1 campaigns, 2 benign");
        assertThat(table.lines().filter(l -> l.startsWith("detector")).findFirst().orElseThrow())
                .matches("detector\\s+good\\s+bad");
        assertThat(table.lines().filter(l -> l.startsWith("precision")).findFirst().orElseThrow())
                .matches("precision\\s+1\\.0000\\s+0\\.0000");
        assertThat(table.lines().filter(l -> l.startsWith("ROC-AUC")).findFirst().orElseThrow())
                .matches("ROC-AUC\\s+1\\.0000\\s+0\\.0000");
        assertThat(table).containsPattern("persona bench \\(1 benign\\): FPR\\s+0\\.0000\\s+1\\.0000");
        String j = Files.readString(json);
        assertThat(j).contains("\"detector\" : \"good\"").contains("\"pr_auc\" : 1.0000")
                .contains("\"precision\" : 0.0000").contains("\"missing_accounts\" : 1");
        String[] again = capture("evaluate", "--labels", labels.toString(), "--findings",
                dir.resolve("good").toString(), "--findings", dir.resolve("bad").toString());
        assertThat(again[1]).isEqualTo(table);
    }

    @Test
    void failsCleanlyOnBadInput() throws Exception {
        Path labels = setUp();
        Files.writeString(dir.resolve("broken.csv"), "account_id,label,campaign,persona\nx,maybe,,p\n");
        assertThat(Main.run("evaluate", "--labels", dir.resolve("broken.csv").toString(), "--findings",
                dir.resolve("good").toString())).isEqualTo(1);
        assertThat(Main.run("evaluate", "--labels", labels.toString(), "--findings",
                dir.resolve("nowhere").toString())).isEqualTo(1);
        assertThat(Main.run("evaluate", "--labels", labels.toString())).isEqualTo(2);
        assertThat(Main.run("evaluate", "--labels", labels.toString(), "--findings", dir.resolve("good").toString(),
                "--fpr-budget", "2")).isEqualTo(2);
    }
}
