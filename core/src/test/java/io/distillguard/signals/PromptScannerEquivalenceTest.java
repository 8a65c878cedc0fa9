package io.distillguard.signals;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link PromptScanner} must leave exactly the state {@link ReferencePromptScanner} (the scanner before its
 * per-word fast paths) leaves: both token streams, their weights, every counter and the exact hash, on texts
 * built from vocabulary and instruction words, names, numbers, every separator the scanner treats
 * specially, URLs, e-mail addresses, code fences, placeholders and non-ASCII letters, for several window sizes.
 */
class PromptScannerEquivalenceTest {

    // built once: building the lexicon per try would dominate the property's run time
    private static final Lexicon LEX = ContentLexicon.build();

    @Provide
    Arbitrary<String> texts() {
        List<String> words = new ArrayList<>();
        for (int id = 1; id < LEX.wordCount(); id += 7) {
            words.add(LEX.word(id));
        }
        words.addAll(List.of("explain", "Explain", "STEP", "Paris", "x", "A.", "B)", "2024", "3.14", "ten", "a1b2",
                "https://example.org/a?b=c", "www.Example.com", "HTTP://X.Y", "mail@example.org", "snake_case",
                "élan", "Straße", "Привет", "数学题", "ǅ", "İstanbul", "١٢٣", "x²", "naïve"));
        Arbitrary<String> word = Arbitraries.of(words);
        Arbitrary<String> sep = Arbitraries.of(" ", " ", " ", "  ", "\n", "\n    ", "\n\t", "\nA. ", "\nC) ", "\t", "\r\n",
                ", ", ". ", "? ", "! ", ": ", "; ", "-", "'", "\"", " \"", "\u201c", "\u201d", "`", "```", "```\n", "(",
                ")", "[[", "]]", "{", "}", "{{", "}}", "_", "@", "=", "+", "*", "/", "^", "<", ">", "%", "\u00d7",
                "\u00f7", "\u221a", "\u03c0", "\u2211", "\u222b", "\u2264", "\u2265", "\u2260", "&", "#", "$", "|",
                "~", "\\", "\u00a0", "\u2003", "\u3000", "\u2028", "", "\u00bf", "\u2014");
        Arbitrary<String> piece = net.jqwik.api.Combinators.combine(word, sep).as((w, s) -> w + s);
        return piece.list().ofMaxSize(400).map(l -> String.join("", l))
                .flatMap(t -> Arbitraries.integers().between(1, 12).map(r -> r > 9 ? t.repeat(r) : t));
    }

    @Property(tries = 400)
    void scannerEqualsReference(@ForAll("texts") String text) {
        PromptScanner fast = new PromptScanner(LEX);
        ReferencePromptScanner ref = new ReferencePromptScanner(LEX);
        int[][] windows = {{ContentAnalyzer.HEAD_CHARS, ContentAnalyzer.TAIL_CHARS},
            {ContentAnalyzer.SYSTEM_HEAD_CHARS, ContentAnalyzer.SYSTEM_TAIL_CHARS}, {7, 5}, {40, 20}, {300, 100}};
        for (int[] w : windows) {
            PromptScanner.Scratch a = new PromptScanner.Scratch(LEX.featureCount());
            PromptScanner.Scratch b = new PromptScanner.Scratch(LEX.featureCount());
            a.resetAll();
            b.resetAll();
            fast.scan(text, w[0], w[1], a);
            ref.scan(text, w[0], w[1], b);
            assertThat(state(a)).as("windows %s", Arrays.toString(w)).isEqualTo(state(b));
        }
    }

    private static List<Object> state(PromptScanner.Scratch s) {
        return List.of(Arrays.toString(Arrays.copyOf(s.ids, s.idCount)), Arrays.toString(Arrays.copyOf(s.sim, s.simCount)),
                Arrays.toString(Arrays.copyOf(s.simWeight, s.simCount)), s.exactHash,
                List.of(s.words, s.numbers, s.codeWords, s.fences, s.codeChars, s.mathChars, s.questionMarks, s.newlines,
                        s.doubleBrackets, s.urls, s.indentedLines, s.optionLines, s.snakeCase, s.parens, s.emails));
    }
}
