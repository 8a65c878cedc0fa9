package io.distillguard.signals;

import io.distillguard.model.Exchange;
import io.distillguard.model.ReasoningRequest;
import io.distillguard.model.StructuredOutput;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Micro benchmark of {@link ContentAnalyzer#analyze} (no JMH): prints the median ns/exchange of several
 * timed rounds on one thread and on two threads. Uses the shared prompt pools when present (a realistic
 * mix of short and very long prompts), otherwise generated prompts. Not a test.
 *
 * <p>Run: {@code ./mvnw -q -pl core test-compile} then
 * {@code java -cp core/target/classes:core/target/test-classes:<jackson jars> io.distillguard.signals.ContentAnalyzerBench}.
 */
public final class ContentAnalyzerBench {

    private ContentAnalyzerBench() {
    }

    public static void main(String[] args) throws Exception {
        List<Exchange> ex = exchanges();
        long chars = 0;
        for (Exchange e : ex) {
            chars += e.lastUserText().length() + e.systemText().length();
        }
        System.out.printf(Locale.ROOT, "%d exchanges, mean prompt+system %d chars%n", ex.size(), chars / ex.size());
        ContentAnalyzer an = new ContentAnalyzer();
        long sink = 0;
        for (int w = 0; w < 5; w++) {
            sink += pass(an, ex);
        }
        // thread CPU time, not wall time: the machine is shared, and a descheduled thread is not our cost
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double[] single = new double[7];
        double[] ref = new double[7];
        for (int r = 0; r < single.length; r++) {
            long t0 = mx.getCurrentThreadCpuTime();
            sink += pass(an, ex);
            long t1 = mx.getCurrentThreadCpuTime();
            sink += reference(ex);
            long t2 = mx.getCurrentThreadCpuTime();
            single[r] = (double) (t1 - t0) / ex.size();
            ref[r] = (double) (t2 - t1) / ex.size();
        }
        Arrays.sort(single);
        Arrays.sort(ref);
        System.out.printf(Locale.ROOT, "1 thread : median %.0f ns/exchange CPU (min %.0f, max %.0f) = %.0f exchanges/s per core%n",
                single[3], single[0], single[6], 1e9 / single[3]);
        System.out.printf(Locale.ROOT, "reference (lower-case + String.hashCode of prompt and system, what the interim "
                + "analyzer did): median %.0f ns/exchange CPU; ratio %.2f%n", ref[3], single[3] / ref[3]);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        double[] dual = new double[7];
        for (int r = 0; r < dual.length; r++) {
            long t0 = System.nanoTime();
            List<Future<Long>> fs = new ArrayList<>();
            for (int k = 0; k < 2; k++) {
                fs.add(pool.submit(() -> pass(an, ex)));
            }
            for (Future<Long> f : fs) {
                sink += f.get();
            }
            dual[r] = (double) (System.nanoTime() - t0) / (2L * ex.size());
        }
        pool.shutdown();
        Arrays.sort(dual);
        System.out.printf(Locale.ROOT, "2 threads: median %.0f ns/exchange wall (min %.0f, max %.0f) = %.0f exchanges/s "
                + "(wall time: depends on machine load)%n",
                dual[3], dual[0], dual[6], 1e9 / dual[3]);
        System.out.println("(checksum " + sink + ")");
    }

    private static long pass(ContentAnalyzer an, List<Exchange> ex) {
        long s = 0;
        for (Exchange e : ex) {
            ContentSignals c = an.analyze(e);
            s += c.templateHash() ^ (long) (c.cotElicitation() * 1000) ^ c.capability().ordinal();
        }
        return s;
    }

    private static long reference(List<Exchange> ex) {
        long s = 0;
        for (Exchange e : ex) {
            s += e.lastUserText().toLowerCase(Locale.ROOT).hashCode() + e.systemText().toLowerCase(Locale.ROOT).hashCode();
        }
        return s;
    }

    private static List<Exchange> exchanges() {
        List<String> prompts = new ArrayList<>();
        var dir = SharedPrompts.dir();
        if (dir.isPresent()) {
            for (String f : new String[] {"human/sharegpt_sg90k_first_turns.jsonl", "human/instructionwild.jsonl",
                "human/awesome_chatgpt_prompts.jsonl", "benchmark/gsm8k_test.jsonl", "benchmark/mmlu_test.jsonl",
                "benchmark/humaneval.jsonl", "distill/gpteacher_codegen.jsonl", "rubric/alpaca_eval_evaluator_templates.jsonl"}) {
                for (SharedPrompts.Rec r : SharedPrompts.read(dir.get(), f, 1500)) {
                    prompts.add(r.text());
                }
            }
        } else {
            Random rnd = new Random(1);
            String[] words = "the a of to solve explain step by step answer question please write code function json reasoning final how many what is"
                    .split(" ");
            for (int i = 0; i < 5000; i++) {
                StringBuilder b = new StringBuilder();
                int n = 10 + rnd.nextInt(i % 10 == 0 ? 1500 : 150);
                for (int k = 0; k < n; k++) {
                    b.append(words[rnd.nextInt(words.length)]).append(k % 17 == 0 ? ". " : " ");
                }
                prompts.add(b.toString());
            }
        }
        List<Exchange> out = new ArrayList<>();
        Random rnd = new Random(2);
        for (int i = 0; i < prompts.size(); i++) {
            String system = i % 3 == 0 ? "You are a helpful assistant. Answer concisely and explain your reasoning." : "";
            out.add(Exchanges.of(system, prompts.get(i), i % 7 == 0 ? List.of("search") : List.of(),
                    i % 11 == 0 ? StructuredOutput.JSON_SCHEMA : StructuredOutput.NONE,
                    i % 5 == 0 ? new ReasoningRequest("high", null, null) : ReasoningRequest.NONE, null, List.of()));
        }
        java.util.Collections.shuffle(out, rnd);
        return out;
    }
}
