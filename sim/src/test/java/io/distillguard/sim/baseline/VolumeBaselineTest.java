package io.distillguard.sim.baseline;

import static io.distillguard.sim.baseline.Events.MINUTE;
import static io.distillguard.sim.baseline.Events.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.distillguard.findings.AccountFinding;
import io.distillguard.findings.Findings;
import io.distillguard.model.Exchange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VolumeBaselineTest {

    private static List<Exchange> traffic(int[] counts) {
        List<Exchange> ev = new ArrayList<>();
        int max = 0;
        for (int c : counts) {
            max = Math.max(max, c);
        }
        for (int i = 0; i < max; i++) { // interleaved in time, one round per minute
            for (int a = 0; a < counts.length; a++) {
                if (i < counts[a]) {
                    ev.add(Events.of("acct" + a, T0 + i * MINUTE, "p", 60, 40));
                }
            }
        }
        return ev;
    }

    @Test
    void flagsTheRobustOutlierAndTimesTheCrossing() throws Exception {
        // 10 accounts with 10 exchanges, 5 with 9, 5 with 11, one with 100.
        // median 10, MAD 1 -> scale 1.4826; flagged above 10 + 3.5 * 1.4826 = 15.19 exchanges
        int[] counts = new int[21];
        for (int i = 0; i < 21; i++) {
            counts[i] = i < 10 ? 10 : i < 15 ? 9 : i < 20 ? 11 : 100;
        }
        Findings f = new VolumeBaseline(VolumeBaseline.Config.DEFAULT).detect(EventSource.of(traffic(counts)));
        Map<String, AccountFinding> a = RateLimitBaselineTest.byId(f);
        AccountFinding heavy = a.get("acct20");
        assertThat(heavy.flagged()).isTrue();
        double z = 90 / 1.4826;
        assertThat(heavy.score()).isCloseTo(z / (z + 3.5), within(1e-12));
        assertThat(heavy.firstFlagMillis()).isEqualTo(T0 + 15 * MINUTE); // its 16th exchange
        assertThat(heavy.exchangesAtFlag()).isEqualTo(16);
        assertThat(heavy.evidence().get(0).baseline()).isCloseTo(10 + 3.5 * 1.4826, within(1e-9));
        for (int i = 0; i < 20; i++) {
            assertThat(a.get("acct" + i).flagged()).as("acct" + i).isFalse();
            assertThat(a.get("acct" + i).score()).isLessThan(0.5);
        }
        assertThat(a.get("acct0").score()).isZero(); // at the median
        assertThat(f.summary()).containsEntry("flagged_accounts", 1L);
    }

    @Test
    void madOfZeroFallsBackToMeanAbsoluteDeviation() throws Exception {
        // 15 at 10, 4 at 12, 1 at 50: MAD 0; mean |dev| = (4*2 + 40) / 20 = 2.4 -> scale 3.008;
        // limit 10 + 3.5 * 3.008 = 20.5
        int[] counts = new int[20];
        for (int i = 0; i < 20; i++) {
            counts[i] = i < 15 ? 10 : i < 19 ? 12 : 50;
        }
        Map<String, AccountFinding> a = RateLimitBaselineTest.byId(
                new VolumeBaseline(VolumeBaseline.Config.DEFAULT).detect(EventSource.of(traffic(counts))));
        assertThat(a.get("acct19").flagged()).isTrue();
        assertThat(a.get("acct19").exchangesAtFlag()).isEqualTo(21);
        assertThat(a.get("acct15").flagged()).isFalse();
    }

    @Test
    void identicalVolumesFlagNobody() throws Exception {
        Findings f = new VolumeBaseline(VolumeBaseline.Config.DEFAULT).detect(EventSource.of(traffic(
                new int[] {5, 5, 5, 5})));
        assertThat(f.accounts()).allSatisfy(x -> {
            assertThat(x.flagged()).isFalse();
            assertThat(x.score()).isZero();
        });
    }

    @Test
    void logScaleDampsHeavyTails() throws Exception {
        // on log scale 20 vs a median of 10 is z = (ln 21 - ln 11) / (1.4826 * MAD) and no longer extreme
        int[] counts = {10, 10, 10, 9, 11, 9, 11, 20};
        Map<String, AccountFinding> raw = RateLimitBaselineTest.byId(
                new VolumeBaseline(VolumeBaseline.Config.DEFAULT).detect(EventSource.of(traffic(counts))));
        Map<String, AccountFinding> log = RateLimitBaselineTest.byId(
                new VolumeBaseline(new VolumeBaseline.Config(3.5, true)).detect(EventSource.of(traffic(counts))));
        assertThat(raw.get("acct7").flagged()).isTrue();
        assertThat(log.get("acct7").score()).isLessThan(raw.get("acct7").score());
    }
}
