package io.distillguard.cli.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Escaping and formatting for the report; every string from the data goes through {@link #esc}. */
final class Html {

    private static final Pattern URL = Pattern.compile("https?://[A-Za-z0-9._~:/?#@!$&*+,;=%-]+");
    private static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SHORT =
            DateTimeFormatter.ofPattern("MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

    private Html() {
    }

    /** Escapes text for element content and quoted attribute values; null becomes empty. */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String rep;
            switch (c) {
                case '&':
                    rep = "&amp;";
                    break;
                case '<':
                    rep = "&lt;";
                    break;
                case '>':
                    rep = "&gt;";
                    break;
                case '"':
                    rep = "&quot;";
                    break;
                case '\'':
                    rep = "&#39;";
                    break;
                default:
                    // C0 controls (except tab/newline) and lone surrogates are not valid HTML text
                    rep = (c < 0x20 && c != '\t' && c != '\n') || c == 0x7F
                            || (Character.isSurrogate(c) && !validPair(s, i)) ? "\uFFFD" : null;
            }
            if (rep != null) {
                if (sb == null) {
                    sb = new StringBuilder(s.length() + 16).append(s, 0, i);
                }
                sb.append(rep);
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? s : sb.toString();
    }

    private static boolean validPair(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }

    /** Escapes after clipping to {@code max} characters (an ellipsis marks the cut). */
    static String esc(String s, int max) {
        return esc(clip(s, max));
    }

    static String clip(String s, int max) {
        if (s == null || s.length() <= max) {
            return s;
        }
        int cut = max;
        if (Character.isHighSurrogate(s.charAt(cut - 1))) {
            cut--;
        }
        return s.substring(0, cut) + "…";
    }

    /** Escaped text in which http(s) URLs become links (the href is escaped too). */
    static String linkify(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        Matcher m = URL.matcher(s);
        int last = 0;
        while (m.find()) {
            String url = m.group();
            int end = m.end();
            while (!url.isEmpty() && ".,;:".indexOf(url.charAt(url.length() - 1)) >= 0) {
                url = url.substring(0, url.length() - 1);
                end--;
            }
            sb.append(esc(s.substring(last, m.start())));
            sb.append("<a href=\"").append(esc(url)).append("\" rel=\"noreferrer\">").append(esc(url)).append("</a>");
            last = end;
        }
        sb.append(esc(s.substring(last)));
        return sb.toString();
    }

    /** A number as an analyst reads it: NaN as a dash, big values grouped, small ones to 3 decimals. */
    static String num(double d) {
        if (Double.isNaN(d)) {
            return "—";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "∞" : "−∞";
        }
        double a = Math.abs(d);
        if (a >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", d);
        }
        if (a >= 100) {
            return String.format(Locale.ROOT, "%.1f", d);
        }
        BigDecimal b = BigDecimal.valueOf(d).setScale(a >= 1 || a == 0 ? 2 : 3, RoundingMode.HALF_EVEN)
                .stripTrailingZeros();
        return b.signum() == 0 ? "0" : b.toPlainString();
    }

    /** A number with its unit; shares are shown as percentages. */
    static String withUnit(double d, String unit) {
        if (Double.isNaN(d)) {
            return "—";
        }
        if ("share".equals(unit)) {
            return pct(d);
        }
        return unit == null || unit.isEmpty() ? num(d) : num(d) + " " + unit;
    }

    static String pct(double share) {
        if (Double.isNaN(share)) {
            return "—";
        }
        double p = share * 100;
        if (p > 0 && p < 0.05) {
            return "<0.1%";
        }
        String s = Math.abs(p) >= 10 || p == 0 ? String.format(Locale.ROOT, "%.0f", p)
                : String.format(Locale.ROOT, "%.1f", p);
        return (s.endsWith(".0") ? s.substring(0, s.length() - 2) : s) + "%";
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String score(double s) {
        return String.format(Locale.ROOT, "%.3f", s);
    }

    static String minute(long millis) {
        return MINUTE.format(Instant.ofEpochMilli(millis)) + " UTC";
    }

    static String day(long millis) {
        return DAY.format(Instant.ofEpochMilli(millis));
    }

    static String shortTime(long millis) {
        return SHORT.format(Instant.ofEpochMilli(millis));
    }

    /** A bucket width in words: {@code 1 h}, {@code 15 min}, {@code 1 day}. */
    static String duration(long millis) {
        if (millis % 86_400_000L == 0) {
            long d = millis / 86_400_000L;
            return d + (d == 1 ? " day" : " days");
        }
        if (millis % 3_600_000L == 0) {
            return millis / 3_600_000L + " h";
        }
        if (millis % 60_000L == 0) {
            return millis / 60_000L + " min";
        }
        if (millis % 1000L == 0) {
            return millis / 1000L + " s";
        }
        return millis + " ms";
    }
}
