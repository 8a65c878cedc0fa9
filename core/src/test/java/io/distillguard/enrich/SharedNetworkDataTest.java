package io.distillguard.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Checks known addresses against the real reference data in {@code ../shared} when it is present. */
class SharedNetworkDataTest {

    static NetworkData data;

    @BeforeAll
    static void load() throws IOException {
        Path dir = sharedNetworkDir();
        Assumptions.assumeTrue(dir != null, "shared network data not found (set DISTILLGUARD_SHARED or place it at "
                + "../shared/data/network relative to the repository root); skipping real-data checks");
        data = NetworkData.load(dir);
    }

    static Path sharedNetworkDir() {
        String env = System.getenv("DISTILLGUARD_SHARED");
        Path shared = null;
        if (env != null && !env.isBlank()) {
            shared = Path.of(env);
        } else {
            Path p = Path.of("").toAbsolutePath();
            while (p != null && !Files.isRegularFile(p.resolve("mvnw"))) {
                p = p.getParent();
            }
            if (p != null && p.getParent() != null) {
                shared = p.getParent().resolve("shared");
            }
        }
        if (shared == null) {
            return null;
        }
        Path net = shared.resolve("data").resolve("network");
        return Files.isRegularFile(net.resolve("asn-ipv4.csv")) ? net : null;
    }

    @Test
    void knownAddresses() {
        IpInfo cf = data.lookup("1.1.1.1");
        assertThat(cf.asn()).isEqualTo(13335);
        assertThat(cf.asnOrg()).containsIgnoringCase("Cloudflare");

        IpInfo aws = data.lookup("52.95.110.1");
        assertThat(aws.asn()).isEqualTo(16509);
        assertThat(aws.ipClass()).isEqualTo(IpClass.DATACENTER);

        assertThat(data.lookup("215.0.0.5").asn()).isEqualTo(721);
        assertThat(data.lookup("18.7.22.69").ipClass()).isEqualTo(IpClass.UNIVERSITY);
        assertThat(data.lookup("2001:200::1").asn()).isEqualTo(2500);
        assertThat(data.lookup("2001:200::1").country()).isEqualTo("JP");
        assertThat(data.lookup("101.99.92.179").ipClass()).isEqualTo(IpClass.TOR);
    }

    @Test
    void loadsEverythingWithFewSkips() {
        assertThat(data.loadStats().get("asn-ipv4.csv").rows()).isGreaterThan(400_000);
        assertThat(data.loadStats().get("asn-ipv6.csv").rows()).isGreaterThan(100_000);
        // the only skip seen in the 2026 snapshot is a row announced by reserved ASN 4294967294
        assertThat(data.skippedRows()).isLessThan(10);
        assertThat(data.attributions()).contains(NetworkData.ASN_ATTRIBUTION);
    }
}
