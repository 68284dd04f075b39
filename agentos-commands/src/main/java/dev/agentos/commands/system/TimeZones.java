package dev.agentos.commands.system;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The TZ variable as glibc reads it: unset means UTC, {@code NAME[+-]h[:mm]} is POSIX, else a tz region. */
record TimeZones(ZoneId zone, Optional<String> fixedAbbrev) {
    private static final Pattern POSIX = Pattern.compile("([A-Za-z]{3,})([+-]?)(\\d{1,2})(?::(\\d{2}))?");
    private static final DateTimeFormatter ABBREV = DateTimeFormatter.ofPattern("zzz", Locale.US);

    static TimeZones of(Optional<String> tz) {
        String t = tz.orElse("").trim();
        if (t.startsWith(":")) t = t.substring(1);
        if (t.isEmpty() || t.equals("UTC") || t.equals("UTC0") || t.equals("GMT") || t.equals("GMT0")) {
            return new TimeZones(ZoneOffset.UTC, Optional.of(t.startsWith("GMT") ? "GMT" : "UTC"));
        }
        Matcher m = POSIX.matcher(t);
        if (m.matches() && !t.contains("/")) {
            int secs = Integer.parseInt(m.group(3)) * 3600 + (m.group(4) == null ? 0 : Integer.parseInt(m.group(4)) * 60);
            if (!m.group(2).equals("-")) secs = -secs;
            try {
                return new TimeZones(ZoneOffset.ofTotalSeconds(secs), Optional.of(m.group(1)));
            } catch (DateTimeException e) {
                return utc();
            }
        }
        try {
            return new TimeZones(ZoneId.of(t), Optional.empty());
        } catch (DateTimeException e) {
            return new TimeZones(ZoneOffset.UTC, Optional.of(t.replaceAll("[^A-Za-z].*", "").isEmpty() ? "UTC" : "UTC"));
        }
    }

    static TimeZones utc() { return new TimeZones(ZoneOffset.UTC, Optional.of("UTC")); }

    /** The abbreviation %Z prints: EST, CEST, or +03 where the zone has none (as tzdata does). */
    String abbreviation(ZonedDateTime t) {
        if (fixedAbbrev.isPresent()) return fixedAbbrev.get();
        String a = ABBREV.format(t);
        if (a.startsWith("GMT") && a.length() > 3 || a.startsWith("UTC") && a.length() > 3) {
            int secs = t.getOffset().getTotalSeconds();
            int abs = Math.abs(secs);
            String s = (secs < 0 ? "-" : "+") + String.format(Locale.ROOT, "%02d", abs / 3600);
            if (abs % 3600 != 0) s += String.format(Locale.ROOT, "%02d", abs / 60 % 60);
            return s;
        }
        return a;
    }
}
