package io.distillguard.model;

import java.util.List;
import java.util.Objects;

/**
 * One API exchange (request + gateway metadata + optional response summary), normalised so that
 * OpenAI Chat Completions, OpenAI Responses and Anthropic Messages bodies look the same.
 *
 * <p>Instances are immutable and cheap to discard; nothing downstream keeps them past the
 * profile update.
 *
 * @param id unique request id from the log
 * @param tsMillis arrival time, epoch milliseconds UTC
 * @param accountId billing account
 * @param api body shape, as given or inferred from the body
 * @param apiKeyId key used, or null
 * @param orgId organisation / workspace, or null
 * @param endUserId declared end user (event field, OpenAI {@code user} or Anthropic
 *     {@code metadata.user_id}), or null
 * @param model model served (event {@code model}, defaulting to {@code request.model}); null when neither
 * @param client connection information, never null
 * @param usage token usage, never null
 * @param response response summary, never null
 * @param status HTTP status, {@code -1} when absent
 * @param latencyMs time to last byte in ms, {@code -1} when absent
 * @param systemText system / developer / instructions text joined with {@code "\n"}; empty when none
 * @param turns the ordered conversation turns of the request, system turns excluded
 * @param lastUserText text of the last user turn, empty when none
 * @param tools names of tools offered ({@code tools[].name} or {@code function.name}, or the
 *     built-in tool type such as {@code web_search})
 * @param toolChoice the tool choice as a short string ({@code auto}, {@code required},
 *     {@code none}, {@code any}, or a tool name), or null
 * @param sampling sampling parameters, never null
 * @param reasoning reasoning request, never null
 * @param structuredOutput structured-output request, never null
 * @param priorTurns number of turns before the last user turn (0 for a single-turn request)
 */
public record Exchange(
        String id,
        long tsMillis,
        String accountId,
        Api api,
        String apiKeyId,
        String orgId,
        String endUserId,
        String model,
        ClientInfo client,
        Usage usage,
        ResponseSummary response,
        int status,
        int latencyMs,
        String systemText,
        List<Turn> turns,
        String lastUserText,
        List<String> tools,
        String toolChoice,
        Sampling sampling,
        ReasoningRequest reasoning,
        StructuredOutput structuredOutput,
        int priorTurns) {

    public Exchange {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(api, "api");
        client = client == null ? ClientInfo.EMPTY : client;
        usage = usage == null ? Usage.NONE : usage;
        response = response == null ? ResponseSummary.NONE : response;
        systemText = systemText == null ? "" : systemText;
        turns = turns == null ? List.of() : List.copyOf(turns);
        lastUserText = lastUserText == null ? "" : lastUserText;
        tools = tools == null ? List.of() : List.copyOf(tools);
        sampling = sampling == null ? Sampling.DEFAULT : sampling;
        reasoning = reasoning == null ? ReasoningRequest.NONE : reasoning;
        structuredOutput = structuredOutput == null ? StructuredOutput.NONE : structuredOutput;
    }

    /** Number of tool results carried by the request's turns (a sign of an agentic loop). */
    public int toolResultCount() {
        int n = 0;
        // indexed: called once per exchange on the engine's in-order thread, where the iterator was not
        // always scalar-replaced
        for (int i = 0, size = turns.size(); i < size; i++) {
            n += turns.get(i).toolResults();
        }
        return n;
    }
}
