package dev.agentos.commands.files;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Time zones by name and the stamp form touch -t takes (-d uses the date command's {@link dev.agentos.commands.system.DateInput}). */
final class DateParsing {
    private static final Pattern STAMP = Pattern.compile("(\\d{2}|\\d{4})?(\\d{2})(\\d{2})(\\d{2})(\\d{2})(?:\\.(\\d{2}))?");

    private DateParsing() {}

    static ZoneId zone(String tz) {
        try {
            return tz.isEmpty() ? ZoneOffset.UTC : ZoneId.of(tz);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
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
