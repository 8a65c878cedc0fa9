package io.distillguard.sim.baseline;

/** The standard normal distribution: quantile and upper-tail probability. */
final class Normal {

    private static final double LN_SQRT_2PI = 0.91893853320467274178;

    // Wichura (1988), Algorithm AS 241 PPND16, Applied Statistics 37(3):477-484. Relative accuracy
    // about 1e-16 over (0, 1).
    private static final double[] A = {3.387132872796366608, 133.14166789178437745, 1971.5909503065514427,
        13731.693765509461125, 45921.953931549871457, 67265.770927008700853, 33430.575583588128105,
        2509.0809287301226727};
    private static final double[] B = {1.0, 42.313330701600911252, 687.1870074920579083, 5394.1960214247511077,
        21213.794301586595867, 39307.89580009271061, 28729.085735721942674, 5226.495278852545925};
    private static final double[] C = {1.42343711074968357734, 4.6303378461565452959, 5.7694972214606914055,
        3.64784832476320460504, 1.27045825245236838258, 0.24178072517745061177, 0.0227238449892691845833,
        7.7454501427834140764e-4};
    private static final double[] D = {1.0, 2.05319162663775882187, 1.6763848301838038494,
        0.68976733498510000455, 0.14810397642748007459, 0.0151986665636164571966, 5.475938084995344946e-4,
        1.05075007164441684324e-9};
    private static final double[] E = {6.6579046435011037772, 5.4637849111641143699, 1.7848265399172913358,
        0.29656057182850489123, 0.026532189526576123093, 0.0012426609473880784386, 2.71155556874348757815e-5,
        2.01033439929228813265e-7};
    private static final double[] F = {1.0, 0.59983220655588793769, 0.13692988092273580531,
        0.0148753612908506148525, 7.868691311456132591e-4, 1.8463183175100546818e-5, 1.4215117583164458887e-7,
        2.04426310338993978564e-15};

    private Normal() {
    }

    /**
     * The p-quantile of the standard normal distribution.
     *
     * @param p in (0, 1)
     * @throws IllegalArgumentException when p is outside (0, 1)
     */
    static double quantile(double p) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("p must be in (0,1): " + p);
        }
        double q = p - 0.5;
        if (Math.abs(q) <= 0.425) {
            double r = 0.180625 - q * q;
            return q * poly(A, r) / poly(B, r);
        }
        double r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
        double x;
        if (r <= 5) {
            r -= 1.6;
            x = poly(C, r) / poly(D, r);
        } else {
            r -= 5;
            x = poly(E, r) / poly(F, r);
        }
        return q < 0 ? -x : x;
    }

    /**
     * P(Z &gt; z) for a standard normal Z, absolute error below 1e-15 (Marsaglia 2004, "Evaluating the
     * normal distribution", J. Stat. Software 11(4), Taylor series of Phi).
     */
    static double upperTail(double z) {
        if (Double.isNaN(z)) {
            return Double.NaN;
        }
        if (z > 9) {
            return 0;
        }
        if (z < -9) {
            return 1;
        }
        double s = z;
        double t = 0;
        double b = z;
        double q = z * z;
        double i = 1;
        while (s != t) {
            t = s;
            i += 2;
            b *= q / i;
            s = t + b;
        }
        double cdf = 0.5 + s * Math.exp(-0.5 * q - LN_SQRT_2PI);
        return Math.min(1, Math.max(0, 1 - cdf));
    }

    private static double poly(double[] c, double x) {
        double v = 0;
        for (int k = c.length - 1; k >= 0; k--) {
            v = v * x + c[k];
        }
        return v;
    }
}
