package io.distillguard.signals;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** The two-choice vocabulary table ({@link Lexicon#entry}) against a plain map of the same words. */
class LexiconVocabularyTest {

    // built once: building the lexicon per try would dominate the properties' run time
    private static final Lexicon LEX = ContentLexicon.build();

    @Test
    void everyWordIsFoundWithItsIdAndInstructionFlag() {
        for (int id = 1; id < LEX.wordCount(); id++) {
            long e = LEX.entry(Lexicon.hash(LEX.word(id)));
            assertThat((int) e).as(LEX.word(id)).isEqualTo(id);
            assertThat((e & Lexicon.INSTRUCTION_BIT) != 0).as(LEX.word(id)).isEqualTo(LEX.isInstruction(id));
            assertThat(LEX.id(Lexicon.hash(LEX.word(id)))).isEqualTo(id);
        }
    }

    @Test
    void numberWordsAndDigitsAreNumbers() {
        for (String w : List.of("two", "ten", "dozen", "thousands")) {
            assertThat(LEX.id(Lexicon.hash(w))).isEqualTo(Lexicon.NUM);
        }
        assertThat((int) LEX.numEntry()).isEqualTo(Lexicon.NUM);
        assertThat((LEX.numEntry() & Lexicon.INSTRUCTION_BIT) != 0).isEqualTo(LEX.isInstruction(Lexicon.NUM));
    }

    @Property(tries = 500)
    void wordsOutsideTheVocabularyMiss(@ForAll @AlphaChars @StringLength(min = 1, max = 14) String w) {
        String t = w.toLowerCase(java.util.Locale.ROOT);
        Assume.that(!vocabulary(LEX).contains(t));
        assertThat(LEX.entry(Lexicon.hash(t))).isEqualTo(Lexicon.MISS);
        assertThat(LEX.id(Lexicon.hash(t))).isEqualTo(-1);
    }

    /**
     * A lexicon grown word by word, with instruction marks before and after other words arrive: the table
     * grows and evicts along the way, and every lookup must still equal the plain map's.
     */
    @Property(tries = 30)
    void growingVocabularyEqualsAMap(@ForAll long seed, @ForAll @IntRange(min = 1, max = 6000) int n) {
        Random r = new Random(seed);
        Lexicon lex = new Lexicon();
        Map<String, Boolean> instruction = new HashMap<>();
        Set<String> numberWords = vocabulary(lex);
        for (int i = 0; i < n; i++) {
            String w = randomWord(r);
            if (numberWords.contains(w)) {
                continue; // "ten" is a number (id NUM), tested above
            }
            if (r.nextInt(4) == 0) {
                lex.instructionWords(w);
                instruction.put(w, true);
            } else {
                lex.add(Lexicon.Family.CHAT, "f" + i, 0.1, 0, w);
                instruction.putIfAbsent(w, false);
            }
        }
        Set<String> vocab = vocabulary(lex);
        for (Map.Entry<String, Boolean> e : instruction.entrySet()) {
            long entry = lex.entry(Lexicon.hash(e.getKey()));
            int id = (int) entry;
            assertThat(id).isPositive();
            assertThat(lex.word(id)).isEqualTo(e.getKey());
            assertThat((entry & Lexicon.INSTRUCTION_BIT) != 0).isEqualTo(e.getValue());
        }
        for (int i = 0; i < 200; i++) {
            String w = randomWord(r) + "q";
            if (!vocab.contains(w)) {
                assertThat(lex.entry(Lexicon.hash(w))).isEqualTo(Lexicon.MISS);
            }
        }
    }

    private static String randomWord(Random r) {
        int len = 1 + r.nextInt(9);
        StringBuilder b = new StringBuilder(len);
        for (int k = 0; k < len; k++) {
            b.append((char) ('a' + r.nextInt(26)));
        }
        return b.toString();
    }

    private static Set<String> vocabulary(Lexicon lex) {
        Set<String> s = new HashSet<>(List.of("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                "eleven", "twelve", "fifteen", "twenty", "thirty", "forty", "fifty", "hundred", "dozen", "dozens",
                "hundreds", "thousand", "thousands"));
        for (int id = 1; id < lex.wordCount(); id++) {
            s.add(lex.word(id));
        }
        return s;
    }
}
