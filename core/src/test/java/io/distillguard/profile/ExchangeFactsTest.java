package io.distillguard.profile;

import static org.assertj.core.api.Assertions.assertThat;

import io.distillguard.enrich.IpClass;
import io.distillguard.enrich.IpInfo;
import io.distillguard.model.Api;
import io.distillguard.model.ClientInfo;
import io.distillguard.model.Exchange;
import io.distillguard.model.ReasoningRequest;
import io.distillguard.model.ResponseSummary;
import io.distillguard.model.Role;
import io.distillguard.model.Sampling;
import io.distillguard.model.StructuredOutput;
import io.distillguard.model.Turn;
import io.distillguard.model.Usage;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class ExchangeFactsTest {

    private static Exchange ex(ClientInfo client, String endUser, String stop, Integer maxTokens, int out,
            List<Turn> turns, int priorTurns) {
        Sampling sampling = new Sampling(null, null, null, null, maxTokens, null, false, false, false, 0);
        return new Exchange("id", 1_770_000_000_000L, "acct-7", Api.OPENAI_CHAT, null, null, endUser, "m-1", client,
                new Usage(10, out, -1, -1), new ResponseSummary(null, stop, 0), 200, 10, "", turns, "p", List.of(),
                null, sampling, ReasoningRequest.NONE, StructuredOutput.NONE, priorTurns);
    }

    @Test
    void referenceDataWinsOverGatewayFieldsAndTextsAreNormalised() {
        ClientInfo client = new ClientInfo("203.0.113.9", "sdk/1.0", 64500, null, " de ", null, "host,accept");
        IpInfo info = new IpInfo(64501, "Org", null, IpClass.DATACENTER, null);
        ExchangeFacts f = ExchangeFacts.of(ex(client, null, "stop", null, 5, List.of(), 0), info);

        assertThat(f.asn()).isEqualTo("AS64501");
        assertThat(f.asnHash).isEqualTo(Hashes.of("AS64501"));
        assertThat(f.country).isEqualTo("DE");
        assertThat(f.countryHash).isEqualTo(Hashes.of("DE"));
        assertThat(f.prefix()).isEqualTo("203.0.113.0/24");
        assertThat(f.prefixHash).isEqualTo(Hashes.of("203.0.113.0/24"));
        assertThat(f.addrHash).isEqualTo(Hashes.of("203.0.113.9"));
        assertThat(f.tls).as("header order stands in for a missing TLS print").isEqualTo("host,accept");
        assertThat(f.modelHash()).isEqualTo(Hashes.of("m-1"));
        assertThat(f.accountId()).isEqualTo("acct-7");
        assertThat(f.endUser).isFalse();
        assertThat(f.singleTurn).isTrue();
        assertThat(f.saturated).isFalse();
    }

    @Test
    void missingClientDataGivesZeroHashes() {
        ExchangeFacts f = ExchangeFacts.of(ex(ClientInfo.EMPTY, "", "stop", null, 5, List.of(), 0), null);
        assertThat(f.addr).isNull();
        assertThat(f.addrHash).isZero();
        assertThat(f.prefixHash).isZero();
        assertThat(f.asn()).isNull();
        assertThat(f.country).isNull();
        assertThat(f.ip).isSameAs(IpInfo.UNKNOWN);
        assertThat(f.endUser).as("a blank end user id is still an end user").isTrue();
        assertThat(f.endUserHash).isZero();
    }

    @Test
    void saturationAndToolResults() {
        List<Turn> turns = List.of(Turn.text(Role.USER, "a"),
                new Turn(Role.TOOL, "r", List.of(), 2, 0, List.of()), new Turn(Role.USER, "b", List.of(), 1, 0, List.of()));
        assertThat(ExchangeFacts.of(ex(ClientInfo.EMPTY, null, "length", null, 5, turns, 2), null).saturated).isTrue();
        assertThat(ExchangeFacts.of(ex(ClientInfo.EMPTY, null, "stop", 100, 95, turns, 2), null).saturated).isTrue();
        assertThat(ExchangeFacts.of(ex(ClientInfo.EMPTY, null, "stop", 100, 94, turns, 2), null).saturated).isFalse();
        ExchangeFacts f = ExchangeFacts.of(ex(ClientInfo.EMPTY, null, "stop", null, 5, turns, 2), null);
        assertThat(f.toolResults).isEqualTo(3);
        assertThat(f.singleTurn).isFalse();
    }

    /** The prefix hash is computed without its text; it must equal the hash of the text, for every address. */
    @Property
    void prefixHashAndTextMatchTheTextForm(@ForAll("addresses") String addr) {
        ClientInfo client = new ClientInfo(addr, null, null, null, null, null, null);
        ExchangeFacts f = ExchangeFacts.of(ex(client, null, "stop", null, 5, List.of(), 0), null);
        String expected = Hashes.prefix(addr);
        assertThat(f.prefix()).isEqualTo(expected);
        assertThat(f.prefixHash).isEqualTo(Hashes.of(expected));
    }

    @Property
    void ipv4PrefixHashEqualsTheHashOfItsText(@ForAll @LongRange(min = 0, max = 0xFFFF_FFFFL) long v) {
        String text = (v >>> 24) + "." + ((v >>> 16) & 0xFF) + "." + ((v >>> 8) & 0xFF) + ".0/24";
        assertThat(Hashes.ofIpv4Prefix(v)).isEqualTo(Hashes.of(text));
    }

    @Property
    void asnHashEqualsTheHashOfItsText(@ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int asn) {
        assertThat(Hashes.ofAsn(asn)).isEqualTo(Hashes.of("AS" + asn));
    }

    @Test
    void asnEdgeValues() {
        for (int asn : new int[] {0, 9, 10, 99, 100, 64500, 1_000_000_000, Integer.MAX_VALUE}) {
            assertThat(Hashes.ofAsn(asn)).as("AS%d", asn).isEqualTo(Hashes.of("AS" + asn));
        }
        ClientInfo negative = new ClientInfo(null, null, -5, null, null, null, null);
        ExchangeFacts f = ExchangeFacts.of(ex(negative, null, "stop", null, 5, List.of(), 0), null);
        assertThat(f.asn()).isEqualTo("AS-5");
        assertThat(f.asnHash).isEqualTo(Hashes.of("AS-5"));
    }

    @Provide
    Arbitrary<String> addresses() {
        Arbitrary<String> octet = Arbitraries.integers().between(0, 255).map(String::valueOf);
        Arbitrary<String> v4 = Arbitraries.strings().withChars("0123456789.").ofMinLength(0).ofMaxLength(17);
        Arbitrary<String> dotted = octet.list().ofSize(4).map(l -> String.join(".", l));
        Arbitrary<String> odd = Arbitraries.of("010.1.2.3", "1.2.3", "1.2.3.4.5", " 1.2.3.4", "1.2.3.4 ", "256.1.1.1",
                "::ffff:203.0.113.7", "2001:db8:1::7", "2001:DB8:0:0::1", "fe80::1%eth0", "", "host.example",
                "1.2.3.4:80", "[::1]", "::");
        return Arbitraries.oneOf(dotted, dotted, v4, odd, Arbitraries.strings().ofMaxLength(20));
    }
}
