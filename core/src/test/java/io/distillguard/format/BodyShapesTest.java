package io.distillguard.format;

import static io.distillguard.format.ReaderTestSupport.one;
import static org.assertj.core.api.Assertions.assertThat;

import io.distillguard.model.Api;
import io.distillguard.model.Exchange;
import io.distillguard.model.Role;
import io.distillguard.model.StructuredOutput;
import org.junit.jupiter.api.Test;

class BodyShapesTest {

    @Test
    void specExampleAnthropic() {
        Exchange e = one("{\"model\":\"frontier-1\",\"max_tokens\":8192,\"thinking\":{\"type\":\"enabled\",\"budget_tokens\":6000},"
                + "\"system\":\"You are an expert data analyst.\","
                + "\"messages\":[{\"role\":\"user\",\"content\":\"A train leaves at 3pm. Explain every step.\"}]}",
                "\"api\":\"anthropic.messages\",\"api_key_id\":\"key_a\",\"client\":{\"ip\":\"203.0.113.41\",\"user_agent\":\"sdk\"},"
                + "\"usage\":{\"input_tokens\":212,\"output_tokens\":5120},\"status\":200,\"latency_ms\":41234");
        assertThat(e.api()).isEqualTo(Api.ANTHROPIC_MESSAGES);
        assertThat(e.tsMillis()).isEqualTo(1770693247120L);
        assertThat(e.model()).isEqualTo("frontier-1");
        assertThat(e.systemText()).isEqualTo("You are an expert data analyst.");
        assertThat(e.lastUserText()).isEqualTo("A train leaves at 3pm. Explain every step.");
        assertThat(e.reasoning().budgetTokens()).isEqualTo(6000);
        assertThat(e.reasoning().thinkingType()).isEqualTo("enabled");
        assertThat(e.sampling().maxTokens()).isEqualTo(8192);
        assertThat(e.client().ip()).isEqualTo("203.0.113.41");
        assertThat(e.usage().outputTokens()).isEqualTo(5120);
        assertThat(e.status()).isEqualTo(200);
        assertThat(e.latencyMs()).isEqualTo(41234);
        assertThat(e.apiKeyId()).isEqualTo("key_a");
    }

    @Test
    void openAiChatWithToolsAndStructuredOutput() {
        Exchange e = one("{\"model\":\"gpt-x\",\"messages\":["
                + "{\"role\":\"developer\",\"content\":\"Be terse.\"},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"What is in this?\"},{\"type\":\"image_url\",\"image_url\":{\"url\":\"data:...\"}}]},"
                + "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"c1\",\"type\":\"function\",\"function\":{\"name\":\"lookup\",\"arguments\":\"{}\"}}]},"
                + "{\"role\":\"tool\",\"tool_call_id\":\"c1\",\"content\":\"result text\"},"
                + "{\"role\":\"user\",\"content\":\"thanks, now summarise\"}],"
                + "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"lookup\",\"parameters\":{}}}],"
                + "\"tool_choice\":{\"type\":\"function\",\"function\":{\"name\":\"lookup\"}},"
                + "\"response_format\":{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"x\",\"schema\":{}}},"
                + "\"temperature\":0.2,\"top_p\":0.9,\"n\":2,\"max_completion_tokens\":500,\"reasoning_effort\":\"XHIGH\","
                + "\"logprobs\":true,\"logit_bias\":{\"50256\":-100},\"seed\":42,\"stream\":true,\"stop\":[\"a\",\"b\"],\"user\":\"u-9\"}");
        assertThat(e.api()).isEqualTo(Api.OPENAI_CHAT);
        assertThat(e.systemText()).isEqualTo("Be terse.");
        assertThat(e.turns()).extracting(t -> t.role())
                .containsExactly(Role.USER, Role.ASSISTANT, Role.TOOL, Role.USER);
        assertThat(e.turns().get(0).images()).isEqualTo(1);
        assertThat(e.turns().get(1).toolCalls()).containsExactly("lookup");
        assertThat(e.turns().get(2).text()).isEqualTo("result text");
        assertThat(e.toolResultCount()).isEqualTo(1);
        assertThat(e.lastUserText()).isEqualTo("thanks, now summarise");
        assertThat(e.priorTurns()).isEqualTo(3);
        assertThat(e.tools()).containsExactly("lookup");
        assertThat(e.toolChoice()).isEqualTo("lookup");
        assertThat(e.structuredOutput()).isEqualTo(StructuredOutput.JSON_SCHEMA);
        assertThat(e.reasoning().effort()).isEqualTo("xhigh");
        assertThat(e.sampling().temperature()).isEqualTo(0.2);
        assertThat(e.sampling().n()).isEqualTo(2);
        assertThat(e.sampling().maxTokens()).isEqualTo(500);
        assertThat(e.sampling().seed()).isEqualTo(42L);
        assertThat(e.sampling().logprobs()).isTrue();
        assertThat(e.sampling().logitBias()).isTrue();
        assertThat(e.sampling().stream()).isTrue();
        assertThat(e.sampling().stopSequences()).isEqualTo(2);
        assertThat(e.endUserId()).isEqualTo("u-9");
    }

    @Test
    void openAiResponsesItems() {
        Exchange e = one("{\"model\":\"gpt-r\",\"instructions\":\"You grade answers.\",\"input\":["
                + "{\"role\":\"user\",\"content\":[{\"type\":\"input_text\",\"text\":\"Grade this\"},{\"type\":\"input_image\",\"image_url\":\"x\"}]},"
                + "{\"type\":\"reasoning\",\"summary\":[{\"type\":\"summary_text\",\"text\":\"hmm\"}]},"
                + "{\"type\":\"function_call\",\"call_id\":\"c\",\"name\":\"run_tests\",\"arguments\":\"{}\"},"
                + "{\"type\":\"function_call_output\",\"call_id\":\"c\",\"output\":\"3 passed\"},"
                + "{\"type\":\"function_call_output\",\"call_id\":\"d\",\"output\":[{\"type\":\"input_text\",\"text\":\"list out\"}]},"
                + "{\"type\":\"web_search_call\",\"id\":\"ws\"}],"
                + "\"tools\":[{\"type\":\"function\",\"name\":\"run_tests\",\"parameters\":{}},{\"type\":\"web_search\"}],"
                + "\"reasoning\":{\"effort\":\"minimal\"},\"max_output_tokens\":900,\"text\":{\"format\":{\"type\":\"json_object\"}}}");
        assertThat(e.api()).isEqualTo(Api.OPENAI_RESPONSES);
        assertThat(e.systemText()).isEqualTo("You grade answers.");
        assertThat(e.turns()).extracting(t -> t.role())
                .containsExactly(Role.USER, Role.ASSISTANT, Role.TOOL, Role.TOOL, Role.ASSISTANT);
        assertThat(e.turns().get(1).otherPartTypes()).containsExactly("reasoning");
        assertThat(e.turns().get(1).toolCalls()).containsExactly("run_tests");
        assertThat(e.turns().get(3).text()).isEqualTo("list out");
        assertThat(e.turns().get(4).toolCalls()).containsExactly("web_search_call");
        assertThat(e.lastUserText()).isEqualTo("Grade this");
        assertThat(e.turns().get(0).images()).isEqualTo(1);
        assertThat(e.tools()).containsExactly("run_tests", "web_search");
        assertThat(e.reasoning().effort()).isEqualTo("minimal");
        assertThat(e.sampling().maxTokens()).isEqualTo(900);
        assertThat(e.structuredOutput()).isEqualTo(StructuredOutput.JSON_OBJECT);
    }

    @Test
    void responsesStringInput() {
        Exchange e = one("{\"model\":\"gpt-r\",\"input\":\"Tell me a joke\"}");
        assertThat(e.api()).isEqualTo(Api.OPENAI_RESPONSES);
        assertThat(e.lastUserText()).isEqualTo("Tell me a joke");
        assertThat(e.priorTurns()).isZero();
    }

    @Test
    void anthropicToolLoopAndVariations() {
        Exchange e = one("{\"model\":\"claude-x\",\"max_tokens\":1024,"
                + "\"system\":[{\"type\":\"text\",\"text\":\"Part one.\",\"cache_control\":{\"type\":\"ephemeral\"}},{\"type\":\"text\",\"text\":\"Part two.\"}],"
                + "\"messages\":["
                + "{\"role\":\"system\",\"content\":\"Inline system.\"},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Fix the bug\"},{\"type\":\"image\",\"source\":{\"type\":\"base64\",\"data\":\"AAA\"}}]},"
                + "{\"role\":\"assistant\",\"content\":[{\"type\":\"thinking\",\"thinking\":\"secret\",\"signature\":\"s\"},{\"type\":\"text\",\"text\":\"Running\"},"
                + "{\"type\":\"tool_use\",\"id\":\"t1\",\"name\":\"bash\",\"input\":{\"cmd\":\"ls\"}},{\"type\":\"server_tool_use\",\"id\":\"s1\",\"name\":\"web_search\",\"input\":{}}]},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"t1\",\"content\":[{\"type\":\"text\",\"text\":\"a.txt\"}]},"
                + "{\"type\":\"tool_result\",\"tool_use_id\":\"t2\",\"content\":\"err\",\"is_error\":true},{\"type\":\"mystery_block\",\"text\":\"kept\"}]},"
                + "{\"role\":\"assistant\",\"content\":\"{\"}],"
                + "\"tools\":[{\"name\":\"bash\",\"input_schema\":{\"type\":\"object\"}},{\"type\":\"web_search_20250305\",\"name\":\"web_search\"},{\"type\":\"code_execution_20250522\"}],"
                + "\"tool_choice\":{\"type\":\"any\"},\"thinking\":{\"type\":\"adaptive\"},\"output_config\":{\"effort\":\"max\",\"format\":{\"type\":\"json_schema\",\"schema\":{}}},"
                + "\"top_k\":40,\"stop_sequences\":[\"END\"],\"metadata\":{\"user_id\":\"enduser-1\"}}");
        assertThat(e.api()).as("inferred").isEqualTo(Api.ANTHROPIC_MESSAGES);
        assertThat(e.systemText()).isEqualTo("Part one.\nPart two.\nInline system.");
        assertThat(e.turns()).extracting(t -> t.role())
                .containsExactly(Role.USER, Role.ASSISTANT, Role.TOOL, Role.TOOL, Role.USER, Role.ASSISTANT);
        assertThat(e.turns().get(0).images()).isEqualTo(1);
        assertThat(e.turns().get(1).text()).isEqualTo("Running");
        assertThat(e.turns().get(1).toolCalls()).containsExactly("bash");
        assertThat(e.turns().get(1).otherPartTypes()).containsExactly("thinking", "server_tool_use");
        assertThat(e.turns().get(2).text()).isEqualTo("a.txt");
        assertThat(e.turns().get(3).text()).isEqualTo("err");
        assertThat(e.turns().get(4).text()).isEqualTo("kept");
        assertThat(e.turns().get(4).otherPartTypes()).containsExactly("mystery_block");
        assertThat(e.turns().get(5).text()).as("prefill").isEqualTo("{");
        assertThat(e.lastUserText()).isEqualTo("kept");
        assertThat(e.toolResultCount()).isEqualTo(2);
        assertThat(e.tools()).containsExactly("bash", "web_search", "code_execution_20250522");
        assertThat(e.toolChoice()).isEqualTo("any");
        assertThat(e.reasoning().thinkingType()).isEqualTo("adaptive");
        assertThat(e.reasoning().effort()).isEqualTo("max");
        assertThat(e.reasoning().requested()).isTrue();
        assertThat(e.structuredOutput()).isEqualTo(StructuredOutput.JSON_SCHEMA);
        assertThat(e.sampling().topK()).isEqualTo(40);
        assertThat(e.sampling().stopSequences()).isEqualTo(1);
        assertThat(e.endUserId()).isEqualTo("enduser-1");
    }

    @Test
    void emptyMessagesAndDisabledThinking() {
        Exchange e = one("{\"model\":\"claude-x\",\"max_tokens\":10,\"messages\":[],\"thinking\":{\"type\":\"disabled\"},"
                + "\"output_format\":{\"type\":\"json_schema\",\"schema\":{}}}");
        assertThat(e.api()).isEqualTo(Api.ANTHROPIC_MESSAGES);
        assertThat(e.turns()).isEmpty();
        assertThat(e.lastUserText()).isEmpty();
        assertThat(e.reasoning().requested()).isFalse();
        assertThat(e.structuredOutput()).isEqualTo(StructuredOutput.JSON_SCHEMA);
    }
    @Test
    void infersApiFromShapeWhenAbsent() {
        assertThat(one("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}").api())
                .as("plain messages default to chat").isEqualTo(Api.OPENAI_CHAT);
        assertThat(one("{\"model\":\"m\",\"max_tokens\":5,\"messages\":[{\"role\":\"user\",\"content\":"
                + "[{\"type\":\"tool_result\",\"tool_use_id\":\"t\",\"content\":\"ok\"}]}]}").api())
                .isEqualTo(Api.ANTHROPIC_MESSAGES);
        assertThat(one("{\"model\":\"m\",\"messages\":[{\"role\":\"system\",\"content\":\"s\"},"
                + "{\"role\":\"user\",\"content\":\"x\"}],\"max_completion_tokens\":3}").api())
                .isEqualTo(Api.OPENAI_CHAT);
        assertThat(one("{\"model\":\"m\",\"input\":[{\"role\":\"user\",\"content\":\"x\"}]}").api())
                .isEqualTo(Api.OPENAI_RESPONSES);
        assertThat(one("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}",
                "\"api\":\"anthropic.messages\"").api()).as("explicit api wins").isEqualTo(Api.ANTHROPIC_MESSAGES);
    }

    @Test
    void responsesMessageItemsAndRoles() {
        Exchange e = one("{\"model\":\"r\",\"input\":["
                + "{\"type\":\"message\",\"role\":\"developer\",\"content\":[{\"type\":\"input_text\",\"text\":\"Dev rules\"}]},"
                + "{\"type\":\"message\",\"role\":\"user\",\"content\":[{\"type\":\"input_text\",\"text\":\"Q1\"},{\"type\":\"input_file\",\"file_id\":\"f\"}]},"
                + "{\"type\":\"message\",\"role\":\"assistant\",\"content\":[{\"type\":\"output_text\",\"text\":\"A1\"}]},"
                + "{\"type\":\"function_call\",\"name\":\"f1\",\"arguments\":\"{}\",\"call_id\":\"c\"},"
                + "{\"type\":\"function_call\",\"name\":\"f2\",\"arguments\":\"{}\",\"call_id\":\"d\"},"
                + "{\"type\":\"custom_tool_call_output\",\"call_id\":\"c\",\"output\":\"done\"},"
                + "{\"type\":\"item_reference\",\"id\":\"msg_1\"},"
                + "{\"role\":\"user\",\"content\":\"Q2\"}],"
                + "\"tools\":[{\"type\":\"mcp\",\"server_label\":\"deepwiki\",\"server_url\":\"u\"},{\"type\":\"code_interpreter\",\"container\":{\"type\":\"auto\"}}],"
                + "\"tool_choice\":\"required\",\"reasoning\":{\"effort\":\"none\"},\"previous_response_id\":\"resp_1\"}");
        assertThat(e.api()).isEqualTo(Api.OPENAI_RESPONSES);
        assertThat(e.systemText()).isEqualTo("Dev rules");
        assertThat(e.turns()).extracting(t -> t.role())
                .containsExactly(Role.USER, Role.ASSISTANT, Role.TOOL, Role.ASSISTANT, Role.USER);
        assertThat(e.turns().get(0).images()).isEqualTo(1);
        assertThat(e.turns().get(1).text()).isEqualTo("A1");
        assertThat(e.turns().get(1).toolCalls()).containsExactly("f1", "f2");
        assertThat(e.turns().get(2).text()).isEqualTo("done");
        assertThat(e.turns().get(3).otherPartTypes()).containsExactly("item_reference");
        assertThat(e.lastUserText()).isEqualTo("Q2");
        assertThat(e.priorTurns()).isEqualTo(4);
        assertThat(e.tools()).containsExactly("deepwiki", "code_interpreter");
        assertThat(e.toolChoice()).isEqualTo("required");
        assertThat(e.reasoning().effort()).isEqualTo("none");
        assertThat(e.reasoning().requested()).isFalse();
    }

    @Test
    void chatLegacyAndOddParts() {
        Exchange e = one("{\"model\":\"m\",\"messages\":["
                + "{\"role\":\"system\",\"content\":[{\"type\":\"text\",\"text\":\"S1\"}]},"
                + "{\"role\":\"system\",\"content\":\"S2\"},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"input_audio\",\"input_audio\":{\"data\":\"..\"}},{\"type\":\"file\",\"file\":{}}]},"
                + "{\"role\":\"assistant\",\"content\":[{\"type\":\"refusal\",\"refusal\":\"no\"}],\"function_call\":{\"name\":\"old_fn\",\"arguments\":\"{}\"}},"
                + "{\"role\":\"function\",\"name\":\"old_fn\",\"content\":\"42\"},"
                + "{\"role\":\"user\",\"content\":\"\"},"
                + "{\"role\":\"assistant\",\"content\":\"Sure, \"}],"
                + "\"top_logprobs\":3,\"stop\":\"END\",\"max_tokens\":100.0,\"temperature\":1,\"n\":1,\"response_format\":{\"type\":\"json_object\"}}");
        assertThat(e.systemText()).isEqualTo("S1\nS2");
        assertThat(e.turns()).extracting(t -> t.role())
                .containsExactly(Role.USER, Role.ASSISTANT, Role.TOOL, Role.USER, Role.ASSISTANT);
        assertThat(e.turns().get(0).otherPartTypes()).containsExactly("input_audio");
        assertThat(e.turns().get(0).images()).isEqualTo(1);
        assertThat(e.turns().get(1).otherPartTypes()).containsExactly("refusal");
        assertThat(e.turns().get(1).toolCalls()).containsExactly("old_fn");
        assertThat(e.turns().get(2).toolResults()).isEqualTo(1);
        assertThat(e.lastUserText()).as("empty last user message").isEmpty();
        assertThat(e.priorTurns()).isEqualTo(3);
        assertThat(e.sampling().logprobs()).isTrue();
        assertThat(e.sampling().stopSequences()).isEqualTo(1);
        assertThat(e.sampling().maxTokens()).isEqualTo(100);
        assertThat(e.sampling().temperature()).isEqualTo(1.0);
        assertThat(e.structuredOutput()).isEqualTo(StructuredOutput.JSON_OBJECT);
    }

    @Test
    void anthropicOddities() {
        Exchange e = one("{\"model\":\"c\",\"max_tokens\":64000,\"messages\":["
                + "{\"role\":\"user\",\"content\":[{\"type\":\"document\",\"source\":{\"type\":\"base64\",\"media_type\":\"application/pdf\",\"data\":\"JVBER\"}},"
                + "{\"type\":\"text\",\"text\":\"Summarise\",\"cache_control\":{\"type\":\"ephemeral\"}}]},"
                + "{\"role\":\"assistant\",\"content\":[{\"type\":\"redacted_thinking\",\"data\":\"x\"},"
                + "{\"type\":\"web_search_tool_result\",\"tool_use_id\":\"s\",\"content\":[{\"type\":\"web_search_result\",\"url\":\"u\",\"title\":\"t\"}]},"
                + "{\"type\":\"compaction\",\"content\":\"summary of earlier turns\"}]},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"t\",\"content\":[{\"type\":\"image\",\"source\":{}}]}]}],"
                + "\"thinking\":{\"type\":\"enabled\",\"budget_tokens\":32000},\"tool_choice\":{\"type\":\"tool\",\"name\":\"get_weather\"},"
                + "\"output_format\":{\"type\":\"json_schema\",\"schema\":{\"type\":\"object\"}},\"stream\":true}");
        assertThat(e.api()).isEqualTo(Api.ANTHROPIC_MESSAGES);
        assertThat(e.turns()).extracting(t -> t.role()).containsExactly(Role.USER, Role.ASSISTANT, Role.TOOL);
        assertThat(e.turns().get(0).images()).isEqualTo(1);
        assertThat(e.turns().get(0).text()).isEqualTo("Summarise");
        assertThat(e.turns().get(1).otherPartTypes())
                .containsExactly("redacted_thinking", "web_search_tool_result", "compaction");
        assertThat(e.turns().get(1).text()).isEqualTo("summary of earlier turns");
        assertThat(e.turns().get(2).images()).isEqualTo(1);
        assertThat(e.lastUserText()).isEqualTo("Summarise");
        assertThat(e.priorTurns()).isZero();
        assertThat(e.toolChoice()).isEqualTo("get_weather");
        assertThat(e.reasoning().budgetTokens()).isEqualTo(32000);
        assertThat(e.structuredOutput()).isEqualTo(StructuredOutput.JSON_SCHEMA);
        assertThat(e.sampling().stream()).isTrue();
    }

    @Test
    void eventFieldsOverrideBodyAndBadOptionalFieldsAreIgnored() {
        Exchange e = one("{\"model\":\"body-model\",\"user\":\"body-user\",\"messages\":[]}",
                "\"model\":\"served-model\",\"end_user_id\":\"event-user\",\"org_id\":\"o\",\"status\":\"200\","
                + "\"latency_ms\":99999999999,\"usage\":{\"input_tokens\":1,\"reasoning_tokens\":7,\"cache_read_tokens\":3},"
                + "\"response\":{\"text\":\"ans\",\"stop_reason\":\"end_turn\",\"tool_calls\":2},"
                + "\"client\":{\"asn\":64500,\"asn_org\":\"Ex\",\"country\":\"US\",\"tls_fingerprint\":\"t13d\",\"header_order\":\"h\"},"
                + "\"unknown_field\":{\"deep\":[1,2,{\"x\":null}]}");
        assertThat(e.model()).isEqualTo("served-model");
        assertThat(e.endUserId()).isEqualTo("event-user");
        assertThat(e.orgId()).isEqualTo("o");
        assertThat(e.status()).as("wrong type: ignored").isEqualTo(-1);
        assertThat(e.latencyMs()).as("out of range: ignored").isEqualTo(-1);
        assertThat(e.usage()).isEqualTo(new io.distillguard.model.Usage(1, -1, 7, 3));
        assertThat(e.response()).isEqualTo(new io.distillguard.model.ResponseSummary("ans", "end_turn", 2));
        assertThat(e.client().asn()).isEqualTo(64500);
        assertThat(e.client().tlsFingerprint()).isEqualTo("t13d");
        Exchange f = one("{\"model\":\"body-model\",\"messages\":[]}", "\"ts\":1770693247120");
        assertThat(f.model()).isEqualTo("body-model");
    }
    @Test
    void severalMegabyteBase64ImagesFitTheDefaultLimit() {
        String data = "QUJD".repeat(900_000); // 3.6 MB of base64
        Exchange e = one("{\"model\":\"c\",\"max_tokens\":100,\"messages\":[{\"role\":\"user\",\"content\":["
                + "{\"type\":\"image\",\"source\":{\"type\":\"base64\",\"media_type\":\"image/png\",\"data\":\"" + data + "\"}},"
                + "{\"type\":\"text\",\"text\":\"Describe the chart.\"}]}]}");
        assertThat(e.turns().get(0).images()).isEqualTo(1);
        assertThat(e.lastUserText()).isEqualTo("Describe the chart.");
    }
}
