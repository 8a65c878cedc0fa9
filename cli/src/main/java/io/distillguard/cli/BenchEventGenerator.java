package io.distillguard.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

/**
 * Writes large, valid, varied event logs for {@code bench read} and {@code validate} throughput
 * runs: all three body shapes with system prompts, multi-turn histories, tools and tool loops,
 * images, reasoning and structured-output parameters, gateway metadata and usage. Deterministic
 * for a seed. This is benchmark input only: its traffic has no campaign structure and must not be
 * used to fit or evaluate detectors (the simulator is for that).
 */
final class BenchEventGenerator {

    private static final String[] SYSTEMS = {
        "You are a helpful assistant.",
        "You are an expert data analyst. Provide complete and transparent reasoning.",
        "You are a senior software engineer. Answer with working code and brief explanations.",
        "You are a customer support agent for an online store. Be polite and concise.",
        "Grade the answer against the rubric. Output a score from 1 to 10 and a justification.",
        "You translate user messages into French, keeping formatting.",
    };
    private static final String[] TASKS = {
        "Explain how %s works, step by step, as if to a new colleague.",
        "Write a Python function that %s. Include tests.",
        "Summarise the following text in three bullet points: %s",
        "What are the trade-offs between %s and its main alternative?",
        "A train leaves at %s and travels at 80 km/h. When does it arrive 240 km away? Explain every step.",
        "Rewrite this paragraph to be clearer: %s",
        "Given the rubric below, grade this answer: %s",
        "Fix the bug in this code: %s",
        "Draft a short, friendly e-mail to a customer about %s.",
        "Think carefully and write out your full reasoning before answering: %s",
    };
    private static final String[] TOPICS = {
        "a hash map", "TCP congestion control", "gradient descent", "the French revolution", "photosynthesis",
        "3pm", "a late delivery", "parsing JSON lines", "binary search over a sorted array", "rate limiting",
        "for i in range(10): print(i", "the attached invoice", "vector clocks", "compound interest",
    };
    private static final String[] MODELS = {"frontier-1", "frontier-1-mini", "frontier-2", "open-70b"};
    private static final String[] AGENTS = {
        "anthropic-sdk-python/0.49.0", "openai-python/1.82.0", "OpenAI/NodeJS 4.98.0", "curl/8.5.0",
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36", "litellm/1.67.0",
    };
    private static final String[] TOOLS = {"get_weather", "search_docs", "run_python", "read_file", "bash"};
    private static final String[] EFFORTS = {"minimal", "low", "medium", "high", "xhigh", "none"};

    private final SplittableRandom rnd;
    private final int accounts;
    private final JsonFactory factory = new JsonFactory();
    private final String imageData;

    BenchEventGenerator(long seed, int accounts) {
        this.rnd = new SplittableRandom(seed);
        this.accounts = accounts;
        StringBuilder sb = new StringBuilder();
        SplittableRandom r = new SplittableRandom(seed ^ 0x5DEECE66DL);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < 4096; i++) {
            sb.append(alphabet.charAt(r.nextInt(64)));
        }
        this.imageData = sb.toString();
    }

    /**
     * Writes {@code lines} events to {@code out} (gzip when the name ends in {@code .gz}). When
     * {@code badEvery > 0}, every {@code badEvery}-th line is a deliberately bad or duplicate line,
     * cycling through the kinds of bad input.
     */
    void write(Path out, long lines, long badEvery) throws IOException {
        OutputStream os = Files.newOutputStream(out);
        if (out.getFileName().toString().endsWith(".gz")) {
            os = new GZIPOutputStream(os, 1 << 16);
        }
        try (OutputStream buffered = new BufferedOutputStream(os, 1 << 16);
             JsonGenerator g = factory.createGenerator(buffered, JsonEncoding.UTF8)) {
            g.setRootValueSeparator(null);
            long ts = 1_769_904_000_000L; // 2026-02-01T00:00:00Z
            long bad = 0;
            for (long i = 0; i < lines; i++) {
                ts += rnd.nextInt(40);
                if (badEvery > 0 && (i + 1) % badEvery == 0) {
                    g.flush();
                    buffered.write(badLine(bad++, i));
                    buffered.write('\n');
                    continue;
                }
                event(g, i, ts);
                g.writeRaw('\n');
            }
        }
    }

    private byte[] badLine(long k, long i) {
        String s;
        switch ((int) (k % 5)) {
            case 0:
                s = "{\"id\":\"req_" + Long.toHexString(i) + "\",\"ts\":";
                break;
            case 1:
                s = "{\"id\":\"req_" + Long.toHexString(i) + "\",\"ts\":1770000000000,\"request\":{\"messages\":[]}}";
                break;
            case 2:
                s = "{\"id\":\"req_" + Long.toHexString(i) + "\",\"ts\":\"yesterday\",\"account_id\":\"a\",\"request\":{\"messages\":[]}}";
                break;
            case 3:
                s = "{\"id\":\"req_" + Long.toHexString(Math.max(0, i - 1)) // repeats the previous id: a duplicate
                        + "\",\"ts\":1770000000000,\"account_id\":\"a\",\"request\":{\"messages\":[]}}";
                break;
            default:
                s = "{\"id\":\"deep_" + i + "\",\"ts\":1770000000000,\"account_id\":\"a\",\"request\":{\"x\":"
                        + "[".repeat(100) + "]".repeat(100) + "}}";
        }
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private String pick(String[] a) {
        return a[rnd.nextInt(a.length)];
    }

    private String prompt() {
        String t = String.format(pick(TASKS), pick(TOPICS));
        int extra = rnd.nextInt(4);
        StringBuilder sb = new StringBuilder(t);
        for (int i = 0; i < extra; i++) {
            sb.append(' ').append(String.format(pick(TASKS), pick(TOPICS)));
        }
        return sb.toString();
    }

    private void event(JsonGenerator g, long i, long ts) throws IOException {
        int shape = rnd.nextInt(100);
        int acct = (int) Math.min(accounts - 1, Math.abs((long) (rnd.nextGaussian() * accounts / 3)));
        String model = pick(MODELS);
        g.writeStartObject();
        g.writeStringField("id", "req_" + Long.toHexString(i));
        if (rnd.nextBoolean()) {
            g.writeNumberField("ts", ts);
        } else {
            g.writeStringField("ts", java.time.Instant.ofEpochMilli(ts).toString());
        }
        g.writeStringField("account_id", String.format("acct_%05d", acct));
        String api = shape < 45 ? "openai.chat" : shape < 80 ? "anthropic.messages" : "openai.responses";
        if (rnd.nextInt(4) != 0) {
            g.writeStringField("api", api);
        }
        g.writeStringField("api_key_id", String.format("key_%05d_%d", acct, rnd.nextInt(3)));
        g.writeObjectFieldStart("client");
        g.writeStringField("ip", "198.51." + (acct % 256) + "." + rnd.nextInt(256));
        g.writeStringField("user_agent", pick(AGENTS));
        g.writeNumberField("asn", 64_500 + acct % 400);
        g.writeStringField("country", acct % 3 == 0 ? "US" : acct % 3 == 1 ? "DE" : "SG");
        g.writeEndObject();
        g.writeObjectFieldStart("request");
        g.writeStringField("model", model);
        switch (api) {
            case "openai.chat":
                chat(g);
                break;
            case "anthropic.messages":
                anthropic(g);
                break;
            default:
                responses(g);
        }
        g.writeEndObject();
        g.writeObjectFieldStart("usage");
        g.writeNumberField("input_tokens", 50 + rnd.nextInt(4000));
        g.writeNumberField("output_tokens", 20 + rnd.nextInt(6000));
        g.writeEndObject();
        g.writeObjectFieldStart("response");
        g.writeStringField("text", "Here is the answer: " + pick(TOPICS));
        g.writeStringField("stop_reason", rnd.nextInt(10) == 0 ? "max_tokens" : "end_turn");
        g.writeEndObject();
        g.writeNumberField("status", rnd.nextInt(50) == 0 ? 429 : 200);
        g.writeNumberField("latency_ms", 200 + rnd.nextInt(60_000));
        g.writeEndObject();
    }

    private void chat(JsonGenerator g) throws IOException {
        g.writeArrayFieldStart("messages");
        if (rnd.nextInt(3) != 0) {
            message(g, rnd.nextBoolean() ? "system" : "developer", pick(SYSTEMS));
        }
        int prior = rnd.nextInt(4) == 0 ? rnd.nextInt(6) : 0;
        for (int k = 0; k < prior; k++) {
            message(g, "user", prompt());
            message(g, "assistant", "Sure. " + prompt());
        }
        boolean tools = rnd.nextInt(4) == 0;
        if (tools && rnd.nextBoolean()) {
            message(g, "user", prompt());
            g.writeStartObject();
            g.writeStringField("role", "assistant");
            g.writeNullField("content");
            g.writeArrayFieldStart("tool_calls");
            g.writeStartObject();
            g.writeStringField("id", "call_1");
            g.writeStringField("type", "function");
            g.writeObjectFieldStart("function");
            g.writeStringField("name", pick(TOOLS));
            g.writeStringField("arguments", "{\"q\":\"" + pick(TOPICS) + "\"}");
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
            g.writeStartObject();
            g.writeStringField("role", "tool");
            g.writeStringField("tool_call_id", "call_1");
            g.writeStringField("content", "result: " + prompt());
            g.writeEndObject();
        } else if (rnd.nextInt(20) == 0) {
            g.writeStartObject();
            g.writeStringField("role", "user");
            g.writeArrayFieldStart("content");
            g.writeStartObject();
            g.writeStringField("type", "text");
            g.writeStringField("text", "What is in this image? " + prompt());
            g.writeEndObject();
            g.writeStartObject();
            g.writeStringField("type", "image_url");
            g.writeObjectFieldStart("image_url");
            g.writeStringField("url", "data:image/png;base64," + imageData);
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
        } else {
            message(g, "user", prompt());
        }
        g.writeEndArray();
        if (tools) {
            g.writeArrayFieldStart("tools");
            functionTool(g, true);
            g.writeEndArray();
            g.writeStringField("tool_choice", "auto");
        }
        if (rnd.nextInt(5) == 0) {
            g.writeObjectFieldStart("response_format");
            g.writeStringField("type", rnd.nextBoolean() ? "json_object" : "json_schema");
            g.writeEndObject();
        }
        if (rnd.nextInt(3) == 0) {
            g.writeStringField("reasoning_effort", pick(EFFORTS));
        }
        sampling(g, "max_completion_tokens");
        if (rnd.nextInt(10) == 0) {
            g.writeStringField("user", "end-user-" + rnd.nextInt(500));
        }
    }

    private void anthropic(JsonGenerator g) throws IOException {
        g.writeNumberField("max_tokens", 1024 * (1 + rnd.nextInt(16)));
        int sys = rnd.nextInt(3);
        if (sys == 1) {
            g.writeStringField("system", pick(SYSTEMS));
        } else if (sys == 2) {
            g.writeArrayFieldStart("system");
            g.writeStartObject();
            g.writeStringField("type", "text");
            g.writeStringField("text", pick(SYSTEMS));
            g.writeObjectFieldStart("cache_control");
            g.writeStringField("type", "ephemeral");
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndArray();
        }
        g.writeArrayFieldStart("messages");
        int prior = rnd.nextInt(4) == 0 ? rnd.nextInt(6) : 0;
        for (int k = 0; k < prior; k++) {
            message(g, "user", prompt());
            message(g, "assistant", "Certainly. " + prompt());
        }
        boolean tools = rnd.nextInt(4) == 0;
        if (tools && rnd.nextBoolean()) {
            message(g, "user", prompt());
            g.writeStartObject();
            g.writeStringField("role", "assistant");
            g.writeArrayFieldStart("content");
            g.writeStartObject();
            g.writeStringField("type", "tool_use");
            g.writeStringField("id", "toolu_1");
            g.writeStringField("name", pick(TOOLS));
            g.writeObjectFieldStart("input");
            g.writeStringField("q", pick(TOPICS));
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
            g.writeStartObject();
            g.writeStringField("role", "user");
            g.writeArrayFieldStart("content");
            g.writeStartObject();
            g.writeStringField("type", "tool_result");
            g.writeStringField("tool_use_id", "toolu_1");
            g.writeStringField("content", "output: " + prompt());
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
        } else {
            g.writeStartObject();
            g.writeStringField("role", "user");
            g.writeArrayFieldStart("content");
            if (rnd.nextInt(20) == 0) {
                g.writeStartObject();
                g.writeStringField("type", "image");
                g.writeObjectFieldStart("source");
                g.writeStringField("type", "base64");
                g.writeStringField("media_type", "image/png");
                g.writeStringField("data", imageData);
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeStartObject();
            g.writeStringField("type", "text");
            g.writeStringField("text", prompt());
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
        }
        if (rnd.nextInt(15) == 0) {
            message(g, "assistant", "{"); // prefill
        }
        g.writeEndArray();
        if (tools) {
            g.writeArrayFieldStart("tools");
            g.writeStartObject();
            g.writeStringField("name", pick(TOOLS));
            g.writeStringField("description", "A tool.");
            g.writeObjectFieldStart("input_schema");
            g.writeStringField("type", "object");
            g.writeEndObject();
            g.writeEndObject();
            if (rnd.nextBoolean()) {
                g.writeStartObject();
                g.writeStringField("type", "web_search_20250305");
                g.writeStringField("name", "web_search");
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        int think = rnd.nextInt(4);
        if (think == 1) {
            g.writeObjectFieldStart("thinking");
            g.writeStringField("type", "enabled");
            g.writeNumberField("budget_tokens", 1024 * (1 + rnd.nextInt(8)));
            g.writeEndObject();
        } else if (think == 2) {
            g.writeObjectFieldStart("thinking");
            g.writeStringField("type", "adaptive");
            g.writeEndObject();
            g.writeObjectFieldStart("output_config");
            g.writeStringField("effort", pick(EFFORTS));
            g.writeEndObject();
        }
        if (rnd.nextInt(10) == 0) {
            g.writeNumberField("temperature", rnd.nextInt(11) / 10.0);
        }
        if (rnd.nextInt(8) == 0) {
            g.writeObjectFieldStart("metadata");
            g.writeStringField("user_id", "u-" + rnd.nextInt(1000));
            g.writeEndObject();
        }
    }

    private void responses(JsonGenerator g) throws IOException {
        if (rnd.nextBoolean()) {
            g.writeStringField("instructions", pick(SYSTEMS));
        }
        int form = rnd.nextInt(3);
        if (form == 0) {
            g.writeStringField("input", prompt());
        } else {
            g.writeArrayFieldStart("input");
            g.writeStartObject();
            g.writeStringField("role", "user");
            g.writeArrayFieldStart("content");
            g.writeStartObject();
            g.writeStringField("type", "input_text");
            g.writeStringField("text", prompt());
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
            if (form == 2) {
                g.writeStartObject();
                g.writeStringField("type", "function_call");
                g.writeStringField("call_id", "call_9");
                g.writeStringField("name", pick(TOOLS));
                g.writeStringField("arguments", "{}");
                g.writeEndObject();
                g.writeStartObject();
                g.writeStringField("type", "function_call_output");
                g.writeStringField("call_id", "call_9");
                g.writeStringField("output", "ok: " + prompt());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        if (form == 2 || rnd.nextInt(5) == 0) {
            g.writeArrayFieldStart("tools");
            functionTool(g, false);
            if (rnd.nextBoolean()) {
                g.writeStartObject();
                g.writeStringField("type", "web_search");
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        if (rnd.nextBoolean()) {
            g.writeObjectFieldStart("reasoning");
            g.writeStringField("effort", pick(EFFORTS));
            g.writeEndObject();
        }
        if (rnd.nextInt(5) == 0) {
            g.writeObjectFieldStart("text");
            g.writeObjectFieldStart("format");
            g.writeStringField("type", "json_schema");
            g.writeStringField("name", "answer");
            g.writeObjectFieldStart("schema");
            g.writeStringField("type", "object");
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeNumberField("max_output_tokens", 256 * (1 + rnd.nextInt(32)));
    }

    private void functionTool(JsonGenerator g, boolean nested) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", "function");
        if (nested) {
            g.writeObjectFieldStart("function");
        }
        g.writeStringField("name", pick(TOOLS));
        g.writeStringField("description", "Looks something up.");
        g.writeObjectFieldStart("parameters");
        g.writeStringField("type", "object");
        g.writeObjectFieldStart("properties");
        g.writeObjectFieldStart("q");
        g.writeStringField("type", "string");
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndObject();
        if (nested) {
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private void sampling(JsonGenerator g, String maxField) throws IOException {
        if (rnd.nextInt(3) == 0) {
            g.writeNumberField("temperature", rnd.nextInt(11) / 10.0);
        }
        if (rnd.nextInt(6) == 0) {
            g.writeNumberField("top_p", 0.9);
        }
        if (rnd.nextInt(2) == 0) {
            g.writeNumberField(maxField, 256 * (1 + rnd.nextInt(32)));
        }
        if (rnd.nextInt(20) == 0) {
            g.writeNumberField("seed", rnd.nextInt(1000));
        }
        if (rnd.nextInt(8) == 0) {
            g.writeBooleanField("stream", true);
        }
    }

    private static void message(JsonGenerator g, String role, String text) throws IOException {
        g.writeStartObject();
        g.writeStringField("role", role);
        g.writeStringField("content", text);
        g.writeEndObject();
    }
}
