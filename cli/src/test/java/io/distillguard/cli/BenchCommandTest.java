package io.distillguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.distillguard.format.ExchangeLogReader;
import io.distillguard.format.ReadStats;
import io.distillguard.format.RejectSink;
import io.distillguard.model.Api;
import io.distillguard.model.Exchange;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchCommandTest {

    @TempDir
    Path dir;

    @Test
    void generatedEventsAreValidVariedAndDeterministic() throws Exception {
        Path a = dir.resolve("a.jsonl");
        Path b = dir.resolve("b.jsonl");
        Path c = dir.resolve("c.jsonl.gz");
        assertThat(CliTestSupport.run("bench", "gen-events", "--lines", "3000", "--out", a.toString(), "--seed", "5").exit)
                .isZero();
        CliTestSupport.run("bench", "gen-events", "--lines", "3000", "--out", b.toString(), "--seed", "5");
        CliTestSupport.run("bench", "gen-events", "--lines", "3000", "--out", c.toString(), "--seed", "6");
        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));

        Map<Api, Integer> shapes = new EnumMap<>(Api.class);
        int[] tools = {0};
        int[] reasoning = {0};
        ReadStats s = ExchangeLogReader.builder().build().readEvents(a, (Exchange e) -> {
            shapes.merge(e.api(), 1, Integer::sum);
            tools[0] += e.toolResultCount() > 0 ? 1 : 0;
            reasoning[0] += e.reasoning().requested() ? 1 : 0;
        }, r -> {
            throw new AssertionError("generated line rejected: " + r);
        });
        assertThat(s.accepted()).isEqualTo(3000);
        assertThat(shapes).containsOnlyKeys(Api.values());
        assertThat(shapes.values()).allSatisfy(n -> assertThat(n).isGreaterThan(300));
        assertThat(tools[0]).isGreaterThan(100);
        assertThat(reasoning[0]).isGreaterThan(300);
        ReadStats gz = ExchangeLogReader.builder().build().readEvents(c, e -> { }, RejectSink.NONE);
        assertThat(gz.accepted()).isEqualTo(3000);
    }

    @Test
    void badEveryInjectsEachKindOfBadLine() throws Exception {
        Path f = dir.resolve("events.jsonl");
        CliTestSupport.run("bench", "gen-events", "--lines", "1000", "--out", f.toString(), "--bad-every", "10");
        ReadStats s = ExchangeLogReader.builder().build().readEvents(f, e -> { }, RejectSink.NONE);
        assertThat(s.totalLines()).isEqualTo(1000);
        assertThat(s.duplicates()).isEqualTo(20);
        assertThat(s.rejectsByReason()).containsOnlyKeys("not_json", "missing_field", "bad_timestamp", "too_deep");
        assertThat(s.rejected()).isEqualTo(80);
    }

    @Test
    void benchReadReportsBothThroughputsAndTheRatio() throws Exception {
        Path f = dir.resolve("events.jsonl");
        CliTestSupport.run("bench", "gen-events", "--lines", "500", "--out", f.toString());
        CliTestSupport r = CliTestSupport.run("bench", "read", f.toString(), "--runs", "2", "--warmup", "0");
        assertThat(r.exit).isZero();
        assertThat(r.out).contains("bare jackson parse:", "full reader:", "ratio reader/bare:", "500 lines, 500 accepted");
    }

    @Test
    void benchGroupListsItsCommands() {
        CliTestSupport r = CliTestSupport.run("bench", "--help");
        assertThat(r.exit).isZero();
        assertThat(r.out).contains("read", "gen-events", "scan");
    }

    @Test
    void medianOfRuns() {
        assertThat(BenchCommand.Read.median(new double[] {3, 1, 2})).isEqualTo(2);
        assertThat(BenchCommand.Read.median(new double[] {4, 1, 2, 3})).isEqualTo(2.5);
    }
}
