package dev.agentos.commands.awk;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.Locale;

/** strftime and mktime for gawk's time functions, in the C locale. */
final class Time {
    private Time() {}

    static ZoneId zone(String tz) {
        try {
            return tz == null || tz.isEmpty() ? ZoneId.of("UTC") : ZoneId.of(tz);
        } catch (RuntimeException e) {
            return ZoneId.of("UTC");
        }
    }

    static String strftime(String fmt, long epoch, String tz) {
        ZonedDateTime t = Instant.ofEpochSecond(epoch).atZone(zone(tz));
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fmt.length(); i++) {
            char c = fmt.charAt(i);
            if (c != '%' || i + 1 >= fmt.length()) {
                sb.append(c);
                continue;
            }
            char f = fmt.charAt(++i);
            switch (f) {
                case 'a' -> sb.append(t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.US));
                case 'A' -> sb.append(t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.US));
                case 'b', 'h' -> sb.append(t.getMonth().getDisplayName(TextStyle.SHORT, Locale.US));
                case 'B' -> sb.append(t.getMonth().getDisplayName(TextStyle.FULL, Locale.US));
                case 'c' -> sb.append(strftime("%a %b %e %H:%M:%S %Y", epoch, tz));
                case 'C' -> sb.append(two(t.getYear() / 100));
                case 'd' -> sb.append(two(t.getDayOfMonth()));
                case 'D' -> sb.append(strftime("%m/%d/%y", epoch, tz));
                case 'e' -> sb.append(String.format("%2d", t.getDayOfMonth()));
                case 'F' -> sb.append(strftime("%Y-%m-%d", epoch, tz));
                case 'H' -> sb.append(two(t.getHour()));
                case 'I' -> sb.append(two(t.getHour() % 12 == 0 ? 12 : t.getHour() % 12));
                case 'j' -> sb.append(String.format("%03d", t.getDayOfYear()));
                case 'k' -> sb.append(String.format("%2d", t.getHour()));
                case 'l' -> sb.append(String.format("%2d", t.getHour() % 12 == 0 ? 12 : t.getHour() % 12));
                case 'm' -> sb.append(two(t.getMonthValue()));
                case 'M' -> sb.append(two(t.getMinute()));
                case 'n' -> sb.append('\n');
                case 'p' -> sb.append(t.getHour() < 12 ? "AM" : "PM");
                case 'r' -> sb.append(strftime("%I:%M:%S %p", epoch, tz));
                case 'R' -> sb.append(strftime("%H:%M", epoch, tz));
                case 's' -> sb.append(epoch);
                case 'S' -> sb.append(two(t.getSecond()));
                case 't' -> sb.append('\t');
                case 'T' -> sb.append(strftime("%H:%M:%S", epoch, tz));
                case 'u' -> sb.append(t.getDayOfWeek().getValue());
                case 'w' -> sb.append(t.getDayOfWeek().getValue() % 7);
                case 'x' -> sb.append(strftime("%m/%d/%y", epoch, tz));
                case 'X' -> sb.append(strftime("%H:%M:%S", epoch, tz));
                case 'y' -> sb.append(two(t.getYear() % 100));
                case 'Y' -> sb.append(t.getYear());
                case 'z' -> {
                    int off = t.getOffset().getTotalSeconds() / 60;
                    sb.append(off < 0 ? '-' : '+').append(two(Math.abs(off) / 60)).append(two(Math.abs(off) % 60));
                }
                case 'Z' -> sb.append(t.getZone().getId().equals("UTC") ? "UTC" : t.getZone().getDisplayName(TextStyle.SHORT, Locale.US));
                case '%' -> sb.append('%');
                default -> sb.append('%').append(f);
            }
        }
        return sb.toString();
    }

    private static String two(int v) { return v < 10 ? "0" + v : Integer.toString(v); }

    static double mktime(String spec, String tz) {
        String[] p = spec.trim().split("\\s+");
        if (p.length < 6) return -1;
        try {
            int[] v = new int[6];
            for (int i = 0; i < 6; i++) v[i] = Integer.parseInt(p[i]);
            LocalDateTime base = LocalDateTime.of(v[0], 1, 1, 0, 0, 0)
                    .plusMonths(v[1] - 1L).plusDays(v[2] - 1L).plusHours(v[3]).plusMinutes(v[4]).plusSeconds(v[5]);
            return base.atZone(zone(tz)).toEpochSecond();
        } catch (RuntimeException e) {
            return -1;
        }
    }
}
