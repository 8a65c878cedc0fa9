package io.distillguard.signals;

import io.distillguard.signals.Lexicon.Family;
import java.util.List;

/**
 * The built-in phrase lexicon of the content signals.
 *
 * <p>Where the phrases come from: how these requests are worded in the public literature and in
 * public prompt collections, not in any simulator. Chain-of-thought: zero-shot CoT ("let's think step
 * by step", Kojima et al. 2022), Orca-style explanation-tuning system messages (Mukherjee et al. 2023),
 * "show your work" / "explain each step" homework phrasing, reasoning-trace distillation requests
 * ("articulate the internal reasoning behind a completed response"). Rubric grading: LLM-as-a-judge
 * templates (MT-Bench / FastChat judge prompts, Zheng et al. 2023), reward-model and preference
 * annotation wording in general (rate 1-to-N, which response is better, output a verdict). Censorship
 * rewrites: the operator reports on "censorship-safe" rewrites and the general vocabulary of content
 * moderation. Structured Q/A: self-instruct style data generation meta-prompts ("come up with a set of
 * N diverse task instructions", Wang et al. 2022) and JSON-schema data-set generation.
 *
 * <p>Weights: strong, specific cues 0.6-0.9 (one is enough to call the family); medium 0.35-0.5 (one
 * alone stays below the 0.5 decision point, two together pass it); weak 0.1-0.3 (only count together
 * with others). Cue groups feed conjunction rules in {@link ContentAnalyzer}.
 */
final class ContentLexicon {

    // cue groups (bits) for conjunction rules
    static final long G_RECON_VERB = 1L;
    static final long G_REASONING_OBJ = 1L << 1;
    static final long G_GIVEN_ANSWER = 1L << 2;
    static final long G_REWRITE_VERB = 1L << 3;
    static final long G_SENSITIVE = 1L << 4;
    static final long G_SAFE_TARGET = 1L << 5;
    static final long G_GENERATE = 1L << 6;
    static final long G_ITEMS = 1L << 7;
    static final long G_ITEM_WORD = 1L << 16;
    static final long G_OBSERVATION = 1L << 17;
    static final long G_EXPOSE = 1L << 18;
    static final long G_PROCESS = 1L << 19;
    static final long G_EXHAUST = 1L << 20;
    static final long G_ORDER = 1L << 21;
    static final long G_JSON = 1L << 8;
    static final long G_JUDGE_VERB = 1L << 9;
    static final long G_JUDGE_OBJ = 1L << 10;
    static final long G_SCALE = 1L << 11;
    static final long G_REACT = 1L << 12;
    static final long G_TOOLS = 1L << 13;
    static final long G_LABEL_A = 1L << 14;
    static final long G_LABEL_B = 1L << 15;

    /**
     * A conjunction rule: when every cue group in {@code required} fired (within {@code window} words of
     * each other, or anywhere in the text when {@code window} is 0) the family gets one more noisy-OR
     * cue of {@code weight}.
     */
    record Rule(String name, Family family, long required, double weight, int window) {
    }

    static final List<Rule> RULES = List.of(
            // chain of thought: "expose" verb + reasoning/process noun + exhaustiveness, close together
            new Rule("rule:cot:expose+process+exhaustive", Family.COT, G_EXPOSE | G_PROCESS | G_EXHAUST, 0.6, 12),
            new Rule("rule:cot:expose+process+order", Family.COT, G_EXPOSE | G_PROCESS | G_ORDER, 0.5, 12),
            new Rule("rule:cot:process+exhaustive+order", Family.COT, G_PROCESS | G_EXHAUST | G_ORDER, 0.45, 12),
            new Rule("rule:cot:expose+process", Family.COT, G_EXPOSE | G_PROCESS, 0.25, 6),
            // reconstruction: reasoning asked for an answer that is already given
            new Rule("rule:recon:verb+reasoning+given_answer", Family.RECON, G_RECON_VERB | G_REASONING_OBJ | G_GIVEN_ANSWER, 0.8, 0),
            new Rule("rule:recon:verb+reasoning", Family.RECON, G_RECON_VERB | G_REASONING_OBJ, 0.45, 12),
            new Rule("rule:recon:reasoning+given_answer", Family.RECON, G_REASONING_OBJ | G_GIVEN_ANSWER, 0.35, 25),
            new Rule("rule:recon:expose+process+given_answer", Family.RECON, G_EXPOSE | G_PROCESS | G_GIVEN_ANSWER, 0.4, 25),
            // rubric grading
            new Rule("rule:rubric:judge+object", Family.RUBRIC, G_JUDGE_VERB | G_JUDGE_OBJ, 0.3, 0),
            new Rule("rule:rubric:labels_a_b", Family.RUBRIC, G_LABEL_A | G_LABEL_B, 0.45, 0),
            new Rule("rule:rubric:judge_next_to_object", Family.RUBRIC, G_JUDGE_VERB | G_JUDGE_OBJ, 0.45, 8),
            // censorship-safe rewrite
            new Rule("rule:censor:rewrite+censor+evasion", Family.CENSOR, G_REWRITE_VERB | G_SENSITIVE | G_SAFE_TARGET, 0.7, 25),
            new Rule("rule:censor:censor+evasion", Family.CENSOR, G_SENSITIVE | G_SAFE_TARGET, 0.45, 10),
            new Rule("rule:censor:rewrite+sensitive", Family.CENSOR, G_REWRITE_VERB | G_SENSITIVE, 0.45, 0),
            new Rule("rule:censor:rewrite+safe_target", Family.CENSOR, G_REWRITE_VERB | G_SAFE_TARGET, 0.2, 0),
            // structured Q/A
            new Rule("rule:sqa:generate+items", Family.SQA, G_GENERATE | G_ITEMS, 0.45, 0),
            new Rule("rule:sqa:json+items", Family.SQA, G_JSON | G_ITEMS, 0.35, 0),
            new Rule("rule:sqa:json+generate+item_word", Family.SQA, G_JSON | G_ITEM_WORD | G_GENERATE, 0.35, 0),
            // ReAct-style tool protocol
            new Rule("rule:tool:react_action+observation", Family.TOOL, G_REACT | G_OBSERVATION, 0.45, 0));

    private ContentLexicon() {
    }

    static Lexicon build() {
        Lexicon x = new Lexicon();
        cot(x);
        recon(x);
        rubric(x);
        censor(x);
        sqa(x);
        tool(x);
        capability(x);
        neutral(x);
        instructionVocabulary(x);
        return x;
    }

    private static void cot(Lexicon x) {
        Family f = Family.COT;
        x.add(f, "cot:think_step_by_step", 0.75, 0,
                "[let] [us] [lets] think [this] [it] [through] step by step",
                "let's think", "lets think", "let us think",
                "(reason|solve|work|answer|analyze|analyse|approach|tackle|calculate|compute|derive) [on|through|out] [it|this|the|each] [problem|question|task] step by step",
                "(reason|think|work) (it|this|things|the problem) (out|through) step by step");
        x.add(f, "cot:step_by_step_reasoning", 0.75, 0,
                "step by step (reasoning|solution|solutions|explanation|derivation|thinking|thought|thoughts|analysis|breakdown|rationale|work|working|justification|proof)");
        x.add(f, "cot:show_work", 0.75, 0,
                "show (your|all|the|all the|every|each|all your|any) (work|working|workings|steps|reasoning|calculations|calculation|thinking|thought process|derivation|intermediate steps)",
                "show how you (got|arrived|reached|derived|obtained|found|computed|calculated)");
        x.add(f, "cot:explain_each_step", 0.7, 0,
                "explain (each|every|all|the|your) (step|steps) [of] [your] [reasoning]",
                "explain (each|every) (intermediate|individual) step",
                "justify (each|every|all|your) (step|steps)",
                "(explain|describe|detail|justify|document) (every|each) (step|stage|move|decision|inference)",
                "(each|every) step of (the|your) (reasoning|solution|derivation|thinking|thought process|calculation)");
        x.add(f, "cot:explain_reasoning", 0.6, 0,
                "explain (your|the|his|her|their) (reasoning|thought process|thinking|logic|rationale)",
                "(describe|outline|present|give|provide|include|write|detail) (your|the|a|all|full|complete|detailed|thorough) (reasoning|thought process|chain of reasoning|rationale) [step by step]",
                "(provide|give|include) (a|your|the) (detailed|full|complete|thorough|rigorous|explicit|clear) (explanation|justification|derivation) (of|for) (each|every|your|the) (step|steps|answer|reasoning)",
                "(reasoning|thought process|thinking) (before|prior to) (answering|giving|the final answer|your final answer|providing)");
        x.add(f, "cot:chain_of_thought", 0.85, 0,
                "chain of thought", "chain of thoughts", "chain of reasoning", "cot prompting",
                "think out loud", "thinking out loud", "think aloud", "thinking aloud",
                "(use|using) a scratchpad", "scratch pad", "scratchpad");
        x.add(f, "cot:walk_through", 0.4, 0,
                "walk (me|us|the reader|through) through [your] [the] [reasoning|solution|steps|logic|process]",
                "walk through (your|the|each|every) (reasoning|solution|steps|logic|thought process|derivation)",
                "break (it|this|the problem|the question|the solution|your reasoning) (down|into steps) [step by step]",
                "(think|reason) (carefully|thoroughly|deeply|systematically|methodically) [and step by step]",
                "(think|reason|work) (it|this|things) (through|out)", "think through (the|this|each|every|your)");
        // cue groups for the windowed rules (weight 0: they only count in combination)
        x.add(f, "cot:expose", 0, G_EXPOSE,
                "show", "showing", "shows", "explain", "explaining", "write out", "write down", "writing out", "lay out",
                "walk through", "walk me through", "justify", "narrate", "narrating", "go through", "work through",
                "reason", "reasoning about", "think", "derive", "spell out", "make visible", "visible", "articulate",
                "describe", "write", "to see how", "want to see", "let me see", "see how you", "talk through",
                "talk me through", "decompose", "break down", "break it down", "break the problem", "list the steps",
                "document", "record", "trace", "explanation of why", "explanation of how", "justification for",
                "explanation for each", "explanation for every");
        x.add(f, "cot:explicit", 0, G_EXPOSE | G_EXHAUST, "explicit", "explicitly", "spelled out");
        x.add(f, "cot:process", 0, G_PROCESS,
                // bare "work" is mostly about jobs and things that work; only the "shown working" senses count
                "reasoning", "reasoning process", "steps", "step", "the work", "all work", "all the work", "working out",
                "the working", "workings", "intermediate work", "thinking", "thoughts",
                "logic", "derivation", "calculation", "calculations", "computation", "computations",
                "solution process", "argument", "inference", "inferences", "worked solution",
                "how you got it", "how you got there", "how you arrived", "how you reached",
                "how you solved", "how you came", "how you reach", "how you get", "how one gets", "how to get there",
                "stage", "stages", "justification", "thought process", "thinking process", "rationale",
                "sub problems", "subproblems", "sub problem", "intermediate result", "intermediate results",
                "your [full|complete|entire|detailed|whole] (analysis|approach|solution|working|thinking|thoughts|reasoning|logic)",
                "justifications", "reasoning chain", "line of reasoning", "train of thought", "deductions", "deduction");
        x.add(f, "cot:exhaustive", 0, G_EXHAUST,
                "each", "every", "all", "all the", "full", "fully", "complete", "completely", "detailed", "in detail",
                "in full", "thorough", "thoroughly", "stage by stage", "line by line",
                "carefully", "systematically", "methodically", "methodical", "intermediate", "entire", "entirely",
                "rigorous", "rigorously", "exhaustive", "exhaustively", "numbered", "from start to finish",
                "start to finish", "from beginning to end", "in depth", "every single", "no steps skipped",
                "don t skip", "without skipping");
        x.add(f, "cot:order", 0, G_ORDER,
                "before answering", "before you answer", "before concluding", "before giving", "before the answer",
                "before your answer", "before your final answer", "before responding", "before you respond",
                "then give", "then state", "then provide", "then write", "then answer", "at the end", "final answer",
                "followed by the answer", "only then", "on the way to the answer", "gets you to the answer",
                "leads to the answer", "to reach the answer", "to get the answer", "commit to an answer");
        x.add(f, "cot:step_by_step", 0.45, G_EXHAUST, "step by step", "step wise", "stepwise", "one step at a time",
                "take a deep breath");
        x.add(f, "cot:reasoning_detail", 0.45, 0,
                "(detailed|full|complete|explicit|exhaustive|thorough|rigorous|transparent|verbose|long|extensive|careful) (reasoning|reasoning process|thought process|derivation|chain|rationale|reasoning steps)",
                "intermediate (step|steps|reasoning|result|results|calculation|calculations|values|value)",
                "reasoning steps",
                "(step|steps) of (your|the) reasoning");
        x.add(f, "cot:final_answer", 0.2, 0,
                "final answer", "(put|wrap|enclose|box|write) [your] [the] [final] answer in", "boxed");
        x.add(f, "cot:justify", 0.25, 0, "justify your (answer|response|solution|choice|reasoning)",
                "explain why", "explain how you", "how you arrived at", "how did you (get|arrive|reach)");
    }

    private static void recon(Lexicon x) {
        Family f = Family.RECON;
        x.add(f, "recon:internal_reasoning", 0.45, G_REASONING_OBJ,
                "(internal|inner|hidden|underlying|implicit|latent|private|unseen|invisible|original) (reasoning|thought process|thinking|thoughts|chain of thought|monologue|deliberation)");
        x.add(f, "recon:reasoning_behind", 0.5, G_REASONING_OBJ,
                "(reasoning|thought process|thinking|thoughts|rationale|chain of thought|thinking process) (behind|that led to|that produced|that leads to|that would lead to|that generated|that yielded|which led to|leading to|that resulted in) [a] [the|this|that|each|every]",
                "thought process (of|for) (the|a|this) (completed|given|final|following|provided) (response|answer|solution)");
        x.add(f, "recon:reconstruct", 0.7, G_RECON_VERB | G_REASONING_OBJ,
                "(reconstruct|reconstructing|reconstruction of|recreate|recreating|retrace|retracing|reverse engineer|reverse engineering|back out|infer|reproduce|regenerate) (the|your|a|its|their|what) (reasoning|thought process|thinking|thoughts|steps|chain of thought|rationale|derivation|logic|process|thinking process)");
        x.add(f, "recon:articulate", 0.4, G_RECON_VERB | G_EXPOSE,
                "articulate", "reconstruct", "reconstructing", "retrace", "reverse engineer", "recreate",
                "work backwards", "working backwards", "work backward", "backwards from", "reverse engineered");
        x.add(f, "recon:imagine", 0.15, G_RECON_VERB,
                "imagine", "pretend", "as if you had (solved|written|answered|produced|derived)");
        x.add(f, "recon:reasoning_obj", 0.1, G_REASONING_OBJ,
                "reasoning", "thought process", "thinking process", "rationale", "reasoning trace", "reasoning traces",
                "reasoning chain", "thinking trace", "thinking", "thoughts", "chain of thought");
        x.add(f, "recon:given_answer", 0.3, G_GIVEN_ANSWER,
                "(given|provided|completed|finished|known|correct|existing|reference|model|expected|following) (response|answer|solution|output|completion|result)",
                "(solution|answer|marking) key", "consistent with the (solution|answer|given|provided|expected|final)",
                "(as|like) the author of", "as if you (wrote|had written|produced|had produced|gave|had given)",
                // "the answer is" alone is usually an output-format instruction ("end with 'The answer is X'");
                // only a stated value makes it a given answer
                "the (answer|solution|correct answer|result) is #",
                "(here is|below is|this is|you are given) (the|a) (response|answer|solution|completion)",
                "already (been|know|given|solved|answered|written|produced)",
                "(arrive|arrived|arriving|came|come|leads|led) (at|to) (this|that) (answer|response|conclusion|solution|result|output)",
                "(produce|produced|produces|producing|generate|generated|write|wrote|written|reach|reached) [exactly|precisely] (this|that|the given|the above|the following|the provided) (answer|response|solution|output|result)",
                "(reference|model|expert|sample|official|gold|target) (answer|solution|response|output)",
                "(answer|solution|response) (given|provided|produced|written) by",
                "ends in exactly", "already know the answer", "already know the result",
                "given the [final|correct|expected|right] (answer|result|solution|output)",
                "the (answer|result|solution|final answer|correct answer) #", "(answer|result) (is|of|equals) #");
    }

    private static void rubric(Lexicon x) {
        Family f = Family.RUBRIC;
        x.add(f, "rubric:judge_role", 0.8, G_JUDGE_VERB,
                "(act|serve|acting) as (an|a) (impartial|fair|objective|expert|strict|neutral) (judge|evaluator|grader|rater|annotator|reviewer)",
                "you are (an|a) (impartial|fair|objective|expert|strict|helpful|neutral) (judge|evaluator|grader|rater|annotator)",
                "reward model", "preference model", "llm as a judge", "as a judge", "as an evaluator", "as a grader");
        x.add(f, "rubric:rubric", 0.7, G_SCALE,
                "rubric", "scoring rubric", "grading rubric", "evaluation rubric", "score rubric", "scoring criteria",
                "evaluation criteria", "grading criteria", "scoring guidelines", "rating scale", "scoring scale", "likert scale");
        x.add(f, "rubric:rate_output", 0.65, G_JUDGE_VERB | G_JUDGE_OBJ,
                "(rate|score|grade|evaluate|assess|judge|rank|compare|critique|review) (the|this|each|both|these|all|two|following|given|their) [two|following] [ai|model|assistant|candidate|chatbot] (response|responses|answer|answers|output|outputs|completion|completions|generation|generations|reply|replies)",
                "(rate|score|grade|evaluate|assess|judge|rank) (outputs|responses|completions|generations|answers) [on|from|using|based|1]",
                "(evaluate|assess|judge|rate) the quality of (the|each|this|these|both)");
        x.add(f, "rubric:which_better", 0.7, G_JUDGE_OBJ,
                "which (assistant|response|answer|output|completion|model|summary|one|of the two) is (better|more helpful|more accurate|preferred|best|superior)",
                "(assistant|response|output|answer|model|completion) (a|b|1|2) is better",
                "if (assistant|response|output|answer|model) (a|b|1|2) is better",
                "(choose|select|pick|determine|decide|identify|indicate) (the|which) (better|best|preferred|superior|stronger) (response|answer|output|completion|assistant|one)",
                "better (response|answer|output|completion) (between|of|among)");
        x.add(f, "rubric:pair_labels", 0.45, G_JUDGE_OBJ,
                "(assistant|response|output|answer|model|completion|candidate) (a|b) s (answer|response|output)",
                "start of (assistant|the assistant|response|output|answer|reference)",
                "end of (assistant|the assistant|response|output|answer|reference)",
                "for a tie", "declare a tie");
        // "output a", "answer a" are ordinary English; only a pair of labels (A and B) is a cue
        x.add(f, "rubric:label_a", 0, G_LABEL_A,
                "(assistant|response|output|completion|candidate|answer|model|summary) (a|1)");
        x.add(f, "rubric:label_b", 0, G_LABEL_B,
                "(assistant|response|output|completion|candidate|answer|model|summary) (b|2)");
        x.add(f, "rubric:reference_answer", 0.35, G_JUDGE_OBJ,
                "reference (answer|answers|solution|response|output)", "ground truth (answer|label)", "gold (answer|standard|response)");
        x.add(f, "rubric:verdict", 0.7, G_SCALE,
                "(final|your) verdict", "output (your|the|a) (verdict|score|rating|judgment|judgement|preference)",
                "(provide|give|output|assign|return) (a|your|the) (score|rating|grade) (of|from|between|on|for)");
        x.add(f, "rubric:scale", 0.35, G_SCALE,
                "(score|rating|grade|rate) (of|from|between|on a scale of|on a scale from) # (to|and|out of) #",
                "on a scale (of|from) # (to|and) #", "out of # points", "rating #", "score #");
        x.add(f, "rubric:bias_clauses", 0.6, G_JUDGE_VERB,
                "(avoid|avoiding) (any|all) (position|positional|length|order) (bias|biases)",
                "position (bias|biases)", "be as objective as possible",
                "(the|response) order in which the (responses|answers) were presented",
                "do not (allow|let) the length of the (responses|answers)");
        // cue groups: a comparing / scoring verb next to the things being judged
        x.add(f, "rubric:g_judge_verb", 0, G_JUDGE_VERB,
                "compare", "comparing", "rank", "ranking", "rate", "rating", "score", "scoring", "grade", "grading",
                "judge", "judging", "evaluate", "evaluating", "assess", "assessing", "prefer", "preferred", "preference");
        x.add(f, "rubric:g_judge_obj", 0, G_JUDGE_OBJ,
                "outputs", "responses", "completions", "generations", "candidates", "assistants", "models",
                "ai assistants", "language models", "chatbots", "model outputs", "model responses", "replies");
        x.add(f, "rubric:criteria", 0.2, 0,
                "(helpfulness|harmlessness|honesty|faithfulness|relevance|accuracy|coherence|fluency|correctness|instruction following|truthfulness)",
                "level of detail");
        x.add(f, "rubric:judge_words", 0.15, G_JUDGE_VERB,
                "judge", "evaluator", "grader", "annotator", "verdict", "rater", "evaluate", "evaluation", "assess", "assessment");
    }

    private static void censor(Lexicon x) {
        Family f = Family.CENSOR;
        x.add(f, "censor:censorship", 0.75, G_SENSITIVE,
                "censorship safe", "censorship friendly", "censorship compliant", "censor proof", "censorship proof",
                "(avoid|avoiding|evade|evading|bypass|bypassing|pass|passing|get past|getting past|slip past|circumvent|circumventing|trigger|triggering|survive|surviving) [the|any|a] [content|government|keyword|automated] (censorship|censor|censors|content filter|content filters|filters|filter|moderation|moderators|keyword filter|keyword filters|keyword filtering|content moderation|review)",
                "(would|will|can|could) pass [the] [a] [any] [content] (censorship|filter|filters|moderation|review|censor|censors)",
                "(not|never) (be|get) (censored|flagged|blocked|filtered|removed|taken down)",
                "(filters|filter|censors|censor|moderators|moderation) (don t|won t|will not|do not|would not|wouldn t|doesn t|does not|cannot|can t) (block|flag|catch|detect|remove|censor|notice)");
        x.add(f, "censor:sensitive_topic", 0.4, G_SENSITIVE,
                "politically sensitive", "sensitive (topic|topics|question|questions|issue|issues|content|subject|subjects|term|terms|words|keywords|wording|political)",
                "(politically|socially|culturally) (charged|loaded|controversial|taboo)",
                "censorship", "censored", "censor", "censors", "taboo (topic|topics|subject)",
                "(keyword|content|word|words) (filter|filters|filtering|blocklist|blacklist)");
        x.add(f, "censor:safe_target", 0.35, G_SAFE_TARGET,
                "(politically|ideologically) (neutral|correct|safe|acceptable|compliant)",
                "(sanitized|sanitised|sanitize|sanitise|non sensitive|nonsensitive|de sensitized|desensitized|innocuous|harmless sounding|inoffensive|uncontroversial|non controversial|non political|apolitical)",
                "(neutral|safe|safer|acceptable|compliant|approved|official) (version|wording|phrasing|framing|terms|language|way|form|rewrite|rewording|formulation|manner)",
                "(without|avoid|avoiding|remove|removing|strip|stripping|omit|omitting) (any) (sensitive|political|controversial|politically|inflammatory|banned|forbidden|prohibited) [terms|words|keywords|references|content|topics|language|mentions]",
                "(safe|safer|acceptable|okay|ok|fine) to (ask|post|publish|say|share|discuss|mention)",
                "(comply|complies|compliant|consistent|in line|aligned) with (local|government|national|official|state|chinese|the government s|core socialist) (regulations|laws|rules|values|guidelines|policy|policies|position|narrative)",
                "core socialist values", "official (position|narrative|stance|line)");
        // cue groups: a rewrite intent, the censor being evaded, and the evasion or "safe" target
        x.add(f, "censor:g_rewrite", 0, G_REWRITE_VERB,
                "transform", "turn (this|it|the following|the question|my question) into", "convert", "disguise",
                "express", "phrase", "word it", "ask (this|it) in a way", "make (this|it|the question) (safe|acceptable|okay)",
                "sanitize", "sanitise", "euphemize", "obfuscate", "cloak", "edit", "modify", "adjust the wording",
                "change the wording", "reword it", "alter");
        x.add(f, "censor:g_sensitive", 0, G_SENSITIVE,
                "censor", "censors", "censored", "censorship", "censoring", "filter", "filters", "filtering",
                "moderation", "moderator", "moderators", "content review", "review system", "internet review",
                "regulator", "regulators", "authorities", "government", "state censorship", "state media",
                "banned", "forbidden", "prohibited", "taboo", "blocked", "flagged", "deleted", "removed", "suspended",
                "sensitive", "political", "politically", "controversial", "keyword", "keywords", "firewall",
                "great firewall", "harmonized", "harmonised", "content rules", "content policy", "platform rules");
        x.add(f, "censor:g_evade", 0, G_SAFE_TARGET,
                "avoid", "avoids", "avoiding", "without being", "without getting", "without triggering",
                "without mentioning", "no longer", "won t", "doesn t", "does not", "wouldn t", "would not", "not get",
                "pass", "passes", "passing", "get through", "gets through", "lets it through", "let it through",
                "slip past", "bypass", "evade", "circumvent", "get around", "around", "acceptable", "neutral", "safe",
                "harmless", "innocuous", "allowed", "allow", "approved", "compliant", "vague", "vaguer", "indirect",
                "indirectly", "euphemistic", "euphemism", "euphemisms", "disguise", "disguised", "hide", "hidden",
                "remove", "removing", "strip", "omit", "free of");
        x.add(f, "censor:rewrite_verb", 0.05, G_REWRITE_VERB,
                "rewrite", "rewriting", "rephrase", "rephrasing", "reword", "rewording", "paraphrase", "paraphrasing",
                "reformulate", "reformulating", "restate", "reframe", "reframing", "recast", "soften", "tone down", "water down");
    }

    private static void sqa(Lexicon x) {
        Family f = Family.SQA;
        String adj = "(more|new|additional|diverse|different|unique|distinct|varied|novel|challenging|difficult|"
                + "realistic|original|hard|simple|short|tricky|creative|interesting|random)";
        String domain = "(math|coding|programming|trivia|reasoning|multiple choice|training|test|evaluation|benchmark|"
                + "instruction|interview|exam|quiz|sample|example|practice|word|follow up|true false|open ended|logic)";
        String items = "(questions|question|question answer pairs|question and answer pairs|qa pairs|q a pairs|pairs|"
                + "examples|samples|instructions|tasks|problems|prompts|items|entries|records|conversations|dialogues|"
                + "exercises|puzzles|instruction response pairs|test cases|variations|variants|word problems|objects|flashcards)";
        x.add(f, "sqa:n_items", 0.3, G_ITEMS,
                "# " + items, "# " + adj + " " + items, "# " + domain + " " + items,
                "# " + adj + " " + domain + " " + items, "# " + adj + " " + adj + " " + items);
        x.add(f, "sqa:qa_pairs", 0.6, G_ITEMS,
                "question answer pairs", "question and answer pairs", "qa pairs", "q a pairs", "instruction response pairs",
                "instruction output pairs", "prompt response pairs", "input output pairs", "(question|instruction|prompt) (answer|response|output) pair",
                "come up with a set of", "task instructions", "diverse (set|set of|questions|instructions|tasks|examples|prompts|problems)",
                "(training|fine tuning|finetuning|instruction tuning|synthetic|evaluation|benchmark) (data|dataset|set|examples|corpus)",
                "synthetic (data|dataset|examples|questions|conversations)");
        x.add(f, "sqa:dataset_word", 0.2, 0, "data set", "dataset", "datasets");
        x.add(f, "sqa:json_fields", 0.45, G_JSON,
                "(in|as|using|into) (json|jsonl|a json|valid json|a json array|a json list|json format|json lines|a json object|structured json|yaml|csv)",
                "json (array|list|object|objects|format|schema|lines) [with] [containing] [the] [fields|keys]",
                "(with|containing|having|include|including) (the|these) (fields|keys|properties|attributes)",
                "(fields|keys) (question|answer|instruction|input|output|prompt|response|difficulty|category|explanation)",
                "(question|instruction) (answer|output|response) (and|fields|keys)");
        x.add(f, "sqa:generate_verb", 0.05, G_GENERATE,
                "generate", "create", "produce", "come up with", "synthesize", "synthesise");
        x.add(f, "sqa:items_word", 0.1, G_ITEM_WORD,
                "questions", "examples", "samples", "pairs", "instructions", "tasks", "problems", "exercises");
    }

    private static void tool(Lexicon x) {
        Family f = Family.TOOL;
        x.add(f, "tool:tools_available", 0.6, G_TOOLS,
                "(you have|you ve|you will have|you can have|with) access to (the following|these|a set of|several|a few|various|some|external) (tools|functions|apis|api|actions|plugins|tool)",
                "(available|following) (tools|functions|function calls|apis|plugins|actions) [are] [available]",
                "toolformer", "toolformer access", "toolformer enabled", "function calling", "function call", "function calls",
                "tool call", "tool calls", "tool use", "tool calling", "call (a|the|one of the) (tool|tools|function|functions|api)",
                "(use|using|invoke|invoking) (the|a|one of the|these) (tool|tools|function|functions|api|apis)",
                "api call", "api calls");
        x.add(f, "tool:react_action", 0.2, G_REACT, "action", "action input");
        x.add(f, "tool:react_observation", 0.25, G_OBSERVATION, "observation", "observations");
    }

    private static void capability(Lexicon x) {
        x.add(Family.CODE, "code:lang", 0.45, 0,
                "python", "java", "javascript", "typescript", "cpp", "csharp", "golang", "rust", "kotlin", "swift",
                "php", "ruby", "perl", "scala", "haskell", "bash", "shell script", "powershell", "sql", "mysql", "postgresql",
                "html", "css", "react", "node js", "nodejs", "django", "flask", "spring boot", "pandas", "numpy", "regex",
                "regular expression", "json", "yaml", "dockerfile", "kubernetes", "solidity", "matlab", "vba", "latex",
                "unity", "stata", "jquery", "angular", "vue", "tensorflow", "pytorch", "linux");
        x.add(Family.CODE, "code:terms", 0.35, 0,
                "code", "function", "script", "program", "compile", "compiler", "debug", "bug", "stack trace", "exception",
                "variable", "variables", "algorithm", "implement", "implementation", "refactor", "unit test", "unit tests",
                "api", "endpoint", "class", "method", "array", "string", "integer", "boolean", "loop", "recursion",
                "syntax", "library", "framework", "database", "query", "git", "repository", "def", "return", "import",
                "println", "printf", "console log", "public static", "void", "const", "lambda", "async", "await", "npm", "pip",
                "float", "bool", "dict", "tuple", "str", "elif", "self", "null", "nullptr", "std", "returns");
        x.add(Family.MATH, "math:terms", 0.4, 0,
                "solve", "calculate", "compute", "equation", "equations", "how many", "how much", "total", "sum", "product",
                "probability", "integral", "derivative", "prove", "theorem", "percent", "percentage", "average", "ratio",
                "fraction", "math", "mathematics", "algebra", "geometry", "arithmetic", "triangle", "circle", "radius",
                "area", "perimeter", "volume", "polynomial", "matrix", "vector", "prime", "divisible", "remainder",
                "integer solutions", "expected value", "simplify", "evaluate the expression", "word problem", "dollars",
                "per hour", "twice", "half", "times as many", "square root", "logarithm", "log", "sqrt",
                "x", "y", "n", "mod", "factorial", "combinatorics", "statistics", "mean", "median");
        x.add(Family.WRITING, "writing:terms", 0.45, 0,
                "essay", "story", "short story", "poem", "poetry", "haiku", "sonnet", "lyrics", "song", "email", "e mail",
                "letter", "cover letter", "blog", "blog post", "article", "speech", "tweet", "slogan", "tagline", "headline",
                "caption", "script", "screenplay", "novel", "chapter", "narrative", "dialogue", "limerick", "product description",
                "press release", "newsletter", "summary", "summarize", "summarise", "rewrite", "paraphrase", "proofread",
                "copywriting", "marketing copy", "ad copy", "outline", "paragraph", "linkedin post", "social media post",
                "compose", "draft", "write", "persuasive", "creative", "tone", "translate", "translation");
        x.add(Family.QA, "qa:terms", 0.35, 0,
                "what is", "what are", "who is", "who was", "who were", "when did", "where is", "why do", "why does", "why is",
                "why are", "how does", "how do", "explain", "describe", "define", "definition", "difference between",
                "history of", "meaning of", "tell me about", "what was", "which of the following", "true or false",
                "facts", "overview", "compare", "pros and cons");
        x.add(Family.CHAT, "chat:terms", 0.5, 0,
                "hi", "hello", "hey", "thanks", "thank you", "how are you", "good morning", "good night", "lol", "haha",
                "tell me a joke", "what s up", "whats up", "nice to meet you", "i feel", "i m bored", "let s chat",
                "chat with me", "who are you", "are you", "do you like", "your name", "bye");
    }

    private static void neutral(Lexicon x) {
        // longer phrases that start at the same word as a weaker cue and mean something benign:
        // the longest match wins, so these suppress the weaker reading
        x.add(Family.NEUTRAL, "neutral:step_by_step_guide", 0, 0,
                "step by step (guide|guides|instructions|instruction|tutorial|tutorials|plan|plans|process|procedure|procedures|recipe|directions|manual|walkthrough|checklist|roadmap|approach to learning|program|course|lesson|lessons|workflow|setup|installation)");
    }

    private static void instructionVocabulary(Lexicon x) {
        // words that make up the fixed, instructional part of prompt templates; weighted up in the
        // template fingerprint so the variable payload (question, document, code) matters less
        x.instructionWords("answer", "answers", "question", "questions", "following", "below", "above", "given",
                "provide", "explain", "reasoning", "step", "steps", "solve", "solution", "final", "format", "output",
                "respond", "response", "responses", "json", "write", "generate", "task", "instruction", "instructions",
                "must", "should", "please", "you", "your", "assistant", "user", "return", "only", "use", "using",
                "think", "thought", "process", "rate", "score", "evaluate", "judge", "verdict", "explanation",
                "detailed", "each", "every", "justify", "show", "work", "problem", "context", "input", "example",
                "examples", "rewrite", "rephrase", "summarize", "translate", "list", "describe", "article", "text",
                "passage", "document", "code", "function", "fields", "keys", "include", "make", "sure", "first",
                "then", "end", "begin", "start", "box", "boxed", "option", "options", "choice", "correct", "letter",
                "concise", "brief", "detail", "carefully", "internal", "articulate", "behind", "reconstruct",
                "neutral", "sensitive", "rubric", "criteria", "reference", "tools", "tool", "call", "action",
                "give", "title", "bullet", "points", "exactly", "short", "long", "sentence", "sentences", "words",
                "paragraph", "paragraphs", "summary", "label", "classify", "category", "sentiment", "read", "based",
                "identify", "extract", "answering", "solving", "question s", "reply", "respond", "markdown", "table",
                "instructions", "guidelines", "rules", "format", "formatted", "number", "numbered", "line", "lines",
                "review", "essay", "story", "analyze", "analyse", "compare", "determine", "calculate", "compute");
    }
}
