package io.distillguard.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks a small simulation's output against exchange-log v1 and the ground-truth contract. */
class SimulatorTest {

    @TempDir
    static Path dir;

    static SimulationSummary summary;
    static SimOutput out;
    static List<JsonNode> events;

    @BeforeAll
    static void simulate() throws IOException {
        summary = Simulator.run(SimulationOptions.defaults().withSeed(7).withScale(0.06).withDays(12), dir);
        out = new SimOutput(dir);
        events = out.events();
    }

    @Test
    void everyEventHasTheRequiredFieldsWithTheRightTypes() {
        assertThat(events).hasSizeGreaterThan(3000);
        for (JsonNode e : events) {
            assertThat(e.path("id").isTextual()).as("id of %s", e).isTrue();
            assertThat(e.path("account_id").isTextual()).isTrue();
            assertThat(e.path("request").isObject()).isTrue();
            JsonNode ts = e.get("ts");
            if (ts.isTextual()) {
                // RFC 3339 with a mandatory offset
                OffsetDateTime.parse(ts.asText(), DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            } else {
                assertThat(ts.isIntegralNumber()).as("ts of %s", e.get("id")).isTrue();
            }
        }
    }

    @Test
    void bodiesHaveTheNativeShapeOfTheirApi() {
        Map<String, Integer> byApi = new TreeMap<>();
        int withoutApi = 0;
        for (JsonNode e : events) {
            JsonNode req = e.get("request");
            assertThat(req.path("model").isTextual()).isTrue();
            if (e.has("api")) {
                String api = e.get("api").asText();
                assertThat(consistent(api, req)).as("%s body of %s", api, e.get("id")).isTrue();
                byApi.merge(api, 1, Integer::sum);
            } else {
                withoutApi++;
                assertThat(consistent("openai.chat", req) || consistent("openai.responses", req)
                        || consistent("anthropic.messages", req)).as("shape of %s", e.get("id")).isTrue();
            }
        }
        assertThat(byApi).containsKeys("openai.chat", "openai.responses", "anthropic.messages");
        assertThat(withoutApi).isGreaterThan(0).isLessThan(events.size() / 2);
    }

    private static final Set<String> CHAT_ONLY = Set.of("response_format", "reasoning_effort", "max_completion_tokens",
            "user", "seed", "n", "logprobs", "tool_choice_string");
    private static final Set<String> ANTHROPIC_ONLY = Set.of("system", "thinking", "metadata", "output_config",
            "output_format", "top_k", "stop_sequences");

    /** Whether {@code req} is a body the named API accepts (native fields and roles only). */
    static boolean consistent(String api, JsonNode req) {
        switch (api) {
            case "openai.responses" -> {
                return req.has("input") && !req.has("messages");
            }
            case "anthropic.messages" -> {
                if (!req.path("max_tokens").isInt() || !req.path("messages").isArray() || req.has("input")) {
                    return false;
                }
                for (String f : CHAT_ONLY) {
                    if (req.has(f)) {
                        return false;
                    }
                }
                for (JsonNode m : req.get("messages")) {
                    if (!Set.of("user", "assistant").contains(m.path("role").asText())) {
                        return false;
                    }
                    if (m.has("tool_calls")) {
                        return false;
                    }
                }
                for (JsonNode t : req.path("tools")) {
                    if (!t.has("input_schema")) {
                        return false;
                    }
                }
                return true;
            }
            case "openai.chat" -> {
                if (!req.path("messages").isArray() || req.has("input")) {
                    return false;
                }
                for (String f : ANTHROPIC_ONLY) {
                    if (req.has(f)) {
                        return false;
                    }
                }
                for (JsonNode m : req.get("messages")) {
                    String role = m.path("role").asText();
                    if (!Set.of("system", "developer", "user", "assistant", "tool").contains(role)) {
                        return false;
                    }
                    if (role.equals("tool") && !m.path("tool_call_id").isTextual()) {
                        return false;
                    }
                    if (m.path("content").isArray()) {
                        for (JsonNode b : m.get("content")) {
                            if (!b.path("type").asText().equals("text")) {
                                return false;
                            }
                        }
                    }
                }
                for (JsonNode t : req.path("tools")) {
                    if (!t.has("function")) {
                        return false;
                    }
                }
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    @Test
    void everyEventAccountIsInAccountsAndLabels() {
        Set<String> accountIds = new HashSet<>();
        for (JsonNode a : out.accounts) {
            assertThat(accountIds.add(a.get("account_id").asText())).isTrue();
        }
        assertThat(out.labels.keySet()).isEqualTo(accountIds);
        for (JsonNode e : events) {
            assertThat(accountIds).contains(e.get("account_id").asText());
        }
        assertThat(out.labelsHeader).isEqualTo("account_id,label,campaign,persona");
    }

    @Test
    void labelsCountPersonasAndCampaigns() {
        Map<String, Long> personas = new TreeMap<>();
        Map<String, Set<String>> campaignPersona = new TreeMap<>();
        for (SimOutput.Label l : out.labels.values()) {
            assertThat(l.label()).isIn("attack", "benign");
            assertThat(l.campaign().isEmpty()).isEqualTo(l.label().equals("benign"));
            personas.merge(l.persona(), 1L, Long::sum);
            if (!l.campaign().isEmpty()) {
                campaignPersona.computeIfAbsent(l.campaign(), k -> new HashSet<>()).add(l.persona());
            }
        }
        assertThat(personas).isEqualTo(summary.accountsByPersona());
        assertThat(personas).containsKeys(Benign.CHAT, Benign.SAAS, Benign.BENCH, Benign.CLASS, Benign.ENTERPRISE,
                Benign.CODING, Benign.JUDGE);
        assertThat(campaignPersona).containsOnlyKeys("hydra-1", "cot-1", "agent-1", "judge-1", "sweep-1", "chase-1");
        campaignPersona.values().forEach(p -> assertThat(p).hasSize(1));
        // event counts per persona in the summary match the file
        Map<String, Long> eventsByPersona = new TreeMap<>();
        for (JsonNode e : events) {
            eventsByPersona.merge(out.labels.get(e.get("account_id").asText()).persona(), 1L, Long::sum);
        }
        assertThat(eventsByPersona).isEqualTo(summary.eventsByPersona());
        assertThat(summary.eventsByCampaign().keySet()).isEqualTo(campaignPersona.keySet());
    }

    @Test
    void accountIdsDoNotEncodeTheLabel() {
        for (SimOutput.Label l : out.labels.values()) {
            assertThat(l.accountId()).matches("acct_[a-z0-9]{12}");
        }
        for (JsonNode e : events) {
            assertThat(e.get("api_key_id").asText()).matches("key_[a-z0-9]{10}");
        }
    }

    @Test
    void duplicatesRepeatTheSameBytesAndIdsAreOtherwiseUnique() {
        Map<String, String> first = new HashMap<>();
        int dups = 0;
        for (String line : out.eventLines) {
            String id = line.substring(7, line.indexOf('"', 7));
            String prev = first.putIfAbsent(id, line);
            if (prev != null) {
                assertThat(line).isEqualTo(prev);
                dups++;
            }
        }
        assertThat(dups).isEqualTo((int) summary.duplicates()).isPositive();
        assertThat(summary.events()).isEqualTo(out.eventLines.size());
        assertThat(summary.malformed()).isZero();
    }

    @Test
    void timestampsAreSortedApartFromSmallJitter() {
        long max = Long.MIN_VALUE / 2;
        int early = 0;
        Set<String> seen = new HashSet<>();
        for (JsonNode e : events) {
            if (!seen.add(e.get("id").asText())) {
                continue; // re-delivery
            }
            long ts = millis(e.get("ts"));
            assertThat(ts).as("ts of %s", e.get("id")).isGreaterThanOrEqualTo(max - 2600);
            if (ts < max) {
                early++;
            }
            max = Math.max(max, ts);
        }
        assertThat(early).isPositive();
    }

    static long millis(JsonNode ts) {
        return ts.isNumber() ? ts.asLong() : OffsetDateTime.parse(ts.asText()).toInstant().toEpochMilli();
    }

    @Test
    void usageIsConsistentWithStatusAndReasoning() {
        int failed = 0;
        int reasoningSeen = 0;
        Set<Integer> statuses = new HashSet<>();
        for (JsonNode e : events) {
            int status = e.get("status").asInt();
            statuses.add(status);
            JsonNode req = e.get("request");
            if (status != 200) {
                failed++;
                assertThat(e.has("usage")).isFalse();
                continue;
            }
            JsonNode u = e.get("usage");
            assertThat(u.get("input_tokens").asInt()).isPositive();
            int outTok = u.get("output_tokens").asInt();
            boolean reasoning = req.has("reasoning_effort") || req.has("reasoning") || req.has("thinking")
                    || req.has("output_config");
            if (u.has("reasoning_tokens")) {
                reasoningSeen++;
                assertThat(reasoning).as("reasoning tokens without a reasoning request in %s", e.get("id")).isTrue();
                assertThat(u.get("reasoning_tokens").asInt()).isLessThanOrEqualTo(outTok);
            }
        }
        assertThat(statuses).contains(200, 429, 500, 400);
        assertThat(failed).isLessThan(events.size() / 10);
        assertThat(reasoningSeen).isPositive();
    }

    @Test
    void asnIsPresentOnPartOfTheEvents() {
        long with = events.stream().filter(e -> e.get("client").has("asn")).count();
        assertThat(with).isGreaterThan(events.size() / 4).isLessThan(events.size() * 3L / 4);
        for (JsonNode e : events) {
            assertThat(e.get("client").path("ip").asText()).matches("\\d+\\.\\d+\\.\\d+\\.\\d+");
        }
    }

    @Test
    void aModelIsReleasedMidWindowAndChasersMoveWithinADay() {
        long start = SimulationOptions.DEFAULT_START;
        long release = -1;
        for (JsonNode m : out.models) {
            if (m.get("model").asText().equals(Models.NEXT)) {
                release = millis(m.get("released_at"));
            }
        }
        assertThat(release).isBetween(start + 3 * Times.DAY, start + 11 * Times.DAY);
        long firstChaseOnNew = Long.MAX_VALUE;
        long firstAnyOnNew = Long.MAX_VALUE;
        for (JsonNode e : events) {
            if (!e.get("request").get("model").asText().equals(Models.NEXT)) {
                continue;
            }
            long ts = millis(e.get("ts"));
            assertThat(ts).isGreaterThanOrEqualTo(release - 3000);
            firstAnyOnNew = Math.min(firstAnyOnNew, ts);
            if (out.labels.get(e.get("account_id").asText()).persona().equals("release_chaser")) {
                firstChaseOnNew = Math.min(firstChaseOnNew, ts);
            }
        }
        assertThat(firstChaseOnNew - release).isLessThan(Times.DAY);
        assertThat(firstAnyOnNew).isLessThan(Long.MAX_VALUE);
    }

    @Test
    void eventsComeAfterTheAccountWasCreated() {
        Map<String, Long> created = new HashMap<>();
        for (JsonNode a : out.accounts) {
            created.put(a.get("account_id").asText(), millis(a.get("created_at")));
        }
        for (JsonNode e : events) {
            assertThat(millis(e.get("ts"))).isGreaterThan(created.get(e.get("account_id").asText()) - 3000);
        }
    }

    @Test
    void personasShowTheirDefiningBehaviour() {
        Map<String, JsonNode> acct = new HashMap<>();
        for (JsonNode a : out.accounts) {
            acct.put(a.get("account_id").asText(), a);
        }
        Map<String, Set<String>> endUsersByPersona = new TreeMap<>();
        Map<String, long[]> firstLast = new HashMap<>();
        for (JsonNode e : events) {
            String id = e.get("account_id").asText();
            String persona = out.labels.get(id).persona();
            JsonNode req = e.get("request");
            String user = e.has("end_user_id") ? e.get("end_user_id").asText()
                    : req.has("user") ? req.get("user").asText() : req.path("metadata").path("user_id").asText(null);
            if (user != null) {
                endUsersByPersona.computeIfAbsent(persona, k -> new HashSet<>()).add(user);
            }
            long ts = millis(e.get("ts"));
            firstLast.merge(id, new long[] {ts, ts}, (x, y) -> new long[] {Math.min(x[0], y[0]), Math.max(x[1], y[1])});
        }
        // SaaS backends declare many end users; resellers pass their customers through too
        assertThat(endUsersByPersona.get(Benign.SAAS)).hasSizeGreaterThan(100);
        assertThat(endUsersByPersona.get("reseller_hydra")).hasSizeGreaterThan(10);
        // a classroom: education accounts of one domain created within an hour
        Map<String, long[]> classSignups = new HashMap<>();
        Map<String, Set<String>> enterpriseCards = new HashMap<>();
        for (SimOutput.Label l : out.labels.values()) {
            JsonNode a = acct.get(l.accountId());
            long created = millis(a.get("created_at"));
            if (l.persona().equals(Benign.CLASS)) {
                assertThat(a.get("program").asText()).isEqualTo("education");
                classSignups.merge(a.get("email_domain").asText(), new long[] {created, created},
                        (x, y) -> new long[] {Math.min(x[0], y[0]), Math.max(x[1], y[1])});
            }
            if (l.persona().equals(Benign.ENTERPRISE)) {
                enterpriseCards.computeIfAbsent(a.get("payment_fingerprint").asText(), k -> new HashSet<>())
                        .add(l.accountId());
            }
        }
        assertThat(classSignups).isNotEmpty();
        classSignups.values().forEach(x -> assertThat(x[1] - x[0]).isLessThanOrEqualTo(Times.HOUR));
        assertThat(enterpriseCards.values()).allMatch(accounts -> accounts.size() >= 5);
        // hydra accounts are rotated: batches are active in different periods
        Set<Long> hydraStartDays = new HashSet<>();
        for (SimOutput.Label l : out.labels.values()) {
            if (l.persona().equals("reseller_hydra") && firstLast.containsKey(l.accountId())) {
                hydraStartDays.add((firstLast.get(l.accountId())[0] - SimulationOptions.DEFAULT_START) / Times.DAY);
            }
        }
        assertThat(hydraStartDays).hasSizeGreaterThanOrEqualTo(3);
    }
}
