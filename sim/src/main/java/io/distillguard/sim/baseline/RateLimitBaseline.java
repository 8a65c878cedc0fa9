package io.distillguard.sim.baseline;

import io.distillguard.findings.AccountFinding;
import io.distillguard.findings.Evidence;
import io.distillguard.findings.Findings;
import io.distillguard.model.Exchange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-account rate limits, the control providers already have: an account is flagged when it ever
 * exceeds one of its limits (requests in a rolling minute, tokens in a rolling minute, tokens in a
 * rolling day).
 *
 * <p>Score: the account's peak utilisation, the largest {@code observed / limit} over all enabled
 * limits and all times, capped to 1 (so an account exactly at its limit scores 1 but is not flagged).
 * First-flag time: the event that first pushed a window over its limit. Windows are kept at 1-second
 * resolution for the per-minute limits and 15-minute resolution for the daily one (see
 * {@link RollingWindow}); a request is counted against the limits whatever its status, since the log
 * shows traffic the gateway let through. Memory per account: about 1.3 KB, 2 KB with a token-per-minute
 * limit. One pass.
 */
public final class RateLimitBaseline implements BaselineDetector {

    /**
     * The limits; 0 disables a limit.
     *
     * @param requestsPerMinute requests in any rolling minute, &gt;= 0
     * @param tokensPerMinute input + output tokens in any rolling minute, &gt;= 0
     * @param tokensPerDay input + output tokens in any rolling 24 hours, &gt;= 0
     */
    public record Limits(long requestsPerMinute, long tokensPerMinute, long tokensPerDay) {
        /**
         * Tier-1-like defaults: 500 requests per minute (OpenAI's published tier-1 RPM for its main
         * models) and 2,000,000 tokens per rolling day; no per-minute token limit.
         */
        public static final Limits DEFAULT = new Limits(500, 0, 2_000_000);

        public Limits {
            if (requestsPerMinute < 0 || tokensPerMinute < 0 || tokensPerDay < 0) {
                throw new IllegalArgumentException("limits must be >= 0");
            }
            if (requestsPerMinute == 0 && tokensPerMinute == 0 && tokensPerDay == 0) {
                throw new IllegalArgumentException("at least one limit must be enabled");
            }
        }
    }

    private static final long MINUTE = 60_000L;

    private final Limits limits;

    public RateLimitBaseline(Limits limits) {
        this.limits = java.util.Objects.requireNonNull(limits, "limits");
    }

    @Override
    public String name() {
        return "baseline:rate-limit";
    }

    @Override
    public Findings detect(EventSource events) throws IOException {
        Map<String, State> accounts = new LinkedHashMap<>();
        long[] total = new long[1];
        events.forEach(e -> {
            total[0]++;
            accounts.computeIfAbsent(e.accountId(), State::new).accept(e);
        });
        List<AccountFinding> out = new ArrayList<>(accounts.size());
        int flagged = 0;
        for (State s : accounts.values()) {
            AccountFinding f = s.finding();
            flagged += f.flagged() ? 1 : 0;
            out.add(f);
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("events", total[0]);
        summary.put("accounts", (long) accounts.size());
        summary.put("flagged_accounts", (long) flagged);
        summary.put("limit_requests_per_minute", limits.requestsPerMinute());
        summary.put("limit_tokens_per_minute", limits.tokensPerMinute());
        summary.put("limit_tokens_per_day", limits.tokensPerDay());
        return new Findings(name(), out, List.of(), summary);
    }

    private final class State extends AccountTally {
        final RollingWindow rpm = limits.requestsPerMinute() > 0 ? new RollingWindow(60, 1_000L) : null;
        final RollingWindow tpm = limits.tokensPerMinute() > 0 ? new RollingWindow(60, 1_000L) : null;
        final RollingWindow tpd = limits.tokensPerDay() > 0 ? new RollingWindow(96, 15 * MINUTE) : null;
        long peakRpm;
        long peakTpm;
        long peakTpd;

        State(String accountId) {
            super(accountId);
        }

        void accept(Exchange e) {
            count(e);
            long tokens = tokens(e);
            boolean over = false;
            if (rpm != null) {
                long v = rpm.add(e.tsMillis(), 1);
                peakRpm = Math.max(peakRpm, v);
                over |= v > limits.requestsPerMinute();
            }
            if (tpm != null) {
                long v = tpm.add(e.tsMillis(), tokens);
                peakTpm = Math.max(peakTpm, v);
                over |= v > limits.tokensPerMinute();
            }
            if (tpd != null) {
                long v = tpd.add(e.tsMillis(), tokens);
                peakTpd = Math.max(peakTpd, v);
                over |= v > limits.tokensPerDay();
            }
            if (over) {
                flagAt(e.tsMillis());
            }
        }

        AccountFinding finding() {
            List<Evidence> ev = new ArrayList<>();
            double util = 0;
            if (rpm != null) {
                double u = (double) peakRpm / limits.requestsPerMinute();
                util = Math.max(util, u);
                ev.add(new Evidence("peak_requests_per_minute", peakRpm, limits.requestsPerMinute(), Math.min(1, u),
                        "requests_per_minute", "peak " + peakRpm + " requests in a rolling minute; limit "
                                + limits.requestsPerMinute()));
            }
            if (tpm != null) {
                double u = (double) peakTpm / limits.tokensPerMinute();
                util = Math.max(util, u);
                ev.add(new Evidence("peak_tokens_per_minute", peakTpm, limits.tokensPerMinute(), Math.min(1, u),
                        "tokens_per_minute", "peak " + peakTpm + " tokens in a rolling minute; limit "
                                + limits.tokensPerMinute()));
            }
            if (tpd != null) {
                double u = (double) peakTpd / limits.tokensPerDay();
                util = Math.max(util, u);
                ev.add(new Evidence("peak_tokens_per_day", peakTpd, limits.tokensPerDay(), Math.min(1, u),
                        "tokens_per_day", "peak " + peakTpd + " tokens in a rolling day; limit "
                                + limits.tokensPerDay()));
            }
            ev.sort(Comparator.comparingDouble(Evidence::weight).reversed().thenComparing(Evidence::signal));
            return new AccountFinding(accountId, Math.min(1, util), firstFlagMillis != null, null, firstFlagMillis,
                    exchangesAtFlag, exchanges, ev);
        }
    }
}
