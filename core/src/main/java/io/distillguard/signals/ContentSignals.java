package io.distillguard.signals;

import java.util.Objects;

/**
 * Content signals of one exchange, computed from the request (and response summary) alone.
 * Scores are in [0, 1]: 0 = no sign, 1 = unmistakable.
 *
 * @param cotElicitation the prompt asks for step-by-step / exhaustive reasoning to be written out
 * @param reasoningReconstruction the prompt asks the model to reconstruct or articulate the internal
 *     reasoning behind a given answer (the distillation tell; stronger than plain CoT)
 * @param rubricGrading the prompt uses the model as a grader / reward model (rubric, score 1-10,
 *     compare responses, output a verdict)
 * @param censorshipRewrite the prompt asks for a "safe", neutral or sanitised rewrite of a
 *     sensitive question or answer
 * @param structuredQa the exchange generates structured Q/A data (JSON schema output, "generate N
 *     question-answer pairs", dataset-style output)
 * @param agenticLoop the exchange is a step of a tool-use loop (tools offered and tool results /
 *     tool calls in the turns)
 * @param reasoningMaxed reasoning was requested at the top level offered (effort high and above, or
 *     a thinking budget at or above 80% of max tokens, or at or above 16k tokens)
 * @param capability main capability category exercised
 * @param templateHash 64-bit SimHash of the last user prompt with its variable parts masked
 *     (numbers, quoted strings, code, names), so prompts built from one template are near in Hamming
 *     distance; 0 when there is no prompt text
 * @param promptHash 64-bit hash of the exact normalised last user prompt (whitespace collapsed,
 *     lower-cased); 0 when empty
 * @param systemHash 64-bit hash of the normalised system text; 0 when none
 * @param promptChars length of the last user prompt in chars
 * @param toolUse the exchange uses or sets up tool calling, in [0, 1]: tools offered, tool calls and
 *     tool results in the turns, tool-protocol wording in the prompt (ReAct, "you have access to the
 *     following tools", toolformer) (added by the content-signals stream)
 * @param systemTemplateHash 64-bit SimHash of the system text's masked skeleton, computed like
 *     {@code templateHash}; 0 when there is no system text (added by the content-signals stream)
 * @param templateKey exact-match template key: hash of the first or last 10 masked skeleton words,
 *     whichever end holds more prompt-instruction words. Prompts from one template with at least ~10
 *     fixed words at one end get the same key (use it for counting / sketches keyed by equality;
 *     {@code templateHash} is for Hamming-distance near-duplicates and is rarely equal between two
 *     prompts of one template); 0 when there is no prompt text (added by the content-signals stream)
 */
public record ContentSignals(double cotElicitation, double reasoningReconstruction, double rubricGrading,
        double censorshipRewrite, double structuredQa, boolean agenticLoop, boolean reasoningMaxed,
        Capability capability, long templateHash, long promptHash, long systemHash, int promptChars,
        double toolUse, long systemTemplateHash, long templateKey) {

    public ContentSignals {
        Objects.requireNonNull(capability, "capability");
    }

    /**
     * Compatibility constructor with the original twelve components ({@code toolUse} 0,
     * {@code systemTemplateHash} 0, {@code templateKey} 0), for code and tests written against the first
     * contract.
     */
    public ContentSignals(double cotElicitation, double reasoningReconstruction, double rubricGrading,
            double censorshipRewrite, double structuredQa, boolean agenticLoop, boolean reasoningMaxed,
            Capability capability, long templateHash, long promptHash, long systemHash, int promptChars) {
        this(cotElicitation, reasoningReconstruction, rubricGrading, censorshipRewrite, structuredQa, agenticLoop,
                reasoningMaxed, capability, templateHash, promptHash, systemHash, promptChars, 0, 0, 0);
    }
}
