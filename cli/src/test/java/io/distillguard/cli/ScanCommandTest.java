package io.distillguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.distillguard.findings.AccountFinding;
import io.distillguard.findings.Findings;
import io.distillguard.findings.FindingsReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanCommandTest {

    @TempDir
    Path dir;

    static final long T0 = 1_770_000_000_000L;

    /** Writes a small log: a 5-account campaign sharing a card, 10 ordinary accounts, one broken line. */
    Path[] writeLog() throws Exception {
        List<String> ev = new ArrayList<>();
        List<String> acc = new ArrayList<>();
        java.util.Random rnd = new java.util.Random(11);
        for (int a = 0; a < 5; a++) {
            acc.add(String.format(Locale.ROOT, "{\"account_id\":\"c%d\",\"created_at\":%d,\"payment_fingerprint\":\"pf-9\","
                    + "\"email_domain\":\"d%d.example\",\"program\":\"research\",\"verified\":false}", a, T0 - 3_600_000L, a));
        }
        for (int a = 0; a < 10; a++) {
            acc.add(String.format(Locale.ROOT, "{\"account_id\":\"u%d\",\"created_at\":%d,\"payment_fingerprint\":\"pf-u%d\"}",
                    a, T0 - 86_400_000L * (a + 5), a));
        }
        int id = 0;
        for (long t = T0; t < T0 + 2 * 86_400_000L; t += 90_000L) {
            int a = rnd.nextInt(5);
            String prompt = "Here is a completed answer. Imagine and articulate the internal reasoning behind it and "
                    + "write it out step by step. Question " + rnd.nextInt(1_000_000) + ": compute " + rnd.nextInt(999)
                    + " squared. Answer: " + rnd.nextInt(999_999);
            ev.add(event("e" + id++, t, "c" + a, prompt, "100.64.0." + a));
            if (rnd.nextInt(4) == 0) {
                int u = rnd.nextInt(10);
                ev.add(event("e" + id++, t + 7, "u" + u, "recipe idea number " + rnd.nextInt(10_000) + " for dinner?",
                        "192.0.2." + u));
            }
        }
        ev.add(5, "{\"id\": broken");
        Path events = dir.resolve("events.jsonl");
        Path accounts = dir.resolve("accounts.jsonl");
        Files.write(events, ev);
        Files.write(accounts, acc);
        return new Path[] {events, accounts};
    }

    static String event(String id, long ts, String account, String prompt, String ip) {
        return String.format(Locale.ROOT, "{\"id\":\"%s\",\"ts\":%d,\"account_id\":\"%s\",\"api\":\"openai.chat\","
                + "\"client\":{\"ip\":\"%s\",\"user_agent\":\"sdk/1\"},\"request\":{\"model\":\"m1\",\"messages\":"
                + "[{\"role\":\"user\",\"content\":\"%s\"}]},\"usage\":{\"input_tokens\":80,\"output_tokens\":900}}",
                id, ts, account, ip, prompt);
    }

    @Test
    void scanWritesTheOutputContractAndFlagsTheCampaign() throws Exception {
        Path[] log = writeLog();
        Path out = dir.resolve("out");
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream old = System.out;
        int code;
        picocli.CommandLine cl = new picocli.CommandLine(new Main());
        java.io.StringWriter sw = new java.io.StringWriter();
        cl.setOut(new java.io.PrintWriter(sw));
        code = cl.execute("scan", "--events", log[0].toString(), "--accounts", log[1].toString(), "--out",
                out.toString(), "--quiet");
        assertThat(code).isZero();
        for (String f : List.of("accounts.csv", "clusters.json", "evidence.jsonl", "rejected.jsonl", "actions.csv")) {
            assertThat(out.resolve(f)).exists();
        }
        assertThat(Files.readAllLines(out.resolve("rejected.jsonl"))).hasSize(1).allSatisfy(l -> assertThat(l).contains("6"));
        Findings f = FindingsReader.read(out);
        assertThat(f.accounts()).hasSize(15);
        assertThat(f.accounts().stream().filter(AccountFinding::flagged).map(AccountFinding::accountId))
                .containsExactlyInAnyOrder("c0", "c1", "c2", "c3", "c4");
        assertThat(sw.toString()).contains("1 campaign(s) flagged").contains("size 5");
        assertThat(Files.readString(out.resolve("actions.csv"))).startsWith("account_id,cluster_id,flagged,action,mode\n")
                .contains(",observe,observe");
        // same input, same bytes
        Path out2 = dir.resolve("out2");
        assertThat(Main.run("scan", "--events", log[0].toString(), "--accounts", log[1].toString(), "--out",
                out2.toString(), "--quiet")).isZero();
        for (String file : List.of("accounts.csv", "clusters.json", "evidence.jsonl", "actions.csv")) {
            assertThat(Files.readAllBytes(out2.resolve(file))).isEqualTo(Files.readAllBytes(out.resolve(file)));
        }
    }

    @Test
    void badConfigIsAClearErrorNotACrash() throws Exception {
        Path[] log = writeLog();
        Path cfg = dir.resolve("bad.properties");
        Files.writeString(cfg, "no.such.key = 1\n", StandardCharsets.UTF_8);
        picocli.CommandLine cl = new picocli.CommandLine(new Main());
        java.io.StringWriter err = new java.io.StringWriter();
        cl.setErr(new java.io.PrintWriter(err));
        int code = cl.execute("scan", "--events", log[0].toString(), "--config", cfg.toString(), "--out",
                dir.resolve("o").toString());
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("no.such.key");
    }
}
