package io.distillguard.util;

import java.util.Locale;

/**
 * Fixed-point decimal text of a {@code double}, the same text as {@code String.format(Locale.ROOT, "%.Nf", v)}
 * (and {@code Locale.US}) for N from 0 to {@value #MAX_DECIMALS}, without {@link java.util.Formatter}.
 *
 * <p>Why: scoring writes a sentence with two or three numbers for every evidence item of every account, and
 * {@code String.format} (parsing the pattern, a {@code FormattedFloatingDecimal}, a {@code StringBuilder} per
 * call) was a visible share of the single-threaded link/cluster/score phase.
 *
 * <p>How the text stays identical: {@code Formatter} rounds the shortest decimal digits of the value half-up
 * at the N-th decimal. Those digits differ from the exact binary value by at most half an ulp, so rounding
 * either gives the same result unless the value lies within rounding noise of a tie (a fractional part of
 * exactly .5 after scaling). Values that are near a tie (within {@code 1e-6} of the scaled unit), not
 * finite, or of magnitude {@code 1e8 / 10^N} or more take {@code String.format} itself; the rest are
 * rounded with long arithmetic. Negative values, negative zero included, keep their {@code '-'} even when
 * they round to zero, as {@code Formatter} does.
 *
 * <p>Thread-safe (stateless). Internal utility, not part of the public API.
 */
public final class Decimals {

    /** Largest number of decimals supported. */
    public static final int MAX_DECIMALS = 6;

    private static final long[] POW10 = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L};
    /**
     * Scaled magnitudes below this have an ulp under 2e-8, so the product {@code |v| * 10^N} and the shortest
     * digits are both within 1e-7 of the exact scaled value: far inside {@link #TIE_MARGIN}.
     */
    private static final double LIMIT = 1e8;
    private static final double TIE_MARGIN = 1e-6;

    private Decimals() {
    }

    /**
     * {@code v} with {@code decimals} digits after the point, e.g. {@code fixed(0.125, 2)} is {@code "0.13"}.
     *
     * @param decimals 0 to {@value #MAX_DECIMALS}
     * @throws IllegalArgumentException when {@code decimals} is out of range
     */
    public static String fixed(double v, int decimals) {
        return append(new StringBuilder(24), v, decimals).toString();
    }

    /**
     * Appends {@link #fixed(double, int)} of {@code v} to {@code sb}.
     *
     * @return {@code sb}
     * @throws IllegalArgumentException when {@code decimals} is out of range
     */
    public static StringBuilder append(StringBuilder sb, double v, int decimals) {
        if (decimals < 0 || decimals > MAX_DECIMALS) {
            throw new IllegalArgumentException("decimals must be 0.." + MAX_DECIMALS + ": " + decimals);
        }
        double a = Math.abs(v);
        double scaled = a * POW10[decimals];
        if (!(scaled < LIMIT)) { // also NaN and infinities
            return sb.append(String.format(Locale.ROOT, "%." + decimals + "f", v));
        }
        double whole = Math.floor(scaled);
        double frac = scaled - whole; // exact: whole and scaled share the exponent range
        if (Math.abs(frac - 0.5) <= TIE_MARGIN) {
            return sb.append(String.format(Locale.ROOT, "%." + decimals + "f", v));
        }
        long q = (long) whole + (frac > 0.5 ? 1 : 0);
        if (Double.compare(v, 0.0) < 0) {
            sb.append('-');
        }
        long unit = POW10[decimals];
        sb.append(q / unit);
        if (decimals > 0) {
            sb.append('.');
            long f = q % unit;
            for (long p = unit / 10; p > 1 && f < p; p /= 10) {
                sb.append('0');
            }
            sb.append(f);
        }
        return sb;
    }
}
