package io.distillguard.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.distillguard.model.Exchange;
import io.distillguard.model.Role;
import io.distillguard.model.Turn;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scan's reading mode skips text no signal reads and keeps everything else as the full reader has it. */
class SignalTextOnlyTest {

    static final String CHAT = "{\"model\":\"m\",\"messages\":["
            + "{\"role\":\"system\",\"content\":\"You are terse.\"},"
            + "{\"role\":\"user\",\"content\":\"first question\"},"
            + "{\"role\":\"assistant\",\"content\":\"a long answer\",\"tool_calls\":[{\"type\":\"function\","
            + "\"function\":{\"name\":\"search\",\"arguments\":\"{}\"}}]},"
            + "{\"role\":\"tool\",\"tool_call_id\":\"c1\",\"content\":[{\"type\":\"text\",\"text\":\"tool output\"}]},"
            + "{\"content\":\"role after content\",\"role\":\"assistant\"},"
            + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Explain every step.\"}]}]}";

    static final String ANTHROPIC = "{\"model\":\"m\",\"max_tokens\":100,\"system\":\"sys\",\"messages\":["
            + "{\"role\":\"user\",\"content\":\"q\"},"
            + "{\"role\":\"assistant\",\"content\":[{\"type\":\"tool_use\",\"id\":\"t\",\"name\":\"calc\",\"input\":{}}]},"
            + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"t\",\"content\":\"42\"},"
            + "{\"type\":\"text\",\"text\":\"and now?\"}]}]}";

    static Exchange read(boolean skip, String body, String extra) {
        ExchangeLogReader reader = ExchangeLogReader.builder().signalTextOnly(skip).build();
        byte[] line = (ReaderTestSupport.event("r1", body, extra) + "\n").getBytes(StandardCharsets.UTF_8);
        ReaderTestSupport r = ReaderTestSupport.readEvents(reader, line);
        assertThat(r.rejections).isEmpty();
        return r.events.get(0);
    }

    @Test
    void keepsPromptSystemAndTurnStructureButNotAssistantToolOrResponseText() {
        String response = "\"response\":{\"text\":\"the model's answer\",\"stop_reason\":\"stop\"}";
        for (String body : List.of(CHAT, ANTHROPIC)) {
            Exchange full = read(false, body, response);
            Exchange lean = read(true, body, response);
            assertThat(lean.lastUserText()).isEqualTo(full.lastUserText()).isNotEmpty();
            assertThat(lean.systemText()).isEqualTo(full.systemText());
            assertThat(lean.turns()).hasSameSizeAs(full.turns());
            for (int i = 0; i < full.turns().size(); i++) {
                Turn f = full.turns().get(i);
                Turn l = lean.turns().get(i);
                assertThat(l.role()).isEqualTo(f.role());
                assertThat(l.toolCalls()).isEqualTo(f.toolCalls());
                assertThat(l.toolResults()).isEqualTo(f.toolResults());
                if (f.role() == Role.USER || f.role() == Role.SYSTEM) {
                    assertThat(l.text()).isEqualTo(f.text());
                }
            }
            assertThat(full.response().text()).isEqualTo("the model's answer");
            assertThat(lean.response().text()).isNull();
            assertThat(lean.response().stopReason()).isEqualTo(full.response().stopReason());
        }
        Exchange lean = read(true, CHAT, null);
        assertThat(lean.turns()).filteredOn(t -> t.role() == Role.TOOL).allSatisfy(t -> assertThat(t.text()).isEmpty());
        // a message whose role comes after its content is read in full (its role was not known in time)
        assertThat(lean.turns()).extracting(Turn::text).contains("role after content");
    }
}
