package io.distillguard.signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TemplateFingerprintTest {

    private final ContentAnalyzer an = new ContentAnalyzer();

    private long t(String s) {
        return an.templateHash(s);
    }

    @Test
    void masksVariablePartsExactly() {
        String a = "Order #4521 for \"Blue Widget\" shipped to anna@example.com, see https://x.example/track?id=9.";
        String b = "Order #77 for \"Red Gadget Pro\" shipped to bob.smith@corp.example, see http://y.example/t.";
        assertThat(t(a)).isEqualTo(t(b));
        String code1 = "Fix this:\n```python\nprint(1)\n```\nThanks";
        String code2 = "Fix this:\n```js\nconsole.log('x'); let y = 2;\n```\nThanks";
        assertThat(t(code1)).isEqualTo(t(code2));
        assertThat(t("Translate {text} into {language}.")).isEqualTo(t("Translate {{input}} into {target}."));
        assertThat(t("")).isZero();
        assertThat(t("hello")).isNotZero();
    }

    @Test
    void sameTemplateIsNearAndUnrelatedPromptsAreFar() {
        String tpl = "You are a meticulous analyst. Read the following customer review and classify its sentiment "
                + "as positive, negative or neutral. Explain your reasoning in one sentence, then give the label "
                + "in JSON format.\n\nReview: %s\n\nAnswer:";
        String[] reviews = {
            "The blender broke after two weeks and support never answered my emails.",
            "Absolutely love this jacket, warm and light, would buy again for my brother.",
            "It's fine. Does what it says, nothing special, delivery was a bit slow though.",
            "Terrible smell when opened; returned it the same day.",
        };
        long[] h = Arrays.stream(reviews).mapToLong(r -> t(String.format(Locale.ROOT, tpl, r))).toArray();
        for (int i = 0; i < h.length; i++) {
            for (int j = i + 1; j < h.length; j++) {
                assertThat(ContentAnalyzer.hamming(h[i], h[j])).as("pair %d,%d", i, j).isLessThanOrEqualTo(22);
            }
        }
        long other = t("What are some good hiking trails near Denver for beginners with dogs?");
        for (long x : h) {
            assertThat(ContentAnalyzer.hamming(x, other)).isGreaterThan(24);
        }
        assertThat(ContentAnalyzer.hamming(0L, -1L)).isEqualTo(64);
    }

    /** Same-template vs unrelated distances on real prompts: the numbers documented in docs/signals.md. */
    @Test
    void poolDistances() {
        var dir = SharedPrompts.dir();
        assumeTrue(dir.isPresent(), SharedPrompts.ABSENT);
        var gsm = SharedPrompts.read(dir.get(), "benchmark/gsm8k_test.jsonl", 300);
        List<SharedPrompts.Rec> human = new ArrayList<>(
                SharedPrompts.read(dir.get(), "human/sharegpt_sg90k_first_turns.jsonl", 300));
        human.addAll(SharedPrompts.read(dir.get(), "human/instructionwild.jsonl", 300));
        String[] templates = {
            "Solve the following math word problem. Think step by step and put the final answer after '####'.\n\nProblem: %s\n\nSolution:",
            "You are an expert competition mathematician. Read the problem carefully, reason about it, and give only the final numeric answer.\n%s",
            "%s\nExplain every step of your reasoning, then write the answer on its own line as 'Answer: <number>'.",
            "### Instruction:\nBelow is a grade-school math question. Provide a detailed solution.\n### Input:\n%s\n### Response:",
        };
        Random rnd = new Random(7);
        int pairs = 300;
        int[] same = new int[pairs * templates.length];
        int k = 0;
        for (String tpl : templates) {
            for (int i = 0; i < pairs; i++) {
                var x = gsm.get(rnd.nextInt(gsm.size()));
                var y = gsm.get(rnd.nextInt(gsm.size()));
                same[k++] = ContentAnalyzer.hamming(t(String.format(Locale.ROOT, tpl, x.text())),
                        t(String.format(Locale.ROOT, tpl, y.text())));
            }
        }
        int[] unrelated = new int[pairs * 2];
        for (int i = 0; i < unrelated.length; i++) {
            var x = human.get(rnd.nextInt(human.size()));
            var y = human.get(rnd.nextInt(human.size()));
            unrelated[i] = x == y ? 64 : ContentAnalyzer.hamming(t(x.text()), t(y.text()));
        }
        Arrays.sort(same);
        Arrays.sort(unrelated);
        double sameNear = fractionAtMost(same, 20);
        double unrelatedNear = fractionAtMost(unrelated, 20);
        System.out.printf(Locale.ROOT,
                "template hamming: same-template median %d p95 %d, <=20: %.3f | unrelated median %d p5 %d p1 %d, <=20: %.4f%n",
                same[same.length / 2], same[same.length * 95 / 100], sameNear, unrelated[unrelated.length / 2],
                unrelated[unrelated.length / 20], unrelated[unrelated.length / 100], unrelatedNear);
        assertThat(same[same.length / 2]).isLessThanOrEqualTo(18);
        assertThat(unrelated[unrelated.length / 2]).isGreaterThanOrEqualTo(28);
        assertThat(sameNear).isGreaterThanOrEqualTo(0.75);
        assertThat(unrelatedNear).isLessThanOrEqualTo(0.01);
    }

    @Test
    void exactKeyIsEqualWithinATemplateAndDistinctAcrossPrompts() {
        String prefix = "You are a careful grader of student essays. Read the essay below and list its three main "
                + "weaknesses.\n\n%s";
        String suffix = "%s\n\nSummarize the text above in exactly three bullet points and give it a short title.";
        String[] payloads = {"My summer holiday was spent at my grandmother's farm near the lake.",
            "Technology changes how we learn; online courses let anyone study anything.",
            "The French Revolution began in 1789 and changed Europe forever."};
        for (String tpl : new String[] {prefix, suffix}) {
            long k0 = an.templateKey(String.format(Locale.ROOT, tpl, payloads[0]));
            for (String p : payloads) {
                assertThat(an.templateKey(String.format(Locale.ROOT, tpl, p))).isEqualTo(k0);
            }
        }
        assertThat(an.templateKey(payloads[0])).isNotEqualTo(an.templateKey(payloads[1]));
        assertThat(an.templateKey("")).isZero();
        assertThat(an.analyze(Exchanges.prompt(String.format(Locale.ROOT, prefix, payloads[2]))).templateKey())
                .isEqualTo(an.templateKey(String.format(Locale.ROOT, prefix, payloads[0])));
    }

    @Test
    void poolExactKeys() {
        var dir = SharedPrompts.dir();
        assumeTrue(dir.isPresent(), SharedPrompts.ABSENT);
        var gsm = SharedPrompts.read(dir.get(), "benchmark/gsm8k_test.jsonl", 300);
        String tpl = "%s\nExplain every step of your reasoning, then write the answer on its own line as 'Answer: <number>'.";
        java.util.Set<Long> keys = new java.util.HashSet<>();
        for (var r : gsm) {
            keys.add(an.templateKey(String.format(Locale.ROOT, tpl, r.text())));
        }
        assertThat(keys).hasSize(1);
        var human = SharedPrompts.read(dir.get(), "human/sharegpt_sg90k_first_turns.jsonl", 3000);
        java.util.Set<Long> hk = new java.util.HashSet<>();
        for (var r : human) {
            hk.add(an.templateKey(r.text()));
        }
        System.out.printf(Locale.ROOT, "template key: sharegpt %d prompts -> %d distinct keys%n", human.size(), hk.size());
        assertThat((double) hk.size() / human.size()).isGreaterThanOrEqualTo(0.97);
    }

    private static double fractionAtMost(int[] sorted, int limit) {
        int n = 0;
        for (int d : sorted) {
            if (d <= limit) {
                n++;
            }
        }
        return (double) n / sorted.length;
    }
}
