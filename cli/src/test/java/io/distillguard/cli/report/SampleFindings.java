package io.distillguard.cli.report;

import io.distillguard.findings.AccountFinding;
import io.distillguard.findings.Activity;
import io.distillguard.findings.ClusterFinding;
import io.distillguard.findings.Evidence;
import io.distillguard.findings.Findings;
import io.distillguard.findings.LinkEvidence;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Hand-built findings for report tests: one flagged campaign, one benign cluster, loose accounts. */
final class SampleFindings {

    static final long T0 = 1_770_681_600_000L; // 2026-02-10T00:00:00Z
    static final String EVIL_ID = "<script>alert('x')</script>";
    static final String EVIL_DETAIL = "\"><img src=x onerror=alert(1)> & more";

    private SampleFindings() {
    }

    static Findings build(int benignAccounts) {
        SplittableRandom rnd = new SplittableRandom(7);
        List<Evidence> campaignEvidence = List.of(
                new Evidence("cot_elicitation_share", 0.91, 0.03, 0.32, "share",
                        "91% of prompts ask the model to write out its internal reasoning step by step"),
                new Evidence("template_reuse_share", 0.84, 0.12, 0.21, "share",
                        "84% of prompts share 3 templates across 40 accounts"),
                new Evidence("synchronised_activity", 0.77, 0.05, 0.14, "ratio",
                        "hourly volumes of members correlate at 0.77"),
                new Evidence("shared_payment_fingerprint", 12, 1, 0.12, "accounts",
                        "12 accounts pay with the same card"),
                new Evidence("enterprise_nat_pattern", 0.2, 0.6, -0.05, "share", EVIL_DETAIL));
        List<LinkEvidence> links = List.of(
                new LinkEvidence("payment_fingerprint", "pf_9c1e", 12, 4.1),
                new LinkEvidence("ip_24", "203.0.113.0/24", 31, 2.2),
                new LinkEvidence("template", "tpl:5f2a9b", 40, 1.9),
                new LinkEvidence("email_local_shape", "<b>a9999</b>", 40, 0.4));
        long[] counts = new long[24 * 7];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = i < 30 ? 0 : 380 + rnd.nextInt(120) + (i > 120 ? 300 : 0);
        }
        Map<String, Double> mix = new LinkedHashMap<>();
        mix.put("reasoning", 0.46);
        mix.put("coding", 0.27);
        mix.put("grading", 0.14);
        mix.put("structured_output", 0.09);
        mix.put("chat", 0.04);
        List<String> members = new ArrayList<>();
        List<AccountFinding> accounts = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String id = i == 0 ? EVIL_ID : String.format("acct_%04d", 1000 + i);
            members.add(id);
            accounts.add(new AccountFinding(id, 0.80 + (i % 10) / 60.0, true, "c1", T0 + 30 * 3_600_000L + i * 60_000L,
                    40 + i, 1500 + 10 * i, campaignEvidence.subList(0, 3)));
        }
        members.sort(null);
        ClusterFinding campaign = new ClusterFinding("c1", 0.94, true, members, 61_234L, T0 + 30 * 3_600_000L,
                "suspend", campaignEvidence, links, new Activity(T0, 3_600_000L, counts), mix);
        List<String> classroom = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            String id = String.format("student_%02d", i);
            classroom.add(id);
            accounts.add(new AccountFinding(id, 0.21, false, "c2", null, -1, 80 + i, List.of(new Evidence(
                    "signup_burst", 25, 3, 0.1, "accounts", "25 signups from one campus IP within an hour"))));
        }
        ClusterFinding benign = new ClusterFinding("c2", 0.21, false, classroom, 2500, null, "observe",
                List.of(new Evidence("signup_burst", 25, 3, 0.1, "accounts", "25 signups from one campus IP"),
                        new Evidence("university_network", 1, Double.NaN, -0.2, "", "campus network, varied content")),
                List.of(new LinkEvidence("ip_24", "198.51.100.0/24", 25, 0.3)),
                new Activity(T0, 86_400_000L, new long[] {300, 900, 700, 0, 600}), Map.of("chat", 0.7, "coding", 0.3));
        accounts.add(new AccountFinding("solo_reseller", 0.71, true, null, T0 + 50 * 3_600_000L, 300, 9000,
                List.of(new Evidence("end_user_fanout", 480, 20, 0.4, "end users", "480 declared end users"))));
        for (int i = 0; i < benignAccounts; i++) {
            accounts.add(new AccountFinding(String.format("user_%05d", i), rnd.nextDouble() * 0.3, false, null, null,
                    -1, 1 + rnd.nextInt(500), List.of()));
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("mode", "observe-only");
        summary.put("events_lines", 1_204_311L);
        summary.put("events_rejected", 17L);
        summary.put("accounts_lines", 20_000L);
        summary.put("network_data", "../shared/data/network");
        summary.put("flag_threshold", 0.6);
        return new Findings("distillguard", accounts, List.of(benign, campaign), summary);
    }
}
