package io.distillguard.sim;

import java.util.SplittableRandom;

/** Signup attributes: e-mail domains and local-part shapes, payment instruments, countries, time zones. */
final class Identity {

    private static final String[] WEBMAIL = {"gmail.com", "outlook.com", "hotmail.com", "yahoo.com", "icloud.com",
        "proton.me", "qq.com", "163.com", "naver.com", "yandex.ru", "gmx.de", "mail.ru", "fastmail.com", "aol.com"};
    private static final double[] WEBMAIL_W = {40, 10, 5, 5, 5, 4, 4, 3, 2, 2, 2, 1, 1, 1};
    private static final String[] WORD_A = {"north", "bright", "blue", "green", "swift", "clear", "deep", "prime",
        "silver", "iron", "open", "true", "red", "quantum", "stellar", "cedar", "harbor", "summit", "pixel", "signal",
        "vector", "atlas", "lumen", "nova", "orbit", "river", "stone", "maple", "delta", "sigma"};
    private static final String[] WORD_B = {"wind", "lane", "path", "works", "labs", "data", "logic", "stack", "forge",
        "field", "point", "bridge", "scale", "mind", "line", "flow", "wave", "craft", "grid", "loop", "shift", "base",
        "core", "leaf", "gate", "hub", "soft", "tech", "metrics", "ai"};
    private static final String[] TLD = {"com", "io", "ai", "co", "dev", "net", "de", "co.uk", "app", "tech"};

    /** Shapes of e-mail local parts as the spec describes them. */
    static final String[] SHAPES = {"aaaa.aaaa", "aaaa9999", "a.aaaa", "aaaaaaaa", "aaaa_aaaa", "a9999", "random12",
        "aaaa.aaaa99", "random8"};

    private Identity() {
    }

    static String webmail(SplittableRandom r) {
        return WEBMAIL[Rand.weighted(r, WEBMAIL_W)];
    }

    /** An invented company domain ({@code brightlane.io}). */
    static String companyDomain(SplittableRandom r) {
        String sep = r.nextInt(5) == 0 ? "-" : "";
        return Rand.pick(r, WORD_A) + sep + Rand.pick(r, WORD_B) + "." + Rand.pick(r, TLD);
    }

    /** Ordinary sign-ups: mostly name-like local parts. */
    static String ordinaryShape(SplittableRandom r) {
        return SHAPES[Rand.weighted(r, 30, 18, 12, 12, 6, 6, 3, 10, 3)];
    }

    /** Mass sign-ups: machine-made local parts are more common, but name-like ones still occur. */
    static String bulkShape(SplittableRandom r) {
        return SHAPES[Rand.weighted(r, 10, 20, 4, 8, 6, 14, 18, 8, 12)];
    }

    static String cardFingerprint(SplittableRandom r) {
        return "pm_" + Rand.hex(r, 24);
    }

    /** A BIN (first six digits) of a Visa or Mastercard issuer. */
    static String bin(SplittableRandom r) {
        return r.nextInt(3) == 0 ? "5" + Rand.between(r, 1, 5) + Rand.digits(r, 4) : "4" + Rand.digits(r, 5);
    }

    /** Hours east of UTC for a country, with a spread across US/CA/AU/BR/RU zones. */
    static double tzOffset(String country, SplittableRandom r) {
        if (country == null) {
            return Rand.between(r, -8, 9);
        }
        return switch (country) {
            case "US" -> Rand.pick(r, -5.0, -5.0, -6.0, -7.0, -8.0, -8.0);
            case "CA" -> Rand.pick(r, -5.0, -5.0, -8.0);
            case "MX" -> -6;
            case "BR", "AR" -> -3;
            case "CL", "CO", "PE" -> -5;
            case "GB", "IE", "PT" -> 0;
            case "DE", "FR", "IT", "ES", "NL", "BE", "PL", "SE", "CH", "AT", "NO", "DK", "CZ", "NG", "HU" -> 1;
            case "RO", "GR", "FI", "UA", "ZA", "IL", "EG", "BG" -> 2;
            case "TR", "RU", "SA", "KE" -> 3;
            case "AE" -> 4;
            case "PK" -> 5;
            case "IN", "LK" -> 5.5;
            case "BD" -> 6;
            case "VN", "TH", "ID" -> 7;
            case "CN", "SG", "HK", "TW", "MY", "PH" -> 8;
            case "JP", "KR" -> 9;
            case "AU" -> Rand.pick(r, 10.0, 10.0, 8.0);
            case "NZ" -> 12;
            default -> 0;
        };
    }

    /** Signup time before the window: uniform over the preceding {@code maxDaysBefore} days. */
    static long createdBefore(World w, SplittableRandom r, int maxDaysBefore) {
        return w.start - (long) (r.nextDouble() * maxDaysBefore * Times.DAY) - Times.HOUR;
    }

    /** Fills the ordinary signup attributes of a self-serve account. */
    static void ordinary(SimAccount a, SplittableRandom r, String country) {
        a.emailDomain = r.nextDouble() < 0.78 ? webmail(r) : companyDomain(r);
        a.emailShape = ordinaryShape(r);
        if (r.nextDouble() < 0.93) {
            a.paymentFingerprint = cardFingerprint(r);
            a.paymentBin = bin(r);
        }
        a.billingCountry = a.paymentFingerprint == null ? null : country;
        a.declaredCountry = r.nextDouble() < 0.9 ? country : null;
        a.verified = r.nextDouble() < 0.3;
    }
}
