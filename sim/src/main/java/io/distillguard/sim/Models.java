package io.distillguard.sim;

import java.util.SplittableRandom;

/**
 * The model catalogue of the simulated provider: two models released before the window and one
 * released in the middle of it (what release-chasing campaigns move to).
 */
final class Models {

    static final String MAIN = "frontier-1";
    static final String MINI = "frontier-1-mini";
    static final String NEXT = "frontier-2";
    /** 2025-09-16T17:00:00Z. */
    static final long MAIN_RELEASE = 1758042000000L;
    /** 2025-11-04T18:00:00Z. */
    static final long MINI_RELEASE = 1762279200000L;

    final long nextRelease;

    Models(long start, int days) {
        // mid-window, on a weekday afternoon UTC
        this.nextRelease = start + (days / 2) * Times.DAY + 17 * Times.HOUR;
    }

    /** The model an account asks for at {@code ts}. */
    String modelFor(SimAccount a, long ts, SplittableRandom r) {
        if (ts >= a.adoptAt && ts >= nextRelease) {
            return r.nextDouble() < 0.9 ? NEXT : (a.prefersMini ? MINI : MAIN);
        }
        if (a.prefersMini) {
            return r.nextDouble() < 0.85 ? MINI : MAIN;
        }
        return r.nextDouble() < 0.92 ? MAIN : MINI;
    }

    /** An ordinary adoption time: days after release, and some accounts never switch in the window. */
    long ordinaryAdoption(SplittableRandom r) {
        if (r.nextDouble() < 0.35) {
            return Long.MAX_VALUE;
        }
        return nextRelease + (long) (Rand.logNormal(r, 2.5, 0.9) * Times.DAY);
    }
}
