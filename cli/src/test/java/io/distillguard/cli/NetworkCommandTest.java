package io.distillguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetworkCommandTest {

    @Test
    void printsLoadStatisticsAndLookups(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("asn-ipv4.csv"), "1.0.0.0,1.0.0.255,13335,\"Cloudflare, Inc.\"\nbad row\n");
        Files.writeString(dir.resolve("tor-exit-nodes.txt"), "1.0.0.7\n");
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
            code = Main.run("network", "--network-data", dir.toString(), "1.0.0.1", "1.0.0.7", "nonsense");
        } finally {
            System.setOut(old);
        }
        String out = buf.toString(StandardCharsets.UTF_8);
        assertThat(code).isZero();
        assertThat(out).contains("asn-ipv4.csv", "line 2: expected start_ip,end_ip,asn,org");
        assertThat(out).contains("1.0.0.1\tclass=residential", "asn=13335 org=Cloudflare, Inc.", "prefix=1.0.0.0/24");
        assertThat(out).contains("1.0.0.7\tclass=tor");
        assertThat(out).contains("nonsense\tclass=unknown");
    }

    @Test
    void missingFolderFails(@TempDir Path dir) {
        assertThat(Main.run("network", "--network-data", dir.resolve("absent").toString())).isNotZero();
    }
}
