package io.distillguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressTest {

    private long now;

    private Progress progress(ByteArrayOutputStream sink, boolean enabled) {
        now = 0;
        return new Progress(new PrintStream(sink, true, StandardCharsets.UTF_8), enabled, 100_000_000L, "lines",
                () -> now, Progress.DEFAULT_DELAY_NANOS);
    }

    @Test
    void silentForShortRunsThenShowsRateAndEta() {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        Progress p = progress(sink, true);
        now = 1_000_000_000L;
        p.update(10_000_000L, 50_000);
        assertThat(sink.size()).as("nothing before 2 s").isZero();
        now = 4_000_000_000L;
        p.update(40_000_000L, 200_000);
        String shown = sink.toString(StandardCharsets.UTF_8);
        assertThat(shown).startsWith("\r").contains("40.0 MB / 100.0 MB (40%)", "50,000 lines/s", "ETA 0:06");
        now = 4_100_000_000L;
        p.update(41_000_000L, 201_000);
        assertThat(sink.toString(StandardCharsets.UTF_8)).as("throttled").isEqualTo(shown);
        p.finish();
        assertThat(sink.toString(StandardCharsets.UTF_8)).endsWith(System.lineSeparator());
    }

    @Test
    void disabledPrintsNothing() {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        Progress p = progress(sink, false);
        now = 10_000_000_000L;
        p.update(50_000_000L, 1);
        p.finish();
        assertThat(sink.size()).isZero();
    }

    @Test
    void formatsDurations() {
        assertThat(Progress.duration(59)).isEqualTo("0:59");
        assertThat(Progress.duration(3_725)).isEqualTo("1:02:05");
    }
}
