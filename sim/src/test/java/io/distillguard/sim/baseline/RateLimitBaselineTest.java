package io.distillguard.sim.baseline;

import static io.distillguard.sim.baseline.Events.HOUR;
import static io.distillguard.sim.baseline.Events.MINUTE;
import static io.distillguard.sim.baseline.Events.SECOND;
import static io.distillguard.sim.baseline.Events.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.distillguard.findings.AccountFinding;
import io.distillguard.findings.Findings;
import io.distillguard.model.Exchange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RateLimitBaselineTest {

    static Map<String, AccountFinding> byId(Findings f) {
        return f.accounts().stream().collect(Collectors.toMap(AccountFinding::accountId, Function.identity()));
    }

    @Test
    void flagsTheRequestThatExceedsRequestsPerMinute() throws Exception {
        List<Exchange> ev = new ArrayList<>();
        for (int i = 0; i < 501; i++) { // 501 requests in 50 seconds
            ev.add(Events.of("burst", T0 + i * 100L));
        }
        for (int i = 0; i < 500; i++) { // exactly at the limit: not over it
            ev.add(Events.of("atLimit", T0 + i * 100L));
        }
        for (int h = 0; h < 3; h++) { // 400 per minute, every hour
            for (int i = 0; i < 400; i++) {
                ev.add(Events.of("steady", T0 + h * HOUR + i * 150L));
            }
        }
        ev.sort(Comparator.comparingLong(Exchange::tsMillis));
        Findings f = new RateLimitBaseline(RateLimitBaseline.Limits.DEFAULT).detect(EventSource.of(ev));
        Map<String, AccountFinding> a = byId(f);
        assertThat(f.detector()).isEqualTo("baseline:rate-limit");
        assertThat(f.clusters()).isEmpty();

        AccountFinding burst = a.get("burst");
        assertThat(burst.flagged()).isTrue();
        assertThat(burst.score()).isEqualTo(1.0);
        assertThat(burst.firstFlagMillis()).isEqualTo(T0 + 500 * 100L);
        assertThat(burst.exchangesAtFlag()).isEqualTo(501);
        assertThat(burst.clusterId()).isNull();
        assertThat(burst.evidence().get(0).signal()).isEqualTo("peak_requests_per_minute");
        assertThat(burst.evidence().get(0).value()).isEqualTo(501);
        assertThat(burst.evidence().get(0).baseline()).isEqualTo(500);

        assertThat(a.get("atLimit").flagged()).isFalse();
        assertThat(a.get("atLimit").score()).isEqualTo(1.0);
        assertThat(a.get("atLimit").firstFlagMillis()).isNull();

        assertThat(a.get("steady").flagged()).isFalse();
        assertThat(a.get("steady").score()).isCloseTo(400 / 500.0, within(1e-12));
        assertThat(a.get("steady").exchanges()).isEqualTo(1200);
        assertThat(f.summary()).containsEntry("flagged_accounts", 1L);
    }

    @Test
    void tokensPerRollingDay() throws Exception {
        List<Exchange> ev = List.of(
                Events.of("heavy", T0, "x", 500_000, 500_000),
                Events.of("spread", T0, "x", 1_000_000, 500_000),
                Events.of("heavy", T0 + HOUR, "x", 500_000, 500_000),
                Events.of("heavy", T0 + 2 * HOUR, "x", 1, 0), // 2,000,001 tokens within the day
                Events.of("spread", T0 + 25 * HOUR, "x", 1_000_000, 500_000)); // a day later: window emptied
        Map<String, AccountFinding> a = byId(new RateLimitBaseline(RateLimitBaseline.Limits.DEFAULT)
                .detect(EventSource.of(ev)));
        assertThat(a.get("heavy").flagged()).isTrue();
        assertThat(a.get("heavy").firstFlagMillis()).isEqualTo(T0 + 2 * HOUR);
        assertThat(a.get("heavy").exchangesAtFlag()).isEqualTo(3);
        assertThat(a.get("heavy").evidence().get(0).signal()).isEqualTo("peak_tokens_per_day");
        assertThat(a.get("spread").flagged()).isFalse();
        assertThat(a.get("spread").score()).isCloseTo(0.75, within(1e-12));
    }

    @Test
    void tokensPerMinuteWhenEnabled() throws Exception {
        List<Exchange> ev = List.of(Events.of("x", T0, "p", 20_000, 5_000), Events.of("x", T0 + 30 * SECOND, "p", 20_000,
                0), Events.of("x", T0 + 3 * MINUTE, "p", 40_000, 0));
        RateLimitBaseline b = new RateLimitBaseline(new RateLimitBaseline.Limits(0, 40_000, 0));
        AccountFinding x = b.detect(EventSource.of(ev)).accounts().get(0);
        assertThat(x.flagged()).isTrue();
        assertThat(x.firstFlagMillis()).isEqualTo(T0 + 30 * SECOND); // 45,000 > 40,000
        assertThat(x.evidence()).hasSize(1);
        assertThatThrownBy(() -> new RateLimitBaseline.Limits(0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimitBaseline.Limits(-1, 0, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rollingWindowDropsSlotsThatLeaveTheWindow() {
        RollingWindow w = new RollingWindow(60, 1_000);
        assertThat(w.add(0, 1)).isEqualTo(1);
        assertThat(w.add(59_999, 1)).isEqualTo(2);
        assertThat(w.add(60_000, 1)).isEqualTo(2); // slot 0 left the window
        assertThat(w.add(59_000, 1)).isEqualTo(3); // late but still inside: counted
        assertThat(w.add(500, 1)).isEqualTo(3); // late and outside: ignored
        assertThat(w.add(10 * 60_000, 5)).isEqualTo(5); // a long gap clears everything
    }
}
