package io.distillguard.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetworkDataTest {

    static Path fixture;
    static NetworkData data;

    @BeforeAll
    static void load() throws IOException, URISyntaxException {
        fixture = Path.of(NetworkDataTest.class.getResource("/network-fixture").toURI());
        data = NetworkData.load(fixture);
    }

    @Test
    void overlappingAsnRowsResolveToTheNarrowerRange() {
        // 214.95.0.0-215.0.255.255 (AS749) and 215.0.0.0-215.1.3.255 (AS721) overlap in the real data
        assertThat(data.lookup("215.0.0.5").asn()).isEqualTo(721);
        assertThat(data.lookup("215.0.255.255").asn()).isEqualTo(721);
        assertThat(data.lookup("215.1.3.255").asn()).isEqualTo(721);
        assertThat(data.lookup("214.255.255.255").asn()).isEqualTo(749);
        assertThat(data.lookup("214.95.0.0").asnOrg()).isEqualTo("United States Department of Defense (DoD)");
        assertThat(data.lookup("215.1.4.0").asn()).isNull();
    }

    @Test
    void asnOrgAndCountryComeFromTheTables() {
        IpInfo cf = data.lookup("1.0.0.1");
        assertThat(cf.asn()).isEqualTo(13335);
        assertThat(cf.asnOrg()).isEqualTo("Cloudflare, Inc.");
        assertThat(cf.country()).isEqualTo("AU");
        assertThat(cf.ipClass()).isEqualTo(IpClass.RESIDENTIAL);
    }

    @Test
    void ipv6RangesAndIpv4MappedAddresses() {
        IpInfo wide = data.lookup("2001:200:1b9:ffff::1");
        assertThat(wide.asn()).isEqualTo(2500);
        assertThat(wide.country()).isEqualTo("JP");
        assertThat(data.lookup("2001:200:1ba::1").asn()).isNull();
        assertThat(data.lookup("2001:200:1ba::1").country()).isEqualTo("JP");
        IpInfo cf6 = data.lookup("2606:4700:0:0:0:0:0:1111");
        assertThat(cf6.asn()).isEqualTo(13335);
        assertThat(cf6.ipClass()).isEqualTo(IpClass.DATACENTER);
        assertThat(data.lookup("::ffff:1.0.0.1")).isEqualTo(data.lookup("1.0.0.1"));
    }

    @Test
    void vpnRangeInsideDatacenterRangeIsVpnAndStillMatchesDatacenter() {
        IpInfo vpn = data.lookup("2.26.157.9");
        assertThat(vpn.ipClass()).isEqualTo(IpClass.VPN);
        assertThat(vpn.matches()).contains(IpClass.VPN, IpClass.DATACENTER);
        assertThat(vpn.is(IpClass.DATACENTER)).isTrue();
        IpInfo dc = data.lookup("2.26.1.1");
        assertThat(dc.ipClass()).isEqualTo(IpClass.DATACENTER);
        assertThat(dc.asn()).isEqualTo(215439);
        assertThat(dc.provider()).isNull();
        assertThat(dc.is(IpClass.VPN)).isFalse();
    }

    @Test
    void torExitBeatsEverythingElse() {
        IpInfo tor = data.lookup("101.99.92.179");
        assertThat(tor.ipClass()).isEqualTo(IpClass.TOR);
        assertThat(tor.asn()).isEqualTo(45839);
        assertThat(data.lookup("101.99.92.180").ipClass()).isEqualTo(IpClass.RESIDENTIAL);
        assertThat(data.lookup("2001:470:1:908::9001").ipClass()).isEqualTo(IpClass.TOR);
    }

    @Test
    void universityNameBeatsTheBroadDatacenterListButNotAProviderList() {
        IpInfo mit = data.lookup("18.1.22.69");
        assertThat(mit.ipClass()).isEqualTo(IpClass.UNIVERSITY);
        assertThat(mit.matches()).contains(IpClass.DATACENTER);
        assertThat(data.lookup("128.32.10.1").ipClass()).isEqualTo(IpClass.UNIVERSITY);
    }

    @Test
    void providerListsNameTheProviderCloudFilesBeforeIpcat() {
        IpInfo aws = data.lookup("3.0.5.5"); // in examplecloud 3.0.0.0/16 and ipcat 3.0.0.0-3.1.255.255
        assertThat(aws.ipClass()).isEqualTo(IpClass.DATACENTER);
        assertThat(aws.provider()).isEqualTo("examplecloud");
        assertThat(data.lookup("3.1.0.1").provider()).isEqualTo("Amazon AWS");
        // AS16509 is on the datacenter ASN list: datacenter even outside the provider ranges
        IpInfo byAsn = data.lookup("3.2.0.1");
        assertThat(byAsn.ipClass()).isEqualTo(IpClass.DATACENTER);
        assertThat(byAsn.provider()).isNull();
        IpInfo noAsn = data.lookup("198.51.100.20");
        assertThat(noAsn.asn()).isNull();
        assertThat(noAsn.ipClass()).isEqualTo(IpClass.DATACENTER);
        assertThat(data.lookup("2001:db8:100:ffff::1").provider()).isEqualTo("examplecloud");
    }

    @Test
    void starlinkRangesAreNotHosting() {
        IpInfo sl = data.lookup("203.0.113.5");
        assertThat(sl.provider()).isEqualTo("starlink");
        assertThat(sl.ipClass()).isEqualTo(IpClass.RESIDENTIAL);
        assertThat(sl.is(IpClass.DATACENTER)).isFalse();
        assertThat(data.lookup("203.0.113.200")).isEqualTo(IpInfo.UNKNOWN);
    }

    @Test
    void unknownAndMalformedAddressesAnswerUnknown() {
        assertThat(data.lookup(null)).isEqualTo(IpInfo.UNKNOWN);
        assertThat(data.lookup("")).isEqualTo(IpInfo.UNKNOWN);
        assertThat(data.lookup("1.0.0.1 ")).isEqualTo(IpInfo.UNKNOWN);
        assertThat(data.lookup("localhost")).isEqualTo(IpInfo.UNKNOWN);
        assertThat(data.lookup("9.9.9.9")).isEqualTo(IpInfo.UNKNOWN);
        assertThat(NetworkData.empty().lookup("1.0.0.1")).isEqualTo(IpInfo.UNKNOWN);
        assertThat(NetworkData.empty().isEmpty()).isTrue();
        assertThat(NetworkData.empty().attributions()).isEmpty();
    }

    @Test
    void malformedRowsAreSkippedAndCounted() {
        assertThat(data.loadStats().get("asn-ipv4.csv").rows()).isEqualTo(9);
        assertThat(data.loadStats().get("asn-ipv4.csv").skipped()).isEqualTo(2);
        assertThat(data.loadStats().get("asn-ipv4.csv").firstProblem()).startsWith("line 7: bad start address");
        assertThat(data.loadStats().get("asn-ipv6.csv").skipped()).isEqualTo(1);
        assertThat(data.loadStats().get("asn-country-ipv4.csv").skipped()).isEqualTo(1);
        assertThat(data.loadStats().get("x4bnet-datacenter-asn.txt").skipped()).isEqualTo(1);
        assertThat(data.loadStats().get("x4bnet-datacenter-ipv4.txt").rows()).isEqualTo(2);
        assertThat(data.loadStats().get("x4bnet-datacenter-ipv4.txt").skipped()).isEqualTo(1);
        assertThat(data.loadStats().get("cloud_ip_ranges/examplecloud.csv").rows()).isEqualTo(3);
        assertThat(data.loadStats().get("cloud_ip_ranges/examplecloud.csv").skipped()).isEqualTo(1);
        assertThat(data.loadStats().get("tor-exit-nodes.txt").rows()).isEqualTo(2);
        assertThat(data.skippedRows()).isEqualTo(7);
        assertThat(data.loadStats()).doesNotContainKey("no-such-file.csv");
    }

    @Test
    void attributionsNameTheCcByDataWhenLoaded() {
        assertThat(data.attributions()).contains(NetworkData.ASN_ATTRIBUTION, NetworkData.DBIP_LINK,
                NetworkData.COUNTRY_ATTRIBUTION);
        assertThat(data.attributions().get(data.attributions().size() - 1)).contains("X4BNet", "ipcat", "Tor");
    }

    @Test
    void missingFilesAreOptionalButTheFolderIsNot(@TempDir Path tmp) throws IOException {
        NetworkData none = NetworkData.load(tmp);
        assertThat(none.isEmpty()).isTrue();
        assertThat(none.loadStats()).isEmpty();
        assertThatThrownBy(() -> NetworkData.load(tmp.resolve("absent"))).isInstanceOf(IOException.class)
                .hasMessageContaining("absent");
    }

    @Test
    void gzippedFilesAreRead(@TempDir Path tmp) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(tmp.resolve("asn-ipv4.csv.gz")))) {
            out.write(Files.readAllBytes(fixture.resolve("asn-ipv4.csv")));
        }
        NetworkData gz = NetworkData.load(tmp);
        assertThat(gz.lookup("215.0.0.5").asn()).isEqualTo(721);
        assertThat(gz.attributions()).containsExactly(NetworkData.ASN_ATTRIBUTION, NetworkData.DBIP_LINK);
    }

    @Test
    void cacheGivesTheSameAnswers() {
        IpLookupCache cache = data.newCache(4);
        for (String ip : new String[] {"1.0.0.1", "2.26.157.9", "1.0.0.1", "bogus", "18.7.22.69", "1.0.0.1"}) {
            assertThat(cache.lookup(ip)).isEqualTo(data.lookup(ip));
        }
        assertThat(cache.hits() + cache.misses()).isEqualTo(6);
        assertThat(cache.hits()).isPositive();
        assertThat(cache.lookup(null)).isEqualTo(IpInfo.UNKNOWN);
    }

    @Test
    void universityRuleCoversSeveralLanguagesAndAvoidsWordFragments() {
        for (String org : new String[] {"University of Waterloo", "Aarhus Universitet", "Universidad de Navarra",
            "UNIVERSIDADE FEDERAL DE MINAS GERAIS", "Zachodniopomorski Uniwersytet Technologiczny",
            "Berner Fachhochschule", "Politecnico di Milano", "Massachusetts Institute of Technology",
            "Bangladesh Research and Education Network (BdREN)", "INSTITUTO FEDERAL DE EDU, CIENCIA",
            "Ecole Polytechnique", "École normale supérieure", "Akademia Leona Kozminskiego", "Imperial College London",
            "Wayzata School District"}) {
            assertThat(NetworkLoader.isUniversity(org)).as(org).isTrue();
        }
        for (String org : new String[] {"AZEDUNET LLC", "Schoolcraft Development Authority", "Amazon.com, Inc.",
            "Cloudflare, Inc.", "Deutsche Telekom AG", "Educators Credit Union"}) {
            assertThat(NetworkLoader.isUniversity(org)).as(org).isFalse();
        }
    }

    @Test
    void csvSplitterHandlesQuotedCommasAndQuotes() {
        assertThat(NetworkLoader.splitCsv("1.0.0.0,1.0.0.255,13335,\"Cloudflare, Inc.\"", 4))
                .containsExactly("1.0.0.0", "1.0.0.255", "13335", "Cloudflare, Inc.");
        assertThat(NetworkLoader.splitCsv("a,b,1,\"FGBOU \"\"Tolyatti\"\"\"", 4))
                .containsExactly("a", "b", "1", "FGBOU \"Tolyatti\"");
        assertThat(NetworkLoader.splitCsv("3.0.0.0,3.1.255.255,\"Amazon, AWS\",http://x/", 4))
                .containsExactly("3.0.0.0", "3.1.255.255", "Amazon, AWS", "http://x/");
        assertThat(NetworkLoader.splitCsv("a,\"unterminated", 4)).isNull();
    }
}
