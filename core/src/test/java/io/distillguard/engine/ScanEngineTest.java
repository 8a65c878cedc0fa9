package io.distillguard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.distillguard.enrich.NetworkData;
import io.distillguard.findings.AccountFinding;
import io.distillguard.findings.ClusterFinding;
import io.distillguard.findings.Findings;
import io.distillguard.findings.FindingsWriter;
import io.distillguard.model.Account;
import io.distillguard.signals.ContentAnalyzer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanEngineTest {

    static final long T0 = 1_770_000_000_000L;
    static final String[] TOPICS = {"photosynthesis", "the French revolution", "binary search", "tax law", "jazz",
        "volcanoes", "sourdough bread", "TCP congestion control", "Roman roads", "quantum tunnelling", "marathon training",
        "knitting patterns", "the stock market", "bird migration", "compilers", "medieval castles"};

    /**
     * A small world: a 6-account campaign sharing one card and a datacenter-free residential setup, sending
     * reasoning-reconstruction prompts mixed with 30% ordinary traffic; an enterprise of 6 accounts sharing a
     * card and a NAT IP with varied content; and 20 independent ordinary users.
     */
    static ScanEngine world(Random rnd) {
        ScanEngine engine = new ScanEngine(ScanConfig.defaults(), NetworkData.empty(), new ContentAnalyzer());
        List<String[]> events = new ArrayList<>();
        for (int a = 0; a < 6; a++) {
            String id = "camp" + a;
            engine.addAccount(new Account(id, T0 - 86_400_000L + a * 60_000L, "mail" + a + ".example", "a9999",
                    "card-X", "411111", "US", "US", "education", false, "198.51.100." + a, null));
        }
        for (int a = 0; a < 6; a++) {
            String id = "ent" + a;
            engine.addAccount(new Account(id, T0 - 90L * 86_400_000L * (a + 1), "corp.example", "aaaa.aaaa",
                    "card-CORP", "522222", "US", "US", "enterprise", true, "203.0.113.9", "org-corp"));
        }
        for (int a = 0; a < 20; a++) {
            String id = "user" + a;
            engine.addAccount(new Account(id, T0 - 30L * 86_400_000L * (a + 1), "webmail.example", "aaaa.aaaa",
                    "card-" + a, "4" + (10000 + a), "US", "US", "standard", false, "192.0.2." + a, null));
        }
        int seq = 0;
        for (long t = T0; t < T0 + 3 * 86_400_000L; t += 60_000L) {
            // campaign: every minute one request from a random member, around the clock
            int a = rnd.nextInt(6);
            String prompt = rnd.nextDouble() < 0.3 ? "What is a good name for a cat?" + rnd.nextInt(1000)
                    : "Here is a completed response. Imagine and articulate the internal reasoning behind it and write "
                            + "it out step by step.\nQuestion: what is " + rnd.nextInt(10000) + " times "
                            + rnd.nextInt(10000) + "?\nAnswer: " + rnd.nextInt();
            events.add(new String[] {"e" + seq++, Long.toString(t), "camp" + a, prompt, "100.64." + a + ".7"});
            long hour = ((t - T0) / 3_600_000L) % 24;
            if (hour >= 9 && hour < 17 && rnd.nextDouble() < 0.5) {
                int e = rnd.nextInt(6);
                events.add(new String[] {"e" + seq++, Long.toString(t + 1), "ent" + e,
                    "Summarise our meeting notes about " + TOPICS[rnd.nextInt(TOPICS.length)] + " for the team",
                    "203.0.113.9"});
            }
            if (rnd.nextDouble() < 0.3) {
                int u = rnd.nextInt(20);
                events.add(new String[] {"e" + seq++, Long.toString(t + 2), "user" + u,
                    "Tell me something interesting about " + TOPICS[rnd.nextInt(TOPICS.length)] + " " + rnd.nextInt(50),
                    "192.0.2." + u});
            }
        }
        for (String[] e : events) {
            engine.accept(Ex.of(e[0], Long.parseLong(e[1]), e[2], e[3], e[4]));
        }
        return engine;
    }

    @Test
    void flagsTheCampaignAndNotTheEnterpriseOrUsers() {
        Findings f = world(new Random(7)).finish();
        List<String> flagged = f.accounts().stream().filter(AccountFinding::flagged).map(AccountFinding::accountId)
                .sorted().collect(Collectors.toList());
        assertThat(flagged).containsExactly("camp0", "camp1", "camp2", "camp3", "camp4", "camp5");
        List<ClusterFinding> campaigns = f.clusters().stream().filter(ClusterFinding::flagged).toList();
        assertThat(campaigns).hasSize(1);
        assertThat(campaigns.get(0).members()).containsExactly("camp0", "camp1", "camp2", "camp3", "camp4", "camp5");
        assertThat(campaigns.get(0).links()).extracting(l -> l.attribute()).contains("payment_fingerprint");
        assertThat(campaigns.get(0).links().stream().filter(l -> l.attribute().equals("payment_fingerprint")))
                .allSatisfy(l -> assertThat(l.value()).isEqualTo("card-X"));
        // the enterprise forms a community but is not flagged
        assertThat(f.clusters().stream().filter(c -> c.members().contains("ent0")).findFirst())
                .hasValueSatisfying(c -> assertThat(c.flagged()).isFalse());
        AccountFinding camp0 = f.accounts().stream().filter(a -> a.accountId().equals("camp0")).findFirst().get();
        assertThat(camp0.firstFlagMillis()).isNotNull();
        assertThat(camp0.exchangesAtFlag()).isBetween(1L, camp0.exchanges());
        assertThat(camp0.evidence()).extracting(e -> e.signal()).contains("reasoning_reconstruction_share");
        assertThat(camp0.evidence()).allSatisfy(e -> assertThat(e.detail()).isNotBlank());
    }

    @Test
    void sameInputSameBytes(@TempDir Path dir) throws Exception {
        FindingsWriter.write(world(new Random(3)).finish(), dir.resolve("a"));
        FindingsWriter.write(world(new Random(3)).finish(), dir.resolve("b"));
        for (String file : List.of("accounts.csv", "clusters.json", "evidence.jsonl")) {
            assertThat(Files.readAllBytes(dir.resolve("a").resolve(file)))
                    .isEqualTo(Files.readAllBytes(dir.resolve("b").resolve(file)));
        }
    }

    @Test
    void everyAccountSeenHasARowAndActionsAreObserveForUnflagged() {
        ScanEngine engine = world(new Random(5));
        Findings f = engine.finish();
        assertThat(f.accounts()).hasSize(32);
        Map<String, String> actions = engine.actions(f);
        for (AccountFinding a : f.accounts()) {
            if (!a.flagged()) {
                assertThat(actions.get(a.accountId())).isEqualTo("observe");
            } else {
                assertThat(actions.get(a.accountId())).isNotEqualTo("observe");
            }
        }
        assertThat(f.summary()).containsEntry("mode", "observe");
        assertThat((Long) f.summary().get("max_profile_bytes")).isLessThanOrEqualTo(2048L);
    }
}
