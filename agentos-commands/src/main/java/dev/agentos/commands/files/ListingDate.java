package dev.agentos.commands.files;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The date column of a long listing (ls -l, find -ls): the time of day within six months, else the year. */
public final class ListingDate {
    private static final long SIX_MONTHS_SECONDS = 31556952L / 2;
    private static final DateTimeFormatter RECENT = DateTimeFormatter.ofPattern("MMM ppd HH:mm", Locale.US);
    private static final DateTimeFormatter OLD = DateTimeFormatter.ofPattern("MMM ppd  yyyy", Locale.US);

    private ListingDate() {}

    public static String format(long nanos, Instant now, ZoneId zone) {
        Instant t = Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L));
        boolean recent = t.isAfter(now.minusSeconds(SIX_MONTHS_SECONDS)) && !t.isAfter(now);
        return (recent ? RECENT : OLD).format(t.atZone(zone));
    }

    /** The zone named by TZ, UTC when unset or unknown. */
    public static ZoneId zone(String tz) { return DateParsing.zone(tz); }
}
