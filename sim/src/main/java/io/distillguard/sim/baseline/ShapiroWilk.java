package io.distillguard.sim.baseline;

import java.util.Arrays;

/**
 * The Shapiro-Wilk test of normality with Royston's approximation of the coefficients and of the
 * null distribution of W: J. P. Royston (1992), "Approximating the Shapiro-Wilk W-test for
 * non-normality", Statistics and Computing 2:117-119, and (1995) "Remark AS R94: A remark on
 * Algorithm AS 181: The W-test for normality", Applied Statistics 44(4):547-551. This is the algorithm
 * behind R's {@code shapiro.test} and SciPy's {@code scipy.stats.shapiro}, and gives the same W and
 * p-value as both (to floating-point rounding).
 *
 * <p>Valid for 3 &lt;= n &lt;= 5000. Small W (well below 1) means the sample is unlikely to be normal.
 */
final class ShapiroWilk {

    /** Smallest and largest sample size the approximation is valid for. */
    static final int MIN_N = 3;
    static final int MAX_N = 5000;

    private static final double[] C1 = {0.0, 0.221157, -0.147981, -2.071190, 4.434685, -2.706056};
    private static final double[] C2 = {0.0, 0.042981, -0.293762, -1.752461, 5.682633, -3.582633};
    private static final double[] G = {-2.273, 0.459};
    private static final double[] C3 = {0.5440, -0.39978, 0.025054, -6.714e-4};
    private static final double[] C4 = {1.3822, -0.77857, 0.062767, -0.0020322};
    private static final double[] C5 = {-1.5861, -0.31082, -0.083751, 0.0038915};
    private static final double[] C6 = {-0.4803, -0.082676, 0.0030302};

    /**
     * Outcome of one test.
     *
     * @param n sample size
     * @param w the W statistic in (0, 1], or {@code NaN} when every value is equal (W undefined)
     * @param p p-value of the null hypothesis "the sample is normal", {@code NaN} when W is
     */
    record Result(int n, double w, double p) {
    }

    private ShapiroWilk() {
    }

    /**
     * Tests the first {@code n} values of {@code values} (not modified).
     *
     * @throws IllegalArgumentException when n is outside [3, 5000] or a value is not finite
     */
    static Result test(double[] values, int n) {
        if (n < MIN_N || n > MAX_N || n > values.length) {
            throw new IllegalArgumentException("Shapiro-Wilk needs 3 <= n <= 5000 values, got " + n);
        }
        double[] x = Arrays.copyOf(values, n);
        for (double v : x) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("value is not finite: " + v);
            }
        }
        Arrays.sort(x);
        double range = x[n - 1] - x[0];
        if (!(range > 0)) {
            return new Result(n, Double.NaN, Double.NaN);
        }
        double[] coef = coefficients(n);
        // W as the squared correlation between the scaled order statistics and the coefficients, with
        // 1 - W formed as a difference of squares so W close to 1 keeps its precision (as in AS R94).
        double mean = 0;
        for (double v : x) {
            mean += v / range;
        }
        mean /= n;
        double ssa = 0;
        double ssx = 0;
        double sax = 0;
        for (int i = 0; i < n; i++) {
            double a = coef[i];
            double y = x[i] / range - mean;
            ssa += a * a;
            ssx += y * y;
            sax += a * y;
        }
        double root = Math.sqrt(ssa * ssx);
        double w1 = (root - sax) * (root + sax) / (ssa * ssx);
        double w = 1 - w1;
        return new Result(n, w, pValue(n, w, w1));
    }

    /** The n coefficients, antisymmetric: negative for the lower half, 0 in the middle of an odd sample. */
    static double[] coefficients(int n) {
        int half = n / 2;
        double[] a = new double[half + 1]; // 1-based, a[1] the largest
        if (n == 3) {
            a[1] = Math.sqrt(0.5);
        } else {
            double[] m = new double[half + 1];
            double summ2 = 0;
            for (int i = 1; i <= half; i++) {
                m[i] = Normal.quantile((i - 0.375) / (n + 0.25)); // lower-tail expected order statistics
                summ2 += m[i] * m[i];
            }
            summ2 *= 2;
            double ssumm2 = Math.sqrt(summ2);
            double rsn = 1 / Math.sqrt(n);
            double a1 = poly(C1, rsn) - m[1] / ssumm2;
            int first;
            double fac;
            if (n > 5) {
                first = 3;
                double a2 = -m[2] / ssumm2 + poly(C2, rsn);
                fac = Math.sqrt((summ2 - 2 * m[1] * m[1] - 2 * m[2] * m[2]) / (1 - 2 * a1 * a1 - 2 * a2 * a2));
                a[2] = a2;
            } else {
                first = 2;
                fac = Math.sqrt((summ2 - 2 * m[1] * m[1]) / (1 - 2 * a1 * a1));
            }
            a[1] = a1;
            for (int i = first; i <= half; i++) {
                a[i] = -m[i] / fac;
            }
        }
        double[] full = new double[n];
        for (int i = 1; i <= half; i++) {
            full[i - 1] = -a[i];
            full[n - i] = a[i];
        }
        return full;
    }

    private static double pValue(int n, double w, double w1) {
        if (n == 3) {
            // exact: 6/pi (asin(sqrt(W)) - asin(sqrt(3/4)))
            return Math.max(0, 6 / Math.PI * (Math.asin(Math.sqrt(w)) - Math.PI / 3));
        }
        double y = Math.log(w1);
        double m;
        double s;
        if (n <= 11) {
            double gamma = poly(G, n);
            if (y >= gamma) {
                return 1e-99; // W so small the approximation breaks down: certainly not normal
            }
            y = -Math.log(gamma - y);
            m = poly(C3, n);
            s = Math.exp(poly(C4, n));
        } else {
            double ln = Math.log(n);
            m = poly(C5, ln);
            s = Math.exp(poly(C6, ln));
        }
        return Normal.upperTail((y - m) / s);
    }

    private static double poly(double[] c, double x) {
        double v = 0;
        for (int k = c.length - 1; k >= 0; k--) {
            v = v * x + c[k];
        }
        return v;
    }
}
