package io.distillguard.sim.baseline;

import io.distillguard.model.Api;
import io.distillguard.model.Exchange;
import io.distillguard.model.Role;
import io.distillguard.model.Turn;
import io.distillguard.model.Usage;
import java.util.List;

/** Builds minimal exchanges for baseline tests. */
final class Events {

    static final long T0 = 1_770_000_000_000L;
    static final long SECOND = 1_000L;
    static final long MINUTE = 60 * SECOND;
    static final long HOUR = 60 * MINUTE;

    private static long next;

    private Events() {
    }

    static Exchange of(String account, long ts, String prompt, int inputTokens, int outputTokens) {
        return new Exchange("e" + (next++), ts, account, Api.OPENAI_CHAT, null, null, null, "m", null,
                new Usage(inputTokens, outputTokens, -1, -1), null, 200, 100, "", List.of(Turn.text(Role.USER, prompt)),
                prompt, List.of(), null, null, null, null, 0);
    }

    static Exchange of(String account, long ts) {
        return of(account, ts, "hello", 10, 10);
    }
}
