package io.distillguard.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.distillguard.model.Account;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LinkerTest {

    static Account acct(String id, String card, String ip) {
        return new Account(id, null, null, null, card, null, null, null, null, null, ip, null);
    }

    static List<LinkSubject> population(int n) {
        List<LinkSubject> s = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            s.add(new LinkSubject(String.format("a%04d", i), null, acct(String.format("a%04d", i), "card" + i, "10.0." + i / 250 + "." + i % 250)));
        }
        return s;
    }

    @Test
    void aCardSharedByTwoLinksWithItsPriorAndRarerIsHeavier() {
        List<LinkSubject> s = population(1000);
        // card shared by 2, card shared by 8, signup IP shared by 50 (a corporate NAT)
        s.set(0, new LinkSubject("a0000", null, acct("a0000", "shared2", "10.9.9.1")));
        s.set(1, new LinkSubject("a0001", null, acct("a0001", "shared2", "10.9.9.2")));
        for (int i = 10; i < 18; i++) {
            s.set(i, new LinkSubject(s.get(i).accountId(), null, acct(s.get(i).accountId(), "shared8", "10.8.8." + i)));
        }
        for (int i = 100; i < 150; i++) {
            s.set(i, new LinkSubject(s.get(i).accountId(), null, acct(s.get(i).accountId(), "own" + i, "192.0.2.1")));
        }
        LinkConfig cfg = LinkConfig.defaults();
        AccountGraph g = new Linker(cfg).link(s, 0, 0);
        double pair = weight(g, 0, 1);
        double card8 = weight(g, 10, 11);
        double nat = weight(g, 100, 101);
        assertThat(pair).isCloseTo(cfg.prior(LinkAttribute.PAYMENT_FINGERPRINT), within(1e-9));
        assertThat(card8).isEqualTo(pair); // cards are exempt from the rarity discount
        assertThat(nat).isLessThan(card8 / 2);
        // the NAT group (50 > cliqueMax) is linked as a ring, not a clique: O(n) edges
        long natEdges = g.edges().stream().filter(e -> e.a() >= 100 && e.a() < 150 && e.b() < 150).count();
        assertThat(natEdges).isEqualTo(50L * cfg.ringNeighbours());
        AccountGraph.Edge e = edge(g, 10, 11);
        assertThat(e.reasons().get(0).attribute()).isEqualTo(LinkAttribute.PAYMENT_FINGERPRINT);
        assertThat(e.reasons().get(0).sharedBy()).isEqualTo(8);
    }

    @Test
    void valuesSharedByTooManyAccountsLinkNobody() {
        List<LinkSubject> s = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            s.add(new LinkSubject("a" + i, null, new Account("a" + i, null, "gmail.example", null, null, null, null,
                    null, null, null, null, null)));
        }
        AccountGraph g = new Linker(LinkConfig.defaults()).link(s, 0, 0);
        assertThat(g.edges()).isEmpty();
    }

    @Test
    void kindsCombineByNoisyOr() {
        List<LinkSubject> s = population(500);
        s.set(0, new LinkSubject("a0000", null, acct("a0000", "c", "10.20.30.40")));
        s.set(1, new LinkSubject("a0001", null, acct("a0001", "c", "10.20.30.40")));
        LinkConfig cfg = new LinkConfig(Map.of(LinkAttribute.PAYMENT_FINGERPRINT, 0.5, LinkAttribute.SIGNUP_IP, 0.5,
                LinkAttribute.SIGNUP_PREFIX, 0.0), 0.1, 0.05, 32, 3, 0.2, 64, 4, 0.3, 10, 0.05, java.util.Set.of(),
                30, 0.1, 0.15, 4096, 8, 0.35);
        AccountGraph g = new Linker(cfg).link(s, 0, 0);
        assertThat(weight(g, 0, 1)).isCloseTo(1 - 0.5 * 0.5, within(1e-9));
    }

    @Test
    void withoutAKindRecomputesEdgesFromTheOtherReasons() {
        List<LinkSubject> s = population(500);
        s.set(0, new LinkSubject("a0000", null, acct("a0000", "c", "10.20.30.40")));
        s.set(1, new LinkSubject("a0001", null, acct("a0001", "c", "10.20.30.40")));
        s.set(2, new LinkSubject("a0002", null, acct("a0002", "d", "10.20.30.41")));
        s.set(3, new LinkSubject("a0003", null, acct("a0003", "d", "10.20.30.99")));
        LinkConfig cfg = LinkConfig.defaults();
        AccountGraph g = new Linker(cfg).link(s, 0, 0);
        AccountGraph noIp = g.without(LinkAttribute.SIGNUP_IP);
        assertThat(noIp.size()).isEqualTo(g.size());
        assertThat(weight(g, 0, 1)).isCloseTo(1.0, within(1e-9)); // card at 1.0 dominates
        assertThat(weight(noIp, 0, 1)).isCloseTo(1.0, within(1e-9));
        assertThat(edge(noIp, 0, 1).reasons()).extracting(LinkReason::attribute)
                .doesNotContain(LinkAttribute.SIGNUP_IP);
        AccountGraph noCard = g.without(LinkAttribute.PAYMENT_FINGERPRINT);
        assertThat(weight(noCard, 0, 1)).isLessThan(1.0).isGreaterThanOrEqualTo(cfg.prior(LinkAttribute.SIGNUP_IP) - 1e-9);
        // an edge whose only reason is taken out disappears
        assertThat(edge(noCard, 2, 3)).satisfiesAnyOf(e -> assertThat(e).isNull(),
                e -> assertThat(e.reasons()).extracting(LinkReason::attribute)
                        .doesNotContain(LinkAttribute.PAYMENT_FINGERPRINT));
    }

    static double weight(AccountGraph g, int a, int b) {
        AccountGraph.Edge e = edge(g, a, b);
        return e == null ? 0 : e.weight();
    }

    static AccountGraph.Edge edge(AccountGraph g, int a, int b) {
        return g.edges().stream().filter(e -> e.a() == Math.min(a, b) && e.b() == Math.max(a, b)).findFirst()
                .orElse(null);
    }
}
