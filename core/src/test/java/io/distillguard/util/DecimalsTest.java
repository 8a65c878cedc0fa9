package io.distillguard.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class DecimalsTest {

    private static void assertSameAsFormatter(double v, int decimals) {
        String expected = String.format(Locale.ROOT, "%." + decimals + "f", v);
        assertThat(Decimals.fixed(v, decimals)).as("%s with %d decimals", v, decimals).isEqualTo(expected)
                .isEqualTo(String.format(Locale.US, "%." + decimals + "f", v));
        assertThat(Decimals.append(new StringBuilder("x"), v, decimals).toString()).isEqualTo("x" + expected);
    }

    /** Any bit pattern: huge, tiny, subnormal, NaN, infinite. */
    @Property(tries = 3000)
    void anyDoubleAsFormatter(@ForAll double v, @ForAll @IntRange(max = Decimals.MAX_DECIMALS) int decimals) {
        assertSameAsFormatter(v, decimals);
    }

    /** The ranges scores, shares and rates live in, both signs. */
    @Property(tries = 5000)
    void everydayRangeAsFormatter(@ForAll("everyday") double v,
            @ForAll @IntRange(max = Decimals.MAX_DECIMALS) int decimals) {
        assertSameAsFormatter(v, decimals);
    }

    @Provide
    Arbitrary<Double> everyday() {
        return Arbitraries.oneOf(
                Arbitraries.doubles().between(-2, 2),
                Arbitraries.doubles().between(-1e9, 1e9),
                // shares: k / n, and 100 times them (percentages)
                Combinators.combine(Arbitraries.integers().between(0, 100_000), Arbitraries.integers().between(1, 100_000))
                        .as((k, n) -> (double) k / n),
                Combinators.combine(Arbitraries.integers().between(0, 100_000), Arbitraries.integers().between(1, 100_000))
                        .as((k, n) -> 100.0 * k / n));
    }

    /**
     * Values at and within a few ulps of a rounding tie ({@code (k + 0.5) / 10^N}), where the shortest
     * decimal digits and the binary value may round differently.
     */
    @Property(tries = 5000)
    void nearTiesAsFormatter(@ForAll @IntRange(min = -2_000_000, max = 2_000_000) int k,
            @ForAll @IntRange(max = Decimals.MAX_DECIMALS) int decimals, @ForAll @IntRange(min = -4, max = 4) int ulps,
            @ForAll @IntRange(max = 3) int extraDecimals) {
        double v = (k + 0.5) / Math.pow(10, decimals + extraDecimals);
        for (int i = 0; i < Math.abs(ulps); i++) {
            v = ulps > 0 ? Math.nextUp(v) : Math.nextDown(v);
        }
        assertSameAsFormatter(v, decimals);
    }

    @Test
    void knownEdgeCases() {
        double[] cases = {0.0, -0.0, 0.05, 0.15, 0.25, 0.35, 1.005, 2.675, 0.125, -0.125, 0.5, 1.5, 2.5, -0.5,
            -0.001, -1e-300, 1e-300, Double.MIN_VALUE, 99.995, 99.9949999, 1e8, 99_999_999.5, 1e15, 1e300,
            Double.MAX_VALUE, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.1 + 0.2, 4.35,
            1234567.891, 0.9999999, 9.9999999};
        for (double v : cases) {
            for (int d = 0; d <= Decimals.MAX_DECIMALS; d++) {
                assertSameAsFormatter(v, d);
            }
        }
        assertThat(Decimals.fixed(-0.0, 1)).isEqualTo("-0.0");
        assertThat(Decimals.fixed(0.125, 2)).isEqualTo("0.13");
        assertThat(Decimals.fixed(12.5, 0)).isEqualTo("13");
        assertThat(Decimals.fixed(3.007, 3)).isEqualTo("3.007");
    }

    @Test
    void rejectsUnsupportedPrecision() {
        assertThatThrownBy(() -> Decimals.fixed(1, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Decimals.fixed(1, Decimals.MAX_DECIMALS + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
