package io.distillguard.sim;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What to simulate.
 *
 * @param seed master seed; the same options give the same bytes
 * @param scale multiplies account counts (and so volume), in (0, 100]
 * @param days window length in days, 1..365
 * @param startMillis window start, epoch ms UTC
 * @param promptsDir folder of prompt pools in the shared layout, or null for the shipped sample
 * @param gzip write {@code events.jsonl.gz} instead of {@code events.jsonl}
 * @param noiseRate share of events followed by a deliberately malformed line, in [0, 0.5]; 0 for clean
 *     output that a reader accepts without a single reject
 * @param attacks the attack campaigns, never null
 */
public record SimulationOptions(long seed, double scale, int days, long startMillis, Path promptsDir, boolean gzip,
        double noiseRate, AttackConfig attacks) {

    /** 2026-02-02T00:00:00Z, a Monday. */
    public static final long DEFAULT_START = 1769990400000L;

    public SimulationOptions {
        Objects.requireNonNull(attacks, "attacks");
        if (!(scale > 0 && scale <= 100)) {
            throw new IllegalArgumentException("scale must be in (0, 100], got " + scale);
        }
        if (days < 1 || days > 365) {
            throw new IllegalArgumentException("days must be in 1..365, got " + days);
        }
        if (!(noiseRate >= 0 && noiseRate <= 0.5)) {
            throw new IllegalArgumentException("noise rate must be in [0, 0.5], got " + noiseRate);
        }
    }

    /** Seed 1, scale 1, 14 days from {@link #DEFAULT_START}, shipped prompts, plain output, no noise, default attacks. */
    public static SimulationOptions defaults() {
        return new SimulationOptions(1L, 1.0, 14, DEFAULT_START, null, false, 0.0, AttackConfig.defaults());
    }

    public SimulationOptions withSeed(long s) {
        return new SimulationOptions(s, scale, days, startMillis, promptsDir, gzip, noiseRate, attacks);
    }

    public SimulationOptions withScale(double s) {
        return new SimulationOptions(seed, s, days, startMillis, promptsDir, gzip, noiseRate, attacks);
    }

    public SimulationOptions withDays(int d) {
        return new SimulationOptions(seed, scale, d, startMillis, promptsDir, gzip, noiseRate, attacks);
    }

    public SimulationOptions withPromptsDir(Path p) {
        return new SimulationOptions(seed, scale, days, startMillis, p, gzip, noiseRate, attacks);
    }

    public SimulationOptions withGzip(boolean g) {
        return new SimulationOptions(seed, scale, days, startMillis, promptsDir, g, noiseRate, attacks);
    }

    public SimulationOptions withNoiseRate(double n) {
        return new SimulationOptions(seed, scale, days, startMillis, promptsDir, gzip, n, attacks);
    }

    public SimulationOptions withAttacks(AttackConfig a) {
        return new SimulationOptions(seed, scale, days, startMillis, promptsDir, gzip, noiseRate, a);
    }
}
