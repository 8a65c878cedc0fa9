package io.distillguard.model;

/**
 * Token usage of the exchange; each count is {@code -1} when absent.
 *
 * @param inputTokens prompt tokens
 * @param outputTokens completion tokens, including reasoning tokens when the provider counts them so
 * @param reasoningTokens hidden reasoning / thinking tokens
 * @param cacheReadTokens prompt tokens served from cache
 */
public record Usage(int inputTokens, int outputTokens, int reasoningTokens, int cacheReadTokens) {

    /** Usage with every count absent. */
    public static final Usage NONE = new Usage(-1, -1, -1, -1);
}
