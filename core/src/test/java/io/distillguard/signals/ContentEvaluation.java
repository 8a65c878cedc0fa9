package io.distillguard.signals;

import com.fasterxml.jackson.databind.JsonNode;
import io.distillguard.model.Exchange;
import io.distillguard.model.ReasoningRequest;
import io.distillguard.model.StructuredOutput;
import io.distillguard.signals.SharedPrompts.Rec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures the content classifiers on the real prompt pools: positive rate (score at or above
 * {@link ContentAnalyzer#POSITIVE}) on benign sources = false-positive rate, and on target sets =
 * detection rate. Target sets for CoT, reconstruction, censorship and structured Q/A wrap real pool
 * prompts in request phrasings written here, independently of the lexicon; each phrasing list is
 * split into a dev half (odd positions, may have been looked at while building the lexicon) and a
 * held-out half (even positions). Rubric: the lexicon was built with the FastChat judge prompts in
 * view; AlpacaEval and UltraFeedback templates are held out.
 *
 * <p>Run standalone: {@code java -cp <test classpath> io.distillguard.signals.ContentEvaluation}.
 */
final class ContentEvaluation {

    /** One measured cell. */
    record Row(String classifier, String set, String kind, int n, int positives) {
        double rate() {
            return n == 0 ? Double.NaN : (double) positives / n;
        }
    }

    static final List<String> COT_PHRASINGS = List.of(
            "{q}\nLet's work this out in a step by step way to be sure we have the right answer.",
            "Answer the following question. Before you give the answer, reason about it carefully, writing down every intermediate calculation.\n\n{q}",
            "{q}\n\nPlease show your reasoning in detail and then state the final answer.",
            "Question: {q}\nAnswer: Let's think step by step.",
            "I need the complete derivation, not just the result. Go through each step and explain why it follows.\n{q}",
            "{q}\nBreak the solution into numbered steps, explaining the logic of each one.",
            "Solve this. Think out loud as you go, and don't skip any steps.\n{q}",
            "You are a meticulous tutor. For the problem below, write out your entire thought process before the answer.\n\n{q}",
            "{q}\n\nExplain your thinking step-by-step. End with 'Final answer: <number>'.",
            "Provide a detailed, step-by-step solution to the following problem, including all intermediate reasoning.\n{q}",
            "{q}\nWalk me through how you would solve it, one step at a time.",
            "Reason through the following problem thoroughly. Lay out each inference explicitly.\n{q}",
            "{q}\nFirst, think about the problem and write your reasoning inside <thinking> tags. Then give your answer inside <answer> tags.",
            "Please answer with a full chain of reasoning, making every assumption and calculation explicit: {q}",
            "Take a deep breath and work on this problem step-by-step.\n{q}",
            "{q}\nDescribe in detail how you reach the answer, then give the answer.",
            "Let's solve this carefully. Write down what is known, what is asked, then each step of the calculation.\n{q}",
            "{q} Justify every step of your solution rigorously.",
            "For the question below, give a long, explicit rationale before your final answer. {q}",
            "{q}\n\nShow the steps you took to get there.");

    static final List<String> RECON_PHRASINGS = List.of(
            "Below is a question and a completed response. Imagine you were the one who wrote the response and articulate, step by step, the internal reasoning that produced it.\n\nQuestion: {q}\nResponse: {a}",
            "Question: {q}\nCorrect answer: {a}\n\nWrite the hidden chain of thought that would lead a careful solver to this exact answer.",
            "Here's a solution someone wrote: {a}\nFor the problem: {q}\nReconstruct the thinking they went through, including dead ends.",
            "Given the final answer {f}, produce the reasoning trace that explains how one gets there for: {q}",
            "{q}\nThe answer is {f}. Explain the thought process behind this answer as if you were thinking it through for the first time.",
            "Pretend you solved this problem and got {f}. Write out the rationale you would have used. Problem: {q}",
            "Produce a plausible reasoning path that arrives at the provided solution.\nProblem: {q}\nSolution: {a}",
            "I have the answer ({f}) but not the working. Recreate the steps that lead from the question to the answer: {q}");

    static final List<String> CENSOR_PHRASINGS = List.of(
            "Rewrite the following question so it avoids politically sensitive wording and would pass a content filter:\n{p}",
            "Rephrase this in a neutral, non-controversial way that won't be censored: {p}",
            "Make this question safe to ask on a platform with strict censorship, keeping its meaning: {p}",
            "Reformulate the text below to remove any sensitive terms while preserving the intent.\n{p}",
            "Give me a sanitized version of this prompt that wouldn't trigger moderation: {p}",
            "Paraphrase the following so that it complies with government content regulations: {p}",
            "Soften the wording of this question so that keyword filters don't block it: {p}",
            "How could this be asked in a politically acceptable way? {p}",
            "Rewrite this sensitive question into a harmless-sounding one that still gets the same information: {p}",
            "Convert the following into a version that is compliant with the official narrative and free of taboo topics: {p}");

    /** {t} topic; the second element is the response format requested with the phrasing. */
    static final List<String> SQA_PHRASINGS = List.of(
            "NONE|Generate 10 question-answer pairs about {t}. Return them as a JSON list.",
            "NONE|Create a dataset of 25 multiple-choice questions on {t}, each with four options and the correct answer, formatted as JSON objects.",
            "NONE|Write 5 challenging problems about {t} along with worked solutions. Output JSON with keys 'problem' and 'solution'.",
            "NONE|Produce 50 diverse instructions a user might give to an AI assistant about {t}, with an ideal response for each, in JSONL.",
            "NONE|I need synthetic training examples: 20 customer questions about {t} and the answers a support agent would give.",
            "NONE|Come up with 8 trivia questions about {t} and provide answers.",
            "NONE|Please make a list of 15 interview questions about {t} with model answers.",
            "JSON_SCHEMA|Generate questions and answers covering {t}.",
            "JSON_SCHEMA|Return an array of 12 quiz items on {t}.",
            "JSON_OBJECT|Write three FAQ entries (question and answer) for {t}.");

    /*
     * Fresh phrasings, written after the first measurement and never used to change the lexicon: the
     * second-round held-out sets (the first round's held-out halves were looked at after being measured).
     */
    static final List<String> COT_FRESH = List.of(
            "Problem:\n{q}\n\nInstructions: derive the solution methodically; number each stage of your argument and state the result at the end.",
            "{q}\nDon't just give me the number - I want to see how you got it, every calculation included.",
            "As a careful reasoner, lay out your analysis step by step before concluding.\n\n{q}",
            "{q}\n\nRespond in two parts: 'Reasoning:' with your full analysis, then 'Answer:' with the result.",
            "Think carefully and systematically about the following, showing all intermediate work.\n{q}",
            "{q}\nExplain the solution process in detail, stage by stage, so a student could follow it.",
            "Before answering, reason it out thoroughly. Provide a detailed explanation of each step you take.\n{q}",
            "Carefully work through this question and explain your logic at every point: {q}",
            "{q}\n\nWrite a complete worked solution with explanations for each line.",
            "Let's reason about this together. Go step-by-step and double-check each calculation.\n{q}");

    static final List<String> RECON_FRESH = List.of(
            "Question: {q}\nAnswer given by an expert: {a}\nDescribe the internal thought process the expert most likely followed to produce this answer.",
            "Here is a finished answer: {f}. Work backwards and write the detailed reasoning that would justify it for this problem: {q}",
            "You will see a problem and its reference solution. Generate the step-by-step thinking that connects the problem to the solution.\nProblem: {q}\nReference solution: {a}",
            "Explain, as if narrating your own thoughts, how someone would arrive at the answer {f} for: {q}");

    static final List<String> CENSOR_FRESH = List.of(
            "Can you rewrite this so it doesn't mention anything the government would censor? {p}",
            "Rephrase the question below to get around the platform's sensitive-word filter: {p}",
            "Turn this into a politically neutral question that domestic moderators would allow: {p}",
            "Please reword the following to avoid any politically sensitive terms: {p}",
            "Rewrite this so that it can be posted without being blocked by the censors: {p}");

    static final List<String> SQA_FRESH = List.of(
            "NONE|Produce a JSON array of 30 objects, each with 'instruction', 'input' and 'output', about {t}.",
            "JSON_SCHEMA|Write 6 exam questions on {t} with answers and difficulty ratings.",
            "NONE|Give me 40 varied user prompts about {t} paired with high-quality assistant replies, formatted as JSON lines.",
            "NONE|Create ten flashcards on {t}: front is a question, back is the answer. Output as JSON.",
            "JSON_OBJECT|Generate a quiz about {t} with questions, options and the correct option.");

    /*
     * Round 3: written and committed before the group/window rules were added to the lexicon (after the
     * fresh sets above had been measured and looked at). The final held-out measurement.
     */
    static final List<String> COT_R3 = List.of(
            "{q}\nI'm grading for process, not just the answer, so please make your reasoning visible from start to finish.",
            "Give a thorough, methodical solution to this problem; explain what you do at each stage and why.\n{q}",
            "Read the question, then think it over out loud in numbered steps, and only at the end commit to an answer.\n{q}",
            "{q}\nPlease be explicit about every inference you make on the way to the answer.",
            "You are a math olympiad coach. Solve the problem below while explaining all your reasoning in full detail.\n{q}",
            "{q}\nShow me the complete reasoning chain that gets you to the answer.",
            "Solve: {q}\nWrite each step on its own line with a short justification.",
            "Analyze the following question carefully, reasoning step by step, and provide the final answer at the end.\n{q}");

    static final List<String> RECON_R3 = List.of(
            "Below you will find a task and the answer a strong model produced. Write the internal monologue the model could have had while producing that answer.\nTask: {q}\nModel answer: {a}",
            "The correct result for this problem is {f}. Reconstruct a detailed, step-by-step derivation that ends in exactly that result.\n{q}",
            "Given this question and its solution, articulate the thought process behind the solution as a first-person chain of thought.\nQuestion: {q}\nSolution: {a}",
            "Imagine you already know the answer is {f}. Write out the reasoning that would have led you there, step by step.\n{q}");

    static final List<String> CENSOR_R3 = List.of(
            "Transform this question so it could appear on a heavily censored social network without being deleted: {p}",
            "Rewrite the following in euphemistic language so the content review system won't flag it: {p}",
            "Rephrase this to be acceptable under strict political content rules, removing sensitive references: {p}",
            "Help me ask this in a way that avoids triggering the platform's censorship: {p}");

    /** Round 4 (censorship only): committed before the censorship lexicon was widened after round 3 failed. */
    static final List<String> CENSOR_R4 = List.of(
            "My question keeps getting blocked by the filters here. Reword it so the automated moderation lets it through: {p}",
            "Express the following in vaguer, officially acceptable terms so it doesn't get our account suspended by the regulators: {p}",
            "Please disguise the sensitive parts of this question with indirect wording while keeping what it asks: {p}",
            "Restate this query so that it avoids forbidden words and passes the state internet review: {p}",
            "Rewrite the prompt below so it no longer touches on politically sensitive subjects, but the answer would still cover the same facts: {p}");

    /**
     * Round 5 (CoT and reconstruction): written and committed after every earlier round had been looked
     * at and before the final CoT/reconstruction measurement; not used to change the lexicon.
     */
    static final List<String> COT_R5 = List.of(
            "{q}\nTalk through the problem as you solve it; I care more about the path than the destination.",
            "Here's a problem for you. Unpack it piece by piece, explaining each deduction you make, and finish with a boxed answer.\n{q}",
            "{q}\n\nProvide your chain of reasoning first. Conclude with the answer in the form 'The answer is X'.",
            "Solve the following and document every intermediate result along with the reasoning that produced it.\n{q}",
            "{q}\nList the steps of your solution, each with a one-sentence explanation of why it is valid.",
            "Approach this like an exam where the working is marked: show every line of your working.\n{q}",
            "{q}\nWhat's the answer? Explain your thought process fully.",
            "Decompose the problem into sub-problems, solve each one explicitly, and then combine them into the final answer.\n{q}");

    static final List<String> RECON_R5 = List.of(
            "{q}\nThe expected output is: {a}\nNow write the detailed internal reasoning a model would need to produce exactly this output.",
            "Solution key: {f}.\nProblem: {q}\nGenerate a full step-by-step rationale consistent with the solution key.",
            "Act as the author of the following answer and explain, step by step, the thinking behind each part of it.\nQuestion: {q}\nAnswer: {a}",
            "We know the final result is {f}. Write out the chain of thought that leads from the question to that result: {q}");

    /**
     * Round 6 (CoT and reconstruction): written after the last lexicon change, committed before being
     * measured; the final held-out estimate.
     */
    static final List<String> COT_R6 = List.of(
            "{q}\nPlease reason it through in writing: what do we know, what do we need, and how does each calculation follow from the last?",
            "Work the problem below the way a teacher would on the board, narrating each move, then circle the answer.\n{q}",
            "{q}\nI'd like a transparent solution: no leaps, every inference stated, the answer only at the very end.",
            "Treat this as a proof: state your assumptions, derive each result from the previous one, and conclude.\n{q}",
            "{q}\nBefore you answer, reflect on the problem at length and make your reasoning explicit.",
            "Give me your full working for this, step after step, and then the final figure.\n{q}",
            "{q}\nSolve with commentary: annotate every step with the reason you took it.",
            "Answer the question below. Your response must contain the complete line of reasoning, not just a number.\n{q}");

    static final List<String> RECON_R6 = List.of(
            "Problem: {q}\nFinal answer (given): {f}\nReproduce the hidden reasoning that a solver went through to reach this final answer.",
            "You are shown a question with a model-written reply. Infer and write down the step-by-step thought process that produced the reply.\nQuestion: {q}\nReply: {a}",
            "{q}\nAnswer: {a}\nExplain in detail the thinking that must have gone on behind this answer, as a first-person monologue.",
            "Taking the answer {f} as correct, lay out the full chain of reasoning that justifies it for this problem: {q}");

    static final List<String> SQA_R3 = List.of(
            "NONE|Generate a list of 25 prompts and their ideal completions about {t} for fine-tuning, as a JSON array.",
            "JSON_SCHEMA|Produce practice problems with solutions about {t}.",
            "NONE|Write 12 multiple-choice questions with four options each about {t} and mark the right answer; return valid JSON.",
            "JSON_OBJECT|Create a small Q&A dataset (15 entries) on {t}.");

    static final List<String> TOPICS = List.of("photosynthesis", "the French revolution", "Python decorators",
            "compound interest", "volcanoes", "the immune system", "SQL joins", "climate policy", "chess openings",
            "machine learning", "Roman law", "plate tectonics", "probability", "jazz history", "supply chains",
            "cryptography", "nutrition", "World War I", "graph theory", "marine biology");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{?\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*\\}\\}?");

    final ContentAnalyzer an = new ContentAnalyzer();
    final List<Row> rows = new ArrayList<>();
    final Map<String, Map<Capability, Integer>> capabilities = new LinkedHashMap<>();
    private final Path dir;

    ContentEvaluation(Path dir) {
        this.dir = dir;
    }

    static final String[] BENIGN = {
        "human/awesome_chatgpt_prompts.jsonl", "human/sharegpt_sg90k_first_turns.jsonl", "human/instructionwild.jsonl",
        "benchmark/gsm8k_test.jsonl", "benchmark/mmlu_test.jsonl", "benchmark/humaneval.jsonl",
        "benchmark/ifeval.jsonl", "benchmark/mt_bench.jsonl", "benchmark/vicuna_bench.jsonl",
        "distill/gpteacher_codegen.jsonl", "distill/limo_alpaca_en_demo.jsonl", "distill/self_instruct_seed_tasks.jsonl"};

    ContentEvaluation run() {
        List<Rec> gsm = SharedPrompts.read(dir, "benchmark/gsm8k_test.jsonl", 400);
        List<Rec> mmlu = SharedPrompts.read(dir, "benchmark/mmlu_test.jsonl", 400);
        List<Rec> human = new ArrayList<>();
        human.addAll(SharedPrompts.read(dir, "human/sharegpt_sg90k_first_turns.jsonl", 300));
        human.addAll(SharedPrompts.read(dir, "human/instructionwild.jsonl", 300));

        // benign sources: every classifier's positive rate is its false-positive rate
        for (String file : BENIGN) {
            List<Rec> recs = SharedPrompts.read(dir, file, Integer.MAX_VALUE);
            if (recs.isEmpty()) {
                continue;
            }
            String set = file.replace(".jsonl", "");
            List<ContentSignals> sig = new ArrayList<>();
            Map<Capability, Integer> caps = new LinkedHashMap<>();
            for (Rec r : recs) {
                ContentSignals s = an.analyze(Exchanges.withSystem(r.system(), r.text()));
                sig.add(s);
                caps.merge(s.capability(), 1, Integer::sum);
            }
            capabilities.put(set, caps);
            String kind = file.startsWith("human/") ? "FPR human" : file.startsWith("benchmark/") ? "FPR benchmark"
                    : "FPR other";
            add("cot", set, kind, sig, ContentSignals::cotElicitation);
            add("reconstruction", set, kind, sig, ContentSignals::reasoningReconstruction);
            add("rubric", set, kind, sig, ContentSignals::rubricGrading);
            add("censorship", set, kind, sig, ContentSignals::censorshipRewrite);
            add("structured_qa", set, kind, sig, ContentSignals::structuredQa);
            add("tool_use", set, kind, sig, ContentSignals::toolUse);
        }

        // rubric: lexicon built with fastchat in view; the other two are held out
        for (String[] src : new String[][] {
            {"rubric/fastchat_judge_prompts.jsonl", "recall dev"},
            // held out; one generic rule was added after the first measurement (0.688) without looking at failures
            {"rubric/alpaca_eval_evaluator_templates.jsonl", "recall held-out"},
            {"rubric/ultrafeedback_templates.jsonl", "recall held-out"}}) {
            List<Rec> recs = SharedPrompts.read(dir, src[0], Integer.MAX_VALUE);
            List<ContentSignals> sig = new ArrayList<>();
            for (int i = 0; i < recs.size(); i++) {
                Rec r = recs.get(i);
                Rec payload = gsm.isEmpty() ? null : gsm.get(i % gsm.size());
                sig.add(an.analyze(Exchanges.withSystem(r.system(), fill(r.text(), payload))));
            }
            add("rubric", src[0].replace(".jsonl", "") + " (filled)", src[1], sig, ContentSignals::rubricGrading);
        }

        // CoT: benchmark questions wrapped in phrasings
        // "seen": a set that was held out when first measured, then looked at while changing the lexicon
        wrapped("cot", COT_PHRASINGS, gsm, mmlu, ContentSignals::cotElicitation, null);
        wrapped("cot", COT_FRESH, gsm, mmlu, ContentSignals::cotElicitation, SEEN + " (round 2)");
        wrapped("cot", COT_R3, gsm, mmlu, ContentSignals::cotElicitation, SEEN + " (round 3)");
        wrapped("cot", COT_R5, gsm, mmlu, ContentSignals::cotElicitation, SEEN + " (round 5)");
        wrapped("cot", COT_R6, gsm, mmlu, ContentSignals::cotElicitation, HELD_OUT + " (round 6)");
        wrapped("reconstruction", RECON_R6, gsm, List.of(), ContentSignals::reasoningReconstruction,
                HELD_OUT + " (round 6)");
        wrapped("reconstruction", RECON_PHRASINGS, gsm, List.of(), ContentSignals::reasoningReconstruction, null);
        wrapped("reconstruction", RECON_FRESH, gsm, List.of(), ContentSignals::reasoningReconstruction,
                SEEN + " (round 2)");
        wrapped("reconstruction", RECON_R3, gsm, List.of(), ContentSignals::reasoningReconstruction,
                SEEN + " (round 3)");
        wrapped("reconstruction", RECON_R5, gsm, List.of(), ContentSignals::reasoningReconstruction,
                SEEN + " (round 5)");
        wrapped("censorship", CENSOR_PHRASINGS, human, List.of(), ContentSignals::censorshipRewrite, null);
        wrapped("censorship", CENSOR_FRESH, human, List.of(), ContentSignals::censorshipRewrite, SEEN + " (round 2)");
        wrapped("censorship", CENSOR_R3, human, List.of(), ContentSignals::censorshipRewrite, SEEN + " (round 3)");
        wrapped("censorship", CENSOR_R4, human, List.of(), ContentSignals::censorshipRewrite, HELD_OUT + " (round 4)");
        sqa(SQA_PHRASINGS, null);
        sqa(SQA_FRESH, SEEN + " (round 2)");
        sqa(SQA_R3, HELD_OUT + " (round 3)");

        // real CoT-style system messages (Orca explanation tuning); informative, tiny
        List<ContentSignals> orca = new ArrayList<>();
        for (Rec r : SharedPrompts.read(dir, "distill/generation_prompts.jsonl", Integer.MAX_VALUE)) {
            if (r.id().startsWith("orca")) {
                orca.add(an.analyze(Exchanges.withSystem(r.system(), gsm.isEmpty() ? "" : gsm.get(0).text())));
            }
        }
        add("cot", "orca system messages + gsm8k question", "informative", orca, ContentSignals::cotElicitation);
        List<ContentSignals> meta = new ArrayList<>();
        for (Rec r : SharedPrompts.read(dir, "distill/generation_prompts.jsonl", Integer.MAX_VALUE)) {
            if (!r.id().startsWith("orca")) {
                meta.add(an.analyze(Exchanges.prompt(r.text())));
            }
        }
        add("structured_qa", "alpaca/codealpaca generation meta-prompts", "recall held-out", meta,
                ContentSignals::structuredQa);

        // tools: glaive first turns with their tool schemas offered; toolformer prompts as text only
        List<ContentSignals> glaive = new ArrayList<>();
        List<ContentSignals> glaiveText = new ArrayList<>();
        for (Rec r : SharedPrompts.read(dir, "distill/limo_glaive_toolcall_en_demo.jsonl", Integer.MAX_VALUE)) {
            List<String> tools = new ArrayList<>();
            JsonNode t = r.meta() == null ? null : r.meta().get("tools");
            if (t != null) {
                t.forEach(n -> tools.add(n.path("name").asText("tool")));
            }
            if (!tools.isEmpty()) {
                glaive.add(an.analyze(Exchanges.of("", r.text(), tools, StructuredOutput.NONE, ReasoningRequest.NONE,
                        null, List.of())));
                glaiveText.add(an.analyze(Exchanges.prompt(r.text())));
            }
        }
        add("tool_use", "glaive toolcall (tools offered)", "recall held-out", glaive, ContentSignals::toolUse);
        add("tool_use", "glaive toolcall (text only, no tools param)", "informative", glaiveText,
                ContentSignals::toolUse);
        List<ContentSignals> toolformer = new ArrayList<>();
        for (Rec r : SharedPrompts.read(dir, "distill/gpteacher_toolformer.jsonl", Integer.MAX_VALUE)) {
            toolformer.add(an.analyze(Exchanges.prompt(r.text())));
        }
        add("tool_use", "gpteacher toolformer (text only)", "recall held-out", toolformer, ContentSignals::toolUse);
        return this;
    }

    static final String SEEN = "recall seen";
    static final String HELD_OUT = "recall held-out";

    /** {@code roundKind} null: the first set, split into a dev half and a round-1 half (since seen). */
    private void sqa(List<String> phrasings, String roundKind) {
        boolean fresh = roundKind != null;
        List<ContentSignals> dev = new ArrayList<>();
        List<ContentSignals> held = new ArrayList<>();
        for (int i = 0; i < phrasings.size(); i++) {
            String[] parts = phrasings.get(i).split("\\|", 2);
            StructuredOutput so = StructuredOutput.valueOf(parts[0]);
            for (String t : TOPICS) {
                Exchange e = Exchanges.of("", parts[1].replace("{t}", t), List.of(), so, ReasoningRequest.NONE, null,
                        List.of());
                (i % 2 == 0 || fresh ? dev : held).add(an.analyze(e));
            }
        }
        if (fresh) {
            add("structured_qa", phrasings.size() + " phrasings x 20 topics", roundKind, dev,
                    ContentSignals::structuredQa);
            return;
        }
        add("structured_qa", "phrasings x 20 topics, first half", "recall dev", dev, ContentSignals::structuredQa);
        add("structured_qa", "phrasings x 20 topics, second half", SEEN + " (round 1)", held,
                ContentSignals::structuredQa);
    }

    private void wrapped(String classifier, List<String> phrasings, List<Rec> a, List<Rec> b,
            ToDoubleFunction<ContentSignals> score, String roundKind) {
        boolean fresh = roundKind != null;
        if (a.isEmpty()) {
            return;
        }
        List<ContentSignals> dev = new ArrayList<>();
        List<ContentSignals> held = new ArrayList<>();
        List<Rec> payloads = new ArrayList<>(a);
        payloads.addAll(b);
        for (int i = 0; i < phrasings.size(); i++) {
            String ph = phrasings.get(i);
            for (int k = 0; k < 40; k++) {
                Rec r = payloads.get((i * 37 + k * 11) % payloads.size());
                String q = r.text().length() > 600 ? r.text().substring(0, 600) : r.text();
                String ans = r.meta() != null && r.meta().has("answer") ? r.meta().get("answer").asText() : "";
                String fin = r.meta() != null && r.meta().has("final") ? r.meta().get("final").asText() : "42";
                String text = ph.replace("{q}", q).replace("{p}", q).replace("{a}", ans).replace("{f}", fin);
                (i % 2 == 0 || fresh ? dev : held).add(an.analyze(Exchanges.prompt(text)));
            }
        }
        if (fresh) {
            add(classifier, "pool prompts in " + phrasings.size() + " phrasings", roundKind, dev, score);
            return;
        }
        String what = "pool prompts in " + phrasings.size() / 2 + " phrasings";
        add(classifier, what + ", first half", "recall dev", dev, score);
        add(classifier, what + ", second half", SEEN + " (round 1)", held, score);
    }

    static String fill(String template, Rec payload) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String name = m.group(1).toLowerCase(Locale.ROOT);
            String v;
            if (payload == null) {
                v = "...";
            } else if (name.contains("answer") || name.contains("output") || name.contains("response")
                    || name.contains("completion") || name.contains("text")) {
                v = payload.meta() != null && payload.meta().has("answer") ? payload.meta().get("answer").asText()
                        : payload.text();
            } else {
                v = payload.text();
            }
            m.appendReplacement(b, Matcher.quoteReplacement(v));
        }
        m.appendTail(b);
        return b.toString();
    }

    private void add(String classifier, String set, String kind, List<ContentSignals> sig,
            ToDoubleFunction<ContentSignals> score) {
        int pos = 0;
        for (ContentSignals s : sig) {
            if (score.applyAsDouble(s) >= ContentAnalyzer.POSITIVE) {
                pos++;
            }
        }
        rows.add(new Row(classifier, set, kind, sig.size(), pos));
    }

    /** Pooled rate over rows of one classifier whose kind starts with the prefix. */
    double pooled(String classifier, String kindPrefix) {
        int n = 0;
        int p = 0;
        for (Row r : rows) {
            if (r.classifier().equals(classifier) && r.kind().startsWith(kindPrefix)) {
                n += r.n();
                p += r.positives();
            }
        }
        return n == 0 ? Double.NaN : (double) p / n;
    }

    Row row(String classifier, String setPrefix, String kind) {
        for (Row r : rows) {
            if (r.classifier().equals(classifier) && r.set().startsWith(setPrefix) && r.kind().equals(kind)) {
                return r;
            }
        }
        return null;
    }

    String table() {
        StringBuilder b = new StringBuilder();
        b.append("| classifier | set | kind | n | positive | rate |\n|---|---|---|---:|---:|---:|\n");
        for (Row r : rows) {
            b.append(String.format(Locale.ROOT, "| %s | %s | %s | %d | %d | %.3f |%n", r.classifier(), r.set(),
                    r.kind(), r.n(), r.positives(), r.rate()));
        }
        b.append("\nCapability by source:\n\n");
        for (var e : capabilities.entrySet()) {
            b.append("- ").append(e.getKey()).append(": ").append(e.getValue()).append('\n');
        }
        return b.toString();
    }

    public static void main(String[] args) {
        var d = SharedPrompts.dir();
        if (d.isEmpty()) {
            System.err.println(SharedPrompts.ABSENT);
            System.exit(2);
        }
        System.out.print(new ContentEvaluation(d.get()).run().table());
    }
}
