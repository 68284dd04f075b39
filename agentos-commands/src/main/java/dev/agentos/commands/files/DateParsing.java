package dev.agentos.commands.files;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The date forms touch -d and -t take, as nanoseconds since the epoch. */
final class DateParsing {
    private static final Pattern EPOCH = Pattern.compile("@(-?\\d+)(?:[.,](\\d{1,9}))?");
    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ]+(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?)?\\s*(Z|UTC|GMT|[+-]\\d{2}:?\\d{2})?");
    private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{2})(?::(\\d{2}))?");
    private static final Pattern STAMP = Pattern.compile("(\\d{2}|\\d{4})?(\\d{2})(\\d{2})(\\d{2})(\\d{2})(?:\\.(\\d{2}))?");

    private DateParsing() {}

    static ZoneId zone(String tz) {
        try {
            return tz.isEmpty() ? ZoneOffset.UTC : ZoneId.of(tz);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    /** touch -d: "@epoch", ISO dates and times, "now", "today", "yesterday", "tomorrow", "HH:MM". */
    static Optional<Long> parse(String s, String tz, long nowNanos) {
        String t = s.trim();
        ZoneId zone = zone(tz);
        Matcher m = EPOCH.matcher(t);
        if (m.matches()) return Optional.of(Long.parseLong(m.group(1)) * 1_000_000_000L + frac(m.group(2)));
        Instant now = Instant.ofEpochSecond(0, nowNanos);
        switch (t.toLowerCase()) {
            case "now", "today", "" -> { return Optional.of(nowNanos); }
            case "yesterday" -> { return Optional.of(nowNanos - 86_400_000_000_000L); }
            case "tomorrow" -> { return Optional.of(nowNanos + 86_400_000_000_000L); }
            default -> { }
        }
        m = TIME.matcher(t);
        if (m.matches()) {
            LocalDate day = now.atZone(zone).toLocalDate();
            return at(day, m.group(1), m.group(2), m.group(3), null, zone);
        }
        m = ISO.matcher(t);
        if (!m.matches()) return Optional.empty();
        try {
            LocalDate day = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            ZoneId z = zone;
            if (m.group(8) != null) {
                String o = m.group(8);
                z = o.equals("Z") || o.equals("UTC") || o.equals("GMT") ? ZoneOffset.UTC : ZoneOffset.of(o.length() == 5 ? o.substring(0, 3) + ":" + o.substring(3) : o);
            }
            if (m.group(4) == null) return at(day, "0", "0", null, null, z);
            return at(day, m.group(4), m.group(5), m.group(6), m.group(7), z);
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<Long> at(LocalDate day, String h, String min, String sec, String frac, ZoneId zone) {
        try {
            LocalTime time = LocalTime.of(Integer.parseInt(h), Integer.parseInt(min), sec == null ? 0 : Integer.parseInt(sec));
            ZonedDateTime z = LocalDateTime.of(day, time).atZone(zone);
            return Optional.of(z.toEpochSecond() * 1_000_000_000L + frac(frac));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static long frac(String f) {
        if (f == null) return 0;
        return Long.parseLong((f + "000000000").substring(0, 9));
    }

    /** touch -t [[CC]YY]MMDDhhmm[.ss]. */
    static Optional<Long> touchStamp(String s, String tz, Instant now) {
        Matcher m = STAMP.matcher(s);
        if (!m.matches()) return Optional.empty();
        ZoneId zone = zone(tz);
        int year;
        if (m.group(1) == null) {
            year = now.atZone(zone).getYear();
        } else if (m.group(1).length() == 2) {
            int yy = Integer.parseInt(m.group(1));
            year = yy < 69 ? 2000 + yy : 1900 + yy;
        } else {
            year = Integer.parseInt(m.group(1));
        }
        try {
            LocalDateTime t = LocalDateTime.of(year, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                    Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), m.group(6) == null ? 0 : Math.min(59, Integer.parseInt(m.group(6))));
            if (m.group(6) != null && Integer.parseInt(m.group(6)) > 60) return Optional.empty();
            return Optional.of(t.atZone(zone).toEpochSecond() * 1_000_000_000L);
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
