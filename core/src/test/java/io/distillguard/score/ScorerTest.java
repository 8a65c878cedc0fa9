package io.distillguard.score;

import static org.assertj.core.api.Assertions.assertThat;

import io.distillguard.findings.Evidence;
import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class ScorerTest {

    final Scorer scorer = new Scorer(ScoreConfig.defaults());

    static double[] v(Object... pairs) {
        double[] x = Scorer.emptyVector();
        for (int i = 0; i < pairs.length; i += 2) {
            x[((Signal) pairs[i]).ordinal()] = ((Number) pairs[i + 1]).doubleValue();
        }
        return x;
    }

    @Test
    void oneLoudFamilyNeverFlags() {
        // a benchmark runner: all chain-of-thought, maxed reasoning; no ties, no infrastructure
        Assessment cot = scorer.assess(v(Signal.COT_SHARE, 1.0, Signal.REASONING_MAXED_SHARE, 1.0, Signal.RUBRIC_SHARE,
                1.0, Signal.STRUCTURED_QA_SHARE, 1.0), 5000, "account");
        assertThat(cot.family(Family.CONTENT)).isEqualTo(3.5); // capped
        assertThat(cot.flagged()).isFalse();
        // an enterprise: strong ties only
        Assessment ties = scorer.assess(v(Signal.LINK_STRENGTH, 10, Signal.CAMPAIGN_SIZE, 40), 5000, "account");
        assertThat(ties.flagged()).isFalse();
    }

    @Test
    void contentAndCoordinationConvergeToAFlagWithEvidence() {
        Assessment a = scorer.assess(v(Signal.EXTRACTION_SHARE, 0.6, Signal.LINK_STRENGTH, 3.0,
                Signal.CAMPAIGN_SIZE, 10, Signal.HOUR_ENTROPY, 0.99), 500, "campaign");
        assertThat(a.flagged()).isTrue();
        assertThat(a.score()).isGreaterThan(0.5);
        Evidence top = a.evidence().get(0);
        assertThat(top.signal()).isEqualTo("extraction_share");
        assertThat(top.value()).isEqualTo(0.6);
        assertThat(top.baseline()).isEqualTo(Signal.EXTRACTION_SHARE.defaultBaseline());
        assertThat(top.weight()).isEqualTo(Signal.EXTRACTION_SHARE.defaultWeight());
        assertThat(top.detail()).contains("60.0%").contains("baseline 15.0%");
        // the same ties with ordinary traffic: an enterprise or a classroom
        Assessment benign = scorer.assess(v(Signal.EXTRACTION_SHARE, 0.05, Signal.LINK_STRENGTH, 3.0,
                Signal.CAMPAIGN_SIZE, 10, Signal.HOUR_ENTROPY, 0.7), 500, "campaign");
        assertThat(benign.flagged()).isFalse();
    }

    @Test
    void aLoneAccountNeedsStrongContentAndBehaviour() {
        double[] content = v(Signal.EXTRACTION_SHARE, 0.9, Signal.RECONSTRUCTION_SHARE, 0.9, Signal.HOSTING_IP_SHARE, 1.0,
                Signal.PROGRAM_UNVERIFIED, 1.0);
        // a judge platform: all grading, automated, but no distillation tell
        double[] judge = v(Signal.EXTRACTION_SHARE, 0.98, Signal.RUBRIC_SHARE, 0.98,
                Signal.TEMPLATED_NOVELTY, 0.8, Signal.HOUR_ENTROPY, 0.99, Signal.INTERARRIVAL_REGULARITY, 0.1);
        assertThat(scorer.assess(judge, 5000, "account").flagged()).isFalse();
        assertThat(scorer.assess(content, 5000, "account").flagged()).isFalse(); // content + infrastructure only
        double[] both = content.clone();
        both[Signal.INTERARRIVAL_REGULARITY.ordinal()] = 0.1;
        both[Signal.HOUR_ENTROPY.ordinal()] = 0.99;
        both[Signal.BURST_REPEAT_SHARE.ordinal()] = 0.5;
        both[Signal.TEMPLATED_NOVELTY.ordinal()] = 0.7;
        assertThat(scorer.assess(both, 5000, "account").flagged()).isTrue();
        assertThat(scorer.assess(both, 100, "account").flagged()).isFalse(); // too few exchanges
    }

    @Test
    void exculpatoryEvidenceLowersTheScoreAndRulesRespectVolume() {
        double[] base = v(Signal.COT_SHARE, 0.9, Signal.LINK_STRENGTH, 3.0, Signal.CAMPAIGN_SIZE, 10);
        double[] bench = base.clone();
        bench[Signal.FIXED_ITEM_SET.ordinal()] = 0.0;
        Assessment plain = scorer.assess(base, 1000, "account");
        Assessment b = scorer.assess(bench, 1000, "account");
        assertThat(b.score()).isLessThan(plain.score());
        assertThat(b.evidence()).anySatisfy(e -> {
            assertThat(e.signal()).isEqualTo("fixed_item_set");
            assertThat(e.weight()).isNegative();
        });
        // below min_exchanges the content rule is silent
        assertThat(scorer.assess(base, 3, "account").evidence()).noneMatch(e -> e.signal().equals("cot_elicitation_share"));
    }

    @Test
    void rampsGoBothWays() {
        Rule up = new Rule(0.2, 0.6, 1, 0);
        Rule down = new Rule(0.9, 0.3, 1, 0);
        assertThat(up.strength(0.4)).isEqualTo(0.5, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(up.strength(0.1)).isZero();
        assertThat(down.strength(0.3)).isEqualTo(1.0);
        assertThat(down.strength(1.2)).isZero();
        assertThat(up.strength(Double.NaN)).isZero();
    }

    @Test
    void actionsByBand() {
        ScoreConfig c = ScoreConfig.defaults();
        assertThat(c.actionFor(0.99, false, true)).isEqualTo("observe");
        assertThat(c.actionFor(0.6, true, false)).isEqualTo("throttle");
        assertThat(c.actionFor(0.99, true, false)).isEqualTo("degrade_reasoning");
        assertThat(c.actionFor(0.99, true, true)).isEqualTo("suspend");
    }

    /** The Locale.US formatting of evidence numbers must give exactly the Locale.ROOT text. */
    @Property(tries = 2000)
    void numbersFormatAsWithRootLocale(@ForAll double v, @ForAll("scale") int scale) {
        double x = v / Math.pow(10, scale);
        assertThat(Scorer.pct(x)).isEqualTo(String.format(Locale.ROOT, "%.1f%%", 100 * x));
        assertThat(Scorer.fmt(x)).isEqualTo(Math.abs(x) >= 100 ? String.format(Locale.ROOT, "%.0f", x)
                : String.format(Locale.ROOT, "%.2f", x));
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<Integer> scale() {
        return net.jqwik.api.Arbitraries.integers().between(-3, 310);
    }

    @Test
    void numberEdgeCasesFormatAsWithRootLocale() {
        for (double x : new double[] {0.0, -0.0, 0.005, 0.015, 0.125, -0.125, 99.995, 100, -100, 0.00049, 1e-320,
            Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MAX_VALUE, 12345.5}) {
            assertThat(Scorer.pct(x)).isEqualTo(String.format(Locale.ROOT, "%.1f%%", 100 * x));
            assertThat(Scorer.fmt(x)).isEqualTo(Math.abs(x) >= 100 ? String.format(Locale.ROOT, "%.0f", x)
                    : String.format(Locale.ROOT, "%.2f", x));
        }
    }
}
