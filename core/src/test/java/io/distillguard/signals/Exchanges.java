package io.distillguard.signals;

import io.distillguard.model.Api;
import io.distillguard.model.Exchange;
import io.distillguard.model.ReasoningRequest;
import io.distillguard.model.ResponseSummary;
import io.distillguard.model.Role;
import io.distillguard.model.Sampling;
import io.distillguard.model.StructuredOutput;
import io.distillguard.model.Turn;
import java.util.ArrayList;
import java.util.List;

/** Test helper: builds exchanges without the reader. */
final class Exchanges {

    private Exchanges() {
    }

    static Exchange prompt(String user) {
        return of("", user, List.of(), StructuredOutput.NONE, ReasoningRequest.NONE, null, List.of());
    }

    static Exchange withSystem(String system, String user) {
        return of(system, user, List.of(), StructuredOutput.NONE, ReasoningRequest.NONE, null, List.of());
    }

    static Exchange of(String system, String user, List<String> tools, StructuredOutput so, ReasoningRequest rr,
            Integer maxTokens, List<Turn> priorTurns) {
        List<Turn> turns = new ArrayList<>(priorTurns);
        if (!user.isEmpty()) {
            turns.add(Turn.text(Role.USER, user));
        }
        Sampling sampling = new Sampling(null, null, null, null, maxTokens, null, false, false, false, 0);
        return new Exchange("req", 1_770_000_000_000L, "acct", Api.OPENAI_CHAT, null, null, null, "m", null, null,
                ResponseSummary.NONE, 200, -1, system, turns, user, tools, null, sampling, rr, so, priorTurns.size());
    }
}
