package dev.agentos.commands.system;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.agentos.commands.CommandDiff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** date against GNU date, with the time pinned by -d and TZ set, so the output is host-independent. */
class DateDiffTest {
    private static final String T = "@1700000000";
    private final CommandDiff diff = new CommandDiff();

    @BeforeEach void hostTools() { assumeTrue(CommandDiff.hostHas("date")); }

    @AfterEach void close() { diff.close(); }

    @Test void defaultAndStandardFormats() {
        diff.assertSame("date", "-d", T);
        diff.assertSame("date", "-u", "-d", T);
        diff.assertSame("date", "-R", "-d", T);
        diff.assertSame("date", "-I", "-d", T);
        for (String p : new String[] {"date", "hours", "minutes", "seconds", "ns", "h", "min", "s"}) {
            diff.assertSame("date", "-I" + p, "-d", T);
        }
        diff.assertSame("date", "--iso-8601=seconds", "-d", "@1700000000.123456789");
        diff.assertSame("date", "--rfc-3339=date", "-d", T);
        diff.assertSame("date", "--rfc-3339=seconds", "-d", T);
        diff.assertSame("date", "--rfc-3339=ns", "-d", T);
    }

    @Test void everyCommonConversion() {
        for (String f : new String[] {"%Y", "%m", "%d", "%H", "%M", "%S", "%s", "%N", "%a", "%A", "%b", "%B", "%h",
                "%j", "%u", "%w", "%Z", "%z", "%:z", "%::z", "%:::z", "%F", "%T", "%D", "%e", "%p", "%P", "%I", "%l",
                "%k", "%y", "%C", "%G", "%g", "%V", "%U", "%W", "%c", "%x", "%X", "%r", "%R", "%q", "%n", "%t", "%%",
                "a %Q b", "%"}) {
            diff.assertSame("date", "-d", T, "+" + f);
        }
    }

    @Test void flagsAndWidths() {
        for (String f : new String[] {"%-d", "%_d", "%0e", "%-m", "%_H", "%^a", "%^B", "%#a", "%#p", "%#Z", "%10Y",
                "%-10Y", "%_10Y", "%010s", "%3N", "%6N", "%12N", "%5a", "%05a", "%-j", "%_j", "%10z", "%^c"}) {
            diff.assertSame("date", "-d", "@1699999999.5", "+" + f);
        }
        diff.assertSame("date", "-d", "@1704067200", "+%U %V %W %G %g %j %u %w");
        diff.assertSame("date", "-d", "@1735603200", "+%U %V %W %G %g %j");
        diff.assertSame("date", "-d", "@0", "+%s %Y %C %y %I %p");
        diff.assertSame("date", "-d", "@-86400", "+%s %F");
    }

    @Test void inputForms() {
        for (String d : new String[] {"2023-11-14", "2023-11-14 10:20:30", "2023-11-14T10:20:30", "2023-11-14 10:20",
                "2023-11-14 10:20:30.25", "2023-11-14T10:20:30Z", "2023-11-14 10:20:30 +02:00", "2023-11-14 10:20:30 UTC",
                "11/14/2023", "Nov 14 2023", "14 Nov 2023", "November 14, 2023", "20231114",
                "2023-11-14 +2 days", "2023-11-14 1 day ago", "2023-11-14 -3 hours", "2023-01-31 +1 month",
                "2024-02-29 +1 year", "2023-11-14 10:00 next week", "2023-11-14 last month", "2023-11-14 2 weeks",
                "2023-11-14 5pm", "2023-11-14 12:30am", "2023-11-14 tomorrow", "2023-11-14 yesterday",
                "@1700000000.5", "@-1"}) {
            diff.assertSame("date", "-d", d, "+%F %T %z");
        }
        diff.assertSame("date", "-u", "-d", "2023-11-14 10:20:30 +05:00");
    }

    @Test void timeZonesFromTz() {
        for (String tz : new String[] {"UTC", "UTC0", "America/New_York", "Europe/Paris", "Asia/Tokyo", "EST5EDT",
                "JST-9", "Asia/Kolkata"}) {
            diff.assertSame("env", "TZ=" + tz, "date", "-d", T);
            diff.assertSame("env", "TZ=" + tz, "date", "-d", "2023-07-01 12:00", "+%F %T %Z %z");
        }
    }

    @Test void referenceFileAndErrors() {
        diff.file("f", "x");
        diff.assertSame("date", "-d", "xyz");
        diff.assertSame("date", "-d", "2023-13-45");
        diff.assertSame("date", "a", "b");
        diff.assertSame("date", "-d", T, "+%Y", "x");
        diff.assertSame("date", "-Ifoo");
        diff.assertSame("date", "--rfc-3339=x");
        diff.assertSame("date", "-r", "missing");
        diff.assertSame("date", "-R", "-I", "-d", T);
        diff.assertSame("date", "-x");
        diff.assertSame("date", "-d");
        diff.file("dates", "@0\n2023-11-14\nbad\n");
        diff.assertSame("date", "-f", "dates", "+%F");
    }
}
