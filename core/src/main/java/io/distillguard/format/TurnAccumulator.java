package io.distillguard.format;

import io.distillguard.model.Role;
import io.distillguard.model.Turn;
import java.util.ArrayList;
import java.util.List;

/** Collects the parts of one message while it is being streamed (its role may come last). */
final class TurnAccumulator {

    /** The only text part so far, kept as is to avoid copying (most messages have one). */
    private String single;
    /** Joined text once a second part arrives. */
    private final StringBuilder joined = new StringBuilder();
    final List<String> toolCalls = new ArrayList<>(2);
    final List<String> otherTypes = new ArrayList<>(2);
    /** Tool results found inside the message (Anthropic {@code tool_result} blocks), one TOOL turn each. */
    final List<Turn> toolResultTurns = new ArrayList<>(2);
    int images;
    /** Text of this message is not decoded (see {@link RequestNormalizer#signalTextOnly}); its presence is kept. */
    boolean skipText;
    private boolean skippedText;

    void reset() {
        skipText = false;
        skippedText = false;
        single = null;
        joined.setLength(0);
        toolCalls.clear();
        otherTypes.clear();
        toolResultTurns.clear();
        images = 0;
    }

    /** Records that a text part was present without decoding it. */
    void skippedText() {
        skippedText = true;
    }

    void appendText(String s) {
        if (s == null || s.isEmpty()) {
            return;
        }
        if (single == null && joined.length() == 0) {
            single = s;
            return;
        }
        if (single != null) {
            joined.append(single);
            single = null;
        }
        joined.append('\n').append(s);
    }

    /** All text parts joined with a newline; empty when none. */
    String text() {
        return single != null ? single : joined.toString();
    }

    boolean hasText() {
        return single != null || joined.length() > 0 || skippedText;
    }

    boolean hasContent() {
        return hasText() || images > 0 || !toolCalls.isEmpty() || !otherTypes.isEmpty();
    }

    Turn toTurn(Role role, int toolResults) {
        return new Turn(role, text(), toolCalls, toolResults, images, otherTypes);
    }
}
