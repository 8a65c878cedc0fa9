package io.distillguard.profile;

/**
 * One-byte encoding of feature values for checkpoint snapshots. Shares map linearly onto 0..254
 * (precision 0.4%); magnitudes onto {@code 12 * log2(1 + x)} (precision about 6%, range up to about
 * 2 million); 255 stands for NaN.
 */
final class Quantizer {

    private static final int NAN = 255;

    private Quantizer() {
    }

    static byte encode(Feature f, double x) {
        if (Double.isNaN(x)) {
            return (byte) NAN;
        }
        double q = f.kind() == Feature.Kind.SHARE ? 254 * Math.max(0, Math.min(1, x))
                : 12 * (Math.log1p(Math.max(0, x)) / Math.log(2));
        return (byte) (int) Math.min(254, Math.round(q));
    }

    static double decode(Feature f, byte b) {
        int q = b & 0xFF;
        if (q == NAN) {
            return Double.NaN;
        }
        return f.kind() == Feature.Kind.SHARE ? q / 254.0 : Math.pow(2, q / 12.0) - 1;
    }
}
