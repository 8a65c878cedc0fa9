package io.distillguard.sim;

import java.util.SplittableRandom;

/**
 * Events of one account: sessions started by a thinned Poisson process following the account's activity
 * rhythm, each session a run of requests a few seconds to minutes apart.
 */
abstract class AccountSource extends Source {

    final World w;
    final SimAccount a;
    final SplittableRandom r;
    /** Session starts per day when activity is 1. */
    double peakPerDay;

    AccountSource(World w, SimAccount a, SplittableRandom r) {
        this.w = w;
        this.a = a;
        this.r = r;
    }

    /** Relative activity in [0, 1] at {@code ts}. */
    abstract double activity(long ts);

    /** Schedules the first session. Call once after construction. */
    final AccountSource start() {
        next = nextStart(Math.max(w.start, a.createdAt));
        return this;
    }

    /** Start of the next session after {@code from}, or {@link Long#MAX_VALUE} past the window. */
    final long nextStart(long from) {
        if (peakPerDay <= 0) {
            return Long.MAX_VALUE;
        }
        double meanGap = Times.DAY / peakPerDay;
        long t = from;
        for (int i = 0; i < 100_000; i++) {
            t += (long) Math.max(1000, Rand.exp(r, meanGap));
            if (t >= w.end) {
                return Long.MAX_VALUE;
            }
            if (r.nextDouble() < activity(t)) {
                return t;
            }
        }
        return Long.MAX_VALUE;
    }

    /** Next time within a session ({@code gapMs} mean gap), or the next session when the session ended. */
    final long after(long ts, boolean sessionContinues, double gapMs) {
        if (sessionContinues) {
            long t = ts + (long) Math.max(300, Rand.logNormal(r, gapMs, 0.6));
            return t < w.end ? t : Long.MAX_VALUE;
        }
        return nextStart(ts);
    }
}
