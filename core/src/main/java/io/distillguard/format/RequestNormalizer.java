package io.distillguard.format;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.distillguard.model.Api;
import io.distillguard.model.ReasoningRequest;
import io.distillguard.model.Role;
import io.distillguard.model.Sampling;
import io.distillguard.model.StructuredOutput;
import io.distillguard.model.Turn;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Streams one provider-native request body (OpenAI Chat Completions, OpenAI Responses or Anthropic
 * Messages) into the normalised view, in a single pass and without building a tree. The body's
 * shape may only be known at its end (the {@code api} field can follow the body, and inference
 * looks at all keys), so every key is read in a shape-agnostic way: the three APIs use compatible
 * meanings for the keys they share. While reading, evidence for each shape is tallied for
 * {@link #inferredApi()}.
 *
 * <p>Recursion follows the known structure only (message, block, nested tool-result block), never
 * the input's depth: anything deeper or unknown is skipped with {@code skipChildren()}, which is
 * iterative. Not thread-safe; one instance per reader, {@link #reset()} between bodies.
 */
final class RequestNormalizer {

    private static final int MAX_BLOCK_LEVEL = 2;

    // results
    String model;
    final StringBuilder systemText = new StringBuilder();
    final List<Turn> turns = new ArrayList<>();
    final List<String> tools = new ArrayList<>();
    String toolChoice;
    String endUser;
    Double temperature;
    Double topP;
    Integer topK;
    Integer n;
    Integer maxTokens;
    Integer maxCompletionTokens;
    Integer maxOutputTokens;
    Long seed;
    boolean logprobs;
    boolean logitBias;
    boolean stream;
    int stopSequences;
    String effort;
    Integer budgetTokens;
    String thinkingType;
    StructuredOutput structured;

    // shape evidence
    private boolean hasMessages;
    private boolean hasInput;
    private int chat;
    private int anthropic;
    private int responses;

    private final TurnAccumulator[] accs = {new TurnAccumulator(), new TurnAccumulator(), new TurnAccumulator()};

    void reset() {
        model = null;
        systemText.setLength(0);
        turns.clear();
        tools.clear();
        toolChoice = null;
        endUser = null;
        temperature = null;
        topP = null;
        topK = null;
        n = null;
        maxTokens = null;
        maxCompletionTokens = null;
        maxOutputTokens = null;
        seed = null;
        logprobs = false;
        logitBias = false;
        stream = false;
        stopSequences = 0;
        effort = null;
        budgetTokens = null;
        thinkingType = null;
        structured = StructuredOutput.NONE;
        hasMessages = false;
        hasInput = false;
        chat = 0;
        anthropic = 0;
        responses = 0;
    }

    /**
     * The body shape the keys point to, or null when the body has neither {@code messages} nor
     * {@code input} nor any shape-specific key.
     */
    Api inferredApi() {
        if (hasInput && !hasMessages) {
            return Api.OPENAI_RESPONSES;
        }
        if (hasMessages) {
            if (hasInput && responses > Math.max(chat, anthropic)) {
                return Api.OPENAI_RESPONSES;
            }
            return anthropic > chat ? Api.ANTHROPIC_MESSAGES : Api.OPENAI_CHAT;
        }
        if (responses > 0 && responses >= Math.max(chat, anthropic)) {
            return Api.OPENAI_RESPONSES;
        }
        if (anthropic > 0 && anthropic >= chat) {
            return Api.ANTHROPIC_MESSAGES;
        }
        return null;
    }

    Sampling sampling() {
        Integer max = maxCompletionTokens != null ? maxCompletionTokens
                : maxOutputTokens != null ? maxOutputTokens : maxTokens;
        if (temperature == null && topP == null && topK == null && n == null && max == null && seed == null
                && !logprobs && !logitBias && !stream && stopSequences == 0) {
            return Sampling.DEFAULT;
        }
        return new Sampling(temperature, topP, topK, n, max, seed, logprobs, logitBias, stream, stopSequences);
    }

    ReasoningRequest reasoning() {
        if (effort == null && budgetTokens == null && thinkingType == null) {
            return ReasoningRequest.NONE;
        }
        return new ReasoningRequest(effort, budgetTokens, thinkingType);
    }

    /** Reads the body; the parser is positioned on its START_OBJECT and ends on the matching END_OBJECT. */
    void parse(JsonParser p) throws IOException {
        String f;
        while ((f = p.nextFieldName()) != null) {
            JsonToken t = p.nextToken();
            switch (f) {
                case "model":
                    model = Json.string(p, t);
                    break;
                case "messages":
                    if (t == JsonToken.START_ARRAY) {
                        hasMessages = true;
                        parseMessages(p);
                    } else {
                        p.skipChildren();
                    }
                    break;
                case "input":
                    hasInput = true;
                    responses += 3;
                    parseInput(p, t);
                    break;
                case "system":
                    anthropic += 3;
                    parseSystem(p, t);
                    break;
                case "instructions":
                    responses += 3;
                    parseSystem(p, t);
                    break;
                case "tools":
                    parseTools(p, t);
                    break;
                case "tool_choice":
                    parseToolChoice(p, t);
                    break;
                case "response_format":
                    chat += 2;
                    structured(p, t, null);
                    break;
                case "text":
                    responses += 2;
                    if (t == JsonToken.START_OBJECT) {
                        String g;
                        while ((g = p.nextFieldName()) != null) {
                            JsonToken u = p.nextToken();
                            if ("format".equals(g)) {
                                structured(p, u, null);
                            } else {
                                p.skipChildren();
                            }
                        }
                    } else {
                        p.skipChildren();
                    }
                    break;
                case "output_format":
                    anthropic += 2;
                    structured(p, t, StructuredOutput.JSON_SCHEMA);
                    break;
                case "output_config":
                    anthropic += 2;
                    if (t == JsonToken.START_OBJECT) {
                        String g;
                        while ((g = p.nextFieldName()) != null) {
                            JsonToken u = p.nextToken();
                            if ("effort".equals(g)) {
                                setEffort(Json.string(p, u));
                            } else if ("format".equals(g)) {
                                structured(p, u, StructuredOutput.JSON_SCHEMA);
                            } else {
                                p.skipChildren();
                            }
                        }
                    } else {
                        p.skipChildren();
                    }
                    break;
                case "reasoning":
                    responses += 1;
                    if (t == JsonToken.START_OBJECT) {
                        String g;
                        while ((g = p.nextFieldName()) != null) {
                            JsonToken u = p.nextToken();
                            if ("effort".equals(g)) {
                                setEffort(Json.string(p, u));
                            } else if ("max_tokens".equals(g) || "budget_tokens".equals(g)) {
                                budgetTokens = Json.integer(p, u);
                            } else {
                                p.skipChildren();
                            }
                        }
                    } else {
                        p.skipChildren();
                    }
                    break;
                case "reasoning_effort":
                    chat += 2;
                    setEffort(Json.string(p, t));
                    break;
                case "thinking":
                    anthropic += 3;
                    if (t == JsonToken.START_OBJECT) {
                        String g;
                        while ((g = p.nextFieldName()) != null) {
                            JsonToken u = p.nextToken();
                            if ("type".equals(g)) {
                                String v = Json.string(p, u);
                                thinkingType = v == null ? null : v.toLowerCase(Locale.ROOT);
                            } else if ("budget_tokens".equals(g)) {
                                budgetTokens = Json.integer(p, u);
                            } else {
                                p.skipChildren();
                            }
                        }
                    } else {
                        p.skipChildren();
                    }
                    break;
                case "temperature":
                    temperature = Json.number(p, t);
                    break;
                case "top_p":
                    topP = Json.number(p, t);
                    break;
                case "top_k":
                    anthropic += 2;
                    topK = Json.integer(p, t);
                    break;
                case "n":
                    chat += 2;
                    n = Json.integer(p, t);
                    break;
                case "max_tokens":
                    maxTokens = Json.integer(p, t);
                    break;
                case "max_completion_tokens":
                    chat += 3;
                    maxCompletionTokens = Json.integer(p, t);
                    break;
                case "max_output_tokens":
                    responses += 3;
                    maxOutputTokens = Json.integer(p, t);
                    break;
                case "seed":
                    chat += 1;
                    if (t == JsonToken.VALUE_NUMBER_INT) {
                        seed = p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? null : p.getLongValue();
                    } else {
                        p.skipChildren();
                    }
                    break;
                case "logprobs":
                    chat += 2;
                    logprobs |= t == JsonToken.VALUE_TRUE
                            || (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER
                                && p.getLongValue() > 0);
                    p.skipChildren();
                    break;
                case "top_logprobs":
                    chat += 2;
                    logprobs |= t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER
                            && p.getLongValue() > 0;
                    p.skipChildren();
                    break;
                case "logit_bias":
                    chat += 2;
                    if (t == JsonToken.START_OBJECT) {
                        while (p.nextFieldName() != null) {
                            logitBias = true;
                            p.nextToken();
                            p.skipChildren();
                        }
                    } else {
                        p.skipChildren();
                    }
                    break;
                case "stream":
                    stream = t == JsonToken.VALUE_TRUE;
                    break;
                case "stop_sequences":
                    anthropic += 2;
                    stopSequences = countStops(p, t);
                    break;
                case "stop":
                    chat += 1;
                    stopSequences = countStops(p, t);
                    break;
                case "user":
                    chat += 1;
                    if (endUser == null) {
                        endUser = Json.string(p, t);
                    } else {
                        p.skipChildren();
                    }
                    break;
                case "safety_identifier":
                    if (endUser == null) {
                        endUser = Json.string(p, t);
                    } else {
                        p.skipChildren();
                    }
                    break;
                case "metadata":
                    anthropic += 1;
                    if (t == JsonToken.START_OBJECT) {
                        String g;
                        while ((g = p.nextFieldName()) != null) {
                            JsonToken u = p.nextToken();
                            if ("user_id".equals(g) && endUser == null) {
                                endUser = Json.string(p, u);
                            } else {
                                p.skipChildren();
                            }
                        }
                    } else {
                        p.skipChildren();
                    }
                    break;
                case "previous_response_id":
                case "store":
                case "truncation":
                case "include":
                    responses += 2;
                    p.skipChildren();
                    break;
                default:
                    p.skipChildren();
            }
        }
    }

    private void setEffort(String v) {
        if (v != null) {
            effort = v.toLowerCase(Locale.ROOT);
        }
    }

    private static int countStops(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_STRING) {
            return 1;
        }
        if (t != JsonToken.START_ARRAY) {
            p.skipChildren();
            return 0;
        }
        int c = 0;
        JsonToken u;
        while ((u = p.nextToken()) != JsonToken.END_ARRAY) {
            c++;
            p.skipChildren();
        }
        return c;
    }

    /** Reads a {@code {"type": ...}} structured-output object; {@code ifSchemaLike} applies when it has a schema. */
    private void structured(JsonParser p, JsonToken t, StructuredOutput ifSchemaLike) throws IOException {
        if (t != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        String type = null;
        boolean schema = false;
        String g;
        while ((g = p.nextFieldName()) != null) {
            JsonToken u = p.nextToken();
            if ("type".equals(g)) {
                type = Json.string(p, u);
            } else {
                if ("schema".equals(g) || "json_schema".equals(g)) {
                    schema = u == JsonToken.START_OBJECT;
                }
                p.skipChildren();
            }
        }
        StructuredOutput s;
        if ("json_schema".equals(type)) {
            s = StructuredOutput.JSON_SCHEMA;
        } else if ("json_object".equals(type)) {
            s = StructuredOutput.JSON_OBJECT;
        } else if (type == null && schema && ifSchemaLike != null) {
            s = ifSchemaLike;
        } else {
            s = StructuredOutput.NONE;
        }
        if (s.ordinal() > structured.ordinal()) {
            structured = s;
        }
    }

    private void parseSystem(JsonParser p, JsonToken t) throws IOException {
        TurnAccumulator acc = accs[1];
        acc.reset();
        parseContent(p, t, acc, 1);
        appendSystem(acc.text());
    }

    private void appendSystem(CharSequence s) {
        if (s.length() == 0) {
            return;
        }
        if (systemText.length() > 0) {
            systemText.append('\n');
        }
        systemText.append(s);
    }

    private void parseTools(JsonParser p, JsonToken t) throws IOException {
        if (t != JsonToken.START_ARRAY) {
            p.skipChildren();
            return;
        }
        JsonToken u;
        while ((u = p.nextToken()) != JsonToken.END_ARRAY) {
            if (u != JsonToken.START_OBJECT) {
                p.skipChildren();
                continue;
            }
            String name = null;
            String fnName = null;
            String type = null;
            String label = null;
            String g;
            while ((g = p.nextFieldName()) != null) {
                JsonToken v = p.nextToken();
                switch (g) {
                    case "name":
                        name = Json.string(p, v);
                        break;
                    case "type":
                        type = Json.string(p, v);
                        break;
                    case "server_label":
                        label = Json.string(p, v);
                        break;
                    case "function":
                    case "custom":
                        chat += 1;
                        fnName = nameOf(p, v);
                        break;
                    case "input_schema":
                        anthropic += 2;
                        p.skipChildren();
                        break;
                    case "parameters":
                        if (name != null || "function".equals(type)) {
                            responses += 1; // flat function tool (Responses); Chat nests it in "function"
                        }
                        p.skipChildren();
                        break;
                    default:
                        p.skipChildren();
                }
            }
            String tool = name != null ? name : fnName != null ? fnName : label != null ? label : type;
            tools.add(tool == null ? "unknown" : tool);
        }
    }

    /** Reads an object and returns its {@code name} field; skips anything else. */
    private static String nameOf(JsonParser p, JsonToken t) throws IOException {
        if (t != JsonToken.START_OBJECT) {
            p.skipChildren();
            return null;
        }
        String name = null;
        String g;
        while ((g = p.nextFieldName()) != null) {
            JsonToken v = p.nextToken();
            if ("name".equals(g)) {
                name = Json.string(p, v);
            } else {
                p.skipChildren();
            }
        }
        return name;
    }

    private void parseToolChoice(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_STRING) {
            toolChoice = p.getText();
            return;
        }
        if (t != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        String type = null;
        String name = null;
        String fn = null;
        String g;
        while ((g = p.nextFieldName()) != null) {
            JsonToken v = p.nextToken();
            switch (g) {
                case "type":
                    type = Json.string(p, v);
                    break;
                case "name":
                    name = Json.string(p, v);
                    break;
                case "function":
                    chat += 1;
                    fn = nameOf(p, v);
                    break;
                default:
                    p.skipChildren();
            }
        }
        if ("any".equals(type) || "tool".equals(type)) {
            anthropic += 1;
        }
        toolChoice = name != null ? name : fn != null ? fn : type;
    }

    // ---- messages (Chat Completions and Anthropic Messages) ----

    /**
     * When true, the text of assistant and tool messages is skipped rather than decoded (the message,
     * its tool calls and results are still recorded, with empty text): no signal reads it, and decoding it
     * is a good part of parsing a long conversation. Applies when a message's role precedes its content.
     */
    boolean signalTextOnly;

    private void parseMessages(JsonParser p) throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == JsonToken.START_OBJECT) {
                parseMessageObject(p);
            } else {
                p.skipChildren();
            }
        }
    }

    /**
     * Reads one message (or Responses input item) object and appends its turns. Fields may come in
     * any order, so the role and type are applied at the end.
     */
    private void parseMessageObject(JsonParser p) throws IOException {
        TurnAccumulator acc = accs[0];
        acc.reset();
        String role = null;
        String type = null;
        String name = null;
        boolean hasOutput = false;
        String g;
        while ((g = p.nextFieldName()) != null) {
            JsonToken v = p.nextToken();
            switch (g) {
                case "role":
                    role = Json.string(p, v);
                    if (signalTextOnly && role != null) {
                        Role r = mapRole(role);
                        acc.skipText = r == Role.ASSISTANT || r == Role.TOOL;
                    }
                    break;
                case "type":
                    type = Json.string(p, v);
                    break;
                case "content":
                    parseContent(p, v, acc, 0);
                    break;
                case "tool_calls":
                    chat += 3;
                    parseToolCalls(p, v, acc);
                    break;
                case "function_call":
                    chat += 1;
                    String fn = nameOf(p, v);
                    acc.toolCalls.add(fn == null ? "function" : fn);
                    break;
                case "tool_call_id":
                    chat += 2;
                    p.skipChildren();
                    break;
                case "name":
                    name = Json.string(p, v);
                    break;
                case "output":
                    hasOutput = true;
                    parseContent(p, v, acc, 0);
                    break;
                case "summary":
                    p.skipChildren(); // reasoning summaries are model output, not request text
                    break;
                default:
                    p.skipChildren();
            }
        }
        if (type == null || "message".equals(type)) {
            if (type != null) {
                responses += 2;
            }
            finishMessage(role, acc);
            return;
        }
        // Responses input item of a non-message type
        responses += 2;
        if (type.endsWith("_output") || hasOutput && !type.endsWith("_call")) {
            turns.add(acc.toTurn(Role.TOOL, 1));
        } else if (type.endsWith("_call")) {
            acc.toolCalls.add(name != null ? name : type);
            mergeAssistant(acc);
        } else {
            acc.otherTypes.add(type);
            mergeAssistant(acc);
        }
    }

    private void finishMessage(String role, TurnAccumulator acc) {
        Role r = role == null ? Role.USER : mapRole(role);
        if (r == Role.SYSTEM) {
            if ("developer".equals(role)) {
                chat += 1;
            } else if ("system".equals(role)) {
                // role:system inside messages: Chat's normal form, and seen in Anthropic traffic too
                chat += 1;
            }
            appendSystem(acc.text());
            turns.addAll(acc.toolResultTurns);
            return;
        }
        if (r == Role.TOOL) {
            chat += 2;
            turns.addAll(acc.toolResultTurns);
            turns.add(acc.toTurn(Role.TOOL, 1));
            return;
        }
        if (!acc.toolResultTurns.isEmpty()) {
            turns.addAll(acc.toolResultTurns);
            if (acc.hasContent()) {
                turns.add(acc.toTurn(r, 0));
            }
            return;
        }
        turns.add(acc.toTurn(r, 0));
    }

    private static Role mapRole(String role) {
        switch (role) {
            case "system":
            case "developer":
                return Role.SYSTEM;
            case "assistant":
            case "model":
                return Role.ASSISTANT;
            case "tool":
            case "function":
            case "ipython":
                return Role.TOOL;
            default:
                return Role.USER;
        }
    }

    /** Adds the accumulated parts to the last turn when it is the assistant's, else as a new assistant turn. */
    private void mergeAssistant(TurnAccumulator acc) {
        int last = turns.size() - 1;
        if (last >= 0 && turns.get(last).role() == Role.ASSISTANT) {
            Turn prev = turns.get(last);
            String text = prev.text();
            if (acc.hasText()) {
                text = text.isEmpty() ? acc.text() : text + "\n" + acc.text();
            }
            List<String> calls = new ArrayList<>(prev.toolCalls());
            calls.addAll(acc.toolCalls);
            List<String> other = new ArrayList<>(prev.otherPartTypes());
            other.addAll(acc.otherTypes);
            turns.set(last, new Turn(Role.ASSISTANT, text, calls, prev.toolResults(), prev.images() + acc.images, other));
        } else {
            turns.add(acc.toTurn(Role.ASSISTANT, 0));
        }
    }

    private void parseToolCalls(JsonParser p, JsonToken t, TurnAccumulator acc) throws IOException {
        if (t != JsonToken.START_ARRAY) {
            p.skipChildren();
            return;
        }
        JsonToken u;
        while ((u = p.nextToken()) != JsonToken.END_ARRAY) {
            if (u != JsonToken.START_OBJECT) {
                p.skipChildren();
                continue;
            }
            String type = null;
            String fn = null;
            String g;
            while ((g = p.nextFieldName()) != null) {
                JsonToken v = p.nextToken();
                if ("function".equals(g) || "custom".equals(g)) {
                    fn = nameOf(p, v);
                } else if ("type".equals(g)) {
                    type = Json.string(p, v);
                } else {
                    p.skipChildren();
                }
            }
            acc.toolCalls.add(fn != null ? fn : type != null ? type : "function");
        }
    }

    // ---- Responses input ----

    private void parseInput(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_STRING) {
            turns.add(Turn.text(Role.USER, p.getText()));
            return;
        }
        if (t != JsonToken.START_ARRAY) {
            p.skipChildren();
            return;
        }
        JsonToken u;
        while ((u = p.nextToken()) != JsonToken.END_ARRAY) {
            if (u == JsonToken.START_OBJECT) {
                parseMessageObject(p);
            } else if (u == JsonToken.VALUE_STRING) {
                turns.add(Turn.text(Role.USER, p.getText()));
            } else {
                p.skipChildren();
            }
        }
    }

    // ---- content: string, null, block array or a single block ----

    private void parseContent(JsonParser p, JsonToken t, TurnAccumulator acc, int level) throws IOException {
        if (t == JsonToken.VALUE_STRING) {
            appendText(p, acc);
        } else if (t == JsonToken.START_ARRAY) {
            JsonToken u;
            while ((u = p.nextToken()) != JsonToken.END_ARRAY) {
                if (u == JsonToken.START_OBJECT) {
                    parseBlock(p, acc, level);
                } else if (u == JsonToken.VALUE_STRING) {
                    appendText(p, acc);
                } else {
                    p.skipChildren();
                }
            }
        } else if (t == JsonToken.START_OBJECT) {
            parseBlock(p, acc, level);
        } else {
            p.skipChildren();
        }
    }

    /** Appends the current string token, or only notes it when the message's text is skipped. */
    private static void appendText(JsonParser p, TurnAccumulator acc) throws IOException {
        if (acc.skipText) {
            acc.skippedText(); // not decoded: the parser skips the bytes on the next token
        } else {
            acc.appendText(p.getText());
        }
    }

    private void parseBlock(JsonParser p, TurnAccumulator acc, int level) throws IOException {
        String type = null;
        String text = null;
        String name = null;
        TurnAccumulator nested = null;
        boolean source = false;
        String g;
        while ((g = p.nextFieldName()) != null) {
            JsonToken v = p.nextToken();
            switch (g) {
                case "type":
                    type = Json.string(p, v);
                    break;
                case "text":
                    if (v == JsonToken.VALUE_STRING && acc.skipText) {
                        acc.skippedText();
                    } else if (v == JsonToken.VALUE_STRING) {
                        text = p.getText();
                    } else {
                        p.skipChildren();
                    }
                    break;
                case "name":
                    name = Json.string(p, v);
                    break;
                case "content":
                    if (level < MAX_BLOCK_LEVEL) {
                        nested = accs[level + 1];
                        nested.reset();
                        nested.skipText = acc.skipText;
                        parseContent(p, v, nested, level + 1);
                    } else {
                        p.skipChildren();
                    }
                    break;
                case "source":
                    source = true;
                    p.skipChildren();
                    break;
                default:
                    p.skipChildren();
            }
        }
        if (type == null) {
            acc.appendText(text);
            return;
        }
        switch (type) {
            case "text":
                acc.appendText(text);
                break;
            case "input_text":
            case "output_text":
                responses += 1;
                acc.appendText(text);
                break;
            case "image_url":
                chat += 2;
                acc.images++;
                break;
            case "image":
            case "document":
                if (source) {
                    anthropic += 2;
                }
                acc.images++;
                break;
            case "input_image":
            case "input_file":
                responses += 2;
                acc.images++;
                break;
            case "file":
                acc.images++;
                break;
            case "tool_use":
                anthropic += 3;
                acc.toolCalls.add(name == null ? "tool" : name);
                break;
            case "tool_result":
                anthropic += 3;
                if (nested != null) {
                    acc.toolResultTurns.add(new Turn(Role.TOOL, nested.text(), List.of(), 1,
                            nested.images, nested.otherTypes));
                } else {
                    acc.toolResultTurns.add(new Turn(Role.TOOL, text, List.of(), 1, 0, List.of()));
                }
                break;
            case "thinking":
            case "redacted_thinking":
                anthropic += 2;
                acc.otherTypes.add(type); // replayed model reasoning: recorded, its text not kept
                break;
            default:
                acc.otherTypes.add(type);
                acc.appendText(text);
                if (nested != null) {
                    acc.appendText(nested.text());
                    acc.images += nested.images;
                }
        }
    }
}
