package io.distillguard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

class MemberDetailTest {

    /** The campaign-member sentence is the text the String.format pattern it replaced wrote. */
    @Property(tries = 2000)
    void sameTextAsFormatPattern(@ForAll @IntRange(min = 1, max = 99_999) int cluster,
            @ForAll @IntRange(min = 1, max = 50_000) int accounts, @ForAll @DoubleRange(min = 0, max = 1) double score,
            @ForAll @DoubleRange(min = 0, max = 40) double strength) {
        String id = "c" + String.format(Locale.ROOT, "%04d", cluster);
        assertThat(ScanEngine.memberDetail(id, accounts, score, strength)).isEqualTo(String.format(Locale.ROOT,
                "member of campaign %s (%d accounts, score %.2f), linked to it with weight %.2f", id, accounts, score,
                strength));
    }
}
