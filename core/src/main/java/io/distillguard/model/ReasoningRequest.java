package io.distillguard.model;

/**
 * What the request asked of the model's reasoning.
 *
 * @param effort effort level as sent, lower-cased ({@code none}, {@code minimal}, {@code low},
 *     {@code medium}, {@code high}, {@code xhigh}, {@code max}, ...); null when not set. Sources:
 *     OpenAI {@code reasoning_effort}, Responses {@code reasoning.effort}, Anthropic
 *     {@code output_config.effort}
 * @param budgetTokens Anthropic {@code thinking.budget_tokens}, or null
 * @param thinkingType Anthropic {@code thinking.type} ({@code enabled}, {@code adaptive},
 *     {@code disabled}), or null
 */
public record ReasoningRequest(String effort, Integer budgetTokens, String thinkingType) {

    /** No reasoning request. */
    public static final ReasoningRequest NONE = new ReasoningRequest(null, null, null);

    /** True when the request explicitly asked for reasoning / thinking to be on. */
    public boolean requested() {
        if (thinkingType != null) {
            return !"disabled".equals(thinkingType);
        }
        if (budgetTokens != null && budgetTokens > 0) {
            return true;
        }
        return effort != null && !"none".equals(effort);
    }
}
