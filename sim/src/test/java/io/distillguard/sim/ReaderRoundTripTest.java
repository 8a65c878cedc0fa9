package io.distillguard.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.distillguard.format.ExchangeLogReader;
import io.distillguard.format.ReadStats;
import io.distillguard.format.RejectSink;
import io.distillguard.format.Rejection;
import io.distillguard.model.Api;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulator's output read back with the project's own exchange-log reader. */
class ReaderRoundTripTest {

    private final ExchangeLogReader reader = ExchangeLogReader.builder().build();

    @Test
    void defaultOutputPassesTheReaderWithZeroRejects(@TempDir Path dir) throws IOException {
        SimulationSummary s = Simulator.run(SimulationOptions.defaults().withSeed(11).withScale(0.05).withDays(6)
                .withGzip(true), dir);
        List<Rejection> rejects = new ArrayList<>();
        Map<Api, Integer> apis = new EnumMap<>(Api.class);
        Set<String> accountsInEvents = new HashSet<>();
        int[] reasoning = new int[1];
        int[] toolResults = new int[1];
        ReadStats ev = reader.readEvents(dir.resolve("events.jsonl.gz"), e -> {
            apis.merge(e.api(), 1, Integer::sum);
            accountsInEvents.add(e.accountId());
            if (e.reasoning().requested()) {
                reasoning[0]++;
            }
            toolResults[0] += e.toolResultCount();
            assertThat(e.lastUserText()).as("last user text of %s", e.id()).isNotEmpty();
        }, rejects::add);
        assertThat(rejects).isEmpty();
        assertThat(ev.rejected()).isZero();
        assertThat(ev.accepted() + ev.duplicates()).isEqualTo(s.events());
        assertThat(ev.duplicates()).isEqualTo(s.duplicates());
        assertThat(apis).containsKeys(Api.values());
        assertThat(reasoning[0]).isPositive();
        assertThat(toolResults[0]).isPositive();

        Set<String> accounts = new HashSet<>();
        ReadStats ac = reader.readAccounts(dir.resolve("accounts.jsonl"), a -> accounts.add(a.accountId()), rejects::add);
        assertThat(ac.rejected()).isZero();
        assertThat(accounts).containsAll(accountsInEvents).hasSize(s.accounts());
        List<String> models = new ArrayList<>();
        ReadStats mo = reader.readModels(dir.resolve("models.jsonl"), m -> models.add(m.model()), rejects::add);
        assertThat(mo.rejected()).isZero();
        assertThat(models).containsExactly(Models.MAIN, Models.MINI, Models.NEXT);
        assertThat(rejects).isEmpty();
    }

    @Test
    void noiseLinesAreTheOnlyRejects(@TempDir Path dir) throws IOException {
        SimulationSummary s = Simulator.run(SimulationOptions.defaults().withSeed(12).withScale(0.03).withDays(3)
                .withNoiseRate(0.02), dir);
        ReadStats ev = reader.readEvents(dir.resolve("events.jsonl"), e -> { }, RejectSink.NONE);
        assertThat(s.malformed()).isPositive();
        assertThat(ev.rejected()).isEqualTo(s.malformed());
        assertThat(ev.accepted() + ev.duplicates()).isEqualTo(s.events());
    }
}
