package io.distillguard.sim;

import io.distillguard.model.Api;
import java.util.ArrayList;
import java.util.List;

/**
 * One exchange as the simulator decided it, before rendering into a provider-native body. Mutable and
 * short-lived: built by a persona, written by {@link EventWriter}, dropped.
 */
final class SimEvent {

    enum Who { USER, ASSISTANT, TOOL }

    record ToolCall(String id, String name, String argsJson) {
    }

    record ToolDef(String name, String description, String paramsJson) {
    }

    /** One conversation message; {@code calls} on assistant messages, {@code callId} on tool results. */
    record Msg(Who who, String text, List<ToolCall> calls, String callId) {

        static Msg user(String text) {
            return new Msg(Who.USER, text, List.of(), null);
        }

        static Msg assistant(String text) {
            return new Msg(Who.ASSISTANT, text, List.of(), null);
        }

        static Msg calls(String text, List<ToolCall> calls) {
            return new Msg(Who.ASSISTANT, text, calls, null);
        }

        static Msg result(String callId, String text) {
            return new Msg(Who.TOOL, text, List.of(), callId);
        }
    }

    String id;
    long ts;
    String accountId;
    Api api;
    boolean writeApi = true;
    String apiKeyId;
    String orgId;
    String endUserId;
    /** Also copy the end user into the event's {@code end_user_id} field (not only the body). */
    boolean endUserField;
    String model;
    /** Event {@code model} field (the model the gateway routed to), or null when the gateway did not log it. */
    String servedModel;

    String system;
    /** Send the system prompt as OpenAI {@code developer} role instead of {@code system}. */
    boolean developerRole;
    /** OpenAI chat user content as an array of text parts instead of a string. */
    boolean contentParts;
    final List<Msg> messages = new ArrayList<>();
    final List<ToolDef> tools = new ArrayList<>();
    String toolChoice;
    String effort;
    Integer thinkingBudget;
    /** JSON schema (raw JSON) for structured output, or null. */
    String schemaJson;
    String schemaName;
    boolean jsonObject;
    Double temperature;
    Double topP;
    Integer maxTokens;
    boolean stream;
    Long seed;

    String ip;
    String userAgent;
    Integer asn;
    String asnOrg;
    String country;
    String tls;
    String headerOrder;

    boolean hasUsage;
    int inputTokens;
    int outputTokens;
    int reasoningTokens;
    int cacheReadTokens;
    String stopReason;
    int toolCallsOut = -1;
    String responseText;
    int status = 200;
    int latencyMs = -1;

    /** Write {@code ts} as epoch ms instead of RFC 3339. */
    boolean epochTs;
    /** Minutes east of UTC for the RFC 3339 offset (0 writes {@code Z}). */
    int tsOffsetMinutes;

    /** Total characters of prompt text, for token estimates. */
    int promptChars() {
        int n = system == null ? 0 : system.length();
        for (Msg m : messages) {
            n += m.text() == null ? 0 : m.text().length();
            for (ToolCall c : m.calls()) {
                n += c.argsJson().length() + c.name().length();
            }
        }
        for (ToolDef t : tools) {
            n += t.paramsJson().length() + t.description().length();
        }
        return n;
    }
}
