package io.distillguard.sim;

/** Fast RFC 3339 formatting of epoch milliseconds (the simulator writes hundreds of thousands). */
final class Times {

    static final long MINUTE = 60_000L;
    static final long HOUR = 60 * MINUTE;
    static final long DAY = 24 * HOUR;

    private Times() {
    }

    /** {@code yyyy-MM-ddTHH:mm:ss.SSS} followed by {@code Z} or {@code ±HH:MM}. */
    static String rfc3339(long epochMs, int offsetMinutes) {
        long local = epochMs + offsetMinutes * MINUTE;
        long days = Math.floorDiv(local, DAY);
        long msOfDay = Math.floorMod(local, DAY);
        // civil-from-days (H. Hinnant)
        long z = days + 719468;
        long era = Math.floorDiv(z, 146097);
        long doe = z - era * 146097;
        long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        long y = yoe + era * 400;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        long d = doy - (153 * mp + 2) / 5 + 1;
        long m = mp < 10 ? mp + 3 : mp - 9;
        if (m <= 2) {
            y++;
        }
        StringBuilder sb = new StringBuilder(29);
        pad(sb, y, 4).append('-');
        pad(sb, m, 2).append('-');
        pad(sb, d, 2).append('T');
        pad(sb, msOfDay / HOUR, 2).append(':');
        pad(sb, (msOfDay / MINUTE) % 60, 2).append(':');
        pad(sb, (msOfDay / 1000) % 60, 2).append('.');
        pad(sb, msOfDay % 1000, 3);
        if (offsetMinutes == 0) {
            sb.append('Z');
        } else {
            int a = Math.abs(offsetMinutes);
            sb.append(offsetMinutes < 0 ? '-' : '+');
            pad(sb, a / 60, 2).append(':');
            pad(sb, a % 60, 2);
        }
        return sb.toString();
    }

    private static StringBuilder pad(StringBuilder sb, long v, int width) {
        String s = Long.toString(v);
        for (int i = s.length(); i < width; i++) {
            sb.append('0');
        }
        return sb.append(s);
    }

    /** Hour of day (0-23, fractional) at {@code epochMs} in a zone {@code offsetHours} east of UTC. */
    static double localHour(long epochMs, double offsetHours) {
        double h = (Math.floorMod(epochMs, DAY) / (double) HOUR + offsetHours) % 24;
        return h < 0 ? h + 24 : h;
    }

    /** Day of week 0=Monday..6=Sunday at {@code epochMs} shifted by {@code offsetHours}. */
    static int localDayOfWeek(long epochMs, double offsetHours) {
        long days = Math.floorDiv(epochMs + (long) (offsetHours * HOUR), DAY);
        // 1970-01-01 was a Thursday (3)
        return (int) Math.floorMod(days + 3, 7);
    }
}
