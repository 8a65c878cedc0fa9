package io.distillguard.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class TimestampsTest {

    @Test
    void parsesRfc3339Forms() {
        assertThat(Timestamps.parseRfc3339("2026-02-10T03:14:07.120Z")).isEqualTo(1770693247120L);
        assertThat(Timestamps.parseRfc3339("2026-02-10t03:14:07.12z")).isEqualTo(1770693247120L);
        assertThat(Timestamps.parseRfc3339("2026-02-10 04:14:07.120999+01:00")).isEqualTo(1770693247120L);
        assertThat(Timestamps.parseRfc3339("2026-02-09T21:44:07.120-05:30")).isEqualTo(1770693247120L);
        assertThat(Timestamps.parseRfc3339("1969-12-31T23:59:59Z")).isEqualTo(-1000L);
        assertThat(Timestamps.parseRfc3339("2024-02-29T00:00:00Z")).isEqualTo(1709164800000L);
    }

    @Test
    void rejectsMalformed() {
        for (String s : new String[] {"2026-02-10T03:14:07", "2026-02-10", "2026-02-30T00:00:00Z",
            "2025-02-29T00:00:00Z", "2026-13-01T00:00:00Z", "2026-02-10T24:00:00Z", "2026-02-10T03:14:07.Z",
            "2026-02-10T03:14:07+0100", "2026-02-10T03:14:07+01:00x", "2026/02/10T03:14:07Z", "", "yesterday",
            "2026-02-10T03:14:07 Z", "+2026-02-10T03:14:07Z"}) {
            assertThat(Timestamps.parseRfc3339(s)).as(s).isEqualTo(Timestamps.INVALID);
        }
    }

    @Property(tries = 500)
    void agreesWithJavaTime(@ForAll @LongRange(min = -2_000_000_000_000L, max = 32_000_000_000_000L) long ms,
            @ForAll @IntRange(min = -18 * 60, max = 18 * 60) int offsetMinutes) {
        OffsetDateTime t = OffsetDateTime.ofInstant(java.time.Instant.ofEpochMilli(ms),
                java.time.ZoneOffset.ofTotalSeconds(offsetMinutes * 60));
        String s = String.format("%04d-%02d-%02dT%02d:%02d:%02d.%03d%s", t.getYear(), t.getMonthValue(),
                t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond(), t.getNano() / 1_000_000,
                offsetMinutes == 0 ? "Z" : t.getOffset().getId());
        assertThat(Timestamps.parseRfc3339(s)).as(s).isEqualTo(ms);
    }
}
