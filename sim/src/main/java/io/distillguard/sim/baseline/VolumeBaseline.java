package io.distillguard.sim.baseline;

import io.distillguard.findings.AccountFinding;
import io.distillguard.findings.Evidence;
import io.distillguard.findings.Findings;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-account volume anomaly: the robust ("modified") z-score of each account's exchange count and
 * token count against all accounts, {@code z = (x - median) / (1.4826 MAD)} (Iglewicz and Hoaglin
 * 1993, "How to Detect and Handle Outliers"; 1.4826 MAD estimates the standard deviation of normal
 * data). An account is flagged when either z exceeds the threshold (3.5 by default, their
 * recommendation). Only high volume is suspicious, so the test is one-sided. When MAD is 0 (more than
 * half the accounts share one value) the scale falls back to {@code 1.2533 * mean absolute deviation};
 * when that is 0 too, every account has the same volume and none is flagged.
 *
 * <p>Score: {@code z+ / (z+ + threshold)} with {@code z+ = max(0, z)} over the two measures, so the
 * score is 0.5 exactly at the threshold and rises towards 1. First-flag time: the event at which the
 * account's running count first crossed the value that z = threshold corresponds to; the threshold
 * itself uses the whole period, so these times are optimistic for this baseline. Two passes (totals,
 * then timing); per-account state is a few counters.
 */
public final class VolumeBaseline implements BaselineDetector {

    /**
     * @param threshold robust z above which an account is flagged, &gt; 0 (default 3.5)
     * @param logScale score {@code log(1 + x)} instead of x, which tames heavy-tailed volumes
     */
    public record Config(double threshold, boolean logScale) {
        /** z &gt; 3.5 on raw counts. */
        public static final Config DEFAULT = new Config(3.5, false);

        public Config {
            if (!(threshold > 0) || Double.isInfinite(threshold)) {
                throw new IllegalArgumentException("threshold must be > 0: " + threshold);
            }
        }
    }

    private final Config config;

    public VolumeBaseline(Config config) {
        this.config = java.util.Objects.requireNonNull(config, "config");
    }

    @Override
    public String name() {
        return "baseline:volume";
    }

    @Override
    public Findings detect(EventSource events) throws IOException {
        Map<String, AccountTally> accounts = new LinkedHashMap<>();
        long[] total = new long[1];
        events.forEach(e -> {
            total[0]++;
            accounts.computeIfAbsent(e.accountId(), AccountTally::new).count(e);
        });
        int n = accounts.size();
        double[] exch = new double[n];
        double[] tok = new double[n];
        int i = 0;
        for (AccountTally t : accounts.values()) {
            exch[i] = transform(t.exchanges);
            tok[i] = transform(t.tokens);
            i++;
        }
        Robust re = Robust.of(exch);
        Robust rt = Robust.of(tok);
        // the raw counts that z = threshold corresponds to; a running count crosses them exactly once
        double exchLimit = untransform(re.at(config.threshold()));
        double tokLimit = untransform(rt.at(config.threshold()));

        Map<String, long[]> running = new LinkedHashMap<>(); // exchanges, tokens so far
        boolean anyFlagged = false;
        for (AccountTally t : accounts.values()) {
            if (re.z(transform(t.exchanges)) > config.threshold() || rt.z(transform(t.tokens)) > config.threshold()) {
                running.put(t.accountId, new long[2]);
                anyFlagged = true;
            }
        }
        if (anyFlagged) {
            events.forEach(e -> {
                long[] r = running.get(e.accountId());
                if (r == null) {
                    return;
                }
                r[0]++;
                r[1] += AccountTally.tokens(e);
                AccountTally t = accounts.get(e.accountId());
                if (t.firstFlagMillis == null && (r[0] > exchLimit || r[1] > tokLimit)) {
                    t.firstFlagMillis = e.tsMillis();
                    t.exchangesAtFlag = r[0];
                }
            });
        }
        List<AccountFinding> out = new ArrayList<>(n);
        int flagged = 0;
        for (AccountTally t : accounts.values()) {
            double ze = re.z(transform(t.exchanges));
            double zt = rt.z(transform(t.tokens));
            boolean flag = running.containsKey(t.accountId);
            flagged += flag ? 1 : 0;
            double z = Math.max(0, Math.max(ze, zt));
            double score = z / (z + config.threshold());
            List<Evidence> ev = new ArrayList<>(2);
            ev.add(new Evidence("exchange_volume", t.exchanges, exchLimit, Math.max(0, ze) / (Math.max(0, ze)
                    + config.threshold()), "exchanges", String.format(java.util.Locale.ROOT,
                    "%d exchanges, robust z %.2f (median %.1f over %d accounts); flagged above %.1f", t.exchanges, ze,
                    untransform(re.median), n, exchLimit)));
            ev.add(new Evidence("token_volume", t.tokens, tokLimit, Math.max(0, zt) / (Math.max(0, zt)
                    + config.threshold()), "tokens", String.format(java.util.Locale.ROOT,
                    "%d tokens, robust z %.2f (median %.1f over %d accounts); flagged above %.1f", t.tokens, zt,
                    untransform(rt.median), n, tokLimit)));
            ev.sort(Comparator.comparingDouble(Evidence::weight).reversed().thenComparing(Evidence::signal));
            out.add(new AccountFinding(t.accountId, score, flag, null, flag ? t.firstFlagMillis : null,
                    flag ? t.exchangesAtFlag : -1, t.exchanges, ev));
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("events", total[0]);
        summary.put("accounts", (long) n);
        summary.put("flagged_accounts", (long) flagged);
        summary.put("z_threshold", config.threshold());
        summary.put("log_scale", config.logScale());
        summary.put("exchanges_median", untransform(re.median));
        summary.put("exchanges_flag_above", exchLimit);
        summary.put("tokens_median", untransform(rt.median));
        summary.put("tokens_flag_above", tokLimit);
        return new Findings(name(), out, List.of(), summary);
    }

    private double transform(long x) {
        return config.logScale() ? Math.log1p(x) : x;
    }

    private double untransform(double x) {
        return config.logScale() ? Math.expm1(x) : x;
    }

    /** Median and robust scale of a sample. */
    static final class Robust {
        final double median;
        final double scale; // 0 when every value is equal

        private Robust(double median, double scale) {
            this.median = median;
            this.scale = scale;
        }

        static Robust of(double[] values) {
            if (values.length == 0) {
                return new Robust(0, 0);
            }
            double med = median(values.clone());
            double[] dev = new double[values.length];
            double meanAbs = 0;
            for (int i = 0; i < values.length; i++) {
                dev[i] = Math.abs(values[i] - med);
                meanAbs += dev[i];
            }
            meanAbs /= values.length;
            double mad = median(dev);
            double scale = mad > 0 ? 1.4826 * mad : 1.2533 * meanAbs;
            return new Robust(med, scale);
        }

        /** Robust z of x; 0 when the scale is 0 (nothing stands out). */
        double z(double x) {
            return scale > 0 ? (x - median) / scale : 0;
        }

        /** The value whose z is {@code z}; +infinity when the scale is 0. */
        double at(double z) {
            return scale > 0 ? median + z * scale : Double.POSITIVE_INFINITY;
        }

        private static double median(double[] v) {
            Arrays.sort(v);
            int n = v.length;
            return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
        }
    }
}
