package io.distillguard.sim;

import io.distillguard.model.Api;
import java.util.List;
import java.util.SplittableRandom;

/** Client libraries as they appear at the gateway: user agent, TLS fingerprint, header order, body shape. */
final class Clients {

    /**
     * A client library.
     *
     * @param family library family
     * @param userAgent user agent including version
     * @param tls JA4-style TLS fingerprint of the library's HTTP stack
     * @param headerOrder order of HTTP headers the library sends
     * @param apis body shapes the library speaks
     */
    record Client(String family, String userAgent, String tls, String headerOrder, List<Api> apis) {
    }

    private static final String PY_TLS = "t13d1812h2_85036bcba153_b26ce05bbdd6";
    private static final String PY_TLS_OLD = "t13d1712h2_5b57614c22b0_eca864cca44a";
    private static final String NODE_TLS = "t13d1516h2_8daaf6152771_02713d6af862";
    private static final String GO_TLS = "t13d1311h2_f57a46bbacb6_ab7e3b40a677";
    private static final String CURL_TLS = "t13d3112h2_e8f1e7e78f70_6bebaf5329ac";
    private static final String JAVA_TLS = "t13d4912h2_a09f3c656075_7f0f34a4126d";

    private static final String STAINLESS = "host,accept-encoding,connection,accept,content-type,user-agent,"
            + "x-stainless-lang,x-stainless-package-version,x-stainless-os,x-stainless-arch,x-stainless-runtime,"
            + "x-stainless-runtime-version,authorization,x-stainless-retry-count,content-length";
    private static final String ANTHROPIC_HDR = "host,accept-encoding,connection,accept,content-type,user-agent,"
            + "x-stainless-lang,x-stainless-package-version,x-stainless-os,x-stainless-arch,x-stainless-runtime,"
            + "x-stainless-runtime-version,anthropic-version,x-api-key,x-stainless-retry-count,content-length";
    private static final String REQUESTS_HDR = "host,user-agent,accept-encoding,accept,connection,authorization,"
            + "content-type,content-length";
    private static final String CURL_HDR = "host,user-agent,accept,authorization,content-type,content-length";
    private static final String GO_HDR = "host,user-agent,content-length,authorization,content-type,accept-encoding";

    private Clients() {
    }

    static Client openaiPython(SplittableRandom r) {
        return new Client("openai-python", "OpenAI/Python 1." + Rand.between(r, 40, 68) + "." + r.nextInt(10),
                r.nextInt(4) == 0 ? PY_TLS_OLD : PY_TLS, STAINLESS, List.of(Api.OPENAI_CHAT, Api.OPENAI_RESPONSES));
    }

    static Client openaiNode(SplittableRandom r) {
        return new Client("openai-node", "OpenAI/JS 4." + Rand.between(r, 60, 98) + "." + r.nextInt(6), NODE_TLS,
                STAINLESS, List.of(Api.OPENAI_CHAT, Api.OPENAI_RESPONSES));
    }

    static Client anthropicPython(SplittableRandom r) {
        return new Client("anthropic-python", "Anthropic/Python 0." + Rand.between(r, 39, 64) + "." + r.nextInt(4),
                PY_TLS, ANTHROPIC_HDR, List.of(Api.ANTHROPIC_MESSAGES));
    }

    static Client anthropicTs(SplittableRandom r) {
        return new Client("anthropic-ts", "Anthropic/JS 0." + Rand.between(r, 30, 52) + "." + r.nextInt(4),
                NODE_TLS, ANTHROPIC_HDR, List.of(Api.ANTHROPIC_MESSAGES));
    }

    static Client litellm(SplittableRandom r) {
        return new Client("litellm", "litellm/1." + Rand.between(r, 50, 74) + "." + r.nextInt(10), PY_TLS,
                STAINLESS, List.of(Api.OPENAI_CHAT, Api.ANTHROPIC_MESSAGES));
    }

    static Client requests(SplittableRandom r) {
        return new Client("python-requests", "python-requests/2.3" + Rand.between(r, 1, 2) + "." + r.nextInt(4),
                PY_TLS_OLD, REQUESTS_HDR, List.of(Api.OPENAI_CHAT, Api.ANTHROPIC_MESSAGES, Api.OPENAI_RESPONSES));
    }

    static Client httpx(SplittableRandom r) {
        return new Client("python-httpx", "python-httpx/0.2" + Rand.between(r, 6, 8) + "." + r.nextInt(3), PY_TLS,
                REQUESTS_HDR, List.of(Api.OPENAI_CHAT, Api.ANTHROPIC_MESSAGES));
    }

    static Client curl(SplittableRandom r) {
        return new Client("curl", "curl/8." + Rand.between(r, 4, 11) + ".0", CURL_TLS, CURL_HDR,
                List.of(Api.OPENAI_CHAT, Api.ANTHROPIC_MESSAGES));
    }

    static Client go(SplittableRandom r) {
        return new Client("go", "Go-http-client/2.0", GO_TLS, GO_HDR, List.of(Api.OPENAI_CHAT, Api.ANTHROPIC_MESSAGES));
    }

    static Client java(SplittableRandom r) {
        return new Client("java", "Java-http-client/17.0." + Rand.between(r, 8, 15), JAVA_TLS, GO_HDR,
                List.of(Api.OPENAI_CHAT));
    }

    static Client codingAgent(SplittableRandom r) {
        return switch (r.nextInt(4)) {
            case 0 -> new Client("claude-cli", "claude-cli/1.0." + Rand.between(r, 20, 90) + " (external, cli)",
                    NODE_TLS, ANTHROPIC_HDR, List.of(Api.ANTHROPIC_MESSAGES));
            case 1 -> new Client("aider", "aider/0." + Rand.between(r, 70, 86) + ".0 litellm/1."
                    + Rand.between(r, 50, 70) + ".0", PY_TLS, STAINLESS, List.of(Api.OPENAI_CHAT, Api.ANTHROPIC_MESSAGES));
            case 2 -> new Client("openai-codex", "codex_cli_rs/0." + Rand.between(r, 20, 40) + ".0", GO_TLS, STAINLESS,
                    List.of(Api.OPENAI_RESPONSES));
            default -> openaiNode(r);
        };
    }

    /** A typical developer's client: mostly official SDKs, some raw HTTP. */
    static Client developer(SplittableRandom r) {
        return switch (Rand.weighted(r, 30, 12, 22, 8, 6, 6, 5, 4, 3, 2)) {
            case 0 -> openaiPython(r);
            case 1 -> openaiNode(r);
            case 2 -> anthropicPython(r);
            case 3 -> anthropicTs(r);
            case 4 -> litellm(r);
            case 5 -> requests(r);
            case 6 -> httpx(r);
            case 7 -> curl(r);
            case 8 -> go(r);
            default -> java(r);
        };
    }

    /** A server backend's client: SDKs and gateways. */
    static Client backend(SplittableRandom r) {
        return switch (Rand.weighted(r, 25, 20, 20, 10, 15, 5, 5)) {
            case 0 -> openaiPython(r);
            case 1 -> openaiNode(r);
            case 2 -> anthropicPython(r);
            case 3 -> anthropicTs(r);
            case 4 -> litellm(r);
            case 5 -> go(r);
            default -> java(r);
        };
    }

    /** Body shape for an account using {@code c}: mostly one shape per account. */
    static Api apiFor(Client c, SplittableRandom r) {
        List<Api> a = c.apis();
        if (a.size() == 1) {
            return a.get(0);
        }
        if (a.contains(Api.OPENAI_RESPONSES) && a.get(0) == Api.OPENAI_CHAT) {
            return r.nextDouble() < 0.7 ? Api.OPENAI_CHAT : Api.OPENAI_RESPONSES;
        }
        return Rand.pick(r, a);
    }
}
