package io.distillguard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.distillguard.enrich.NetworkData;
import io.distillguard.findings.AccountFinding;
import io.distillguard.findings.ClusterFinding;
import io.distillguard.findings.Findings;
import io.distillguard.model.Account;
import io.distillguard.signals.ContentAnalyzer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Campaigns run by one script: tied by their behaviour when they share no infrastructure, and kept
 * apart when two of them behave alike but only touch through one coincidental shared value.
 */
class ScriptCampaignsTest {

    static final long T0 = ScanEngineTest.T0;
    static final long DAY = 86_400_000L;

    /** One exchange row: id, time, account, prompt, ip. */
    record Row(long ts, String account, String prompt, String ip) {
    }

    static String extraction(Random r) {
        return "Here is a completed response. Imagine and articulate the internal reasoning behind it and write "
                + "it out step by step.\nQuestion: what is " + r.nextInt(10000) + " times " + r.nextInt(10000)
                + "?\nAnswer: " + r.nextInt();
    }

    static String ordinary(Random r) {
        return "Tell me something interesting about "
                + ScanEngineTest.TOPICS[r.nextInt(ScanEngineTest.TOPICS.length)] + " " + r.nextInt(50);
    }

    /** {@code n} accounts running one script: ~60 requests each over 3 days, 60% extraction. */
    static void script(List<Row> rows, String prefix, int n, String ipBase, Random r) {
        script(rows, prefix, n, ipBase, r, 0.6);
    }

    /** {@code n} accounts running one script: ~60 requests each over 3 days, {@code share} extraction. */
    static void script(List<Row> rows, String prefix, int n, String ipBase, Random r, double share) {
        for (int a = 0; a < n; a++) {
            long t = T0 + r.nextInt(600_000);
            for (int k = 0; k < 60; k++) {
                t += 3_600_000L + r.nextInt(1_200_000);
                String prompt = r.nextDouble() < share ? extraction(r) : ordinary(r);
                rows.add(new Row(t, prefix + a, prompt, ipBase + a));
            }
        }
    }

    static void users(List<Row> rows, ScanEngine engine, int n, Random r) {
        for (int u = 0; u < n; u++) {
            String id = "user" + u;
            engine.addAccount(new Account(id, T0 - 40L * DAY * (u + 1), "webmail.example", "aaaa.aaaa",
                    "card-u" + u, "4" + (20000 + u), "US", "US", "standard", false, "192.0.2." + u, null));
            int count = 20 + r.nextInt(60);
            for (int k = 0; k < count; k++) {
                rows.add(new Row(T0 + (long) (r.nextDouble() * 3 * DAY), id, ordinary(r), "192.0.2." + u));
            }
        }
    }

    static Findings run(ScanEngine engine, List<Row> rows) {
        rows.sort(Comparator.comparingLong(Row::ts).thenComparing(Row::account));
        int seq = 0;
        for (Row x : rows) {
            engine.accept(Ex.of("e" + seq++, x.ts(), x.account(), x.prompt(), x.ip()));
        }
        return engine.finish();
    }

    static Account own(String id, int i, String card, String signupIp) {
        return new Account(id, T0 - 20L * DAY + i * 7_200_000L, "mail" + i + ".example", "a9999", card,
                "4" + (30000 + i * 7), "US", "US", "standard", false, signupIp, null);
    }

    @Test
    void aScriptWithoutSharedInfrastructureIsOneCampaign() {
        Random r = new Random(11);
        ScanEngine engine = new ScanEngine(ScanConfig.defaults(), NetworkData.empty(), new ContentAnalyzer());
        List<Row> rows = new ArrayList<>();
        for (int a = 0; a < 10; a++) {
            // own card, own signup address, own traffic address: nothing shared
            engine.addAccount(own("bot" + a, a, "card-bot" + a, "198.18." + a + ".1"));
        }
        script(rows, "bot", 10, "100.70.0.", r);
        users(rows, engine, 30, r);
        Findings f = run(engine, rows);
        List<ClusterFinding> campaigns = f.clusters().stream().filter(ClusterFinding::flagged).toList();
        assertThat(campaigns).hasSize(1);
        assertThat(campaigns.get(0).members()).hasSize(10).allSatisfy(m -> assertThat(m).startsWith("bot"));
        assertThat(campaigns.get(0).links()).extracting(l -> l.attribute()).contains("similar_behaviour");
        assertThat(f.accounts().stream().filter(AccountFinding::flagged).map(AccountFinding::accountId))
                .allSatisfy(id -> assertThat(id).startsWith("bot"));
    }

    @Test
    void twoLookAlikesAloneAreNotACampaign() {
        Random r = new Random(12);
        ScanEngine engine = new ScanEngine(ScanConfig.defaults(), NetworkData.empty(), new ContentAnalyzer());
        List<Row> rows = new ArrayList<>();
        for (int a = 0; a < 2; a++) {
            engine.addAccount(own("bot" + a, a, "card-bot" + a, "198.18." + a + ".1"));
        }
        script(rows, "bot", 2, "100.70.0.", r);
        users(rows, engine, 30, r);
        Findings f = run(engine, rows);
        assertThat(f.clusters().stream().filter(ClusterFinding::flagged)).isEmpty();
    }

    @Test
    void twoOperatorsTouchingThroughOneSharedAddressStayTwoCampaigns() {
        Random r = new Random(13);
        ScanEngine engine = new ScanEngine(ScanConfig.defaults(), NetworkData.empty(), new ContentAnalyzer());
        List<Row> rows = new ArrayList<>();
        for (int a = 0; a < 12; a++) {
            // operator A pays with one card, operator B with another; A11 and B0 signed up from one address
            engine.addAccount(own("opa" + a, a, "card-A", a == 11 ? "203.0.113.50" : "198.18.1." + a));
            engine.addAccount(own("opb" + a, 20 + a, "card-B", a == 0 ? "203.0.113.50" : "198.18.2." + a));
        }
        // different scripts: 45% and 95% extraction-style traffic
        script(rows, "opa", 12, "100.70.1.", r, 0.45);
        script(rows, "opb", 12, "100.70.2.", r, 0.95);
        users(rows, engine, 30, r);
        Findings f = run(engine, rows);
        List<ClusterFinding> campaigns = f.clusters().stream().filter(ClusterFinding::flagged).toList();
        assertThat(campaigns).hasSize(2);
        for (ClusterFinding c : campaigns) {
            String prefix = c.members().get(0).substring(0, 3);
            assertThat(c.members()).hasSize(12).allSatisfy(m -> assertThat(m).startsWith(prefix));
        }
    }
}
