package io.distillguard.score;

/**
 * Evidence rule of one signal: strength ramps linearly from 0 at {@code baseline} to 1 at {@code full}.
 *
 * @param baseline benign reference value (no evidence at or beyond it on the benign side)
 * @param full value at which the evidence is at full weight; must differ from baseline
 * @param weight score units at full strength; negative for exculpatory signals
 * @param minExchanges the signal is not evaluated below this many exchanges (>= 0)
 */
public record Rule(double baseline, double full, double weight, int minExchanges) {

    public Rule {
        if (!Double.isFinite(baseline) || !Double.isFinite(full) || baseline == full) {
            throw new IllegalArgumentException("rule needs finite baseline != full: " + baseline + ", " + full);
        }
        if (!Double.isFinite(weight)) {
            throw new IllegalArgumentException("weight must be finite: " + weight);
        }
        if (minExchanges < 0) {
            throw new IllegalArgumentException("minExchanges must be >= 0: " + minExchanges);
        }
    }

    /** Strength in [0, 1] of value {@code v}; 0 for NaN. */
    public double strength(double v) {
        if (Double.isNaN(v)) {
            return 0;
        }
        double s = (v - baseline) / (full - baseline);
        return Math.max(0, Math.min(1, s));
    }

    /** The default rule of a signal. */
    public static Rule defaultOf(Signal s) {
        return new Rule(s.defaultBaseline(), s.defaultFull(), s.defaultWeight(), s.defaultMinExchanges());
    }
}
