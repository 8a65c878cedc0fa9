package io.distillguard.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class RangeSetTest {

    record R(int start, int end, int rank, int payload, int flags) {
    }

    @Test
    void narrowestCoveringRangeWinsAndTieGoesToFirst() {
        RangeSet s = new RangeSet();
        s.add(0, 100, 0, 300, 7, 0, 0);   // wide
        s.add(0, 150, 0, 250, 8, 0, 0);   // narrower, overlapping the tail
        s.add(0, 200, 0, 210, 9, 0, 0);   // same width as the next
        s.add(0, 205, 0, 215, 10, 0, 0);
        SegmentTable t = s.flatten(true);
        assertThat(t.payload(t.find4(120))).isEqualTo(7);
        assertThat(t.payload(t.find4(150))).isEqualTo(8);
        assertThat(t.payload(t.find4(205))).isEqualTo(9);
        assertThat(t.payload(t.find4(212))).isEqualTo(10);
        assertThat(t.payload(t.find4(260))).isEqualTo(7);
        assertThat(t.find4(99)).isEqualTo(-1);
        assertThat(t.find4(301)).isEqualTo(-1);
    }

    @Test
    void rangeReachingTheTopOfIpv6SpaceIsKept() {
        RangeSet s = new RangeSet();
        s.add(-1L, 0, -1L, -1L, 1, 0, 4);
        s.add(0, 5, 0, 9, 2, 0, 0);
        SegmentTable t = s.flatten(false);
        assertThat(t.payload(t.find6(-1L, -1L))).isEqualTo(1);
        assertThat(t.flags(t.find6(-1L, 17))).isEqualTo(4);
        assertThat(t.find6(-2L, -1L)).isEqualTo(-1);
        assertThat(t.payload(t.find6(0, 9))).isEqualTo(2);
    }

    @Test
    void topOfIpv4SpaceAndWholeSpace() {
        RangeSet s = new RangeSet();
        s.add(0, 0, 0, 0xFFFF_FFFFL, 1, 0, 1);
        s.add(0, 0xFFFF_FF00L, 0, 0xFFFF_FFFFL, 2, 0, 2);
        SegmentTable t = s.flatten(true);
        assertThat(t.payload(t.find4(0xFFFF_FFFFL))).isEqualTo(2);
        assertThat(t.flags(t.find4(0xFFFF_FFFFL))).isEqualTo(3);
        assertThat(t.payload(t.find4(0))).isEqualTo(1);
        assertThat(t.payload(t.find4(0x8000_0000L))).isEqualTo(1);
    }

    @Provide
    Arbitrary<List<R>> ranges() {
        Arbitrary<R> r = Combinators.combine(Arbitraries.integers().between(0, 300),
                Arbitraries.integers().between(0, 60), Arbitraries.integers().between(0, 1),
                Arbitraries.integers().between(-1, 5), Arbitraries.integers().between(0, 7))
                .as((st, w, rank, p, f) -> new R(st, st + w, rank, p, f));
        return r.list().ofMaxSize(25);
    }

    @Property(tries = 300)
    void flattenedTableAgreesWithBruteForce(@ForAll("ranges") List<R> rs) {
        RangeSet s = new RangeSet();
        for (R r : rs) {
            s.add(0, r.start(), 0, r.end(), r.payload(), r.rank(), r.flags());
        }
        SegmentTable t4 = s.flatten(true);
        SegmentTable t6 = s.flatten(false);
        for (int x = 0; x <= 370; x++) {
            int bestIdx = -1;
            int flags = 0;
            boolean covered = false;
            for (int i = 0; i < rs.size(); i++) {
                R r = rs.get(i);
                if (r.start() <= x && x <= r.end()) {
                    covered = true;
                    flags |= r.flags();
                    if (r.payload() >= 0 && (bestIdx < 0 || better(r, rs.get(bestIdx)))) {
                        bestIdx = i;
                    }
                }
            }
            int expectPayload = bestIdx < 0 ? -1 : rs.get(bestIdx).payload();
            check(t4, t4.find4(x), x, covered, flags, expectPayload);
            check(t6, t6.find6(0, x), x, covered, flags, expectPayload);
        }
    }

    private static void check(SegmentTable t, int seg, int x, boolean covered, int flags, int payload) {
        if (!covered) {
            assertThat(seg).as("x=%d", x).isEqualTo(-1);
            return;
        }
        assertThat(seg).as("x=%d", x).isNotNegative();
        assertThat(t.flags(seg)).as("flags at %d", x).isEqualTo(flags);
        assertThat(t.payload(seg)).as("payload at %d", x).isEqualTo(payload);
    }

    private static boolean better(R a, R b) {
        if (a.rank() != b.rank()) {
            return a.rank() < b.rank();
        }
        return a.end() - a.start() < b.end() - b.start();
    }
}
