package io.distillguard.format;

/**
 * Parses RFC 3339 date-times with a mandatory offset ({@code 2026-02-10T03:14:07.120Z},
 * {@code 2026-02-10t03:14:07+01:00}, {@code 2026-02-10 03:14:07-05:30}) to epoch milliseconds,
 * without regex or {@code java.time} allocation (it is on the per-line hot path). Fractions beyond
 * milliseconds are truncated; a leap second ({@code :60}) is accepted and lands on the first
 * second of the next minute.
 */
final class Timestamps {

    /** Returned when the text is not a valid RFC 3339 date-time with offset. */
    static final long INVALID = Long.MIN_VALUE;

    private Timestamps() {
    }

    static long parseRfc3339(String s) {
        int n = s.length();
        if (n < 20) {
            return INVALID;
        }
        int year = digits(s, 0, 4);
        if (year < 0 || s.charAt(4) != '-') {
            return INVALID;
        }
        int month = digits(s, 5, 2);
        if (month < 1 || month > 12 || s.charAt(7) != '-') {
            return INVALID;
        }
        int day = digits(s, 8, 2);
        if (day < 1 || day > daysInMonth(year, month)) {
            return INVALID;
        }
        char t = s.charAt(10);
        if (t != 'T' && t != 't' && t != ' ') {
            return INVALID;
        }
        int hour = digits(s, 11, 2);
        if (hour < 0 || hour > 23 || s.charAt(13) != ':') {
            return INVALID;
        }
        int minute = digits(s, 14, 2);
        if (minute < 0 || minute > 59 || s.charAt(16) != ':') {
            return INVALID;
        }
        int second = digits(s, 17, 2);
        if (second < 0 || second > 60) {
            return INVALID;
        }
        int i = 19;
        int millis = 0;
        if (s.charAt(i) == '.') {
            i++;
            int start = i;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                if (i - start < 3) {
                    millis = millis * 10 + (s.charAt(i) - '0');
                }
                i++;
            }
            int count = i - start;
            if (count == 0) {
                return INVALID;
            }
            for (int k = count; k < 3; k++) {
                millis *= 10;
            }
        }
        if (i >= n) {
            return INVALID;
        }
        int offsetMinutes;
        char z = s.charAt(i);
        if (z == 'Z' || z == 'z') {
            offsetMinutes = 0;
            i++;
        } else if (z == '+' || z == '-') {
            if (n - i != 6 || s.charAt(i + 3) != ':') {
                return INVALID;
            }
            int oh = digits(s, i + 1, 2);
            int om = digits(s, i + 4, 2);
            if (oh < 0 || oh > 23 || om < 0 || om > 59) {
                return INVALID;
            }
            offsetMinutes = (oh * 60 + om) * (z == '-' ? -1 : 1);
            i += 6;
        } else {
            return INVALID;
        }
        if (i != n) {
            return INVALID;
        }
        long days = daysFromCivil(year, month, day);
        long secs = days * 86_400L + hour * 3_600L + minute * 60L + second - offsetMinutes * 60L;
        return secs * 1000L + millis;
    }

    private static int digits(String s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static int daysInMonth(int year, int month) {
        switch (month) {
            case 2:
                boolean leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
                return leap ? 29 : 28;
            case 4:
            case 6:
            case 9:
            case 11:
                return 30;
            default:
                return 31;
        }
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm). */
    private static long daysFromCivil(int y, int m, int d) {
        y -= m <= 2 ? 1 : 0;
        int era = (y >= 0 ? y : y - 399) / 400;
        int yoe = y - era * 400;
        int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
        int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097L + doe - 719_468L;
    }
}
