package io.distillguard.findings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FindingsRoundTripTest {

    @TempDir
    Path dir;

    @Test
    void writesContractHeaderAndReadsBackWhatItWrote() throws Exception {
        Evidence ev = new Evidence("cot_elicitation_share", 0.93, 0.02, 0.4, "share", "93% of prompts ask for CoT");
        AccountFinding a = new AccountFinding("acct,\"odd\"", 0.91, true, "c1", 1_770_000_000_000L, 12, 40,
                List.of(ev));
        AccountFinding b = new AccountFinding("acct_b", 0.05, false, null, null, -1, 7, List.of());
        ClusterFinding c = new ClusterFinding("c1", 0.9, true, List.of("acct,\"odd\""), 40, 1_770_000_000_000L,
                "suspend", List.of(ev), List.of(new LinkEvidence("payment_fingerprint", "pf_1", 1, 3.2)),
                new Activity(1_770_000_000_000L, 3_600_000L, new long[] {3, 0, 37}), Map.of("coding", 1.0));
        Findings f = new Findings("test", List.of(b, a), List.of(c), Map.of("events", 47L));

        FindingsWriter.write(f, dir);

        List<String> lines = Files.readAllLines(dir.resolve("accounts.csv"));
        assertThat(lines.get(0)).startsWith("account_id,score,flagged,cluster_id");
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).startsWith("\"acct,\"\"odd\"\"\",0.91,true,c1,");
        Findings back = FindingsReader.read(dir);
        assertThat(back.detector()).isEqualTo("test");
        assertThat(back.accounts()).extracting(AccountFinding::accountId).containsExactly("acct,\"odd\"", "acct_b");
        assertThat(back.accounts().get(0).evidence()).containsExactly(ev);
        assertThat(back.accounts().get(0).firstFlagMillis()).isEqualTo(1_770_000_000_000L);
        assertThat(back.clusters()).hasSize(1);
        assertThat(back.clusters().get(0).activity().counts()).containsExactly(3, 0, 37);
        assertThat(back.clusters().get(0).links().get(0).attribute()).isEqualTo("payment_fingerprint");
        assertThat(back.summary()).containsEntry("events", 47L);
    }

    @Test
    void sameFindingsGiveSameBytes() throws Exception {
        Findings f = new Findings("d", List.of(new AccountFinding("x", 1.0 / 3, true, "c", null, -1, 3,
                List.of(new Evidence("s", Math.PI, Double.NaN, 0.1, "u", "")))), List.of(), Map.of());
        Path d1 = dir.resolve("1");
        Path d2 = dir.resolve("2");
        FindingsWriter.write(f, d1);
        FindingsWriter.write(f, d2);
        for (String name : List.of("accounts.csv", "clusters.json", "evidence.jsonl")) {
            assertThat(Files.readAllBytes(d1.resolve(name))).isEqualTo(Files.readAllBytes(d2.resolve(name)));
        }
    }

    @Property(tries = 200)
    void csvFieldSurvivesQuoting(@ForAll String s) {
        assertThat(Csv.split(Csv.quote(s.replace("\n", "").replace("\r", "")) + ",x"))
                .containsExactly(s.replace("\n", "").replace("\r", ""), "x");
    }

    @Property(tries = 100)
    void scoreIsRoundedToSixDecimals(@ForAll @DoubleRange(min = 0, max = 1) double score) {
        assertThat(FindingsWriter.round(score).scale()).isLessThanOrEqualTo(6);
    }
}
