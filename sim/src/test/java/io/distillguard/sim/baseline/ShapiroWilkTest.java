package io.distillguard.sim.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Reference values: {@code x1}/{@code x2} are SciPy's regression samples for {@code stats.shapiro}
 * (scipy/stats/tests/test_morestats.py, TestShapiro.test_basic, values noted there as checked against
 * R; SciPy then computed in single precision, hence the 1e-6 tolerance). The 11 weights are Shapiro and
 * Wilk's (1965) example, for which R's {@code shapiro.test} prints W = 0.78881, p-value = 0.006704.
 * The other samples' W and p were computed with SciPy 1.17 (double-precision AS R94) and must match
 * to rounding.
 */
class ShapiroWilkTest {

    static final double[] X1 = {0.11, 7.87, 4.61, 10.14, 7.95, 3.14, 0.46, 4.43, 0.21, 4.75, 0.71, 1.52, 3.24, 0.93,
        0.42, 4.97, 9.53, 4.55, 0.47, 6.66};
    static final double[] X2 = {1.36, 1.14, 2.92, 2.55, 1.46, 1.06, 5.27, -1.11, 3.48, 1.10, 0.88, -0.51, 1.46, 0.52,
        6.20, 1.69, 0.08, 3.67, 2.81, 3.49};
    static final double[] WEIGHTS = {148, 154, 158, 160, 161, 162, 166, 170, 182, 195, 236};

    private static void check(double[] x, double w, double p, double tol) {
        ShapiroWilk.Result r = ShapiroWilk.test(x, x.length);
        assertThat(r.w()).as("W").isCloseTo(w, within(tol));
        // p goes through two more approximations (polynomials in n, the normal tail): 1e-8 absolute
        assertThat(r.p()).as("p").isCloseTo(p, within(Math.max(tol, 1e-8)));
    }

    @Test
    void matchesScipyRegressionSamplesCheckedAgainstR() {
        check(X1, 0.90047299861907959, 0.042089745402336121, 1e-6);
        check(X2, 0.9590270, 0.52460, 1e-3);
        check(X1, 0.9004728794391273, 0.04208957544308365, 1e-9);
        check(X2, 0.9590269459704117, 0.5245979292601223, 1e-9);
    }

    @Test
    void matchesRsShapiroTestOnTheClassicWeights() {
        check(WEIGHTS, 0.78881, 0.006704, 5e-6);
        check(WEIGHTS, 0.7888146948631716, 0.006703814061898823, 1e-9);
    }

    @Test
    void smallSamplesUseTheirOwnBranches() {
        // n = 3: exact p-value; n = 4, 5: one polynomial coefficient; n = 6..11: two
        check(new double[] {1, 2, 4}, 0.9642857142857142, 0.6368868450289689, 1e-9);
        check(new double[] {0.3, 1.1, 2.9, 3.0}, 0.8620152888729843, 0.26748919044120545, 1e-9);
        check(new double[] {2.1, 3.3, 1.2, 5.5, 4.0}, 0.9866693618093515, 0.9667823721204086, 1e-9);
        check(new double[] {0.708, 1.025, 0.569, 0.895, 0.207, 3.384}, 0.7369595445911779, 0.014803867624031023, 1e-9);
        check(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 30}, 0.6698890078433926, 3.809682833082067e-4, 1e-9);
    }

    @Test
    void largerSamples() {
        check(new double[] {0.06, 1.34, -0.492, -0.62, 0.49, 0.357, 0.105, -0.93, -0.029, 0.695, -1.344, -0.458},
                0.9898320125473289, 0.9997236792818016, 1e-9);
        double[] uniform50 = {0.622, 0.989, 0.215, 0.16, 0.613, 0.044, 0.036, 0.515, 0.466, 0.917, 0.629, 0.514, 0.497,
            0.248, 0.012, 0.192, 0.692, 0.201, 0.37, 0.004, 0.83, 0.154, 0.268, 0.88, 0.51, 0.847, 0.64, 0.742, 0.091,
            0.541, 0.508, 0.871, 0.361, 0.598, 0.059, 0.388, 0.323, 0.15, 0.816, 0.379, 0.979, 0.59, 0.605, 0.638,
            0.676, 0.151, 0.44, 0.24, 0.402, 0.097};
        check(uniform50, 0.9610685921724489, 0.09855052053774543, 1e-9);
    }

    @Test
    void invariantToOrderShiftAndScale() {
        double[] shuffled = X1.clone();
        java.util.Collections.shuffle(Arrays.asList(boxed(shuffled)), new Random(1));
        double[] scaled = Arrays.stream(X1).map(v -> 3 * v - 7).toArray();
        assertThat(ShapiroWilk.test(scaled, scaled.length).w()).isCloseTo(ShapiroWilk.test(X1, X1.length).w(),
                within(1e-12));
        double[] reversed = new double[X1.length];
        for (int i = 0; i < X1.length; i++) {
            reversed[i] = X1[X1.length - 1 - i];
        }
        assertThat(ShapiroWilk.test(reversed, reversed.length).w()).isCloseTo(ShapiroWilk.test(X1, X1.length).w(),
                within(1e-15));
    }

    @Test
    void normalSamplesScoreHighAndSkewedOnesLow() {
        Random rnd = new Random(42);
        double[] normal = new double[500];
        double[] skewed = new double[500];
        for (int i = 0; i < normal.length; i++) {
            normal[i] = rnd.nextGaussian();
            skewed[i] = Math.exp(2 * rnd.nextGaussian());
        }
        assertThat(ShapiroWilk.test(normal, 500).w()).isGreaterThan(0.99);
        assertThat(ShapiroWilk.test(skewed, 500).w()).isLessThan(0.5);
        assertThat(ShapiroWilk.test(skewed, 500).p()).isLessThan(1e-10);
    }

    @Test
    void coefficientsAreAntisymmetricUnitVectors() {
        for (int n : new int[] {3, 4, 5, 6, 7, 11, 12, 100, 5000}) {
            double[] a = ShapiroWilk.coefficients(n);
            double sum = 0;
            double sq = 0;
            for (int i = 0; i < n; i++) {
                assertThat(a[i]).isCloseTo(-a[n - 1 - i], within(1e-15));
                sum += a[i];
                sq += a[i] * a[i];
            }
            assertThat(sum).isCloseTo(0, within(1e-12));
            assertThat(sq).isCloseTo(1, within(1e-9));
        }
    }

    @Test
    void degenerateAndInvalidInput() {
        assertThat(ShapiroWilk.test(new double[] {2, 2, 2, 2}, 4).w()).isNaN();
        assertThatThrownBy(() -> ShapiroWilk.test(new double[] {1, 2}, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ShapiroWilk.test(new double[5001], 5001))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ShapiroWilk.test(new double[] {1, Double.NaN, 3}, 3))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void normalQuantileAndTailMatchReferenceValues() {
        // SciPy 1.17 special.ndtri / special.ndtr
        assertThat(Normal.quantile(1e-10)).isCloseTo(-6.361340902404056, within(1e-12));
        assertThat(Normal.quantile(0.001)).isCloseTo(-3.090232306167813, within(1e-13));
        assertThat(Normal.quantile(0.02425)).isCloseTo(-1.972961051311885, within(1e-13));
        assertThat(Normal.quantile(0.3)).isCloseTo(-0.5244005127080409, within(1e-14));
        assertThat(Normal.quantile(0.5)).isEqualTo(0.0);
        assertThat(Normal.quantile(0.975)).isCloseTo(1.959963984540054, within(1e-13));
        assertThat(Normal.quantile(0.999999)).isCloseTo(4.753424308817087, within(1e-11));
        assertThat(Normal.upperTail(-3)).isCloseTo(0.9986501019683699, within(1e-15));
        assertThat(Normal.upperTail(0.5)).isCloseTo(0.3085375387259869, within(1e-15));
        assertThat(Normal.upperTail(2)).isCloseTo(0.022750131948179195, within(1e-15));
        assertThat(Normal.upperTail(4.2)).isCloseTo(1.334574901590631e-05, within(1e-15));
        assertThatThrownBy(() -> Normal.quantile(1.0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static Double[] boxed(double[] d) {
        return Arrays.stream(d).boxed().toArray(Double[]::new);
    }
}
