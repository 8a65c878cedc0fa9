package io.distillguard.engine;

import io.distillguard.model.Api;
import io.distillguard.model.ClientInfo;
import io.distillguard.model.Exchange;
import io.distillguard.model.ReasoningRequest;
import io.distillguard.model.ResponseSummary;
import io.distillguard.model.Role;
import io.distillguard.model.Sampling;
import io.distillguard.model.StructuredOutput;
import io.distillguard.model.Turn;
import io.distillguard.model.Usage;
import java.util.List;

/** Test helper: builds exchanges with the few fields a test cares about. */
public final class Ex {

    private Ex() {
    }

    /** A single-turn chat exchange. */
    public static Exchange of(String id, long ts, String account, String prompt, String ip) {
        return of(id, ts, account, prompt, ip, null, "frontier-1", null);
    }

    /** A single-turn chat exchange with an end user, a model and a system prompt. */
    public static Exchange of(String id, long ts, String account, String prompt, String ip, String endUser,
            String model, String system) {
        return new Exchange(id, ts, account, Api.OPENAI_CHAT, null, null, endUser, model,
                new ClientInfo(ip, "sdk/1.0", null, null, null, null, null), new Usage(100, 400, -1, -1),
                new ResponseSummary(null, "stop", 0), 200, 1000, system == null ? "" : system,
                List.of(Turn.text(Role.USER, prompt)), prompt, List.of(), null, Sampling.DEFAULT,
                ReasoningRequest.NONE, StructuredOutput.NONE, 0);
    }
}
