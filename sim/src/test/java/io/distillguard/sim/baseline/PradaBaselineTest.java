package io.distillguard.sim.baseline;

import static io.distillguard.sim.baseline.Events.SECOND;
import static io.distillguard.sim.baseline.Events.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.distillguard.findings.AccountFinding;
import io.distillguard.findings.Findings;
import io.distillguard.model.Exchange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PradaBaselineTest {

    static final String[] VOCAB = new String[2000];

    static {
        for (int i = 0; i < VOCAB.length; i++) {
            VOCAB[i] = "w" + Integer.toString(i, 36) + "x";
        }
    }

    /** An extraction-style stream: a base prompt varied one word at a time, a new base every 10 prompts. */
    static String perturbed(int i, Random r) {
        StringBuilder c = new StringBuilder();
        int base = i / 10;
        for (int k = 0; k < 30; k++) {
            c.append(VOCAB[(base * 31 + k * 7) % VOCAB.length]).append(' ');
        }
        return c.append(VOCAB[r.nextInt(VOCAB.length)]).toString();
    }

    /** Independent prompts of 25 words drawn uniformly from 150: overlaps vary smoothly. */
    static String independent(Random r) {
        StringBuilder u = new StringBuilder();
        for (int k = 0; k < 25; k++) {
            u.append(VOCAB[r.nextInt(150)]).append(' ');
        }
        return u.toString();
    }

    static List<Exchange> traffic(int prompts) {
        Random r = new Random(3);
        List<Exchange> ev = new ArrayList<>();
        for (int i = 0; i < prompts; i++) {
            long ts = T0 + i * SECOND;
            ev.add(Events.of("extractor", ts, perturbed(i, r), 10, 10));
            ev.add(Events.of("independent", ts, independent(r), 10, 10));
            ev.add(Events.of("pinger", ts, "ping", 10, 10));
        }
        return ev;
    }

    // unigram shingles so that random word bags have graded overlaps
    static final PradaBaseline.Config UNIGRAMS = new PradaBaseline.Config(0.9, 100, 10, 256, 64, 64, 1, 3.0, 1L);

    @Test
    void flagsSystematicVariationButNotIndependentPrompts() throws Exception {
        Findings f = new PradaBaseline(UNIGRAMS).detect(EventSource.of(traffic(400)));
        Map<String, AccountFinding> a = RateLimitBaselineTest.byId(f);
        AccountFinding ex = a.get("extractor");
        assertThat(ex.flagged()).isTrue();
        assertThat(ex.score()).isGreaterThan(0.5);
        // 100 distances need 101 prompts; tests run every 10th prompt
        assertThat(ex.exchangesAtFlag()).isGreaterThanOrEqualTo(110).matches(n -> n % 10 == 0);
        assertThat(ex.firstFlagMillis()).isEqualTo(T0 + (ex.exchangesAtFlag() - 1) * SECOND);
        assertThat(ex.evidence().get(0).signal()).isEqualTo("prompt_distance_normality_w");
        assertThat(ex.evidence().get(0).value()).isLessThan(0.9);
        assertThat(ex.evidence().get(0).baseline()).isEqualTo(0.9);
        double w = ex.evidence().get(0).value();
        assertThat(ex.score()).isCloseTo((1 - w) / ((1 - w) + 0.1), within(1e-12));

        AccountFinding ind = a.get("independent");
        assertThat(ind.flagged()).isFalse();
        assertThat(ind.evidence().get(0).value()).isGreaterThan(0.9);
        assertThat(ind.score()).isBetween(0.0, 0.5);
        assertThat(ind.clusterId()).isNull();
        assertThat(f.clusters()).isEmpty();
    }

    @Test
    void defaultTrigramConfigAlsoCatchesTheExtractor() throws Exception {
        Map<String, AccountFinding> a = RateLimitBaselineTest.byId(
                new PradaBaseline(PradaBaseline.Config.DEFAULT).detect(EventSource.of(traffic(300))));
        assertThat(a.get("extractor").flagged()).isTrue();
    }

    @Test
    void untestableAccountsScoreZero() throws Exception {
        Map<String, AccountFinding> a = RateLimitBaselineTest.byId(
                new PradaBaseline(UNIGRAMS).detect(EventSource.of(traffic(100))));
        // 100 prompts give 99 distances: below the minimum, never tested
        assertThat(a.get("extractor").flagged()).isFalse();
        assertThat(a.get("extractor").score()).isZero();
        assertThat(a.get("extractor").evidence()).isEmpty();
        Map<String, AccountFinding> b = RateLimitBaselineTest.byId(
                new PradaBaseline(UNIGRAMS).detect(EventSource.of(traffic(300))));
        // identical prompts: every distance 0, W undefined
        assertThat(b.get("pinger").flagged()).isFalse();
        assertThat(b.get("pinger").score()).isZero();
    }

    @Test
    void deterministic() throws Exception {
        Findings a = new PradaBaseline(PradaBaseline.Config.DEFAULT).detect(EventSource.of(traffic(200)));
        Findings b = new PradaBaseline(PradaBaseline.Config.DEFAULT).detect(EventSource.of(traffic(200)));
        assertThat(a).isEqualTo(b);
    }

    @Test
    void rejectsInvalidConfig() {
        assertThatThrownBy(() -> new PradaBaseline.Config(1.0, 100, 10, 256, 64, 64, 3, 3, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PradaBaseline.Config(0.9, 300, 10, 256, 64, 64, 3, 3, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PradaBaseline.Config(0.9, 100, 10, 256, 64, 4, 3, 3, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void promptIsTheLastUserTurn() {
        assertThat(PradaBaseline.promptText(Events.of("a", T0, "what is 2+2", 1, 1))).isEqualTo("what is 2+2");
    }
}
