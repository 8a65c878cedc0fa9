package io.distillguard.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class ContentTest {

    @Test
    void paraphraseLevelZeroKeepsOneWordingAndOneVariesIt() {
        SplittableRandom r = new SplittableRandom(3);
        Set<String> fixed = new HashSet<>();
        Set<String> varied = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            fixed.add(Content.template(Content.COT_RECON, 2, 0.0, r));
            varied.add(Content.template(Content.COT_RECON, 2, 1.0, r));
        }
        assertThat(fixed).containsExactly(Content.COT_RECON[2]);
        assertThat(varied.size()).isGreaterThan(Content.COT_RECON.length);
        assertThat(varied).allMatch(t -> t.contains("{p}"));
    }

    @Test
    void everyAttackFamilyHasSeveralVariants() {
        for (String[] f : new String[][] {Content.COT_RECON, Content.RUBRIC_ATTACK, Content.REWRITE, Content.SWEEP,
            Content.AGENT_TASK}) {
            assertThat(f.length).isGreaterThanOrEqualTo(5);
        }
    }

    @Test
    void rubricTemplatesAreFilled() {
        String t = "[Question]\n{question}\n[A]\n{answer_a}\n[B]\n{answer_b}\n{unknown}";
        String filled = Content.fillRubric(t, "What is 2+2?", () -> "four");
        assertThat(filled).isEqualTo("[Question]\nWhat is 2+2?\n[A]\nfour\n[B]\nfour\n{unknown}");
        assertThat(Content.fillRubric("{instruction} $1 \\ {output_1}", "q$", () -> "a\\")).isEqualTo("q$ $1 \\ a\\");
    }

    @Property(tries = 300)
    void rfc3339MatchesJavaTime(@ForAll @LongRange(min = 0, max = 4_102_444_800_000L) long ms,
            @ForAll @IntRange(min = -720, max = 840) int offsetMinutes) {
        int off = offsetMinutes / 15 * 15;
        String expected = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX")
                .format(Instant.ofEpochMilli(ms).atOffset(ZoneOffset.ofTotalSeconds(off * 60)));
        assertThat(Times.rfc3339(ms, off)).isEqualTo(expected);
    }

    @Test
    void ipRangesCoverEveryClassWithAsnAndCountry() {
        IpRanges ranges = IpRanges.load();
        SplittableRandom r = new SplittableRandom(1);
        for (IpRanges.NetClass c : IpRanges.NetClass.values()) {
            assertThat(ranges.of(c)).as(c.name()).hasSizeGreaterThan(20);
            for (IpRanges.Range x : ranges.of(c)) {
                assertThat(x.asn()).isPositive();
                assertThat(x.end()).isGreaterThanOrEqualTo(x.start());
                String ip = x.randomIp(r);
                long v = 0;
                for (String part : ip.split("\\.")) {
                    v = v * 256 + Integer.parseInt(part);
                }
                assertThat(v).isBetween(x.start(), x.end());
            }
        }
        assertThat(ranges.pick(r, IpRanges.NetClass.DATACENTER, "aws").provider()).isEqualTo("aws");
    }
}
