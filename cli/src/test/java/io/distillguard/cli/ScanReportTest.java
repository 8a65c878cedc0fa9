package io.distillguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.distillguard.findings.Findings;
import io.distillguard.findings.FindingsReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A scan writes report.html, with the IP-data attribution exactly when network data was used. */
class ScanReportTest {

    @TempDir
    Path dir;

    private Path events() throws Exception {
        List<String> ev = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            ev.add(String.format(Locale.ROOT, "{\"id\":\"e%d\",\"ts\":%d,\"account_id\":\"<script>a%d\","
                    + "\"client\":{\"ip\":\"1.0.0.%d\"},\"request\":{\"model\":\"m\",\"messages\":[{\"role\":\"user\","
                    + "\"content\":\"question %d\"}]}}", i, 1_770_000_000_000L + i * 60_000L, i % 4, i % 3, i));
        }
        ev.add("not json");
        Path events = dir.resolve("events.jsonl");
        Files.write(events, ev);
        return events;
    }

    private int run(String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(new StringWriter()));
        return cl.execute(args);
    }

    @Test
    void scanWithNetworkDataWritesAReportWithAttribution() throws Exception {
        Path net = Files.createDirectories(dir.resolve("net"));
        Files.writeString(net.resolve("asn-ipv4.csv"), "1.0.0.0,1.0.0.255,13335,\"Cloudflare, Inc.\"\n");
        Path out = dir.resolve("out");
        assertThat(run("scan", "--events", events().toString(), "--network-data", net.toString(), "--out",
                out.toString(), "--quiet")).isZero();
        String html = Files.readString(out.resolve("report.html"));
        assertThat(html).contains("<title>distillguard scan of events.jsonl</title>", "ip-location-db", "CC BY 4.0",
                "IP Geolocation by DB-IP").doesNotContain("<script>a1");
        Findings f = FindingsReader.read(out);
        assertThat(f.summary()).containsEntry("input_lines", 41L).containsEntry("rejected_lines", 1L)
                .containsEntry("network_data", net.toString());

        // re-rendering from the folder keeps the attribution
        Path again = dir.resolve("again.html");
        assertThat(run("report", "--findings", out.toString(), "--out", again.toString())).isZero();
        assertThat(Files.readString(again)).contains("ip-location-db", "IP Geolocation by DB-IP");
    }

    @Test
    void scanWithoutNetworkDataHasNoAttribution() throws Exception {
        Path out = dir.resolve("out2");
        assertThat(run("scan", "--events", events().toString(), "--out", out.toString(), "--quiet")).isZero();
        assertThat(Files.readString(out.resolve("report.html"))).doesNotContain("ip-location-db")
                .contains("No third-party reference data was used");
        assertThat(run("report", "--findings", out.toString(), "--out", dir.resolve("r.html").toString())).isZero();
        assertThat(Files.readString(dir.resolve("r.html"))).doesNotContain("ip-location-db");
    }
}
