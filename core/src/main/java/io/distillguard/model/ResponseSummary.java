package io.distillguard.model;

/**
 * Summary of the response the provider returned.
 *
 * @param text final visible text, possibly truncated; null when absent
 * @param stopReason e.g. {@code end_turn}, {@code max_tokens}, {@code length}, {@code tool_use};
 *     null when absent
 * @param toolCalls number of tool calls in the response, {@code -1} when absent
 */
public record ResponseSummary(String text, String stopReason, int toolCalls) {

    /** No response information. */
    public static final ResponseSummary NONE = new ResponseSummary(null, null, -1);
}
