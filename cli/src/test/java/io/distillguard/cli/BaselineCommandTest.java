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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineCommandTest {

    @TempDir
    Path dir;

    private static String event(String id, String account, long ms, String prompt) {
        return "{\"id\":\"" + id + "\",\"ts\":\"" + Instant.ofEpochMilli(ms) + "\",\"account_id\":\"" + account
                + "\",\"api\":\"openai.chat\",\"request\":{\"model\":\"m\",\"messages\":[{\"role\":\"user\","
                + "\"content\":\"" + prompt + "\"}]},\"usage\":{\"input_tokens\":10,\"output_tokens\":5}}";
    }

    /** busy: 5 requests in 4 s; calm1..calm3: one request each; line 3 is malformed. */
    private Path events() throws Exception {
        long t0 = 1_770_000_000_000L;
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            lines.add(event("b" + i, "busy", t0 + i * 1000L, "prompt " + i));
            if (i == 1) {
                lines.add("{\"id\": broken");
            }
        }
        for (int i = 1; i <= 3; i++) {
            lines.add(event("c" + i, "calm" + i, t0 + 10_000L * i, "hello"));
        }
        Path f = dir.resolve("events.jsonl");
        Files.write(f, lines);
        return f;
    }

    @Test
    void rateLimitWritesTheScanOutputContract() throws Exception {
        Path events = events();
        Path accounts = dir.resolve("accounts.jsonl");
        Files.writeString(accounts, "{\"account_id\":\"silent\"}\n{\"account_id\":\"busy\"}\n");
        Path out = dir.resolve("rl");
        assertThat(Main.run("baseline", "rate-limit", "--events", events.toString(), "--accounts",
                accounts.toString(), "--out", out.toString(), "--rpm", "3")).isZero();
        Findings f = FindingsReader.read(out);
        assertThat(f.detector()).isEqualTo("baseline:rate-limit");
        assertThat(f.accounts()).extracting(AccountFinding::accountId)
                .containsExactly("busy", "calm1", "calm2", "calm3", "silent");
        AccountFinding busy = f.accounts().get(0);
        assertThat(busy.flagged()).isTrue();
        assertThat(busy.exchangesAtFlag()).isEqualTo(4);
        assertThat(busy.evidence()).isNotEmpty();
        assertThat(f.accounts().get(4).exchanges()).isZero();
        assertThat(f.summary()).containsEntry("rejected_lines", 1L).containsEntry("limit_requests_per_minute", 3L);
        List<String> rejected = Files.readAllLines(out.resolve("rejected.jsonl"));
        assertThat(rejected).hasSize(1);
        assertThat(rejected.get(0)).contains("\"line\":3");
    }

    @Test
    void volumeAndPradaRunAndAreDeterministic() throws Exception {
        Path events = events();
        for (String name : List.of("volume", "prada")) {
            Path a = dir.resolve(name + "1");
            Path b = dir.resolve(name + "2");
            // volume: z threshold 3 for this tiny set (see below)
            String opt = name.equals("volume") ? "--threshold=3" : "--delta=0.9";
            assertThat(Main.run("baseline", name, "--events", events.toString(), "--out", a.toString(), opt)).isZero();
            assertThat(Main.run("baseline", name, "--events", events.toString(), "--out", b.toString(), opt)).isZero();
            for (String file : List.of("accounts.csv", "clusters.json", "evidence.jsonl", "rejected.jsonl")) {
                assertThat(Files.readAllBytes(a.resolve(file))).as(name + " " + file)
                        .isEqualTo(Files.readAllBytes(b.resolve(file)));
            }
            assertThat(FindingsReader.read(a).accounts()).hasSize(4);
        }
        // busy has 5 exchanges vs a median of 1 (MAD 0, mean |dev| 1): z = 4 / 1.2533 = 3.19 > 3
        AccountFinding busy = FindingsReader.read(dir.resolve("volume1")).accounts().get(0);
        assertThat(busy.flagged()).isTrue();
        // timed on the second pass over the file: crossing 1 + 3 * 1.2533 = 4.76 exchanges at the 5th
        assertThat(busy.exchangesAtFlag()).isEqualTo(5);
        assertThat(busy.firstFlagMillis()).isEqualTo(1_770_000_000_000L + 4000L);
    }

    @Test
    void usageErrors() throws Exception {
        Path events = events();
        assertThat(Main.run("baseline", "nosuch", "--events", events.toString(), "--out", dir.toString())).isEqualTo(2);
        assertThat(Main.run("baseline")).isEqualTo(2);
        assertThat(Main.run("baseline", "prada", "--events", events.toString(), "--out", dir.resolve("p").toString(),
                "--delta", "1.5")).isEqualTo(2);
        assertThat(Main.run("baseline", "rate-limit", "--events", dir.resolve("missing.jsonl").toString(), "--out",
                dir.resolve("m").toString())).isEqualTo(1);
    }

    @Test
    void evaluateMeasuresDelaysFromTheEventsFile() throws Exception {
        Path events = events();
        Path out = dir.resolve("rl");
        assertThat(Main.run("baseline", "rate-limit", "--events", events.toString(), "--out", out.toString(), "--rpm",
                "3")).isZero();
        Path labels = dir.resolve("labels.csv");
        Files.writeString(labels, "account_id,label,campaign,persona\nbusy,attack,c1,burst\ncalm1,attack,c1,quiet\n"
                + "calm2,benign,,user\ncalm3,benign,,user\n");
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
            assertThat(Main.run("evaluate", "--labels", labels.toString(), "--findings", out.toString(), "--events",
                    events.toString(), "--json", dir.resolve("m.json").toString())).isZero();
        } finally {
            System.setOut(old);
        }
        String table = buf.toString(StandardCharsets.UTF_8);
        // campaign c1 starts with busy's first event; busy is flagged at its 4th, 3 s later
        assertThat(table).containsPattern("hours to flag, median\\s+0\\.00");
        assertThat(table).containsPattern("campaign exchanges to flag, median\\s+4\\.0");
        assertThat(table).containsPattern("recall\\s+0\\.5000");
        assertThat(Files.readString(dir.resolve("m.json"))).contains("\"first_event_ts\" : \"2026-02-02T02:40:00Z\"");
    }
}
