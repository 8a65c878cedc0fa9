package io.distillguard.signals;

import io.distillguard.model.Exchange;
import io.distillguard.model.ReasoningRequest;
import io.distillguard.model.Role;
import io.distillguard.model.StructuredOutput;
import io.distillguard.model.Turn;
import io.distillguard.signals.Lexicon.Family;
import io.distillguard.signals.Lexicon.Feature;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Computes {@link ContentSignals} for one exchange: weighted phrase families (chain-of-thought
 * elicitation, reasoning reconstruction, rubric grading, censorship-safe rewrites, structured Q/A
 * generation, tool use) combined with the request parameters (reasoning effort / budget, response
 * format, tools, tool results), a capability category, and template fingerprints. See
 * {@code docs/signals.md} for every signal's definition, unit, range and benign baseline.
 *
 * <p><b>Score formula.</b> Every family score is a noisy-OR
 * {@code s = 1 - prod(1 - w_i)} over the distinct cues {@code i} that fired (each phrase feature
 * counted once however often it occurs; conjunction rules and request parameters are cues too).
 * Scores are in [0, 1]; 0.5 is the decision point used in the evaluation ("positive").
 *
 * <p><b>Cost.</b> Only the first {@value #HEAD_CHARS} and last {@value #TAIL_CHARS} chars of the last
 * user prompt (and {@value #SYSTEM_HEAD_CHARS} + {@value #SYSTEM_TAIL_CHARS} of the system text) are
 * scanned, in one pass, with hashed vocabulary and token-trie lookups; the exact prompt hash is computed
 * in the same pass over the windows and by a plain char loop over the rest of a longer prompt. The system
 * text's contribution is kept in a small per-thread {@link SystemTextCache} (system prompts repeat across
 * exchanges; a hit needs an equal text). Measured single-thread on the 2-core reference machine: about
 * 8.5 us per exchange on simulator traffic (500-char prompts, 170-char system texts), about 2-3 us on
 * short ASCII prompts. No allocation besides the result record (and one cache entry per system-text miss).
 *
 * <p>Thread-safe: the lexicon is immutable and scratch buffers are per thread. Never throws on an
 * exchange the reader produced.
 */
public final class ContentAnalyzer {

    /** Chars scanned from the start of the prompt. */
    public static final int HEAD_CHARS = 2048;
    /** Chars scanned from the end of the prompt (when it is longer than head + tail). */
    public static final int TAIL_CHARS = 1024;
    static final int SYSTEM_HEAD_CHARS = 1536;
    static final int SYSTEM_TAIL_CHARS = 512;

    /** Decision point at which a family score is counted as a positive in evaluations. */
    public static final double POSITIVE = 0.5;

    /** Thinking budget (tokens) at or above which reasoning counts as maxed whatever max_tokens is. */
    static final int MAXED_BUDGET_TOKENS = 16_000;

    private static final Lexicon LEXICON = ContentLexicon.build();

    // ContentLexicon.RULES flattened into arrays: markGroups runs them once per matched phrase
    private static final long[] RULE_REQUIRED = ContentLexicon.RULES.stream().mapToLong(ContentLexicon.Rule::required).toArray();
    private static final int[] RULE_WINDOW = ContentLexicon.RULES.stream().mapToInt(ContentLexicon.Rule::window).toArray();
    private static final int[] RULE_FAMILY = ContentLexicon.RULES.stream().mapToInt(r -> r.family().ordinal()).toArray();
    private static final double[] RULE_WEIGHT = ContentLexicon.RULES.stream().mapToDouble(ContentLexicon.Rule::weight).toArray();
    /** Cue-group bit -> bit r set for each windowed rule r that requires the group. */
    private static final long[] WINDOWED_RULES_BY_GROUP = new long[64];

    static {
        if (RULE_REQUIRED.length > 64) {
            throw new IllegalStateException("rules are tracked in a 64-bit mask");
        }
        for (int r = 0; r < RULE_REQUIRED.length; r++) {
            for (int bit = 0; bit < 64; bit++) {
                if (RULE_WINDOW[r] != 0 && (RULE_REQUIRED[r] & 1L << bit) != 0) {
                    WINDOWED_RULES_BY_GROUP[bit] |= 1L << r;
                }
            }
        }
    }

    private final Lexicon lex;
    private final PromptScanner scanner;
    private final ThreadLocal<PerThread> perThread;

    /** Creates an analyzer with the built-in lexicons and a per-thread system-text cache. */
    public ContentAnalyzer() {
        this(SystemTextCache.DEFAULT_SLOTS);
    }

    /**
     * Creates an analyzer with a per-thread system-text cache of {@code systemCacheSlots} slots (a power
     * of two), or without one when 0: then the system text is scanned inline after the user prompt, the
     * reference the cached path is tested against.
     */
    ContentAnalyzer(int systemCacheSlots) {
        this.lex = LEXICON;
        this.scanner = new PromptScanner(lex);
        this.perThread = ThreadLocal.withInitial(() -> new PerThread(lex.featureCount(), systemCacheSlots));
    }

    /** Per-thread mutable state: the scratch of the exchange and, with the cache, the system-text cache. */
    private static final class PerThread {
        final PromptScanner.Scratch scratch;
        /** Scratch of a system text analysed on its own (cache misses); null without the cache. */
        final PromptScanner.Scratch systemScratch;
        final SystemTextCache cache;

        PerThread(int features, int slots) {
            scratch = new PromptScanner.Scratch(features);
            systemScratch = slots > 0 ? new PromptScanner.Scratch(features) : null;
            cache = slots > 0 ? new SystemTextCache(slots) : null;
        }
    }

    /** Analyses one exchange; never throws on any exchange the reader produced. */
    public ContentSignals analyze(Exchange e) {
        return run(e, perThread.get());
    }

    /** This thread's system-text cache, or null without one (for tests). */
    SystemTextCache systemCache() {
        return perThread.get().cache;
    }

    /**
     * The cues that fired for this exchange, for evidence and debugging: phrase features as
     * {@code family:name} (in firing order), conjunction rules as {@code rule:family:groups} and
     * request-parameter cues as {@code param:...}.
     */
    public List<String> explain(Exchange e) {
        PerThread t = perThread.get();
        PromptScanner.Scratch sc = t.scratch;
        ContentSignals s = run(e, t);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < sc.firedCount; i++) {
            Feature f = lex.feature(sc.fired[i]);
            if (f.weight() > 0 && f.family().ordinal() <= Family.TOOL.ordinal()) {
                out.add(f.name());
            }
        }
        List<ContentLexicon.Rule> rules = ContentLexicon.RULES;
        for (int r = 0; r < rules.size(); r++) {
            ContentLexicon.Rule rule = rules.get(r);
            if (rule.window() == 0 ? (sc.groups & rule.required()) == rule.required() : (sc.rulesMet & (1L << r)) != 0) {
                out.add(rule.name());
            }
        }
        if (s.reasoningMaxed()) {
            out.add("param:reasoning_maxed");
        }
        if (e.structuredOutput() != StructuredOutput.NONE) {
            out.add("param:structured_output_" + e.structuredOutput().name().toLowerCase(Locale.ROOT));
        }
        if (!e.tools().isEmpty()) {
            out.add("param:tools_offered");
        }
        if (e.toolResultCount() > 0) {
            out.add("param:tool_results");
        }
        return out;
    }

    /** Number of differing bits between two 64-bit fingerprints (0..64). */
    public static int hamming(long a, long b) {
        return Long.bitCount(a ^ b);
    }

    /**
     * Exact-prompt hash: 64-bit hash of the text lower-cased with whitespace runs collapsed to one
     * space and leading/trailing whitespace dropped; 0 for empty or blank text.
     */
    public static long exactHash(String text) {
        long h = 0xcbf29ce484222325L;
        boolean any = false;
        boolean pendingSpace = false;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c <= ' ' || (c > 127 && Character.isWhitespace(c))) {
                pendingSpace = any;
                continue;
            }
            if (pendingSpace) {
                h = (h ^ ' ') * 0x100000001b3L;
                pendingSpace = false;
            }
            char l = c < 128 ? (c >= 'A' && c <= 'Z' ? (char) (c + 32) : c) : Character.toLowerCase(c);
            h = (h ^ l) * 0x100000001b3L;
            any = true;
        }
        if (!any) {
            return 0;
        }
        h = Lexicon.mix(h);
        return h == 0 ? 1 : h;
    }

    /**
     * Template fingerprint of a text on its own (the same computation as
     * {@link ContentSignals#templateHash()}); 0 for text without words.
     */
    public long templateHash(String text) {
        PromptScanner.Scratch sc = perThread.get().scratch;
        sc.resetAll();
        scanner.scan(text, HEAD_CHARS, TAIL_CHARS, sc);
        return SimHash.of(sc.sim, sc.simWeight, sc.simCount, sc.lanes);
    }

    /**
     * Exact template key of a text on its own (the same computation as
     * {@link ContentSignals#templateKey()}); 0 for text without words.
     */
    public long templateKey(String text) {
        PromptScanner.Scratch sc = perThread.get().scratch;
        sc.resetAll();
        scanner.scan(text, HEAD_CHARS, TAIL_CHARS, sc);
        return SimHash.key(sc.sim, sc.simWeight, sc.simCount, PromptScanner.INSTRUCTION_WEIGHT);
    }

    // ------------------------------------------------------------------------------------------

    private ContentSignals run(Exchange e, PerThread t) {
        PromptScanner.Scratch sc = t.scratch;
        sc.resetAll();
        String prompt = e.lastUserText();
        String system = e.systemText();

        // user prompt: lexicon stream, skeleton, capability counters
        scanner.scan(prompt, HEAD_CHARS, TAIL_CHARS, sc);
        match(sc);
        long templateHash = SimHash.of(sc.sim, sc.simWeight, sc.simCount, sc.lanes);
        long templateKey = SimHash.key(sc.sim, sc.simWeight, sc.simCount, PromptScanner.INSTRUCTION_WEIGHT);
        int[] hits = sc.familyHits;
        int codeHits = hits[Family.CODE.ordinal()];
        int mathHits = hits[Family.MATH.ordinal()];
        int writingHits = hits[Family.WRITING.ordinal()];
        int qaHits = hits[Family.QA.ordinal()];
        int chatHits = hits[Family.CHAT.ordinal()];
        int words = sc.words;
        double codeShape = Math.min(sc.indentedLines, 6) * 0.3 + Math.min(sc.snakeCase, 5) * 0.3
                + (sc.parens >= 4 && sc.codeChars + sc.snakeCase > 0 ? 0.5 : 0);
        int optionLines = sc.optionLines;
        // capability is about the user's request: snapshot the counters before the system text is scanned
        int fences = sc.fences;
        int codeChars = sc.codeChars;
        int codeWords = sc.codeWords;
        int mathChars = sc.mathChars;
        int numbers = sc.numbers;
        int questionMarks = sc.questionMarks;

        long promptHash = sc.exactHash;

        // system text: the same families (judges and CoT instructions often live there)
        long systemTemplateHash = 0;
        long systemHash = 0;
        if (!system.isEmpty()) {
            if (t.cache == null) {
                sc.resetText();
                scanner.scan(system, SYSTEM_HEAD_CHARS, SYSTEM_TAIL_CHARS, sc);
                match(sc);
                systemTemplateHash = SimHash.of(sc.sim, sc.simWeight, sc.simCount, sc.lanes);
                systemHash = sc.exactHash;
            } else {
                SystemTextCache.Part part = t.cache.get(system);
                if (part == null) {
                    part = systemPart(system, t.systemScratch);
                    t.cache.put(part);
                }
                part.replayInto(sc);
                systemTemplateHash = part.templateHash();
                systemHash = part.exactHash();
            }
        }

        double[] keep = sc.keep;
        java.util.Arrays.fill(keep, 1.0);
        for (int i = 0; i < sc.firedCount; i++) {
            int fid = sc.fired[i];
            int fam = lex.featureFamily(fid);
            if (fam < keep.length) {
                keep[fam] *= 1.0 - lex.featureWeight(fid);
            }
        }
        long g = sc.groups;
        for (int r = 0; r < RULE_REQUIRED.length; r++) {
            long req = RULE_REQUIRED[r];
            boolean met = RULE_WINDOW[r] == 0 ? (g & req) == req : (sc.rulesMet & (1L << r)) != 0;
            if (met) {
                keep[RULE_FAMILY[r]] *= 1.0 - RULE_WEIGHT[r];
            }
        }

        // request parameters
        boolean maxed = reasoningMaxed(e.reasoning(), e.sampling().maxTokens());
        int toolResults = 0;
        int priorToolCalls = 0;
        List<Turn> turns = e.turns();
        for (int i = 0, size = turns.size(); i < size; i++) { // indexed: no iterator per exchange
            Turn turn = turns.get(i);
            toolResults += turn.toolResults();
            if (turn.role() == Role.ASSISTANT) {
                priorToolCalls += turn.toolCalls().size();
            }
        }
        boolean toolsOffered = !e.tools().isEmpty();
        boolean responseToolCalls = e.response().toolCalls() > 0;

        // chain of thought; reconstruction implies it (the reasoning is to be written out)
        double cotText = 1 - keep[Family.COT.ordinal()];
        // written-out reasoning asked for an answer the prompt already holds is a reconstruction
        double recon = 1 - keep[Family.RECON.ordinal()]
                * (cotText >= POSITIVE && (g & ContentLexicon.G_GIVEN_ANSWER) != 0 ? 1 - 0.45 : 1);
        double cot = Math.max(1 - (1 - cotText) * (maxed ? 1 - 0.2 : 1), recon);

        // rubric grading: a judge cue plus a scale or a [[verdict]] slot
        boolean judgeCue = (g & (ContentLexicon.G_JUDGE_VERB | ContentLexicon.G_JUDGE_OBJ)) != 0
                || (g & (ContentLexicon.G_LABEL_A | ContentLexicon.G_LABEL_B))
                        == (ContentLexicon.G_LABEL_A | ContentLexicon.G_LABEL_B);
        double rubric = 1 - keep[Family.RUBRIC.ordinal()]
                * (judgeCue && (g & ContentLexicon.G_SCALE) != 0 ? 1 - 0.4 : 1)
                * (judgeCue && sc.doubleBrackets > 0 ? 1 - 0.4 : 1);

        double censor = 1 - keep[Family.CENSOR.ordinal()];

        // structured Q/A generation: wording plus the response format
        StructuredOutput so = e.structuredOutput();
        double soWeight = so == StructuredOutput.JSON_SCHEMA ? 0.35 : so == StructuredOutput.JSON_OBJECT ? 0.25 : 0;
        boolean genCue = (g & (ContentLexicon.G_GENERATE | ContentLexicon.G_ITEMS | ContentLexicon.G_ITEM_WORD)) != 0;
        double sqa = 1 - keep[Family.SQA.ordinal()]
                * (1 - soWeight)
                * (so != StructuredOutput.NONE && genCue ? 1 - 0.3 : 1);

        // tool use and agentic loops
        boolean agentic = toolResults > 0 || (priorToolCalls > 0 && (toolsOffered || responseToolCalls))
                || (toolsOffered && responseToolCalls);
        double tool = 1 - keep[Family.TOOL.ordinal()]
                * (toolsOffered ? 1 - 0.5 : 1)
                * (toolResults > 0 ? 1 - 0.7 : 1)
                * (priorToolCalls > 0 ? 1 - 0.5 : 1)
                * (responseToolCalls ? 1 - 0.3 : 1)
                * ("required".equals(e.toolChoice()) || "any".equals(e.toolChoice()) ? 1 - 0.15 : 1);

        Capability cap = capability(rubric, tool, agentic, fences, codeHits, codeShape, codeChars, codeWords,
                mathHits, mathChars, numbers, writingHits, qaHits, questionMarks, optionLines, chatHits, words);

        return new ContentSignals(round(cot), round(recon), round(rubric), round(censor), round(sqa), agentic,
                maxed, cap, templateHash, promptHash, systemHash, prompt.length(),
                round(tool), systemTemplateHash, templateKey);
    }

    /**
     * What the system text contributes to an exchange's analysis, computed on its own in {@code work}: the
     * same scan and phrase match the inline path runs on it, from a fresh state. Replaying it after the
     * user prompt's match gives the inline path's state (see {@link SystemTextCache.Part#replayInto}).
     */
    private SystemTextCache.Part systemPart(String system, PromptScanner.Scratch work) {
        work.resetAll();
        scanner.scan(system, SYSTEM_HEAD_CHARS, SYSTEM_TAIL_CHARS, work);
        match(work);
        long th = SimHash.of(work.sim, work.simWeight, work.simCount, work.lanes);
        return new SystemTextCache.Part(system, java.util.Arrays.copyOf(work.fired, work.firedCount), work.groups,
                work.rulesMet, work.doubleBrackets, th, work.exactHash);
    }

    /**
     * Finds phrases in the lexicon stream, leftmost-longest: at each word the longest phrase starting
     * there fires, and the words it covers start no other match (so "step" inside "step by step" is not a
     * second cue).
     */
    private void match(PromptScanner.Scratch sc) {
        int[] ids = sc.ids;
        int n = sc.idCount;
        int neutral = Family.NEUTRAL.ordinal();
        for (int i = 0; i < n; i++) {
            int first = ids[i];
            if (first < 0) {
                continue;
            }
            int node = lex.child(0, first);
            if (node < 0) {
                continue; // most words start no phrase
            }
            int[] best = null;
            int bestNode = -1;
            int bestEnd = i;
            long pathGroups = 0;
            for (int j = i;;) {
                int[] t = lex.terminal(node);
                if (t != null) {
                    best = t;
                    bestNode = node;
                    bestEnd = j;
                    pathGroups |= lex.terminalGroups(node);
                }
                if (++j >= n) {
                    break;
                }
                int id = ids[j];
                if (id < 0) {
                    break;
                }
                node = lex.child(node, id);
                if (node < 0) {
                    break;
                }
            }
            if (best != null) {
                int start = i;
                i = bestEnd; // leftmost-longest: words inside a match start no other match
                if (lex.featureFamily(best[0]) == neutral) {
                    continue; // a benign longer reading wins over every shorter cue inside it
                }
                // shorter phrases inside the longest one still count as cue groups ("walk through" in
                // "walk through your reasoning"), but only the longest fires its weight
                long own = lex.terminalGroups(bestNode);
                if (own == 0) {
                    // a phrase without cue groups of its own ("explain your reasoning") still shows the
                    // groups of the single words it covers
                    own = pathGroups;
                    for (int k = start; k <= bestEnd; k++) {
                        int node1 = lex.child(0, ids[k]);
                        if (node1 >= 0) {
                            own |= lex.terminalGroups(node1);
                        }
                    }
                }
                markGroups(sc, own, start);
                int[] stamp = sc.stamp;
                for (int fid : best) {
                    sc.familyHits[lex.featureFamily(fid)]++;
                    if (stamp[fid] != sc.generation) {
                        stamp[fid] = sc.generation;
                        sc.fired[sc.firedCount++] = fid;
                        sc.groups |= lex.featureGroups(fid);
                    }
                }
            }
        }
    }

    /** Records where cue groups fired and checks the windowed rules they complete. */
    private static void markGroups(PromptScanner.Scratch sc, long groups, int pos) {
        if (groups == 0) {
            return;
        }
        sc.groups |= groups;
        long g = groups;
        long candidates = 0;
        while (g != 0) {
            int bit = Long.numberOfTrailingZeros(g);
            sc.groupPos[bit] = pos;
            candidates |= WINDOWED_RULES_BY_GROUP[bit];
            g &= g - 1;
        }
        // only windowed rules that need one of these groups and are not met yet can change
        candidates &= ~sc.rulesMet;
        long[] required = RULE_REQUIRED;
        int[] windows = RULE_WINDOW;
        while (candidates != 0) {
            int r = Long.numberOfTrailingZeros(candidates);
            candidates &= candidates - 1;
            int window = windows[r];
            long need = required[r];
            boolean ok = true;
            while (need != 0) {
                int bit = Long.numberOfTrailingZeros(need);
                if (pos - sc.groupPos[bit] > window) {
                    ok = false;
                    break;
                }
                need &= need - 1;
            }
            if (ok) {
                sc.rulesMet |= 1L << r;
            }
        }
    }

    /**
     * Reasoning at the top level offered: effort {@code high} or above, or a thinking budget of at
     * least {@value #MAXED_BUDGET_TOKENS} tokens or at least 80% of the output cap.
     */
    static boolean reasoningMaxed(ReasoningRequest r, Integer maxTokens) {
        if ("disabled".equals(r.thinkingType())) {
            return false;
        }
        String effort = r.effort();
        if (effort != null) {
            switch (effort) {
                case "high", "xhigh", "max", "maximum", "highest" -> {
                    return true;
                }
                default -> {
                }
            }
        }
        Integer budget = r.budgetTokens();
        if (budget != null && budget > 0) {
            return budget >= MAXED_BUDGET_TOKENS || (maxTokens != null && maxTokens > 0 && budget >= 0.8 * maxTokens);
        }
        return false;
    }

    /**
     * Capability category from feature points. Grading and agentic are decided by their own
     * signals; the rest by the largest point total, OTHER when nothing reaches one point.
     */
    static Capability capability(double rubric, double tool, boolean agentic, int fences, int codeHits,
            double codeShape, int codeChars, int codeWords, int mathHits, int mathChars, int numbers,
            int writingHits, int qaHits, int questionMarks, int optionLines, int chatHits, int words) {
        if (rubric >= POSITIVE) {
            return Capability.GRADING;
        }
        if (agentic || tool >= POSITIVE) {
            return Capability.AGENTIC;
        }
        double code = (fences > 0 ? 3 : 0) + Math.min(codeHits, 6) * 0.6 + Math.min(codeChars, 24) / 8.0
                + Math.min(codeWords, 40) / 20.0 + codeShape;
        double numberDensity = words == 0 ? 0 : (double) numbers / words;
        double math = Math.min(mathHits, 6) * 0.5 + Math.min(mathChars, 12) / 6.0
                + (numbers >= 2 ? Math.min(numberDensity * 10, 2.0) : 0);
        double writing = Math.min(writingHits, 4) * 0.7;
        // a multiple-choice item (A./B./C./D. lines) is an exam-style knowledge question
        double qa = Math.min(qaHits, 4) * 0.5 + (questionMarks > 0 ? 0.5 : 0) + (optionLines >= 3 ? 1.5 : 0);
        double chat = Math.min(chatHits, 3) * 0.8 + (words > 0 && words <= 8 ? 0.5 : 0) - (words > 60 ? 1.0 : 0);
        Capability best = Capability.OTHER;
        double bestPts = 0.99;
        if (code > bestPts) {
            best = Capability.CODING;
            bestPts = code;
        }
        if (math > bestPts) {
            best = Capability.MATH_REASONING;
            bestPts = math;
        }
        if (writing > bestPts) {
            best = Capability.WRITING;
            bestPts = writing;
        }
        if (qa > bestPts) {
            best = Capability.KNOWLEDGE_QA;
            bestPts = qa;
        }
        if (chat > bestPts) {
            best = Capability.CHIT_CHAT;
        }
        return best;
    }

    private static double round(double v) {
        // four decimals keep outputs byte-stable across platforms and readable in evidence
        return Math.round(v * 10_000) / 10_000.0;
    }
}
