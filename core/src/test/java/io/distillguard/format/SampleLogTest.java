package io.distillguard.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.distillguard.model.Api;
import io.distillguard.model.Exchange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The hand-written sample in examples/sample reads as documented in the README. */
class SampleLogTest {

    static Path sampleDir() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("mvnw"))) {
            p = p.getParent();
        }
        assertThat(p).as("repository root").isNotNull();
        return p.resolve("examples/sample");
    }

    @Test
    void sampleEventsCoverEveryShapeAndKnownRejects() throws IOException {
        List<Exchange> got = new ArrayList<>();
        List<Rejection> rej = new ArrayList<>();
        ReadStats s = ExchangeLogReader.builder().build().readEvents(sampleDir().resolve("events.jsonl"), got::add,
                rej::add);
        assertThat(s.accepted() + s.rejected() + s.blank() + s.duplicates()).isEqualTo(s.totalLines());
        assertThat(s.duplicates()).isEqualTo(1);
        assertThat(s.blank()).isEqualTo(1);
        assertThat(rej).extracting(Rejection::reason)
                .containsExactlyInAnyOrder("not_json", "missing_field", "bad_timestamp", "wrong_type", "unknown_api");
        Map<Api, Long> byApi = got.stream().collect(Collectors.groupingBy(Exchange::api, Collectors.counting()));
        assertThat(byApi).containsOnlyKeys(Api.values());
        assertThat(got).allSatisfy(e -> assertThat(e.id()).startsWith("req_"));
        assertThat(got).anySatisfy(e -> assertThat(e.toolResultCount()).isGreaterThan(1));
        assertThat(got).anySatisfy(e -> assertThat(e.turns()).isEmpty());
        assertThat(got).filteredOn(e -> e.id().equals("req_agent_3")).singleElement()
                .satisfies(e -> {
                    assertThat(e.api()).as("inferred").isEqualTo(Api.ANTHROPIC_MESSAGES);
                    assertThat(e.lastUserText()).isEqualTo("Great, also add a test for 1900.");
                });
    }

    @Test
    void sampleAccountsAndModels() throws IOException {
        ExchangeLogReader r = ExchangeLogReader.builder().build();
        List<Object> accounts = new ArrayList<>();
        ReadStats a = r.readAccounts(sampleDir().resolve("accounts.jsonl"), accounts::add, RejectSink.NONE);
        assertThat(a.accepted()).isEqualTo(11);
        assertThat(a.rejectsByReason()).isEqualTo(Map.of("wrong_type", 1L));
        ReadStats m = r.readModels(sampleDir().resolve("models.jsonl"), x -> { }, RejectSink.NONE);
        assertThat(m.accepted()).isEqualTo(4);
    }
}
