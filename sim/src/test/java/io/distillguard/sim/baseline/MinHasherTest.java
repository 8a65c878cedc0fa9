package io.distillguard.sim.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MinHasherTest {

    private static double distance(MinHasher h, String a, String b) {
        char[] sa = new char[h.length()];
        char[] sb = new char[h.length()];
        h.sign(a, sa, 0);
        h.sign(b, sb, 0);
        return MinHasher.distance(sa, 0, sb, 0, h.length());
    }

    private static String words(int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < to; i++) {
            sb.append("word").append(i).append(' ');
        }
        return sb.toString();
    }

    @Test
    void estimatesJaccardDistance() {
        MinHasher h = new MinHasher(512, 1, 7);
        // {0..99} vs {50..149}: Jaccard 50 / 150, distance 2/3; standard error sqrt(p(1-p)/512) ~ 0.02
        assertThat(distance(h, words(0, 100), words(50, 150))).isCloseTo(2 / 3.0, within(0.08));
        assertThat(distance(h, words(0, 100), words(0, 100))).isZero();
        assertThat(distance(h, words(0, 100), words(200, 300))).isGreaterThan(0.95);
    }

    @Test
    void normalisesCaseAndPunctuationAndIsSeeded() {
        MinHasher h = new MinHasher(64, 3, 1);
        assertThat(distance(h, "Explain, step by step: WHY?", "explain step by step why")).isZero();
        assertThat(distance(h, "", "")).isZero();
        assertThat(distance(h, "one two", "one two")).isZero(); // shorter than a shingle
        assertThat(distance(h, "one two", "one three")).isEqualTo(1.0, within(0.1));
        char[] a = new char[64];
        char[] b = new char[64];
        new MinHasher(64, 3, 1).sign("same text here", a, 0);
        new MinHasher(64, 3, 1).sign("same text here", b, 0);
        assertThat(a).isEqualTo(b);
    }

    @Test
    void readsOnlyTheFirstWordsOfHugePrompts() {
        MinHasher h = new MinHasher(64, 1, 1);
        String head = words(0, MinHasher.MAX_WORDS);
        assertThat(distance(h, head + words(10_000, 20_000), head)).isZero();
    }
}
