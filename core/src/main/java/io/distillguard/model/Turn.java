package io.distillguard.model;

import java.util.List;
import java.util.Objects;

/**
 * One message of the conversation sent in a request, normalised across body shapes.
 *
 * @param role who spoke
 * @param text all text parts of the message joined with {@code "\n"}; empty string when none
 *     (never null)
 * @param toolCalls names of tools the assistant called in this turn (OpenAI {@code tool_calls},
 *     Anthropic {@code tool_use}, Responses {@code function_call}); empty when none
 * @param toolResults number of tool results carried by this turn (OpenAI {@code role: tool},
 *     Anthropic {@code tool_result}, Responses {@code function_call_output})
 * @param images number of image / document parts
 * @param otherPartTypes types of parts the reader does not interpret (kept opaque, e.g.
 *     {@code server_tool_use}); their {@code text}, if any, is included in {@code text}
 */
public record Turn(Role role, String text, List<String> toolCalls, int toolResults, int images,
        List<String> otherPartTypes) {

    public Turn {
        Objects.requireNonNull(role, "role");
        text = text == null ? "" : text;
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
        otherPartTypes = otherPartTypes == null ? List.of() : List.copyOf(otherPartTypes);
    }

    /** A plain text turn. */
    public static Turn text(Role role, String text) {
        return new Turn(role, text, List.of(), 0, 0, List.of());
    }
}
