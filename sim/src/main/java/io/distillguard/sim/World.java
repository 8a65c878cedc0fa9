package io.distillguard.sim;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/** Everything personas share while the population is built: window, pools, networks, accounts, sources. */
final class World {

    final long seed;
    final long start;
    final long end;
    final int days;
    final double scale;
    final PromptPools prompts;
    final IpRanges ranges;
    final Models models;
    final List<SimAccount> accounts = new ArrayList<>();
    final List<Source> sources = new ArrayList<>();
    private final Set<String> ids = new HashSet<>();

    World(long seed, long start, int days, double scale, PromptPools prompts, IpRanges ranges) {
        this.seed = seed;
        this.start = start;
        this.days = days;
        this.end = start + days * Times.DAY;
        this.scale = scale;
        this.prompts = prompts;
        this.ranges = ranges;
        this.models = new Models(start, days);
    }

    /** Count scaled by {@code --scale}, at least {@code min}. */
    int scaled(double base, int min) {
        return Math.max(min, (int) Math.round(base * scale));
    }

    /**
     * Volume multiplier for a persona whose count was clamped up to {@code count} at a small scale, so that
     * tiny simulations stay tiny: {@code min(1, base * scale / count)}.
     */
    double volumeFactor(double base, int count) {
        return Math.min(1.0, base * scale / count);
    }

    /**
     * A new account with an id drawn from {@code r}. Every persona and campaign uses the same id
     * scheme so that ids carry no label.
     */
    SimAccount newAccount(SplittableRandom r, String label, String campaign, String persona) {
        String id;
        do {
            id = "acct_" + Rand.alnum(r, 12);
        } while (!ids.add(id));
        SimAccount a = new SimAccount(id, label, campaign, persona);
        accounts.add(a);
        return a;
    }

    void add(Source s) {
        s.order = sources.size();
        sources.add(s);
    }
}
