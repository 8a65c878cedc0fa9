package io.distillguard.sim;

/** Activity shapes over the day and week, in [0, 1]. */
final class Rhythm {

    private static final double[] HUMAN = {0.16, 0.09, 0.05, 0.04, 0.04, 0.06, 0.14, 0.32, 0.58, 0.78, 0.9, 0.95,
        0.88, 0.9, 0.95, 0.95, 0.9, 0.85, 0.8, 0.86, 0.92, 0.86, 0.6, 0.34};

    private Rhythm() {
    }

    /** A person's day: quiet nights, slightly lower weekends. */
    static double human(long ts, double tz) {
        double v = HUMAN[(int) Times.localHour(ts, tz)];
        return Times.localDayOfWeek(ts, tz) >= 5 ? v * 0.7 : v;
    }

    /** Office hours Monday to Friday, with a lunch dip. */
    static double business(long ts, double tz) {
        if (Times.localDayOfWeek(ts, tz) >= 5) {
            return 0.03;
        }
        double h = Times.localHour(ts, tz);
        if (h < 8 || h >= 18.5) {
            return h >= 18.5 && h < 21 ? 0.08 : 0.02;
        }
        return h >= 12 && h < 13 ? 0.55 : 1.0;
    }

    /** A consumer product's backend: the sum of its users' days, never idle. */
    static double backend(long ts, double tz) {
        return 0.3 + 0.7 * human(ts, tz);
    }
}
