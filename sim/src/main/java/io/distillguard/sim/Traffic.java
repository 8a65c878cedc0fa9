package io.distillguard.sim;

import io.distillguard.model.Api;
import java.util.SplittableRandom;

/** Shared event plumbing: metadata every request carries, and the response side (usage, status, latency). */
final class Traffic {

    /** What kind of answer a request produces; sets the typical visible output length in tokens. */
    enum Out {
        SHORT(12), CHAT(320), CODE(700), MATH(260), COT(900), RUBRIC(260), STRUCTURED(650), AGENT_STEP(160),
        AGENT_FINAL(850), REWRITE(380), LONGFORM(1100);

        final int median;

        Out(int median) {
            this.median = median;
        }
    }

    private Traffic() {
    }

    /** A request of account {@code a} at {@code ts}: id, client, network, key, model. */
    static SimEvent begin(World w, SimAccount a, SplittableRandom r, long ts) {
        SimEvent e = new SimEvent();
        e.id = "req_" + Rand.hex(r, 24);
        e.ts = ts;
        e.accountId = a.id;
        Clients.Client c = a.client;
        e.api = a.api;
        if (r.nextDouble() < 0.03 && c.apis().size() > 1) {
            e.api = Rand.pick(r, c.apis());
        }
        e.writeApi = r.nextDouble() >= a.apiOmitShare;
        e.apiKeyId = a.keyIds.length == 1 || r.nextDouble() < 0.75 ? a.keyIds[0] : Rand.pick(r, a.keyIds);
        e.orgId = a.orgId;
        e.model = w.models.modelFor(a, ts, r);
        String[] ip = new String[1];
        IpRanges.Range range = a.network.next(r, ip);
        e.ip = ip[0];
        if (r.nextDouble() < 0.55) {
            e.asn = range.asn();
            e.asnOrg = range.org();
            e.country = range.country();
        }
        e.userAgent = r.nextDouble() < 0.98 ? c.userAgent() : null;
        if (r.nextDouble() < 0.7) {
            e.tls = c.tls();
            e.headerOrder = c.headerOrder();
        }
        e.contentParts = e.api == Api.OPENAI_CHAT && (c.family().equals("openai-node") || c.family().equals("litellm"))
                && r.nextDouble() < 0.5;
        double u = r.nextDouble();
        if (u < 0.04) {
            e.epochTs = true;
        } else if (u < 0.07) {
            e.tsOffsetMinutes = (int) Math.round(a.tzOffset * 60);
        }
        return e;
    }

    /**
     * Decides the response: failure status with probability {@code failRate}, else usage consistent with the
     * request (prompt length, the kind of answer, reasoning requested, cap) and latency.
     *
     * @param cacheableChars prompt characters a provider cache would serve (stable system prompt, history)
     */
    static void finish(SimEvent e, SplittableRandom r, Out out, double failRate, int cacheableChars) {
        int inTok = e.promptChars() / 4 + 6 * (e.messages.size() + 1) + 12;
        if (r.nextDouble() < 0.3) {
            // some gateways log the model they routed to next to the request body
            e.servedModel = e.model;
        }
        if (r.nextDouble() < failRate) {
            int k = Rand.weighted(r, 60, 25, 15);
            e.status = k == 0 ? 429 : k == 1 ? 500 : 400;
            e.latencyMs = e.status == 429 ? Rand.between(r, 15, 220) : Rand.between(r, 80, 4000);
            return;
        }
        int visible = (int) Math.max(1, Rand.logNormal(r, out.median, 0.55));
        int reasoning = 0;
        if (e.thinkingBudget != null) {
            reasoning = (int) (e.thinkingBudget * (0.25 + 0.75 * r.nextDouble()));
        } else if (e.effort != null) {
            int base = switch (e.effort) {
                case "minimal" -> 60;
                case "low" -> 450;
                case "medium" -> 1600;
                case "high" -> 4800;
                case "none" -> 0;
                default -> 9000;
            };
            reasoning = base == 0 ? 0 : (int) Rand.logNormal(r, base, 0.5);
        }
        int total = visible + reasoning;
        boolean capped = false;
        if (e.maxTokens != null && total >= e.maxTokens) {
            total = e.maxTokens;
            reasoning = Math.min(reasoning, total);
            capped = true;
        }
        e.hasUsage = true;
        e.inputTokens = inTok;
        e.outputTokens = total;
        e.reasoningTokens = reasoning;
        if (cacheableChars > 1024 && r.nextDouble() < 0.8) {
            e.cacheReadTokens = Math.min(inTok - 1, cacheableChars / 4);
        }
        boolean toolUse = e.toolCallsOut > 0;
        e.stopReason = switch (e.api) {
            case OPENAI_CHAT -> capped ? "length" : toolUse ? "tool_calls" : "stop";
            case OPENAI_RESPONSES -> capped ? "max_output_tokens" : "completed";
            case ANTHROPIC_MESSAGES -> capped ? "max_tokens" : toolUse ? "tool_use" : "end_turn";
        };
        if (e.toolCallsOut < 0 && !e.tools.isEmpty()) {
            e.toolCallsOut = 0;
        }
        double msPerTok = 9 + 22 * r.nextDouble();
        e.latencyMs = (int) Math.min(600_000, 250 + inTok / 40 + total * msPerTok + Rand.exp(r, 300));
    }
}
