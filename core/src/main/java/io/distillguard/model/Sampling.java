package io.distillguard.model;

/**
 * Sampling parameters of the request. Boxed fields are null when the request did not set them.
 *
 * @param temperature sampling temperature
 * @param topP nucleus sampling mass
 * @param topK Anthropic top-k
 * @param n number of choices requested (OpenAI {@code n})
 * @param maxTokens output token cap ({@code max_tokens}, {@code max_completion_tokens},
 *     {@code max_output_tokens})
 * @param seed requested seed
 * @param logprobs true when log-probabilities were requested ({@code logprobs} or {@code top_logprobs})
 * @param logitBias true when a logit bias was supplied
 * @param stream true when streaming was requested
 * @param stopSequences number of stop sequences supplied (0 when none)
 */
public record Sampling(Double temperature, Double topP, Integer topK, Integer n, Integer maxTokens,
        Long seed, boolean logprobs, boolean logitBias, boolean stream, int stopSequences) {

    /** Nothing set. */
    public static final Sampling DEFAULT = new Sampling(null, null, null, null, null, null, false, false, false, 0);
}
