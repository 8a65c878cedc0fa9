package io.distillguard.sim;

import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prompt templates and text helpers. Templates wrap real pool prompts ({@code {p}}); every attack family
 * has several paraphrase variants, and benign personas use overlapping phrasings (step-by-step requests,
 * CoT benchmark templates, rubric grading) on purpose.
 */
final class Content {

    private Content() {
    }

    // ------------------------------------------------------------------ attack families

    static final String[] COT_RECON = {
        "{p}\n\nImagine and articulate the internal reasoning behind a completed response to this, and write it out step by step.",
        "Here is a task:\n{p}\n\nWrite out, in full detail, the complete chain of thought an expert would go through before giving the final answer. Do not skip any step.",
        "{p}\n\nFirst produce your full internal reasoning process inside <thinking> tags, covering every intermediate step, then give the final answer.",
        "Task: {p}\n\nReconstruct the step-by-step reasoning that leads to the correct answer. Be exhaustive and explicit about each inference.",
        "Please solve the following and show the entire reasoning trace, including false starts and self-corrections, before the answer.\n\n{p}",
        "{p}\n\nExplain your thought process exhaustively, as if narrating your internal monologue, then state the answer on the last line.",
        "Given the problem below, articulate every reasoning step you would take internally. Make the reasoning transparent and complete.\n\nProblem: {p}",
        "{p}\n\nThink through this carefully. Write down all of your reasoning, step by step, in a numbered list, and only then answer.",
        "I have the final answer to this already. What I need is the detailed reasoning that gets there, written out as you would think it.\n\n{p}",
    };

    static final String[] COT_SYSTEM = {
        "You are an expert problem solver. Provide complete and transparent reasoning.",
        "You are a meticulous teacher who always shows every step of the reasoning.",
        "You are a helpful assistant. Always think step by step and explain your thinking in full.",
        "You are a world-class analyst. Your answers include the full derivation.",
    };

    static final String[] RUBRIC_ATTACK = {
        "Rate the following response to the user's request on a scale of 1 to 10 for helpfulness, correctness and harmlessness. Output only JSON: {\"score\": int, \"rationale\": string}.\n\n[Request]\n{q}\n\n[Response]\n{a}",
        "You are a strict grader. Compare the candidate answer with the task and assign a score from 0 to 5. Explain the main strengths and weaknesses first.\n\nTask: {q}\n\nCandidate answer: {a}",
        "Which of the two responses better follows the instruction? Reply with 'A' or 'B' and a one-paragraph justification.\n\nInstruction: {q}\n\nResponse A: {a}\n\nResponse B: {b}",
        "Evaluate the answer below against this rubric: accuracy (0-3), completeness (0-3), clarity (0-2), safety (0-2). Give each sub-score and the total.\n\nQuestion: {q}\nAnswer: {a}",
        "Score this output as a reward model would. Return a number between 0 and 1 indicating how preferred the response is, then one sentence of justification.\n\nPrompt: {q}\nOutput: {a}",
        "Act as a judge. Is the following answer correct and complete? Provide a verdict (correct / partially correct / incorrect) and a score out of 10.\n\n### Problem\n{q}\n\n### Answer\n{a}",
    };

    static final String[] REWRITE = {
        "Rewrite the following question so that it can be answered in a neutral, non-controversial way suitable for all audiences, then answer the rewritten version.\n\n{p}",
        "Provide a politically neutral, censorship-safe version of your answer to the request below, avoiding any mention of {t}.\n\n{p}",
        "The following request touches on {t}. Rephrase it into a safe, policy-compliant question, and give the answer you would give to that version.\n\nRequest: {p}",
        "Give two answers to the question below: one complete answer, and one version that avoids any sensitive political content such as {t} while staying as informative as possible.\n\nQuestion: {p}",
        "Answer as a model that must comply with strict content regulations about {t}:\n\n{p}",
        "Reformulate this prompt so that it no longer touches on {t} but keeps the intent, then respond to it.\n\n{p}",
    };

    static final String[] SENSITIVE = {"the 1989 Tiananmen Square protests", "Taiwan's political status",
        "the Xinjiang detention camps", "criticism of national leaders", "the 2019 Hong Kong protests",
        "Tibetan independence", "election fraud allegations", "organising street protests", "state surveillance",
        "press freedom", "the Cultural Revolution", "human rights lawyers"};

    static final String[] SWEEP = {
        "Generate {n} diverse question-answer pairs about {topic} ({sub}). Cover beginner to expert level. Return JSON matching the schema.",
        "Topic: {topic} / {sub}\nProduce {n} exam-style questions with detailed answers. Respond in JSON only.",
        "Using the example below as a style reference, write {n} new problems on {topic} ({sub}) with worked solutions, as JSON.\n\nExample:\n{p}",
        "For the following task, return a JSON object with the fields instruction, reasoning and answer. Fill the reasoning with every intermediate step.\n\n{p}",
        "Create {n} multiple-choice questions on {topic}, focusing on {sub}, with four options each, the correct letter and an explanation. Output JSON.",
        "You are building study material on {topic}. List {n} questions about {sub} and answer each thoroughly. Follow the JSON schema exactly.",
    };

    static final String[] SUBTOPICS = {"core definitions", "worked examples", "common misconceptions", "edge cases",
        "advanced applications", "historical development", "proof techniques", "numerical calculations",
        "comparisons between approaches", "real-world case studies", "terminology", "problem-solving strategies"};

    static final String[] SCHEMAS = {
        "{\"type\":\"object\",\"properties\":{\"items\":{\"type\":\"array\",\"items\":{\"type\":\"object\",\"properties\":{\"question\":{\"type\":\"string\"},\"answer\":{\"type\":\"string\"},\"difficulty\":{\"type\":\"string\",\"enum\":[\"easy\",\"medium\",\"hard\"]}},\"required\":[\"question\",\"answer\",\"difficulty\"],\"additionalProperties\":false}}},\"required\":[\"items\"],\"additionalProperties\":false}",
        "{\"type\":\"object\",\"properties\":{\"instruction\":{\"type\":\"string\"},\"reasoning\":{\"type\":\"string\"},\"answer\":{\"type\":\"string\"}},\"required\":[\"instruction\",\"reasoning\",\"answer\"],\"additionalProperties\":false}",
        "{\"type\":\"object\",\"properties\":{\"questions\":{\"type\":\"array\",\"items\":{\"type\":\"object\",\"properties\":{\"question\":{\"type\":\"string\"},\"options\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}},\"correct\":{\"type\":\"string\"},\"explanation\":{\"type\":\"string\"}},\"required\":[\"question\",\"options\",\"correct\",\"explanation\"],\"additionalProperties\":false}}},\"required\":[\"questions\"],\"additionalProperties\":false}",
    };
    static final String[] SCHEMA_NAMES = {"qa_pairs", "solution", "mcq_set"};

    static final String[] AGENT_TASK = {
        "{p}",
        "Task ({cat}): {p}\n\nWork in the repository. Use the tools to inspect files, make the change, and run the tests until they pass.",
        "You have shell and file access. {p}\nWhen done, summarise the change and show the final code.",
        "[{cat}] {p}\n\nExplore the codebase first, then implement and verify.",
        "Please complete this {cat} task end to end using the available tools:\n{p}",
    };

    static final String[] AGENT_SYSTEM = {
        "You are an autonomous software agent. Complete the task using the tools. Think before each action and explain your reasoning.",
        "You are a coding agent with access to a sandboxed repository. Plan, act with tools, observe the results and iterate until the task is done. Narrate your reasoning at every step.",
        "You are an expert engineer operating in a terminal. Use the provided tools to complete the task. Before each tool call, explain why you are making it.",
        "Solve the user's task by calling tools. Always reason step by step about what to do next, then call exactly one tool.",
    };

    /** Structured-output schemas ordinary apps use (extraction, classification, quizzes). */
    static final String[] BENIGN_SCHEMAS = {
        "{\"type\":\"object\",\"properties\":{\"category\":{\"type\":\"string\",\"enum\":[\"billing\",\"technical\",\"account\",\"other\"]},\"priority\":{\"type\":\"string\",\"enum\":[\"low\",\"medium\",\"high\"]},\"summary\":{\"type\":\"string\"}},\"required\":[\"category\",\"priority\",\"summary\"],\"additionalProperties\":false}",
        "{\"type\":\"object\",\"properties\":{\"entities\":{\"type\":\"array\",\"items\":{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"},\"type\":{\"type\":\"string\"}},\"required\":[\"name\",\"type\"],\"additionalProperties\":false}}},\"required\":[\"entities\"],\"additionalProperties\":false}",
    };
    static final String[] BENIGN_SCHEMA_NAMES = {"ticket_triage", "entities"};

    static final String[] AGENT_CATEGORIES = {"bugfix", "feature", "refactor", "add-tests", "data-analysis",
        "scripting", "api-integration", "performance", "documentation", "migration"};

    // ------------------------------------------------------------------ benign phrasings

    static final String[] BENIGN_STEP = {
        "{p}\n\nLet's think step by step.",
        "{p} Please explain your reasoning.",
        "{p}\nCan you walk me through it step by step?",
        "{p}\n\nShow your work.",
    };

    static final String[] GSM_COT = {
        "Question: {p}\nAnswer: Let's think step by step.",
        "Solve the following math problem step by step. The last line of your response should be of the form \"Answer: $ANSWER\" where $ANSWER is the answer to the problem.\n\n{p}",
        "{p}\nPlease reason step by step, and put your final answer within \\boxed{}.",
    };

    static final String[] MMLU_COT = {
        "The following is a multiple choice question. Think step by step and then finish your answer with \"the answer is (X)\" where X is the correct letter choice.\n\n{p}\nAnswer:",
        "Answer the following multiple choice question. The last line of your response should be of the following format: 'Answer: $LETTER' (without quotes) where LETTER is one of ABCD. Think step by step before answering.\n\n{p}",
        "{p}\nAnswer:",
    };

    static final String[] HUMANEVAL_TPL = {
        "Complete the following Python function. Return only the code.\n\n```python\n{p}\n```",
        "{p}",
        "Write a solution to the following problem and make sure that it passes the tests:\n```python\n{p}\n```",
    };

    static final String[] FOLLOW_UPS = {
        "Can you make it shorter?", "Thanks. Can you give a concrete example?", "Please rewrite that in a more formal tone.",
        "What about edge cases?", "Can you explain the second point in more detail?", "Now summarise it in three bullet points.",
        "That didn't work, I get an error when I run it. Any idea why?", "Could you translate that into Spanish?",
        "Why is that the case?", "Great, and how would I test this?", "Make it more concise and add a title.",
        "Can you turn this into a table?", "ok thanks. what are the alternatives?", "Explain it like I'm new to this.",
    };

    static final String[] OPENERS = {"Sure! Here's", "Here is", "Great question.", "Certainly.", "Below is",
        "Okay, let's go through it.", "Absolutely, here's"};

    private static final String[][] SYNONYMS = {
        {"Write", "Produce", "Give"}, {"step by step", "step-by-step", "one step at a time"},
        {"reasoning", "thinking", "thought process"}, {"complete", "full", "entire"},
        {"Explain", "Describe", "Walk through"}, {"answer", "response", "solution"}, {"following", "below"},
        {"detailed", "thorough", "in-depth"}, {"question", "query", "problem"}, {"score", "rating", "grade"},
        {"Generate", "Create", "Produce"}, {"diverse", "varied", "different"}, {"exhaustive", "comprehensive"},
        {"carefully", "thoroughly", "attentively"}, {"Return", "Output", "Give back"}, {"task", "assignment", "job"},
    };

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_0-9]+)}");

    /**
     * Picks a template of {@code family}: {@code fixed} with probability 1 - level, any variant otherwise,
     * then perturbs its wording with strength {@code level} (0 = verbatim, 1 = heavy).
     */
    static String template(String[] family, int fixed, double level, SplittableRandom r) {
        String t = r.nextDouble() < level ? Rand.pick(r, family) : family[Math.floorMod(fixed, family.length)];
        return level <= 0 ? t : perturb(t, level, r);
    }

    /** Word-level paraphrase of a template (never of the wrapped real prompt). */
    static String perturb(String t, double level, SplittableRandom r) {
        String out = t;
        for (String[] syn : SYNONYMS) {
            if (r.nextDouble() < level * 0.6) {
                for (String w : syn) {
                    int i = out.indexOf(w);
                    if (i >= 0) {
                        String rep = syn[r.nextInt(syn.length)];
                        out = out.substring(0, i) + rep + out.substring(i + w.length());
                        break;
                    }
                }
            }
        }
        if (r.nextDouble() < level * 0.3) {
            out = out.replace("\n\n", "\n");
        }
        if (r.nextDouble() < level * 0.2) {
            out = out.toLowerCase(java.util.Locale.ROOT);
        }
        if (r.nextDouble() < level * 0.25) {
            out = Rand.pick(r, "Hi! ", "Hello. ", "Please help: ", "Quick one: ", "") + out;
        }
        return out;
    }

    /** Fills {@code {p}} (prompt), {@code {t}}, {@code {topic}}, {@code {sub}}, {@code {n}}, {@code {cat}}. */
    static String fill(String template, String p) {
        return template.replace("{p}", p);
    }

    /**
     * Fills a judge / rubric template's placeholders: question-like names with {@code question},
     * answer/output-like names with answers drawn by {@code answers}.
     */
    static String fillRubric(String template, String question, java.util.function.Supplier<String> answers) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder sb = new StringBuilder(template.length() + 2048);
        while (m.find()) {
            String name = m.group(1).toLowerCase(java.util.Locale.ROOT);
            String v;
            if (name.contains("answer") || name.contains("output") || name.startsWith("text")
                    || name.contains("response") || name.contains("completion")) {
                v = answers.get();
            } else if (name.contains("question") || name.contains("instruction") || name.contains("input")
                    || name.contains("prompt")) {
                v = question;
            } else if (name.contains("knowledge")) {
                v = "None";
            } else {
                v = m.group(0);
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(v));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** A plausible assistant reply standing in for history: an opener and a reworked excerpt of the prompt. */
    static String reply(String prompt, SplittableRandom r) {
        String body = prompt.length() > 400 ? prompt.substring(0, 400) : prompt;
        int cut = body.indexOf('\n');
        if (cut > 40) {
            body = body.substring(0, cut);
        }
        StringBuilder sb = new StringBuilder(Rand.pick(r, OPENERS));
        sb.append(" a response to \"").append(body.strip()).append("\".\n\n");
        int points = Rand.between(r, 2, 5);
        for (int i = 1; i <= points; i++) {
            sb.append(i).append(". ").append(Rand.pick(r, "Start with", "Consider", "Check", "Then look at", "Finally,"))
                    .append(' ').append(word(body, r)).append(" and ").append(word(body, r)).append(".\n");
        }
        return sb.toString();
    }

    /** A worked answer to a pool prompt: the reference solution when the pool has one, else a reply. */
    static String answerFor(PromptRecord p, SplittableRandom r) {
        if (p.answer() != null && p.answer().length() > 3) {
            return p.answer();
        }
        return reply(p.text(), r);
    }

    private static String word(String s, SplittableRandom r) {
        int n = s.length();
        for (int tries = 0; tries < 6 && n > 0; tries++) {
            int i = r.nextInt(n);
            while (i > 0 && Character.isLetterOrDigit(s.charAt(i - 1))) {
                i--;
            }
            int j = i;
            while (j < n && Character.isLetterOrDigit(s.charAt(j))) {
                j++;
            }
            if (j - i > 3) {
                return s.substring(i, j).toLowerCase(java.util.Locale.ROOT);
            }
        }
        return "the details";
    }

    /** Human-readable topic from an MMLU subject ({@code high_school_physics} to {@code high school physics}). */
    static String topicName(String subject) {
        return subject == null ? "general knowledge" : subject.replace('_', ' ');
    }

    static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    static <T> T pickFrom(List<T> l, SplittableRandom r) {
        return l.get(r.nextInt(l.size()));
    }
}
