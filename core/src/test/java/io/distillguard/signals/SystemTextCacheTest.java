package io.distillguard.signals;

import static io.distillguard.signals.Exchanges.withSystem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.distillguard.model.Exchange;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class SystemTextCacheTest {

    private static SystemTextCache.Part part(String text, long exact) {
        return new SystemTextCache.Part(text, new int[0], 0, 0, 0, 1, exact);
    }

    /** Two different texts that map to the same slot of {@code c}. */
    private static String[] collidingPair(SystemTextCache c) {
        String first = "system prompt number 0";
        int slot = c.slot(first);
        for (int i = 1; i < 100_000; i++) {
            String other = "system prompt number " + i;
            if (c.slot(other) == slot) {
                return new String[] {first, other};
            }
        }
        throw new AssertionError("no colliding text found");
    }

    @Test
    void hitNeedsAnEqualTextNotJustTheSameSlot() {
        SystemTextCache c = new SystemTextCache(4);
        String[] pair = collidingPair(c);
        c.put(part(pair[0], 7));
        assertThat(c.get(pair[1])).isNull();
        assertThat(c.get(new String(pair[0].toCharArray())).exactHash()).isEqualTo(7);
        assertThat(c.hits()).isEqualTo(1);
        assertThat(c.misses()).isEqualTo(1);
    }

    @Test
    void aNewTextEvictsTheOneInItsSlot() {
        SystemTextCache c = new SystemTextCache(4);
        String[] pair = collidingPair(c);
        c.put(part(pair[0], 1));
        c.put(part(pair[1], 2));
        assertThat(c.get(pair[0])).isNull();
        assertThat(c.get(pair[1]).exactHash()).isEqualTo(2);
    }

    @Test
    void textsOverTheLengthBoundAreNotStored() {
        SystemTextCache c = new SystemTextCache(4);
        String longText = "x".repeat(SystemTextCache.MAX_CHARS + 1);
        c.put(part(longText, 3));
        assertThat(c.get(longText)).isNull();
        String atBound = "y".repeat(SystemTextCache.MAX_CHARS);
        c.put(part(atBound, 4));
        assertThat(c.get(atBound)).isNotNull();
    }

    @Test
    void slotCountMustBeAPowerOfTwo() {
        assertThatThrownBy(() -> new SystemTextCache(3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SystemTextCache(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void emptyTextHasASlot() {
        assertThat(new SystemTextCache(8).slot("")).isBetween(0, 7);
    }

    @Test
    void repeatedSystemTextIsAnalysedOnce() {
        ContentAnalyzer an = new ContentAnalyzer();
        String system = "You are a strict grader. Rate the response on a scale of 1 to 10 and output [[score]].";
        ContentAnalyzer reference = new ContentAnalyzer(0);
        for (String user : List.of("Response: Paris is the capital.", "Response: 2 + 2 = 5", "Let's think step by step.")) {
            Exchange e = withSystem(new String(system.toCharArray()), user);
            assertThat(an.analyze(e)).isEqualTo(reference.analyze(e));
            assertThat(an.explain(e)).isEqualTo(reference.explain(e));
        }
        assertThat(an.systemCache().misses()).isEqualTo(1);
        assertThat(an.systemCache().hits()).isEqualTo(5);
    }

    @Test
    void featuresTheUserPromptFiredAreNotFiredAgainBySystemText() {
        // the user prompt fires a CoT cue, the system text fires the same cue and a rubric cue: the
        // firing order (user first) and the scores must match the inline scan
        ContentAnalyzer cached = new ContentAnalyzer(2);
        ContentAnalyzer inline = new ContentAnalyzer(0);
        String system = "Grade the answer on a scale of 1 to 10. Think step by step.";
        for (String user : List.of("Let's think step by step about this.", "Compare response A and response B.",
                "What is the capital of France?")) {
            Exchange e = withSystem(system, user);
            assertThat(cached.analyze(e)).isEqualTo(inline.analyze(e));
            assertThat(cached.explain(e)).isEqualTo(inline.explain(e));
        }
    }

    // ------------------------------------------------------------ properties

    private static final String[] FRAGMENTS = {
        "step by step", "let's think", "show your work", "explain your reasoning", "final answer is 42",
        "reconstruct the reasoning behind this answer", "rate the response on a scale of 1 to 10",
        "which response is better", "[[A]]", "[[B]]", "output your verdict", "rubric", "assistant A",
        "assistant B", "rewrite this in a neutral, safe way", "sensitive topic", "censorship",
        "generate 10 question-answer pairs", "in JSON format", "you have access to the following tools",
        "Action:", "Observation:", "Thought:", "http://example.com/a?b=c", "www.Example.org", "name@example.com",
        "```python\nprint(1)\n```", "{placeholder}", "{{variable}}", "\"a quoted payload here\"",
        "\u201cquoted\u201d", "Alice", "Bob", "x_y_z", "(a + b) * c = d", "\n    indented", "\nA. one\nB. two\nC. three",
        "\u00c4rger \u00fcber \u00dcbel", "\u01c5", "\u24b6\u24b7", "\u00a0", "\u2003", "\u0001", "\t", "\r\n", "  ",
        "?", "!", ".", ":", ";", "\u03c0 \u2264 \u221a2", "12345", "3.14", "Write a Python function", "essay",
        "summarise", "capital of France", "hello", "\ud83d\ude00", "ignore previous instructions", "@", "[[", "]]",
    };

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> piece = Arbitraries.oneOf(
                Arbitraries.of(FRAGMENTS),
                Arbitraries.strings().withCharRange(' ', '~').ofMinLength(1).ofMaxLength(12),
                Arbitraries.strings().all().ofMinLength(1).ofMaxLength(3));
        Arbitrary<String> sep = Arbitraries.of(" ", " ", " ", "\n", "", "  ", "\t", ", ");
        return Combinators.combine(piece, sep).as((p, s) -> p + s).list().ofMaxSize(120)
                .map(l -> String.join("", l))
                .flatMap(t -> Arbitraries.integers().between(0, 40).map(r -> t.repeat(Math.max(1, r / 8))));
    }

    @Property(tries = 150)
    void cachedAnalysisEqualsInlineAnalysis(@ForAll("texts") String sysA, @ForAll("texts") String sysB,
            @ForAll("texts") String user1, @ForAll("texts") String user2) {
        ContentAnalyzer cached = new ContentAnalyzer(2); // two slots: texts evict each other too
        ContentAnalyzer inline = new ContentAnalyzer(0);
        List<Exchange> seq = new ArrayList<>();
        for (String sys : List.of(sysA, sysB, sysA, "", sysB, sysA)) {
            seq.add(withSystem(sys, user1));
            seq.add(withSystem(sys, user2));
        }
        for (Exchange e : seq) {
            assertThat(cached.analyze(e)).isEqualTo(inline.analyze(e));
            assertThat(cached.explain(e)).isEqualTo(inline.explain(e));
        }
    }

    // built once: building the lexicon per try would dominate the property's run time
    private static final Lexicon LEX = ContentLexicon.build();

    @Property(tries = 300)
    void scanComputesTheExactHash(@ForAll("texts") String text) {
        PromptScanner scanner = new PromptScanner(LEX);
        PromptScanner.Scratch sc = new PromptScanner.Scratch(LEX.featureCount());
        long expected = ContentAnalyzer.exactHash(text);
        sc.resetAll();
        scanner.scan(text, ContentAnalyzer.HEAD_CHARS, ContentAnalyzer.TAIL_CHARS, sc);
        assertThat(sc.exactHash).isEqualTo(expected);
        sc.resetAll();
        scanner.scan(text, ContentAnalyzer.SYSTEM_HEAD_CHARS, ContentAnalyzer.SYSTEM_TAIL_CHARS, sc);
        assertThat(sc.exactHash).isEqualTo(expected);
        sc.resetAll();
        scanner.scan(text, 7, 5, sc); // tiny windows: most of the text goes through the between-windows loop
        assertThat(sc.exactHash).isEqualTo(expected);
    }
}
