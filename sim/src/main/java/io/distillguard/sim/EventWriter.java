package io.distillguard.sim;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Renders a {@link SimEvent} as one exchange-log v1 line in the provider-native body shape of its
 * {@code api}. Not thread-safe; reuses one buffer.
 */
final class EventWriter {

    private final JsonFactory factory = new JsonFactory();
    private final ByteArrayBuilder buf = new ByteArrayBuilder(8192);

    /** The line's bytes without the trailing newline. */
    byte[] render(SimEvent e) {
        buf.reset();
        try (JsonGenerator g = factory.createGenerator(buf, JsonEncoding.UTF8)) {
            write(g, e);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return buf.toByteArray();
    }

    private void write(JsonGenerator g, SimEvent e) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", e.id);
        if (e.epochTs) {
            g.writeNumberField("ts", e.ts);
        } else {
            g.writeStringField("ts", Times.rfc3339(e.ts, e.tsOffsetMinutes));
        }
        g.writeStringField("account_id", e.accountId);
        if (e.writeApi) {
            g.writeStringField("api", e.api.wireName());
        }
        if (e.apiKeyId != null) {
            g.writeStringField("api_key_id", e.apiKeyId);
        }
        if (e.orgId != null) {
            g.writeStringField("org_id", e.orgId);
        }
        if (e.endUserId != null && e.endUserField) {
            g.writeStringField("end_user_id", e.endUserId);
        }
        if (e.servedModel != null) {
            g.writeStringField("model", e.servedModel);
        }
        g.writeObjectFieldStart("client");
        g.writeStringField("ip", e.ip);
        if (e.userAgent != null) {
            g.writeStringField("user_agent", e.userAgent);
        }
        if (e.asn != null) {
            g.writeNumberField("asn", e.asn);
            g.writeStringField("asn_org", e.asnOrg);
            g.writeStringField("country", e.country);
        }
        if (e.tls != null) {
            g.writeStringField("tls_fingerprint", e.tls);
        }
        if (e.headerOrder != null) {
            g.writeStringField("header_order", e.headerOrder);
        }
        g.writeEndObject();
        g.writeFieldName("request");
        switch (e.api) {
            case OPENAI_CHAT -> chat(g, e);
            case OPENAI_RESPONSES -> responses(g, e);
            case ANTHROPIC_MESSAGES -> anthropic(g, e);
            default -> throw new IllegalStateException("unknown api " + e.api);
        }
        if (e.hasUsage) {
            g.writeObjectFieldStart("usage");
            g.writeNumberField("input_tokens", e.inputTokens);
            g.writeNumberField("output_tokens", e.outputTokens);
            if (e.reasoningTokens > 0) {
                g.writeNumberField("reasoning_tokens", e.reasoningTokens);
            }
            if (e.cacheReadTokens > 0) {
                g.writeNumberField("cache_read_tokens", e.cacheReadTokens);
            }
            g.writeEndObject();
        }
        if (e.stopReason != null || e.responseText != null) {
            g.writeObjectFieldStart("response");
            if (e.responseText != null) {
                g.writeStringField("text", e.responseText);
            }
            if (e.stopReason != null) {
                g.writeStringField("stop_reason", e.stopReason);
            }
            if (e.toolCallsOut >= 0) {
                g.writeNumberField("tool_calls", e.toolCallsOut);
            }
            g.writeEndObject();
        }
        g.writeNumberField("status", e.status);
        if (e.latencyMs >= 0) {
            g.writeNumberField("latency_ms", e.latencyMs);
        }
        g.writeEndObject();
    }

    private static void chat(JsonGenerator g, SimEvent e) throws IOException {
        g.writeStartObject();
        g.writeStringField("model", e.model);
        g.writeArrayFieldStart("messages");
        if (e.system != null) {
            g.writeStartObject();
            g.writeStringField("role", e.developerRole ? "developer" : "system");
            g.writeStringField("content", e.system);
            g.writeEndObject();
        }
        for (SimEvent.Msg m : e.messages) {
            g.writeStartObject();
            switch (m.who()) {
                case USER -> {
                    g.writeStringField("role", "user");
                    if (e.contentParts) {
                        // some SDKs send content as an array of parts
                        g.writeArrayFieldStart("content");
                        g.writeStartObject();
                        g.writeStringField("type", "text");
                        g.writeStringField("text", m.text());
                        g.writeEndObject();
                        g.writeEndArray();
                    } else {
                        g.writeStringField("content", m.text());
                    }
                }
                case ASSISTANT -> {
                    g.writeStringField("role", "assistant");
                    if (m.calls().isEmpty()) {
                        g.writeStringField("content", m.text());
                    } else {
                        if (m.text() == null || m.text().isEmpty()) {
                            g.writeNullField("content");
                        } else {
                            g.writeStringField("content", m.text());
                        }
                        g.writeArrayFieldStart("tool_calls");
                        for (SimEvent.ToolCall c : m.calls()) {
                            g.writeStartObject();
                            g.writeStringField("id", c.id());
                            g.writeStringField("type", "function");
                            g.writeObjectFieldStart("function");
                            g.writeStringField("name", c.name());
                            g.writeStringField("arguments", c.argsJson());
                            g.writeEndObject();
                            g.writeEndObject();
                        }
                        g.writeEndArray();
                    }
                }
                case TOOL -> {
                    g.writeStringField("role", "tool");
                    g.writeStringField("tool_call_id", m.callId());
                    g.writeStringField("content", m.text());
                }
                default -> throw new IllegalStateException();
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        if (!e.tools.isEmpty()) {
            g.writeArrayFieldStart("tools");
            for (SimEvent.ToolDef t : e.tools) {
                g.writeStartObject();
                g.writeStringField("type", "function");
                g.writeObjectFieldStart("function");
                g.writeStringField("name", t.name());
                g.writeStringField("description", t.description());
                g.writeFieldName("parameters");
                g.writeRawValue(t.paramsJson());
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
            if (e.toolChoice != null) {
                g.writeStringField("tool_choice", e.toolChoice);
            }
        }
        if (e.schemaJson != null) {
            g.writeObjectFieldStart("response_format");
            g.writeStringField("type", "json_schema");
            g.writeObjectFieldStart("json_schema");
            g.writeStringField("name", e.schemaName);
            g.writeBooleanField("strict", true);
            g.writeFieldName("schema");
            g.writeRawValue(e.schemaJson);
            g.writeEndObject();
            g.writeEndObject();
        } else if (e.jsonObject) {
            g.writeObjectFieldStart("response_format");
            g.writeStringField("type", "json_object");
            g.writeEndObject();
        }
        if (e.effort != null) {
            g.writeStringField("reasoning_effort", e.effort);
        }
        sampling(g, e);
        if (e.maxTokens != null) {
            g.writeNumberField(e.effort != null ? "max_completion_tokens" : "max_tokens", e.maxTokens);
        }
        if (e.seed != null) {
            g.writeNumberField("seed", e.seed);
        }
        if (e.stream) {
            g.writeBooleanField("stream", true);
        }
        if (e.endUserId != null) {
            g.writeStringField("user", e.endUserId);
        }
        g.writeEndObject();
    }

    private static void responses(JsonGenerator g, SimEvent e) throws IOException {
        g.writeStartObject();
        g.writeStringField("model", e.model);
        if (e.system != null) {
            g.writeStringField("instructions", e.system);
        }
        List<SimEvent.Msg> ms = e.messages;
        if (ms.size() == 1 && ms.get(0).who() == SimEvent.Who.USER) {
            g.writeStringField("input", ms.get(0).text());
        } else {
            g.writeArrayFieldStart("input");
            for (SimEvent.Msg m : ms) {
                switch (m.who()) {
                    case USER -> {
                        g.writeStartObject();
                        g.writeStringField("role", "user");
                        g.writeArrayFieldStart("content");
                        g.writeStartObject();
                        g.writeStringField("type", "input_text");
                        g.writeStringField("text", m.text());
                        g.writeEndObject();
                        g.writeEndArray();
                        g.writeEndObject();
                    }
                    case ASSISTANT -> {
                        if (m.text() != null && !m.text().isEmpty()) {
                            g.writeStartObject();
                            g.writeStringField("type", "message");
                            g.writeStringField("role", "assistant");
                            g.writeArrayFieldStart("content");
                            g.writeStartObject();
                            g.writeStringField("type", "output_text");
                            g.writeStringField("text", m.text());
                            g.writeEndObject();
                            g.writeEndArray();
                            g.writeEndObject();
                        }
                        for (SimEvent.ToolCall c : m.calls()) {
                            g.writeStartObject();
                            g.writeStringField("type", "function_call");
                            g.writeStringField("call_id", c.id());
                            g.writeStringField("name", c.name());
                            g.writeStringField("arguments", c.argsJson());
                            g.writeEndObject();
                        }
                    }
                    case TOOL -> {
                        g.writeStartObject();
                        g.writeStringField("type", "function_call_output");
                        g.writeStringField("call_id", m.callId());
                        g.writeStringField("output", m.text());
                        g.writeEndObject();
                    }
                    default -> throw new IllegalStateException();
                }
            }
            g.writeEndArray();
        }
        if (!e.tools.isEmpty()) {
            g.writeArrayFieldStart("tools");
            for (SimEvent.ToolDef t : e.tools) {
                g.writeStartObject();
                g.writeStringField("type", "function");
                g.writeStringField("name", t.name());
                g.writeStringField("description", t.description());
                g.writeFieldName("parameters");
                g.writeRawValue(t.paramsJson());
                g.writeEndObject();
            }
            g.writeEndArray();
            if (e.toolChoice != null) {
                g.writeStringField("tool_choice", e.toolChoice);
            }
        }
        if (e.effort != null) {
            g.writeObjectFieldStart("reasoning");
            g.writeStringField("effort", e.effort);
            g.writeEndObject();
        }
        if (e.schemaJson != null || e.jsonObject) {
            g.writeObjectFieldStart("text");
            g.writeObjectFieldStart("format");
            if (e.schemaJson != null) {
                g.writeStringField("type", "json_schema");
                g.writeStringField("name", e.schemaName);
                g.writeBooleanField("strict", true);
                g.writeFieldName("schema");
                g.writeRawValue(e.schemaJson);
            } else {
                g.writeStringField("type", "json_object");
            }
            g.writeEndObject();
            g.writeEndObject();
        }
        sampling(g, e);
        if (e.maxTokens != null) {
            g.writeNumberField("max_output_tokens", e.maxTokens);
        }
        if (e.stream) {
            g.writeBooleanField("stream", true);
        }
        if (e.endUserId != null) {
            g.writeStringField("user", e.endUserId);
        }
        g.writeEndObject();
    }

    private static void anthropic(JsonGenerator g, SimEvent e) throws IOException {
        g.writeStartObject();
        g.writeStringField("model", e.model);
        g.writeNumberField("max_tokens", e.maxTokens == null ? 4096 : e.maxTokens);
        if (e.system != null) {
            if (e.developerRole) {
                // system as a list of text blocks, as cache-control users send it
                g.writeArrayFieldStart("system");
                g.writeStartObject();
                g.writeStringField("type", "text");
                g.writeStringField("text", e.system);
                g.writeObjectFieldStart("cache_control");
                g.writeStringField("type", "ephemeral");
                g.writeEndObject();
                g.writeEndObject();
                g.writeEndArray();
            } else {
                g.writeStringField("system", e.system);
            }
        }
        g.writeArrayFieldStart("messages");
        List<SimEvent.Msg> ms = e.messages;
        for (int i = 0; i < ms.size(); i++) {
            SimEvent.Msg m = ms.get(i);
            switch (m.who()) {
                case USER -> {
                    g.writeStartObject();
                    g.writeStringField("role", "user");
                    g.writeStringField("content", m.text());
                    g.writeEndObject();
                }
                case ASSISTANT -> {
                    g.writeStartObject();
                    g.writeStringField("role", "assistant");
                    if (m.calls().isEmpty()) {
                        g.writeStringField("content", m.text());
                    } else {
                        g.writeArrayFieldStart("content");
                        if (m.text() != null && !m.text().isEmpty()) {
                            g.writeStartObject();
                            g.writeStringField("type", "text");
                            g.writeStringField("text", m.text());
                            g.writeEndObject();
                        }
                        for (SimEvent.ToolCall c : m.calls()) {
                            g.writeStartObject();
                            g.writeStringField("type", "tool_use");
                            g.writeStringField("id", c.id());
                            g.writeStringField("name", c.name());
                            g.writeFieldName("input");
                            g.writeRawValue(c.argsJson());
                            g.writeEndObject();
                        }
                        g.writeEndArray();
                    }
                    g.writeEndObject();
                }
                case TOOL -> {
                    // consecutive tool results travel in one user message
                    g.writeStartObject();
                    g.writeStringField("role", "user");
                    g.writeArrayFieldStart("content");
                    while (true) {
                        g.writeStartObject();
                        g.writeStringField("type", "tool_result");
                        g.writeStringField("tool_use_id", ms.get(i).callId());
                        g.writeStringField("content", ms.get(i).text());
                        g.writeEndObject();
                        if (i + 1 < ms.size() && ms.get(i + 1).who() == SimEvent.Who.TOOL) {
                            i++;
                        } else {
                            break;
                        }
                    }
                    g.writeEndArray();
                    g.writeEndObject();
                }
                default -> throw new IllegalStateException();
            }
        }
        g.writeEndArray();
        if (!e.tools.isEmpty()) {
            g.writeArrayFieldStart("tools");
            for (SimEvent.ToolDef t : e.tools) {
                g.writeStartObject();
                g.writeStringField("name", t.name());
                g.writeStringField("description", t.description());
                g.writeFieldName("input_schema");
                g.writeRawValue(t.paramsJson());
                g.writeEndObject();
            }
            g.writeEndArray();
            if (e.toolChoice != null) {
                g.writeObjectFieldStart("tool_choice");
                g.writeStringField("type", "required".equals(e.toolChoice) ? "any" : "auto");
                g.writeEndObject();
            }
        }
        if (e.thinkingBudget != null) {
            g.writeObjectFieldStart("thinking");
            g.writeStringField("type", "enabled");
            g.writeNumberField("budget_tokens", e.thinkingBudget);
            g.writeEndObject();
        } else if (e.effort != null) {
            g.writeObjectFieldStart("output_config");
            g.writeStringField("effort", e.effort);
            g.writeEndObject();
        }
        if (e.schemaJson != null) {
            g.writeObjectFieldStart("output_format");
            g.writeStringField("type", "json_schema");
            g.writeFieldName("schema");
            g.writeRawValue(e.schemaJson);
            g.writeEndObject();
        }
        // thinking requires the default temperature on Anthropic
        if (e.thinkingBudget == null) {
            sampling(g, e);
        }
        if (e.stream) {
            g.writeBooleanField("stream", true);
        }
        if (e.endUserId != null) {
            g.writeObjectFieldStart("metadata");
            g.writeStringField("user_id", e.endUserId);
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void sampling(JsonGenerator g, SimEvent e) throws IOException {
        if (e.temperature != null) {
            g.writeNumberField("temperature", e.temperature);
        }
        if (e.topP != null) {
            g.writeNumberField("top_p", e.topP);
        }
    }
}
