package io.distillguard.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.distillguard.model.Account;
import io.distillguard.model.Api;
import io.distillguard.model.ClientInfo;
import io.distillguard.model.Exchange;
import io.distillguard.model.ModelRelease;
import io.distillguard.model.ResponseSummary;
import io.distillguard.model.Role;
import io.distillguard.model.Turn;
import io.distillguard.model.Usage;
import java.io.IOException;
import java.util.List;

/**
 * Parses one line (already checked to be valid UTF-8) into a record with one streaming
 * {@link JsonParser} pass. Throws {@link LineRejected} for format violations; Jackson exceptions
 * (syntax, nesting depth) propagate to the caller, which classifies them. Not thread-safe.
 */
final class RecordParser {

    /**
     * Integer timestamps must be epoch milliseconds between 1973-03-03 (1e11 ms) and the end of
     * year 9999: smaller values are almost certainly epoch seconds, which would otherwise be read
     * silently as January 1970 and corrupt every time-window signal.
     */
    static final long MIN_EPOCH_MS = 100_000_000_000L;
    static final long MAX_EPOCH_MS = 253_402_300_799_999L;

    private final JsonFactory factory;
    private final RequestNormalizer body = new RequestNormalizer();

    /** See {@link RequestNormalizer#signalTextOnly}; also skips {@code response.text}. */
    private final boolean signalTextOnly;

    RecordParser(JsonFactory factory) {
        this(factory, false);
    }

    RecordParser(JsonFactory factory, boolean signalTextOnly) {
        this.factory = factory;
        this.signalTextOnly = signalTextOnly;
        body.signalTextOnly = signalTextOnly;
    }

    Exchange parseEvent(byte[] b, int off, int len) throws IOException, LineRejected {
        try (JsonParser p = factory.createParser(b, off, len)) {
            return parseEvent(p, true);
        }
    }

    /**
     * Parses one event object from {@code p}, positioned before it. With {@code requireEnd} the input
     * must end after the object (one line per parser); without, the parser is left just after the
     * object's closing brace and the caller checks what follows (several lines per parser).
     */
    Exchange parseEvent(JsonParser p, boolean requireEnd) throws IOException, LineRejected {
        start(p);
        String id = null;
        boolean hasTs = false;
        long ts = 0;
        String accountId = null;
        String apiName = null;
        String apiKeyId = null;
        String orgId = null;
        String endUserId = null;
        String model = null;
        ClientInfo client = null;
        Usage usage = null;
        ResponseSummary response = null;
        int status = -1;
        int latency = -1;
        boolean hasRequest = false;
        String f;
        while ((f = p.nextFieldName()) != null) {
            JsonToken t = p.nextToken();
            switch (f) {
                case "id":
                    id = requiredString(p, t, "id");
                    break;
                case "ts":
                    ts = timestamp(p, t, "ts");
                    hasTs = true;
                    break;
                case "account_id":
                    accountId = requiredString(p, t, "account_id");
                    break;
                case "request":
                    if (t == JsonToken.VALUE_NULL) {
                        throw new LineRejected(RejectReason.MISSING_FIELD, "request is null");
                    }
                    if (t != JsonToken.START_OBJECT) {
                        throw new LineRejected(RejectReason.WRONG_TYPE, "request must be an object, got " + kind(t));
                    }
                    body.reset();
                    body.parse(p);
                    hasRequest = true;
                    break;
                case "api":
                    apiName = Json.string(p, t);
                    break;
                case "api_key_id":
                    apiKeyId = Json.string(p, t);
                    break;
                case "org_id":
                    orgId = Json.string(p, t);
                    break;
                case "end_user_id":
                    endUserId = Json.string(p, t);
                    break;
                case "model":
                    model = Json.string(p, t);
                    break;
                case "client":
                    client = client(p, t);
                    break;
                case "usage":
                    usage = usage(p, t);
                    break;
                case "response":
                    response = response(p, t, signalTextOnly);
                    break;
                case "status":
                    status = Json.intOrMinusOne(p, t);
                    break;
                case "latency_ms":
                    latency = Json.intOrMinusOne(p, t);
                    break;
                default:
                    p.skipChildren();
            }
        }
        if (requireEnd) {
            end(p);
        }
        if (id == null) {
            throw new LineRejected(RejectReason.MISSING_FIELD, "required field id is absent");
        }
        if (!hasTs) {
            throw new LineRejected(RejectReason.MISSING_FIELD, "required field ts is absent");
        }
        if (accountId == null) {
            throw new LineRejected(RejectReason.MISSING_FIELD, "required field account_id is absent");
        }
        if (!hasRequest) {
            throw new LineRejected(RejectReason.MISSING_FIELD, "required field request is absent");
        }
        Api api;
        if (apiName != null) {
            api = Api.fromWireName(apiName);
            if (api == null) {
                throw new LineRejected(RejectReason.UNKNOWN_API, "unknown api: " + abbreviate(apiName));
            }
        } else {
            api = body.inferredApi();
            if (api == null) {
                throw new LineRejected(RejectReason.UNKNOWN_API,
                        "api absent and the request body has neither messages nor input");
            }
        }
        List<Turn> turns = body.turns;
        int lastUser = -1;
        for (int i = turns.size() - 1; i >= 0; i--) {
            if (turns.get(i).role() == Role.USER) {
                lastUser = i;
                break;
            }
        }
        String lastUserText = lastUser >= 0 ? turns.get(lastUser).text() : "";
        return new Exchange(id, ts, accountId, api, apiKeyId, orgId,
                endUserId != null ? endUserId : body.endUser,
                model != null ? model : body.model,
                client, usage, response, status, latency,
                body.systemText.toString(), turns, lastUserText, body.tools, body.toolChoice,
                body.sampling(), body.reasoning(), body.structured, Math.max(lastUser, 0));
    }

    Account parseAccount(byte[] b, int off, int len) throws IOException, LineRejected {
        try (JsonParser p = factory.createParser(b, off, len)) {
            start(p);
            String accountId = null;
            Long createdAt = null;
            String emailDomain = null;
            String emailShape = null;
            String payment = null;
            String bin = null;
            String billing = null;
            String declared = null;
            String program = null;
            Boolean verified = null;
            String signupIp = null;
            String orgId = null;
            String f;
            while ((f = p.nextFieldName()) != null) {
                JsonToken t = p.nextToken();
                switch (f) {
                    case "account_id":
                        accountId = requiredString(p, t, "account_id");
                        break;
                    case "created_at":
                        if (t != JsonToken.VALUE_NULL) {
                            createdAt = timestamp(p, t, "created_at");
                        }
                        break;
                    case "email_domain":
                        emailDomain = Json.string(p, t);
                        break;
                    case "email_local_shape":
                        emailShape = Json.string(p, t);
                        break;
                    case "payment_fingerprint":
                        payment = Json.string(p, t);
                        break;
                    case "payment_bin":
                        bin = Json.string(p, t);
                        break;
                    case "billing_country":
                        billing = Json.string(p, t);
                        break;
                    case "declared_country":
                        declared = Json.string(p, t);
                        break;
                    case "program":
                        program = Json.string(p, t);
                        break;
                    case "verified":
                        verified = t == JsonToken.VALUE_TRUE ? Boolean.TRUE : t == JsonToken.VALUE_FALSE ? Boolean.FALSE : null;
                        p.skipChildren();
                        break;
                    case "signup_ip":
                        signupIp = Json.string(p, t);
                        break;
                    case "org_id":
                        orgId = Json.string(p, t);
                        break;
                    default:
                        p.skipChildren();
                }
            }
            end(p);
            if (accountId == null) {
                throw new LineRejected(RejectReason.MISSING_FIELD, "required field account_id is absent");
            }
            return new Account(accountId, createdAt, emailDomain, emailShape, payment, bin, billing, declared,
                    program, verified, signupIp, orgId);
        }
    }

    ModelRelease parseModel(byte[] b, int off, int len) throws IOException, LineRejected {
        try (JsonParser p = factory.createParser(b, off, len)) {
            start(p);
            String model = null;
            Long released = null;
            String f;
            while ((f = p.nextFieldName()) != null) {
                JsonToken t = p.nextToken();
                switch (f) {
                    case "model":
                        model = requiredString(p, t, "model");
                        break;
                    case "released_at":
                        released = timestamp(p, t, "released_at");
                        break;
                    default:
                        p.skipChildren();
                }
            }
            end(p);
            if (model == null) {
                throw new LineRejected(RejectReason.MISSING_FIELD, "required field model is absent");
            }
            if (released == null) {
                throw new LineRejected(RejectReason.MISSING_FIELD, "required field released_at is absent");
            }
            return new ModelRelease(model, released);
        }
    }

    private static void start(JsonParser p) throws IOException, LineRejected {
        JsonToken t = p.nextToken();
        if (t != JsonToken.START_OBJECT) {
            throw new LineRejected(RejectReason.NOT_OBJECT, "line is a JSON " + kind(t) + ", not an object");
        }
    }

    /** After the top-level object: anything but end of input is trailing content. */
    private static void end(JsonParser p) throws IOException, LineRejected {
        JsonToken t = p.nextToken();
        if (t != null) {
            throw new LineRejected(RejectReason.NOT_JSON, "trailing content after the JSON object");
        }
    }

    private static String requiredString(JsonParser p, JsonToken t, String field) throws IOException, LineRejected {
        if (t == JsonToken.VALUE_STRING) {
            String v = p.getText();
            if (v.isEmpty()) {
                throw new LineRejected(RejectReason.MISSING_FIELD, field + " is empty");
            }
            return v;
        }
        if (t == JsonToken.VALUE_NULL) {
            throw new LineRejected(RejectReason.MISSING_FIELD, field + " is null");
        }
        throw new LineRejected(RejectReason.WRONG_TYPE, field + " must be a string, got " + kind(t));
    }

    private static long timestamp(JsonParser p, JsonToken t, String field) throws IOException, LineRejected {
        if (t == JsonToken.VALUE_STRING) {
            String s = p.getText();
            long v = Timestamps.parseRfc3339(s);
            if (v == Timestamps.INVALID) {
                throw new LineRejected(RejectReason.BAD_TIMESTAMP,
                        field + " is not RFC 3339 with offset: " + abbreviate(s));
            }
            return v;
        }
        if (t == JsonToken.VALUE_NUMBER_INT) {
            if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                throw new LineRejected(RejectReason.BAD_TIMESTAMP, field + " epoch ms out of range");
            }
            long v = p.getLongValue();
            if (v < MIN_EPOCH_MS || v > MAX_EPOCH_MS) {
                throw new LineRejected(RejectReason.BAD_TIMESTAMP, field + " = " + v
                        + " is outside 1973..9999 as epoch milliseconds (epoch seconds are not accepted)");
            }
            return v;
        }
        if (t == JsonToken.VALUE_NUMBER_FLOAT) {
            throw new LineRejected(RejectReason.BAD_TIMESTAMP, field + " must be integer epoch ms, got a fraction");
        }
        if (t == JsonToken.VALUE_NULL) {
            throw new LineRejected(RejectReason.MISSING_FIELD, field + " is null");
        }
        throw new LineRejected(RejectReason.WRONG_TYPE, field + " must be a string or integer, got " + kind(t));
    }

    private static ClientInfo client(JsonParser p, JsonToken t) throws IOException {
        if (t != JsonToken.START_OBJECT) {
            p.skipChildren();
            return null;
        }
        String ip = null;
        String ua = null;
        Integer asn = null;
        String asnOrg = null;
        String country = null;
        String tls = null;
        String headers = null;
        String f;
        while ((f = p.nextFieldName()) != null) {
            JsonToken v = p.nextToken();
            switch (f) {
                case "ip":
                    ip = Json.string(p, v);
                    break;
                case "user_agent":
                    ua = Json.string(p, v);
                    break;
                case "asn":
                    asn = Json.integer(p, v);
                    break;
                case "asn_org":
                    asnOrg = Json.string(p, v);
                    break;
                case "country":
                    country = Json.string(p, v);
                    break;
                case "tls_fingerprint":
                    tls = Json.string(p, v);
                    break;
                case "header_order":
                    headers = Json.string(p, v);
                    break;
                default:
                    p.skipChildren();
            }
        }
        return new ClientInfo(ip, ua, asn, asnOrg, country, tls, headers);
    }

    private static Usage usage(JsonParser p, JsonToken t) throws IOException {
        if (t != JsonToken.START_OBJECT) {
            p.skipChildren();
            return null;
        }
        int in = -1;
        int out = -1;
        int reasoning = -1;
        int cache = -1;
        String f;
        while ((f = p.nextFieldName()) != null) {
            JsonToken v = p.nextToken();
            switch (f) {
                case "input_tokens":
                    in = Json.intOrMinusOne(p, v);
                    break;
                case "output_tokens":
                    out = Json.intOrMinusOne(p, v);
                    break;
                case "reasoning_tokens":
                    reasoning = Json.intOrMinusOne(p, v);
                    break;
                case "cache_read_tokens":
                    cache = Json.intOrMinusOne(p, v);
                    break;
                default:
                    p.skipChildren();
            }
        }
        return new Usage(in, out, reasoning, cache);
    }

    private static ResponseSummary response(JsonParser p, JsonToken t, boolean skipText) throws IOException {
        if (t != JsonToken.START_OBJECT) {
            p.skipChildren();
            return null;
        }
        String text = null;
        String stop = null;
        int calls = -1;
        String f;
        while ((f = p.nextFieldName()) != null) {
            JsonToken v = p.nextToken();
            switch (f) {
                case "text":
                    if (skipText && v == JsonToken.VALUE_STRING) {
                        break; // not decoded; the parser skips it
                    }
                    text = Json.string(p, v);
                    break;
                case "stop_reason":
                    stop = Json.string(p, v);
                    break;
                case "tool_calls":
                    calls = Json.intOrMinusOne(p, v);
                    break;
                default:
                    p.skipChildren();
            }
        }
        return new ResponseSummary(text, stop, calls);
    }

    static String kind(JsonToken t) {
        if (t == null) {
            return "nothing";
        }
        switch (t) {
            case START_OBJECT:
                return "object";
            case START_ARRAY:
                return "array";
            case VALUE_STRING:
                return "string";
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return "number";
            case VALUE_TRUE:
            case VALUE_FALSE:
                return "boolean";
            case VALUE_NULL:
                return "null";
            default:
                return t.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    static String abbreviate(String s) {
        return s.length() <= 64 ? s : s.substring(0, 64) + "...";
    }
}
