package io.distillguard.format;

import io.distillguard.model.Role;
import io.distillguard.model.Turn;
import java.util.ArrayList;
import java.util.List;

/** Collects the parts of one message while it is being streamed (its role may come last). */
final class TurnAccumulator {

    final StringBuilder text = new StringBuilder();
    final List<String> toolCalls = new ArrayList<>(2);
    final List<String> otherTypes = new ArrayList<>(2);
    /** Tool results found inside the message (Anthropic {@code tool_result} blocks), one TOOL turn each. */
    final List<Turn> toolResultTurns = new ArrayList<>(2);
    int images;

    void reset() {
        text.setLength(0);
        toolCalls.clear();
        otherTypes.clear();
        toolResultTurns.clear();
        images = 0;
    }

    void appendText(String s) {
        if (s == null || s.isEmpty()) {
            return;
        }
        if (text.length() > 0) {
            text.append('\n');
        }
        text.append(s);
    }

    boolean hasContent() {
        return text.length() > 0 || images > 0 || !toolCalls.isEmpty() || !otherTypes.isEmpty();
    }

    Turn toTurn(Role role, int toolResults) {
        return new Turn(role, text.toString(), toolCalls, toolResults, images, otherTypes);
    }
}
